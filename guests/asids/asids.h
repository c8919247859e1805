/* Constants shared by the asids guest's C and assembly. */
#ifndef ASIDS_H
#define ASIDS_H

/* struct fault_rec (check.c): offsets for the data abort handler. */
#define FAULT_ARMED     0	/* non-zero while a probe runs: a data abort is expected */
#define FAULT_DFSR      4	/* 0: no abort since the probe was armed */
#define FAULT_DFAR      8

/* Vector numbers (offset / 4) reported for an exception nobody expected. */
#define VEC_UND         1
#define VEC_SVC         2
#define VEC_PABT        3
#define VEC_DABT        4

#endif
