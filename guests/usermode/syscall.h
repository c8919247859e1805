/* System call ABI of the usermode guest: number in r7, arguments r0-r2, result r0. */
#ifndef SYSCALL_H
#define SYSCALL_H

#define SYS_EXIT        0	/* (code): back to the kernel, never returns */
#define SYS_WRITE       1	/* (str, len): kernel prints len chars */
#define SYS_ADD3        2	/* (a, b, c): returns a + b + c */
#define SYS_GETPSR      3	/* (): returns the caller's CPSR as the kernel sees it */
#define SYS_SETTLS      4	/* (value): the kernel writes TPIDRURO, User mode's read-only thread register */

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline uint32_t syscall3(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
	register uint32_t r0 __asm__("r0") = a0;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r7 __asm__("r7") = nr;

	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}

/* Kernel entry points (entry.S); both return the code passed to SYS_EXIT. */
uint32_t enter_user_movs(void (*entry)(uint32_t), uint32_t arg);
uint32_t enter_user_rfe(void (*entry)(uint32_t), uint32_t arg);

_Noreturn void user_main(uint32_t round);
#endif

#endif
