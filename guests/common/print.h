#ifndef PRINT_H
#define PRINT_H

#include <stdint.h>

void print_hex(uint32_t v);	/* as 0x%08x */
void print_dec(uint32_t v);

/* One "name: value" line. */
void print_hex_line(const char *name, uint32_t v);
void print_dec_line(const char *name, uint32_t v);

#endif
