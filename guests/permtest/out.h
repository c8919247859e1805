/* Console output that also hashes every byte (32-bit FNV-1a) for the summary. */
#ifndef OUT_H
#define OUT_H

#include <stdint.h>

void out_putc(char c);
void out_puts(const char *s);
void out_hex(uint32_t v);	/* as 0x%08x */
uint32_t out_hash(void);

#endif
