/*
 * params.h - boot command-line options (Linux: include/linux/init.h __setup,
 * init/main.c).
 *
 * A subsystem claims an option with
 *     __setup("loglevel=", loglevel_setup);
 * The handler gets the text after '=' ("" for a flag such as "quiet") and
 * returns 0 when it accepted the value. Handlers run once, early in
 * start_kernel, before interrupts are enabled. Options nobody claims are
 * logged and kept for init, as Linux passes them to /sbin/init.
 */
#ifndef RXOS_KERNEL_PARAMS_H
#define RXOS_KERNEL_PARAMS_H

#include "kernel/kernel.h"

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
};

#define __setup(str, fn)                                                   \
	static const struct obs_kernel_param __setup_##fn                   \
		__attribute__((used, section(".init.setup"), aligned(4))) = { \
			str, fn                                             \
		}

#define COMMAND_LINE_SIZE 2048
#define MAX_INIT_ARGS 16

extern char boot_command_line[COMMAND_LINE_SIZE];
/* From init=, default "/sbin/init"; and the unclaimed words, for init. */
extern const char *execute_command;
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ARGS + 2];

void parse_boot_command_line(const char *cmdline);

#endif
