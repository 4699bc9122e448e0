/*
 * env.c - the environment: a NULL-terminated array of "NAME=value".
 *
 * environ starts as the array the kernel put on the stack (start.c). The
 * first change copies it into a malloc'd array we own, so it can grow;
 * strings added by setenv are malloc'd and never freed (other pointers to
 * them may exist, as in every libc).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned_env; /* environ, once we own it */

static size_t env_count(void)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	return n;
}

/* Index of NAME in environ, or -1. `len` is the length of the name. */
static long env_find(const char *name, size_t len)
{
	for (long i = 0; environ && environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			return i;
	return -1;
}

char *getenv(const char *name)
{
	long i = env_find(name, strlen(name));

	return i < 0 ? NULL : environ[i] + strlen(name) + 1;
}

/* Make environ a malloc'd array with room for one more entry. */
static int env_grow(void)
{
	size_t n = env_count();
	char **e = malloc((n + 2) * sizeof(char *));

	if (!e)
		return -1;
	if (n)
		memcpy(e, environ, n * sizeof(char *));
	e[n] = NULL;
	free(owned_env);
	environ = owned_env = e;
	return 0;
}

int putenv(char *string)
{
	char *eq = strchr(string, '=');
	long i;
	size_t n;

	if (!eq) {
		errno = EINVAL;
		return -1;
	}
	i = env_find(string, (size_t)(eq - string));
	if (i >= 0) {
		environ[i] = string;
		return 0;
	}
	if (env_grow() < 0)
		return -1;
	n = env_count();
	environ[n] = string;
	environ[n + 1] = NULL;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen = strlen(name), vlen = strlen(value);
	char *s;

	if (!nlen || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	if (!overwrite && env_find(name, nlen) >= 0)
		return 0;
	s = malloc(nlen + vlen + 2);
	if (!s)
		return -1;
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, value, vlen + 1);
	return putenv(s);
}

int unsetenv(const char *name)
{
	long i = env_find(name, strlen(name));

	if (i < 0)
		return 0;
	do
		environ[i] = environ[i + 1];
	while (environ[i++]);
	return 0;
}
