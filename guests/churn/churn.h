/* What guests/churn's C and assembly share. */
#ifndef CHURN_H
#define CHURN_H

#define DACR_D0_D1      0x5     /* domains 0 and 1 client */
#define DACR_D0         0x1     /* domain 1 no access */

/* The system call loop: Linux's pt_regs layout, and r7 (the call number) that ends it. */
#define SYSCALL_FRAME           72
#define SYSCALL_FRAME_PC        60
#define SYSCALL_FRAME_PSR       64
#define SYSCALL_FRAME_OLD_R0    68
#define SYSCALL_LOOP_END        1
#define DACR_KERNEL             DACR_D0         /* uaccess_disable: the test page's domain off */
#define DACR_USER               DACR_D0_D1
#define USER_TLS                0x4c530000      /* any value: the user's TLS pointer */

#endif
