/*
 * kallsyms.c - search the symbol table the build appended to the kernel.
 *
 * The table (generated into build/kallsyms.S) lists function addresses in
 * ascending order; a lookup is a binary search for the last start <= addr.
 * Any context: it only reads constant data, so panic can use it.
 */
#include "kernel/kallsyms.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_names[]; /* offsets into kallsyms_strings */
extern const char kallsyms_strings[];
extern char _etext[];

static long find_index(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num - 1, found = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset,
			    unsigned long *size)
{
	long i = find_index(addr);
	unsigned long end;

	if (i < 0 || addr >= (unsigned long)_etext)
		return NULL;
	end = (unsigned long)i + 1 < kallsyms_num ? kallsyms_addresses[i + 1]
						   : (unsigned long)_etext;
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	if (size)
		*size = end - kallsyms_addresses[i];
	return kallsyms_strings + kallsyms_names[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_strings + kallsyms_names[i], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long off, size;
	const char *name = kallsyms_lookup(addr, &off, &size);

	if (!name)
		return snprintf(buf, len, "0x%08lx", addr);
	return snprintf(buf, len, "%s+0x%lx/0x%lx", name, off, size);
}
