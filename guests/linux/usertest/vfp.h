/* VFP register state tests: the routines of vfp.S load a pattern into the
 * registers and FPSCR, let something happen (context switches, fork, a
 * signal), then compare. */
#ifndef VFP_H
#define VFP_H

#include <stdint.h>

/* Offsets used by vfp.S: keep in step with the J_* definitions there. */
struct vfp_job {
	const uint64_t *in;	/* 0: the registers' pattern */
	uint64_t *out;		/* 4: their values at the end */
	uint32_t nregs;		/* 8: 16 or 32 */
	uint32_t rounds;	/* 12: turn-taking rounds (ut_vfp_pingpong) */
	int32_t rfd, wfd;	/* 16, 20: turn-taking pipes */
	uint32_t fpscr_in;	/* 24 */
	uint32_t fpscr_out;	/* 28 */
	int32_t mismatches;	/* 32: registers (and FPSCR) found changed */
};

/* Each round: write a token, read the peer's, compare every register. */
int ut_vfp_pingpong(struct vfp_job *job);
/* The fork system call between loading and comparing; returns its result. */
int ut_vfp_fork(struct vfp_job *job);
/* A UDF (at ut_vfp_trap_at) between loading and comparing; returns 1. */
uint32_t ut_vfp_trap(uintptr_t job, uint32_t unused);
extern const char ut_vfp_trap_at[];

/* For the signal handler: stores d0-d(ut_vfp_nregs-1) to ut_vfp_seen and
 * FPSCR to ut_vfp_seen_fpscr, then overwrites the caller-saved registers
 * (d0-d7, d16-d31) and FPSCR. */
void ut_vfp_seen_clobber(void);
extern uint64_t ut_vfp_seen[32];
extern uint32_t ut_vfp_seen_fpscr;
extern uint32_t ut_vfp_nregs;

#endif
