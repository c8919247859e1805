/* The generic timer's control registers (ARM DDI 0406C B4.1.26, B4.1.27, B4.1.31). */
#ifndef ARCH_ARM_GENERIC_TIMER_BITS_H
#define ARCH_ARM_GENERIC_TIMER_BITS_H

/* CNTP_CTL and CNTV_CTL. */
#define CNT_CTL_ENABLE      (1u << 0)
#define CNT_CTL_IMASK       (1u << 1)
#define CNT_CTL_ISTATUS     (1u << 2)   /* read-only: the timer condition is met */

/* CNTKCTL: what PL0 may read and program of the timers. */
#define CNTKCTL_PL0PCTEN    (1u << 0)
#define CNTKCTL_PL0VCTEN    (1u << 1)
#define CNTKCTL_PL0VTEN     (1u << 8)
#define CNTKCTL_PL0PTEN     (1u << 9)

#endif
