/* Constants shared by the permtest guest's C and assembly. */
#ifndef PERMTEST_H
#define PERMTEST_H

/* struct fault_rec (access.h): offsets for the abort handlers. */
#define FAULT_ARMED     0	/* non-zero while a probe runs: aborts are expected */
#define FAULT_KIND      4	/* kind, fsr, far: stored together with STM */
#define FAULT_FSR       8
#define FAULT_FAR       12

#define FAULT_NONE      0
#define FAULT_DATA      1	/* DFSR, DFAR */
#define FAULT_PREFETCH  2	/* IFSR, IFAR */

/* Vector numbers (offset / 4) reported for an exception nobody expected. */
#define VEC_UND         1
#define VEC_SVC         2
#define VEC_PABT        3
#define VEC_DABT        4

/* The routine at offset 0 of each test frame returns EXEC_MAGIC in r0. */
#define EXEC_MAGIC      0x5a
/* probe_exec's result when the routine could not be fetched. */
#define EXEC_FAULTED    0xfa017ed0

#endif
