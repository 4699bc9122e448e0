/*
 * selftest.c - run the in-kernel tests named by selftest= (see selftest.h).
 *
 * Called once from start_kernel, in process context with interrupts on.
 * Unknown names are reported, not fatal.
 */
#include "kernel/selftest.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "lib/string.h"

extern const struct selftest __selftests_start[], __selftests_end[];

static char selftest_list[256];

static int __init selftest_setup(char *val)
{
	strlcpy(selftest_list, val, sizeof(selftest_list));
	return 0;
}
__setup("selftest=", selftest_setup);

static int run_one(const struct selftest *t)
{
	int rc;

	printk(KERN_INFO "selftest %s: start\n", t->name);
	rc = t->fn();
	printk(KERN_INFO "selftest %s: %s\n", t->name, rc ? "FAIL" : "ok");
	return rc;
}

/* Runs every test whose name matches `name` ("all": the non-destructive). */
static int run_named(const char *name, int *passed, int *failed)
{
	int found = 0;

	for (const struct selftest *t = __selftests_start; t < __selftests_end; t++) {
		int all = !strcmp(name, "all");

		if (all ? t->destructive : strcmp(name, t->name))
			continue;
		found = 1;
		if (run_one(t))
			(*failed)++;
		else
			(*passed)++;
	}
	return found;
}

void run_selftests(void)
{
	char *p = selftest_list, *comma;
	int passed = 0, failed = 0;

	if (!*p)
		return;
	for (; p; p = comma ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (*p && !run_named(p, &passed, &failed)) {
			printk(KERN_ERR "selftest %s: no such test\n", p);
			failed++;
		}
	}
	printk(KERN_INFO "selftests: %d passed, %d failed\n", passed, failed);
}
