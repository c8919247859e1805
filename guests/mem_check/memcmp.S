@ The hypervisor's memcmp, as this guest's own (guests have no C library).
#include "../../arch/arm/memcmp.S"
