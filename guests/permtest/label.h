/* The label that starts each result line, built from pieces. */
#ifndef LABEL_H
#define LABEL_H

#include <stdint.h>

void label_start(const char *s);
void label_str(const char *s);
void label_dec(uint32_t v);
void label_bits(uint32_t v, unsigned n);	/* the low n bits, binary, MSB first */
const char *label(void);

#endif
