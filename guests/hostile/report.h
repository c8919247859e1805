/* One printed line per attempt, and the count of them. */
#ifndef REPORT_H
#define REPORT_H

#include <stdint.h>

#include "probe.h"

/* How much of an outcome is architecturally defined, hence printed. */
enum shown {
	SHOW_ALL,		/* the value read, or the fault */
	SHOW_NOTHING,		/* either mapping may be used, and they may not agree: "done" */
};

/* "<what> <op> <va>[ <value>]: <result>", result as `shown` allows. */
void print_outcome(const char *what, enum op op, uint32_t va, uint32_t value,
		   const struct outcome *o, enum shown shown);

/* run_op, then print_outcome. */
void attempt(const char *what, enum op op, uint32_t va, uint32_t value, enum shown shown);

/* One more attempt line, for lines printed otherwise (sweep). */
void count_attempt(void);
/* Attempt lines so far. */
uint32_t attempts_done(void);

#endif
