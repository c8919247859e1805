/* Constants shared by the hostile guest's C and assembly. */
#ifndef HOSTILE_H
#define HOSTILE_H

#include "board.h"

/* What the hypervisor owns: its RAM, its staging area and its virtual window. */
#define HYP_PA          (RAM_BASE + 0x0f000000u)	/* 16 MiB aligned: a supersection base */
#define HYP_PA_SIZE     0x01000000u
#define HYP_PA_RODATA   (RAM_BASE + 0x0f008000u)	/* in its image (today its rodata) */
#define HYP_PA_LAST     (RAM_BASE + 0x0ffffffcu)
#define STAGE_PA        (RAM_BASE + 0x08000000u)
#define HYP_VA          0xf0000000u
#define HYP_VA_DATA     0xf0000100u
#define HYP_IO_VA       0xf1000000u
#define HYP_SLOT_VA     0xf10ff000u	/* the last rotating slot */

/* struct fault_rec (probe.h): offsets for the abort handler. */
#define FAULT_ARMED     0	/* non-zero while a probe runs: a data abort is expected */
#define FAULT_TAKEN     4	/* taken, fsr, far: stored together with STM */
#define FAULT_FSR       8
#define FAULT_FAR       12

/* Vector numbers (offset / 4) reported for an exception nobody expected. */
#define VEC_UND         1
#define VEC_SVC         2
#define VEC_PABT        3
#define VEC_DABT        4

#endif
