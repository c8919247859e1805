/*
 * Branches to an address with no memory behind it. Natively QEMU fetches
 * zeros there forever; under the hypervisor the guest must be stopped with
 * its PC and reason (tests/qemu: stop tests).
 */
#include "uart.h"

#define NO_MEMORY 0x10000000u

int main(void)
{
	void (*nowhere)(void) = (void (*)(void))NO_MEMORY;

	uart_puts("wild_jump: branching to 0x10000000\n");
	nowhere();
	uart_puts("wild_jump: came back\n");
	return 0;
}
