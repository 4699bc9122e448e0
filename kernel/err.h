/*
 * err.h - returning an error code in a pointer (Linux: include/linux/err.h).
 *
 * Functions that return an object can return ERR_PTR(-ENOMEM) instead of
 * NULL to say why they failed: the last 4095 addresses are never valid
 * objects, so IS_ERR() tells the two apart and PTR_ERR() gets the code back.
 */
#ifndef RXOS_KERNEL_ERR_H
#define RXOS_KERNEL_ERR_H

#define MAX_ERRNO 4095

#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline int IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline int IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
