/*
 * selftests.c - in-kernel tests of the memory subsystem (selftest=NAME).
 *
 * What only the running kernel can show: that exhausting real memory returns
 * NULL and freeing it restores every count, that the CPU really uses
 * swapper_pg_dir (no identity map), that ioremap() reaches a device, that a
 * user page directory translates through CR3. Wrong frees are made on
 * purpose to prove they are reported ("BUG: ...") and leave the allocators
 * intact. Run at the end of start_kernel, process context; the exhaustion
 * tests keep interrupts off so no handler allocates behind their back.
 */
#include "kernel/errno.h"
#include "kernel/irqflags.h"
#include "kernel/mm/initrd.h"
#include "kernel/mm/mm.h"
#include "kernel/mm/pgtable.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "lib/string.h"

#define FAIL_IF(cond)                                                   \
	do {                                                            \
		if (cond) {                                             \
			pr_err("selftest: %s:%d: %s\n", __func__, __LINE__, #cond); \
			return 1;                                       \
		}                                                       \
	} while (0)

#define NOWARN (GFP_KERNEL | __GFP_NOWARN)

/* Allocate order-0 pages until none is left; chain them through themselves. */
static unsigned long grab_all_pages(unsigned long *count)
{
	unsigned long head = 0, page;

	*count = 0;
	while ((page = __get_free_page(NOWARN))) {
		*(unsigned long *)page = head;
		head = page;
		(*count)++;
	}
	return head;
}

static void free_page_chain(unsigned long head)
{
	while (head) {
		unsigned long next = *(unsigned long *)head;

		free_page(head);
		head = next;
	}
}

SELFTEST(page_alloc_exhaustion)
{
	static char before[256], after[256];
	unsigned long start, count, head, flags;
	int empty_ok;

	local_irq_save(flags);
	start = nr_free_pages();
	buddyinfo_show(before, sizeof(before));
	head = grab_all_pages(&count);
	empty_ok = nr_free_pages() == 0 && !__get_free_pages(NOWARN, 3) &&
		   !kmalloc(64 * 1024, NOWARN);
	free_page_chain(head);
	buddyinfo_show(after, sizeof(after));
	local_irq_restore(flags);
	pr_info("page_alloc_exhaustion: %lu of %lu free pages allocated, then NULL; %lu free after freeing\n",
		count, start, nr_free_pages());
	FAIL_IF(!empty_ok);
	FAIL_IF(count != start || nr_free_pages() != start);
	FAIL_IF(strcmp(before, after)); /* every block merged back */
	return 0;
}

/* kmem_cache_alloc until NULL; objects chained through their first word. */
static void **grab_all_objects(struct kmem_cache *c, size_t size,
			       unsigned long *count)
{
	void **head = NULL, **obj;

	*count = 0;
	while ((obj = c ? kmem_cache_alloc(c, NOWARN) : kmalloc(size, NOWARN))) {
		*obj = head;
		head = obj;
		(*count)++;
	}
	return head;
}

static void free_object_chain(struct kmem_cache *c, void **head)
{
	while (head) {
		void **next = *head;

		if (c)
			kmem_cache_free(c, head);
		else
			kfree(head);
		head = next;
	}
}

SELFTEST(slab_exhaustion)
{
	struct kmem_cache *c = kmem_cache_create("selftest-2000", 2000, 0, 0, NULL);
	unsigned long start, n_cache, n_kmalloc, active, flags;
	void **objs, **small;

	FAIL_IF(!c);
	local_irq_save(flags);
	start = nr_free_pages();
	objs = grab_all_objects(c, 0, &n_cache);
	active = kmem_cache_active(c);
	small = grab_all_objects(NULL, 64, &n_kmalloc); /* the last pages */
	FAIL_IF(nr_free_pages() != 0);
	free_object_chain(NULL, small);
	free_object_chain(c, objs);
	local_irq_restore(flags);
	pr_info("slab_exhaustion: %lu objects of 2000 bytes and %lu kmalloc(64) before NULL; %lu free pages before, %lu after\n",
		n_cache, n_kmalloc, start, nr_free_pages());
	FAIL_IF(active != n_cache || kmem_cache_active(c) != 0);
	FAIL_IF(nr_free_pages() != start);
	kmem_cache_destroy(c);
	return 0;
}

SELFTEST(page_alloc_bad_free)
{
	unsigned long bad0 = nr_bad_pages, p, q, free0;

	p = __get_free_page(GFP_KERNEL);
	q = __get_free_pages(GFP_KERNEL, 2);
	FAIL_IF(!p || !q);
	free_page(p);
	free0 = nr_free_pages();
	free_page(p);			/* double free */
	free_pages(q, 1);		/* wrong order */
	free_pages(q + PAGE_SIZE, 0);	/* inside a block */
	free_pages(q + 12, 2);		/* not a page address */
	free_page((unsigned long)_text); /* the kernel image: reserved */
	FAIL_IF(nr_bad_pages != bad0 + 5);
	FAIL_IF(nr_free_pages() != free0);
	free_pages(q, 2);		/* the right free still works */
	FAIL_IF(nr_free_pages() != free0 + 4 || nr_bad_pages != bad0 + 5);
	return 0;
}

SELFTEST(slab_bad_free)
{
	unsigned long bugs0 = nr_slab_bugs;
	struct kmem_cache *c = kmem_cache_create("selftest-obj", 48, 0, 0, NULL);
	char *a = kmalloc(64, GFP_KERNEL), *b = kmalloc(64, GFP_KERNEL), *x, *y;
	void *o = c ? kmem_cache_alloc(c, GFP_KERNEL) : NULL;
	int on_stack;

	FAIL_IF(!a || !b || !o);
	kfree(a);
	kfree(a);			/* double free */
	kfree(b + 8);			/* inside an object */
	kfree(&on_stack);		/* never allocated */
	kfree((void *)0x1000);		/* not even the direct map */
	kmem_cache_free(c, b);		/* wrong cache */
	FAIL_IF(nr_slab_bugs != bugs0 + 5);
	x = kmalloc(64, GFP_KERNEL);
	y = kmalloc(64, GFP_KERNEL);
	FAIL_IF(!x || !y || x == y);	/* a was not put on the list twice */
	FAIL_IF(kmem_cache_active(c) != 1);
	kfree(x);
	kfree(y);
	kfree(b);
	kmem_cache_free(c, o);
	kmem_cache_destroy(c);
	FAIL_IF(nr_slab_bugs != bugs0 + 5);
	return 0;
}

SELFTEST(identity_map_gone)
{
	pgd_t *pgd = __va(__read_cr3());

	FAIL_IF(__read_cr3() != __pa(swapper_pg_dir));
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		FAIL_IF(pgd[i] & _PAGE_PRESENT); /* head.asm mapped 0-16M here */
	FAIL_IF((pgd[pgd_index(PAGE_OFFSET)] & (_PAGE_PRESENT | _PAGE_PSE | _PAGE_USER)) !=
		(_PAGE_PRESENT | _PAGE_PSE));
	pr_info("identity_map_gone: CR3=%#lx, pgd[0]=%#x, pgd[768]=%#x\n",
		__read_cr3(), pgd[0], pgd[pgd_index(PAGE_OFFSET)]);
	return 0;
}

/* Destructive: must end in a page fault (or a triple fault, before traps.c). */
SELFTEST_DESTRUCTIVE(identity_map_read)
{
	volatile uint32_t *p = (volatile uint32_t *)0x1000;
	uint32_t v;

	pr_info("identity_map_read: reading virtual 0x1000, expecting a page fault\n");
	v = *p;
	pr_err("identity_map_read: read 0x1000 = %08x: identity map still present\n", v);
	return 1;
}

static pte_t kernel_pte(unsigned long va)
{
	pgd_t pde = swapper_pg_dir[pgd_index(va)];

	return ((pte_t *)__va(pde & PAGE_MASK))[pte_index(va)];
}

#define IOAPIC_BASE 0xFEC00000UL

/* The I/O APIC answers through ioremap(): IOREGSEL=1 selects its version. */
SELFTEST(ioremap_ioapic)
{
	unsigned long used0 = global_node_page_state(NR_IOREMAP_PAGES);
	volatile uint32_t *ioapic = ioremap(IOAPIC_BASE, 0x20), *again;
	uint32_t ver;

	FAIL_IF(!ioapic || (unsigned long)ioapic < IOREMAP_START);
	FAIL_IF((kernel_pte((unsigned long)ioapic) & (_PAGE_PCD | _PAGE_PWT | _PAGE_USER)) !=
		(_PAGE_PCD | _PAGE_PWT));
	ioapic[0] = 1;
	ver = ioapic[4];
	pr_info("ioremap_ioapic: %#lx at %p: version %#x, %u redirection entries\n",
		IOAPIC_BASE, (void *)ioapic, ver & 0xff, ((ver >> 16) & 0xff) + 1);
	FAIL_IF(((ver >> 16) & 0xff) != 23);
	FAIL_IF(ioremap(0x100000, PAGE_SIZE));	/* RAM is refused */
	FAIL_IF(ioremap(0xB8000, 4000) != __va(0xB8000)); /* ISA hole */
	iounmap(ioapic);
	FAIL_IF(global_node_page_state(NR_IOREMAP_PAGES) != used0);
	again = ioremap(IOAPIC_BASE + 0x10, 4);	/* offset in page kept */
	FAIL_IF(again != ioapic + 4);
	iounmap(again);
	return 0;
}

#define UADDR 0x08048000UL

/* Both pages of the test space: writable data, then a read-only page. */
static pgd_t *make_user_space(unsigned long *data)
{
	pgd_t *pgd = pgd_alloc();
	unsigned long ro = get_zeroed_page(GFP_KERNEL);

	*data = get_zeroed_page(GFP_KERNEL);
	if (!pgd || !ro || !*data)
		return NULL;
	strlcpy((char *)*data, "hello from user space", PAGE_SIZE);
	if (map_user_page(pgd, UADDR, *data, 1) ||
	    map_user_page(pgd, UADDR + PAGE_SIZE, ro, 0))
		return NULL;
	return pgd;
}

SELFTEST(user_pgtable)
{
	unsigned long free0 = nr_free_pages(), data, spare;
	unsigned long tables0 = global_node_page_state(NR_PAGETABLE);
	pgd_t *pgd = make_user_space(&data), *child;

	FAIL_IF(!pgd);
	FAIL_IF(memcmp(pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
		       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t)));
	FAIL_IF(user_virt_to_kernel(pgd, UADDR + 6, 1) != data + 6);
	FAIL_IF(user_virt_to_kernel(pgd, UADDR + PAGE_SIZE, 1) != 0); /* read-only */
	FAIL_IF(!user_virt_to_kernel(pgd, UADDR + PAGE_SIZE, 0));
	FAIL_IF(user_virt_to_kernel(pgd, UADDR + 2 * PAGE_SIZE, 0));
	FAIL_IF(user_virt_to_kernel(pgd, PAGE_OFFSET, 0));
	spare = __get_free_page(GFP_KERNEL);
	FAIL_IF(map_user_page(pgd, UADDR, spare, 1) != -EEXIST);
	FAIL_IF(map_user_page(pgd, PAGE_OFFSET, spare, 1) != -EINVAL);
	free_page(spare);

	switch_mm(pgd); /* now the CPU translates UADDR through our tables */
	FAIL_IF(strcmp((const char *)UADDR, "hello from user space"));
	*(volatile char *)UADDR = 'H';
	switch_mm(NULL);
	FAIL_IF(*(char *)data != 'H');

	child = copy_user_pgd(pgd);
	FAIL_IF(!child);
	FAIL_IF(user_virt_to_kernel(child, UADDR, 0) == data);
	FAIL_IF(strcmp((char *)user_virt_to_kernel(child, UADDR, 0), "Hello from user space"));
	FAIL_IF(user_virt_to_kernel(child, UADDR + PAGE_SIZE, 1)); /* still read-only */
	FAIL_IF(unmap_user_page(pgd, UADDR + PAGE_SIZE) || unmap_user_page(pgd, UADDR + PAGE_SIZE) != -ENOENT);
	pgd_free(child);
	pgd_free(pgd);
	FAIL_IF(nr_free_pages() != free0 || global_node_page_state(NR_PAGETABLE) != tables0);
	return 0;
}

/* Print a /proc text line by line, so the integration test can parse it. */
static void print_proc_text(const char *file, int (*show)(char *, int))
{
	static char buf[4096];
	char *line = buf, *nl;

	show(buf, sizeof(buf));
	pr_info("--- %s\n", file);
	for (; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		pr_info("%s\n", line);
	}
}

SELFTEST(mm_proc_files)
{
	char small[40];

	print_proc_text("/proc/meminfo", meminfo_show);
	print_proc_text("/proc/slabinfo", slabinfo_show);
	print_proc_text("/proc/buddyinfo", buddyinfo_show);
	FAIL_IF(meminfo_show(small, sizeof(small)) != sizeof(small) - 1);
	FAIL_IF(slabinfo_show(small, sizeof(small)) != sizeof(small) - 1);
	return 0;
}

/* Destructive for the boot: the initramfs is gone afterwards. */
SELFTEST_DESTRUCTIVE(initrd_free)
{
	unsigned long free0 = nr_free_pages(), total0 = totalram_pages(), pages;

	if (!initrd_start) {
		pr_info("initrd_free: no initrd (none given, or already freed)\n");
		return 0;
	}
	pages = PFN_DOWN(__pa(initrd_end)) - PFN_UP(__pa(initrd_start));
	free_initrd_mem();
	FAIL_IF(initrd_start || initrd_end);
	FAIL_IF(nr_free_pages() != free0 + pages || totalram_pages() != total0 + pages);
	free_initrd_mem(); /* second call: nothing */
	FAIL_IF(nr_free_pages() != free0 + pages);
	return 0;
}
