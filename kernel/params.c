/*
 * params.c - apply the boot command line.
 *
 * start_kernel() calls parse_boot_command_line() with the string GRUB gave
 * us. Each word is matched against the __setup() table the linker gathered in
 * .init.setup. Words nobody claims are not an error (Linux logs them and
 * passes them to init: "name=value" into init's environment, plain words into
 * its argv); a handler that rejects its value keeps its default.
 */
#include "kernel/params.h"
#include "kernel/printk.h"
#include "lib/cmdline.h"
#include "lib/string.h"

char boot_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];
const char *execute_command;
const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ARGS + 2] = { "HOME=/", "TERM=linux", NULL };

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* A setup string ending in '=' wants a value; otherwise it is a flag. */
static const struct obs_kernel_param *find_setup(const char *param, int has_val)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);
		int wants_val = n && p->str[n - 1] == '=';

		if (wants_val && has_val && !strncmp(param, p->str, n - 1) &&
		    param[n - 1] == '\0')
			return p;
		if (!wants_val && !has_val && !strcmp(param, p->str))
			return p;
	}
	return NULL;
}

static void add_to_init(const char **vec, const char *word)
{
	int i = 0;

	while (vec[i])
		i++;
	if (i >= MAX_INIT_ARGS) {
		pr_warn("Too many boot init vars/args, dropping '%s'\n", word);
		return;
	}
	vec[i] = word;
	vec[i + 1] = NULL;
}

static void unknown_param(char *param, char *val)
{
	pr_notice("Unknown kernel command line parameter \"%s%s%s\", will be passed to user space.\n",
		  param, val ? "=" : "", val ? val : "");
	if (val && param + strlen(param) == val - 1) {
		val[-1] = '='; /* next_arg split it; put the word back together */
		add_to_init(envp_init, param);
	} else if (val) {
		pr_warn("quoted parameter name \"%s\" not passed to init\n", param);
	} else {
		add_to_init(argv_init, param);
	}
}

static int __init init_setup(char *val)
{
	if (!*val || *val != '/') {
		pr_warn("init=%s: must be an absolute path, ignored\n", val);
		return -1;
	}
	execute_command = val;
	return 0;
}
__setup("init=", init_setup);

void parse_boot_command_line(const char *cmdline)
{
	char *args = parse_buf, *param, *val;

	strlcpy(boot_command_line, cmdline ? cmdline : "", COMMAND_LINE_SIZE);
	if (cmdline && strlen(cmdline) >= COMMAND_LINE_SIZE)
		pr_warn("command line longer than %d bytes, truncated\n",
			COMMAND_LINE_SIZE - 1);
	strlcpy(parse_buf, boot_command_line, COMMAND_LINE_SIZE);
	while (*args) {
		const struct obs_kernel_param *p;

		args = next_arg(args, &param, &val);
		if (!*param)
			continue;
		p = find_setup(param, val != NULL);
		if (p)
			p->setup_func(val ? val : (char *)"");
		else
			unknown_param(param, val);
	}
}
