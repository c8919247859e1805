/* Table edits and DACR changes in running spaces; each prints its check lines. */
#ifndef EDITS_H
#define EDITS_H

/* The tables are as built again afterwards. */
void run_edits(void);

#endif
