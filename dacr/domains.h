/*
 * Processor domain budget. The hypervisor's own memory sits in a domain of
 * its own that is "client" with AP = PL1-only, so PL0 (every guest mode) can
 * never reach it whatever the guest does to its virtual DACR.
 * Guest memory is mapped in DOMAIN_GUEST until the DACR/AP mapping of the
 * memory-virtualization work assigns guest domains.
 */
#ifndef DACR_DOMAINS_H
#define DACR_DOMAINS_H

#include "arch/arm/pgtable_bits.h"

#define DOMAIN_HYP      0u
#define DOMAIN_GUEST    1u

/* Processor DACR while a guest runs (and while the hypervisor runs). */
#define DACR_HYP_GUEST_FLAT \
	(DACR_FIELD(DOMAIN_HYP, DACR_CLIENT) | DACR_FIELD(DOMAIN_GUEST, DACR_CLIENT))

#endif
