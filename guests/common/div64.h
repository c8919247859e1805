#ifndef DIV64_H
#define DIV64_H

#include <stdint.h>

/*
 * 64-bit division in ARM code. Guests link no libgcc: the multilib that
 * arm-none-eabi-gcc picks for -march=armv7-a is Thumb code, and a guest
 * running Thumb in a privileged mode is stopped by the hypervisor.
 */
uint64_t div64(uint64_t dividend, uint64_t divisor);

#endif
