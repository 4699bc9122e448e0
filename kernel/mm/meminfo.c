/*
 * meminfo.c - the text of /proc/meminfo (Linux: fs/proc/meminfo.c).
 *
 * Called by the proc file system in process context; reads counters
 * without a lock, so numbers may be a moment apart, as in Linux. Same
 * field names, order and "Name:   12345 kB" layout as Linux, so free(1),
 * top and scripts parse it; only the fields that mean something here are
 * printed. rxos has no page cache, swap or highmem: those are 0, and
 * MemAvailable equals MemFree (Linux adds reclaimable cache and slab).
 */
#include "kernel/mm/gfp.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"
#include "lib/vsprintf.h"

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

struct meminfo_field {
	const char *name;
	unsigned long kb;
};

int meminfo_show(char *buf, int len)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long slab = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	const struct meminfo_field f[] = {
		{ "MemTotal:", K(total) },
		{ "MemFree:", K(free) },
		{ "MemAvailable:", K(free) },
		{ "Buffers:", 0 },
		{ "Cached:", 0 },
		{ "SwapCached:", 0 },
		{ "Active:", 0 },
		{ "Inactive:", 0 },
		{ "HighTotal:", 0 },
		{ "HighFree:", 0 },
		{ "LowTotal:", K(total) },
		{ "LowFree:", K(free) },
		{ "SwapTotal:", 0 },
		{ "SwapFree:", 0 },
		{ "Dirty:", 0 },
		{ "Writeback:", 0 },
		{ "AnonPages:", K(global_node_page_state(NR_ANON_MAPPED)) },
		{ "Mapped:", 0 },
		{ "Shmem:", 0 },
		{ "Slab:", K(slab) },
		{ "SReclaimable:", 0 },
		{ "SUnreclaim:", K(slab) },
		{ "KernelStack:", global_node_page_state(NR_KERNEL_STACK_KB) },
		{ "PageTables:", K(global_node_page_state(NR_PAGETABLE)) },
		{ "VmallocTotal:", IOREMAP_SIZE >> 10 },
		{ "VmallocUsed:", K(global_node_page_state(NR_IOREMAP_PAGES)) },
	};
	int n = 0;

	if (len <= 0)
		return 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(f); i++)
		n += scnprintf(buf + n, len - n, "%-16s%8lu kB\n", f[i].name,
			       f[i].kb);
	return n;
}
