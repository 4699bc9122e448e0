/* stdbool.h - rxos user libc. */
#ifndef _RXOS_STDBOOL_H
#define _RXOS_STDBOOL_H
#define bool _Bool
#define true 1
#define false 0
#endif
