/*
 * Finding guest code at run time (no symbols needed): a guest RAM page is
 * scanned and patched the first time it is executed, and scanned again
 * after the guest writes to it.
 */
#ifndef HYP_CODE_PAGES_H
#define HYP_CODE_PAGES_H

#include <stdint.h>

#include "hyp/emulate.h"
#include "hyp/vcpu.h"

/*
 * Execute fault on a data page: scan, patch, make it code (a page first run
 * as Thumb in User mode is made code unpatched). False: guest must stop.
 */
bool code_page_first_exec(struct vcpu *v, uint32_t gpa);

/*
 * Write fault on the code or user code page holding `target_gpa` by the
 * instruction at v->r[15], which lies in the guest-physical page
 * `writer_gpa`. Any other writer turns the page back into data. A store
 * from a code page into itself is performed here (`insn` is that
 * instruction) and the page rescanned (flipping the page would fault
 * forever); a user code page written from itself becomes writable user
 * code. `insn` is used only for the first of these.
 */
enum emu_result code_page_write(struct vcpu *v, uint32_t insn, uint32_t writer_gpa, uint32_t target_gpa);

#endif
