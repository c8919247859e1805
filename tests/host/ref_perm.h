/*
 * Reference model of short-descriptor access checking (ARM DDI 0406C B3.7,
 * B4.1.43), written from the manual for the tests and sharing no code with
 * dacr/: whether an access is allowed for a DACR field value, AP[2:0], XN
 * and privilege (SCTLR.AFE = 0). As in QEMU, the reserved DACR value 0b10
 * and AP 0b100 give no access.
 */
#ifndef TESTS_HOST_REF_PERM_H
#define TESTS_HOST_REF_PERM_H

#include <stdbool.h>

enum ref_access { REF_READ, REF_WRITE, REF_EXEC, REF_ACCESS_COUNT };

bool ref_access_allowed(unsigned dacr_field, unsigned ap, bool xn, bool privileged, enum ref_access a);

#endif
