/*
 * For bench/linux-boot.sh: how long the board has run, from the generic
 * timer's virtual count (CNTVCT, which counts from reset and which Linux
 * lets user programs read) over its frequency (CNTFRQ). Unlike
 * /proc/uptime or the kernel log's clock, this includes the decompressor
 * and the kernel's early boot. Under QEMU with -icount shift=0 it is the
 * number of guest instructions, in ns.
 */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	uint32_t freq, lo, hi;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));      /* CNTFRQ */
	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));  /* CNTVCT */
	if (!freq) {
		puts("since-reset: CNTFRQ is 0");
		return 1;
	}
	printf("since-reset: %.6f s\n", (double)(((uint64_t)hi << 32) | lo) / freq);
	return 0;
}
