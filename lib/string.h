/*
 * string.h - memory and string routines for the kernel.
 *
 * Freestanding: no libc underneath. The same file is compiled for the host
 * unit tests (tests/unit), so it must not include kernel headers.
 */
#ifndef RXOS_LIB_STRING_H
#define RXOS_LIB_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strstr(const char *hay, const char *needle);
unsigned long simple_strtoul(const char *s, char **end, unsigned int base);
long simple_strtol(const char *s, char **end, unsigned int base);
/* Linux's kstrtoul: the whole string must be a number; 0 or -EINVAL/-ERANGE. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

#endif
