/*
 * exec.c - the exec family on top of execve: execv uses the current
 * environment, execvp also searches PATH for a name without a slash.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_PATH "/bin:/usr/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Try each PATH entry; EACCES from any entry wins over ENOENT. */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH"), *p, *end;
	char buf[4096];
	int seen_eacces = 0;

	if (strchr(file, '/'))
		return execv(file, argv);
	for (p = path ? path : DEFAULT_PATH;; p = end + 1) {
		size_t dirlen;

		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dirlen = (size_t)(end - p);
		if (dirlen + strlen(file) + 2 <= sizeof(buf)) {
			memcpy(buf, p, dirlen);
			buf[dirlen] = '/';
			strcpy(buf + dirlen + (dirlen > 0), file);
			execv(dirlen ? buf : file, argv);
			if (errno == EACCES)
				seen_eacces = 1;
		}
		if (!*end)
			break;
	}
	errno = seen_eacces ? EACCES : ENOENT;
	return -1;
}
