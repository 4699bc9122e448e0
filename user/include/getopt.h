/* getopt.h - rxos user libc: POSIX getopt (user/lib/getopt.c). */
#ifndef _RXOS_GETOPT_H
#define _RXOS_GETOPT_H
#include <unistd.h>
#endif
