@ ptimer's vector table: IRQs run ptimer_irq(); any other exception is unexpected.
#include "irq_vectors.h"

	irq_only_vectors ptimer_vectors, ptimer_irq, ptimer_unexpected
