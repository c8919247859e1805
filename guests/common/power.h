#ifndef POWER_H
#define POWER_H

_Noreturn void power_off(void);

#endif
