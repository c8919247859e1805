/* Test cases in .S files; see case_asm.h.  Each returns its final out pointer. */
#ifndef CASES_H
#define CASES_H

#include <stdint.h>

typedef uint32_t *case_fn(uint32_t *out);

case_fn case_spsr, case_bank, case_msr_cpsr, case_msr_spsr, case_cps;
case_fn case_srsda, case_srsda_wb, case_srsia, case_srsia_wb;
case_fn case_srsdb, case_srsdb_wb, case_srsib, case_srsib_wb;
case_fn case_rfeda, case_rfeda_wb, case_rfeia, case_rfeia_wb;
case_fn case_rfedb, case_rfedb_wb, case_rfeib, case_rfeib_wb;
case_fn case_stm_user, case_ldm_user, case_ldm_pc, case_movs_pc;
case_fn case_cond, case_stubs, case_psr_probe;
/* fn(out) run in User mode (A, I and F masked); returns what fn returned. */
uint32_t *run_user(case_fn *fn, uint32_t *out);
uint32_t *user_regs_load(uint32_t *out, const uint32_t *end);

#endif
