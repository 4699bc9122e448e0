/*
 * kill - send a signal to processes.
 *
 *   kill [-s NAME | -NAME | -NUMBER] pid...   (default TERM; a negative
 *                                             pid names a process group)
 *   kill -l [NUMBER | NAME]                   list names, or translate
 *
 * Names are accepted with or without "SIG", in any case. The table is
 * here rather than in the libc so the program reads the same on any libc;
 * the numbers are Linux's.
 */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const signames[] = {
	NULL,   "HUP",  "INT",    "QUIT", "ILL",    "TRAP", "ABRT", "BUS",
	"FPE",  "KILL", "USR1",   "SEGV", "USR2",   "PIPE", "ALRM", "TERM",
	"STKFLT", "CHLD", "CONT", "STOP", "TSTP",   "TTIN", "TTOU", "URG",
	"XCPU", "XFSZ", "VTALRM", "PROF", "WINCH",  "POLL", "PWR",  "SYS",
};
#define NSIGNAMES ((int)(sizeof(signames) / sizeof(signames[0])))

/* "9", "KILL" or "SIGKILL" -> 9; -1 if unknown. */
static int parse_signal(const char *s)
{
	char *end;
	long n;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end || n < 0 || n >= 65 ? -1 : (int)n;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < NSIGNAMES; i++)
		if (!strcasecmp(s, signames[i]))
			return i;
	if (!strcasecmp(s, "IO"))
		return SIGIO;
	return -1;
}

static int list_signals(const char *arg)
{
	int sig;

	if (!arg) {
		for (int i = 1; i < NSIGNAMES; i++)
			printf("%s%c", signames[i], i + 1 < NSIGNAMES ? ' ' : '\n');
		return 0;
	}
	sig = parse_signal(arg);
	if (isdigit((unsigned char)*arg) && atoi(arg) > 128)
		sig = atoi(arg) - 128; /* the exit status of a killed process */
	if (sig <= 0 || sig >= NSIGNAMES) {
		fprintf(stderr, "kill: unknown signal: %s\n", arg);
		return 1;
	}
	/* A number translates to its name, a name to its number. */
	if (isdigit((unsigned char)*arg))
		printf("%s\n", signames[sig]);
	else
		printf("%d\n", sig);
	return 0;
}

static int send_signals(int sig, int argc, char **argv)
{
	int status = 0;

	if (argc == 0) {
		fprintf(stderr, "kill: not enough arguments\n");
		return 1;
	}
	for (int i = 0; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (!*argv[i] || *end) {
			fprintf(stderr, "kill: cannot find process \"%s\"\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld): ", pid);
			perror(NULL);
			status = 1;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list_signals(argc > 2 ? argv[2] : NULL);
	if (argc > 2 && !strcmp(argv[1], "-s")) {
		sig = parse_signal(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] &&
		   strcmp(argv[1], "--")) {
		sig = parse_signal(argv[1] + 1);
		i = 2;
	}
	if (sig < 0) {
		fprintf(stderr, "kill: unknown signal: %s\n", argv[i - 1]);
		return 1;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	return send_signals(sig, argc - i, argv + i);
}
