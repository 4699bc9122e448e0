/* strings.h - rxos user libc: case-insensitive comparison. */
#ifndef _RXOS_STRINGS_H
#define _RXOS_STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif
