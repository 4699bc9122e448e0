/*
 * Host tests for the header checks of kernel/binfmt_elf.c: execve must
 * refuse hostile ELF files - truncated, wrong class or machine, program
 * headers past the end, segments in kernel space or overlapping, an entry
 * point outside the code - before it maps a single page.
 */
#include "tests/unit/unit.h"

#include "lib/string.c"
#include "kernel/binfmts.h"
#include "kernel/errno.h"

/* Only the pure checks are under test: the loader's calls are stubs. */
ssize_t vfs_read(struct file *f, char *b, size_t c, loff_t *p) { return -EIO; }
unsigned long alloc_user_page(void) { return 0; }
int map_user_page(pgd_t *pgd, unsigned long v, unsigned long k, int w) { return -ENOMEM; }
int unmap_user_page(pgd_t *pgd, unsigned long v) { return 0; }
unsigned long user_virt_to_kernel(pgd_t *pgd, unsigned long u, int w) { return 0; }
void free_pages(unsigned long addr, unsigned int order) {}
int insert_vm_area(struct mm_struct *mm, unsigned long s, unsigned long e,
		   unsigned long f) { return 0; }
void *kmalloc(size_t size, gfp_t gfp) { return malloc(size); }
void kfree(const void *p) { free((void *)p); }

#include "kernel/binfmt_elf.c"

/* A well-formed two-segment static executable, as user.mk links them. */
static struct {
	Elf32_Ehdr eh;
	Elf32_Phdr ph[3];
} img;
static long long file_size;
static struct elf_layout layout;

static void good_elf(void)
{
	memset(&img, 0, sizeof(img));
	memcpy(img.eh.e_ident, ELFMAG, SELFMAG);
	img.eh.e_ident[EI_CLASS] = ELFCLASS32;
	img.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	img.eh.e_ident[EI_VERSION] = EV_CURRENT;
	img.eh.e_type = ET_EXEC;
	img.eh.e_machine = EM_386;
	img.eh.e_version = EV_CURRENT;
	img.eh.e_entry = 0x08048100;
	img.eh.e_phoff = sizeof(Elf32_Ehdr);
	img.eh.e_phentsize = sizeof(Elf32_Phdr);
	img.eh.e_phnum = 2;
	img.ph[0] = (Elf32_Phdr){ PT_LOAD, 0, 0x08048000, 0x08048000, 0x1000,
				  0x1000, PF_R | PF_X, 0x1000 };
	img.ph[1] = (Elf32_Phdr){ PT_LOAD, 0x1000, 0x08049000, 0x08049000, 0x200,
				  0x3000, PF_R | PF_W, 0x1000 };
	file_size = 0x1200;
}

static int check(void)
{
	int err = elf_check_header(&img.eh, file_size);

	return err ? err : elf_check_phdrs(&img.eh, img.ph, file_size, &layout);
}

TEST(well_formed_static_executable_is_accepted_with_its_layout)
{
	good_elf();
	CHECK_EQ(check(), 0);
	CHECK_EQ(layout.entry, 0x08048100);
	CHECK_EQ(layout.start_code, 0x08048000);
	CHECK_EQ(layout.end_code, 0x08049000);
	CHECK_EQ(layout.end_data, 0x08049200);
	CHECK_EQ(layout.elf_brk, 0x0804c000);
	CHECK_EQ(layout.phdr_addr, 0x08048034); /* headers are in segment 0 */
}

TEST(file_shorter_than_the_elf_header_is_refused)
{
	good_elf();
	file_size = 40;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(wrong_magic_class_endianness_or_version_is_refused)
{
	good_elf();
	img.eh.e_ident[1] = 'e';
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_ident[EI_CLASS] = 2; /* ELFCLASS64 */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_ident[EI_DATA] = 2; /* big endian */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_ident[EI_VERSION] = 0;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(other_machines_and_shared_objects_are_refused)
{
	good_elf();
	img.eh.e_machine = 62; /* EM_X86_64 */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_type = ET_DYN;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(program_header_table_past_end_of_file_is_refused)
{
	good_elf();
	img.eh.e_phoff = 0x11e0; /* two headers need 64 bytes: past 0x1200 */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_phoff = 0xffffffff; /* would wrap */
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(absurd_program_header_counts_and_sizes_are_refused)
{
	good_elf();
	img.eh.e_phnum = 0;
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_phnum = 65535;
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_phentsize = 64;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(segment_data_past_end_of_file_is_refused)
{
	good_elf();
	img.ph[1].p_filesz = 0x300; /* 0x1000 + 0x300 > 0x1200 */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.ph[1].p_offset = 0xfffffff0; /* offset + size wraps */
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(segment_with_more_file_bytes_than_memory_is_refused)
{
	good_elf();
	img.ph[1].p_memsz = 0x100;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(segment_in_kernel_space_or_wrapping_is_refused)
{
	good_elf();
	img.ph[1].p_vaddr = 0xc0000000; /* PAGE_OFFSET: the kernel */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.ph[1].p_vaddr = 0xbff00000; /* the stack's 8 MiB */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.ph[1].p_memsz = 0xfffff000; /* vaddr + memsz wraps */
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(segment_at_page_zero_is_refused)
{
	good_elf();
	img.ph[0].p_vaddr = 0;
	img.eh.e_entry = 0x100;
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(overlapping_or_unordered_segments_are_refused)
{
	good_elf();
	img.ph[1].p_vaddr = 0x08048800; /* inside segment 0 */
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(entry_point_outside_executable_segments_is_refused)
{
	good_elf();
	img.eh.e_entry = 0x08049010; /* in the data segment */
	CHECK_EQ(check(), -ENOEXEC);
	good_elf();
	img.eh.e_entry = 0x10000000; /* nowhere */
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(dynamic_executables_needing_an_interpreter_are_refused)
{
	good_elf();
	img.eh.e_phnum = 3;
	img.ph[2] = (Elf32_Phdr){ PT_INTERP, 0x100, 0, 0, 19, 19, PF_R, 1 };
	CHECK_EQ(check(), -ENOEXEC);
}

TEST(no_loadable_segment_is_refused)
{
	good_elf();
	img.ph[0].p_type = PT_NULL;
	img.ph[1].p_type = PT_NULL;
	CHECK_EQ(check(), -ENOEXEC);
}

RUN_TESTS()
