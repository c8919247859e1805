/* Constants shared by the exceptions guest's C and assembly. */
#ifndef EXCEPTIONS_H
#define EXCEPTIONS_H

/* Exception kinds: the vector index (offset / 4). */
#define EXC_UND         1
#define EXC_SVC         2
#define EXC_PABT        3
#define EXC_DABT        4

/* SVC numbers, passed in r7 (and repeated as the immediate). */
#define SVC_NR_ADD      0x11	/* r0 += r7 */
#define SVC_NR_HELLO    0x21	/* print only */
#define SVC_NR_TO_SVC   0x42	/* return into SVC mode instead of the caller's mode */

#endif
