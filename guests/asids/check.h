/*
 * Accesses with the abort handler armed, at PL1 or from User mode, and the
 * lines that report them: "asids: <name>: ok" when the outcome is the
 * expected one, else the outcome and what was expected.
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>
#include <stdint.h>

/* DFSR fault status FS[4:0], short-descriptor encodings (ARM DDI 0406C B3.13.3). */
#define FS_TRANS_SECTION  0x05u
#define FS_TRANS_PAGE     0x07u
#define FS_DOMAIN_SECTION 0x09u
#define FS_DOMAIN_PAGE    0x0bu
#define FS_PERM_PAGE      0x0fu

enum access { ACC_READ, ACC_WRITE };

/* Read va; the value is not checked (an abort is recorded and ignored). */
void touch(uint32_t va, bool user);

void check_value(const char *name, uint32_t va, bool user, uint32_t want);

/* An abort with status fs at va, a domain fault naming the user domain. */
void check_fault(const char *name, enum access acc, uint32_t va, bool user, uint32_t fs);

/* The write goes through and lands in the word at pa. */
void check_write(const char *name, uint32_t va, bool user, uint32_t value, uint32_t pa);

/* Many reads, reported as one line: "asids: <name>: <bad> mismatches of <reads> reads". */
struct tally {
	uint32_t reads, bad;
};

/* One read in t; the first few mismatches of the run print a line each. */
void tally_read(struct tally *t, uint32_t va, bool user, uint32_t want);
void check_tally(const char *name, const struct tally *t);

/* Check lines printed so far, and how many of them were not as expected. */
uint32_t checks_done(void);
uint32_t checks_failed(void);

#endif
