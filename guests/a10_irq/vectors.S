@ The same vector table as the interrupts guest (IRQs to irq_handler()).
#include "../interrupts/vectors.S"
