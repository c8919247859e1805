/* ID_PFR1, Processor Feature Register 1 (ARM ARM B4.1.94): its fields. */
#ifndef ARCH_ARM_ID_PFR1_BITS_H
#define ARCH_ARM_ID_PFR1_BITS_H

#define ID_PFR1_SECURITY        (0xfu << 4)     /* Security Extensions */
#define ID_PFR1_VIRTUALIZATION  (0xfu << 12)    /* Virtualization Extensions */
#define ID_PFR1_GENERIC_TIMER   (0xfu << 16)

#endif
