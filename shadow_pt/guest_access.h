/*
 * The guest MMU's access check after a successful walk (ARM DDI 0406C
 * B3.7, B3.12.3): domain first, then permissions. Portable.
 */
#ifndef SHADOW_PT_GUEST_ACCESS_H
#define SHADOW_PT_GUEST_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "shadow_pt/guest_walk.h"

enum guest_access { GUEST_READ, GUEST_WRITE, GUEST_EXEC };

/*
 * 0 if the guest's MMU allows the access; otherwise the fault status
 * register value it reports: a domain fault when the domain's DACR field is
 * no access or reserved, else a permission fault (section or page status),
 * with the domain in bits [7:4]. WnR is the caller's.
 */
uint32_t guest_access_fault(const struct guest_walk_result *w, uint32_t guest_dacr,
			    bool privileged, enum guest_access access);

#endif
