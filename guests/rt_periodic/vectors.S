@ rt_periodic's vector table: IRQs run rt_irq(); any other exception is unexpected.
#include "irq_vectors.h"

	irq_only_vectors rt_vectors, rt_irq, rt_unexpected
