/* Macros for the assembly files. Every faulting instruction in them is either
 * the first of its function or has a global label, so that the PC the kernel
 * reports can be compared with a known address. */
#ifndef ASM_H
#define ASM_H

#define ARM_FUNC(name) \
	.arm; .global name; .type name, %function; .p2align 2; name:
#define THUMB_FUNC(name) \
	.thumb; .global name; .type name, %function; .p2align 1; .thumb_func; name:
#define END(name) .size name, . - name
/* A plain label (not a function: no Thumb bit in its address). */
#define LABEL(name) .global name; name:

/* A non-executable stack: without this note the kernel would set
 * READ_IMPLIES_EXEC and PROT_READ pages would become executable. */
#define NOEXEC_STACK .section .note.GNU-stack, "", %progbits

#ifdef __ASSEMBLER__
/* The same routines are assembled as ARM (thumb = 0) and as Thumb code. */
.macro func name, thumb
	.if \thumb
	.thumb
	.p2align 1
	.thumb_func
	.else
	.arm
	.p2align 2
	.endif
	.global \name
	.type \name, %function
\name:
.endm

/* NAME_at: the address of the instruction that follows. */
.macro at name
	.global \name\()_at
\name\()_at:
.endm

.macro endf name
	.size \name, . - \name
.endm
#endif

#endif
