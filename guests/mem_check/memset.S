@ The hypervisor's memset, as this guest's own (guests have no C library).
#include "../../arch/arm/memset.S"
