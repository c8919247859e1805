/* The two parts of the suite; each prints one line per access. */
#ifndef SUITE_H
#define SUITE_H

/* Indexed by enum map_kind (mmu.h). */
extern const char *const kind_names[];

/* Lines "<kind> d<domain>=<DACR field> ap<AP[2:0]> xn<XN> pl<n> <access>: ...". */
void run_matrix(void);

/* Lines "<sequence> <step> pl<n> <access>: ...". */
void run_sequences(void);

#endif
