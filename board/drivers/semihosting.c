#include <stdint.h>

#include "board/drivers/semihosting.h"

#define SYS_WRITE0      0x04u   /* write a NUL-terminated string to the console */
#define SYS_EXIT        0x18u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static void semihosting_call(uint32_t op, const void *arg)
{
	register uint32_t r0 __asm__("r0") = op;
	register const void *r1 __asm__("r1") = arg;

	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
}

/* A line is sent in one call: one exit to the emulator per line, not per character. */
static char line[128];
static unsigned line_len;

void semihosting_putc(char c)
{
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line) - 1) {
		line[line_len] = '\0';
		semihosting_call(SYS_WRITE0, line);
		line_len = 0;
	}
}

void semihosting_exit(void)
{
	semihosting_call(SYS_EXIT, (const void *)ADP_STOPPED_APPLICATION_EXIT);
	for (;;)
		__asm__ volatile("wfi");
}
