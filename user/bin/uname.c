/*
 * uname - print system information from uname(2):
 * -s kernel name, -n node name, -r release, -v version, -m machine,
 * -a all of these in that order. No option means -s.
 */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct utsname u;
	const char *fields[5];
	int want[5] = { 0 }, any = 0, opt, first = 1;
	const char *letters = "snrvm";

	while ((opt = getopt(argc, argv, "+asnrvm")) != -1) {
		if (opt == '?')
			return 1;
		for (int i = 0; i < 5; i++)
			want[i] |= opt == 'a' || opt == letters[i];
		any = 1;
	}
	if (optind < argc) {
		fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
		return 1;
	}
	if (!any)
		want[0] = 1;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	fields[0] = u.sysname, fields[1] = u.nodename, fields[2] = u.release;
	fields[3] = u.version, fields[4] = u.machine;
	for (int i = 0; i < 5; i++) {
		if (!want[i])
			continue;
		printf("%s%s", first ? "" : " ", fields[i]);
		first = 0;
	}
	putchar('\n');
	return 0;
}
