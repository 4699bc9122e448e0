/*
 * napi_off.c - parse napi=off|on (see napi_off.h). Runs once from
 * parse_boot_command_line, early in start_kernel, before any NIC probes.
 * Belongs with NAPI in net/core in the long run; the drivers are its only
 * users today.
 */
#include "drivers/net/napi_off.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "lib/string.h"

bool napi_off;

static int napi_setup(char *val)
{
	if (!strcmp(val, "off"))
		napi_off = true;
	else if (!strcmp(val, "on"))
		napi_off = false;
	else
		return -1;
	pr_info("net: NIC receive in %s\n",
		napi_off ? "the hard IRQ handler (napi=off)" : "NAPI polls");
	return 0;
}
__setup("napi=", napi_setup);
