/*
 * The hypervisor's code and constant data must never change while guests
 * run: a checksum taken at boot is compared with one taken at the end.
 */
#ifndef HYP_INTEGRITY_H
#define HYP_INTEGRITY_H

void integrity_record(void);
/* Log both checksums and whether they match ("integrity: unchanged"). */
void integrity_report(void);

#endif
