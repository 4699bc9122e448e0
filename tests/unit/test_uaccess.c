/*
 * Host tests for kernel/uaccess.c: every byte a system call reads from or
 * writes to user memory goes through these checks. Kernel addresses,
 * wrap-around, holes and read-only pages must all end in a short count or
 * -EFAULT, never in a copy. The address space is three fake pages:
 * 0x1000 and 0x2000 writable, 0x3000 read-only; 0x4000 is a hole.
 */
#include "tests/unit/unit.h"

#include "lib/string.c"
#include "kernel/sched/sched.h"
#include "kernel/uaccess.h"
#include "kernel/mm_types.h"

static unsigned char pages[3][4096];
static struct mm_struct mm;
static struct task_struct task = { .mm = &mm };
struct task_struct *current_task = &task;
static int stack_growths;

unsigned long user_virt_to_kernel(pgd_t *pgd, unsigned long uaddr, int write)
{
	unsigned long page = uaddr >> 12;

	if (page < 1 || page > 3 || (write && page == 3))
		return 0;
	return (unsigned long)&pages[page - 1][uaddr & 4095];
}

int expand_stack(struct mm_struct *m, unsigned long addr)
{
	stack_growths++;
	return -EFAULT;
}

#include "kernel/uaccess.c"

#define U(a) ((void *)(unsigned long)(a))

static void setup(void)
{
	for (int p = 0; p < 3; p++)
		for (int i = 0; i < 4096; i++)
			pages[p][i] = (unsigned char)(p * 64 + i % 61);
	stack_growths = 0;
}

TEST(copy_across_a_page_boundary_reads_both_pages)
{
	unsigned char k[200];

	setup();
	CHECK_EQ(copy_from_user(k, U(0x1fa0), sizeof(k)), 0);
	CHECK_EQ(k[0], pages[0][0xfa0]);
	CHECK_EQ(k[199], pages[1][0x67]);
}

TEST(kernel_addresses_are_never_copied)
{
	char k[16] = "untouched";

	setup();
	CHECK_EQ(copy_from_user(k, U(0xc0100000), 8), 8);
	CHECK_EQ(copy_to_user(U(0xc0100000), k, 8), 8);
	CHECK_EQ(copy_from_user(k, U(0xbffffffc), 8), 8); /* crosses into it */
	CHECK_EQ(strncpy_from_user(k, U(0xc0000000), 16), -EFAULT);
	CHECK_EQ(strnlen_user(U(0xffffff00), 16), 0);
}

TEST(wrapping_ranges_are_refused)
{
	char k[16] = "";

	setup();
	CHECK(!access_ok(U(0x1000), 0xfffff000));
	CHECK(!access_ok(U(0xbfffffff), 2));
	CHECK(access_ok(U(0xbfffffff), 1));
	CHECK_EQ(copy_to_user(U(0x1000), k, 0xfffff001), 0xfffff001);
}

TEST(a_hole_stops_the_copy_and_zeroes_the_rest)
{
	unsigned char k[300];

	setup();
	memset(k, 0xaa, sizeof(k));
	/* 0x3f00..0x3fff is mapped, 0x4000 on is not */
	CHECK_EQ(copy_from_user(k, U(0x3f00), sizeof(k)), 300 - 256);
	CHECK_EQ(k[255], pages[2][0xfff]);
	CHECK_EQ(k[256], 0); /* as Linux: the uncopied tail is cleared */
	CHECK_EQ(k[299], 0);
	CHECK(stack_growths > 0); /* a hole is first offered to the stack */
}

TEST(read_only_pages_can_be_read_but_not_written)
{
	char k[8] = "abcdefg";

	setup();
	CHECK_EQ(copy_from_user(k, U(0x3000), 8), 0);
	CHECK_EQ(copy_to_user(U(0x3000), k, 8), 8);
	CHECK_EQ(copy_to_user(U(0x2ffc), k, 8), 4); /* the first half lands */
	CHECK_EQ(clear_user(U(0x3000), 8), 8);
	CHECK_EQ(clear_user(U(0x1000), 8192), 0);
	CHECK_EQ(pages[1][4095], 0);
}

TEST(page_zero_is_not_user_memory)
{
	int v = 5;

	setup();
	CHECK_EQ(get_user(v, (int *)U(0)), -EFAULT);
	CHECK_EQ(v, 0); /* get_user zeroes on failure, as Linux */
	CHECK_EQ(put_user(7, (int *)U(0x10)), -EFAULT);
}

TEST(get_user_and_put_user_move_one_value)
{
	unsigned short s = 0;
	int v = 0;

	setup();
	CHECK_EQ(put_user(0x12345678, (int *)U(0x1ffe)), 0); /* straddles */
	CHECK_EQ(get_user(v, (int *)U(0x1ffe)), 0);
	CHECK_EQ(v, 0x12345678);
	CHECK_EQ(get_user(s, (unsigned short *)U(0x1ffe)), 0);
	CHECK_EQ(s, 0x5678);
}

TEST(strncpy_from_user_stops_at_nul_at_count_or_at_a_fault)
{
	char k[64];

	setup();
	memcpy(&pages[0][4090], "hello, world", 13); /* crosses into 0x2000 */
	CHECK_EQ(strncpy_from_user(k, U(0x1ffa), sizeof(k)), 12);
	CHECK_STR(k, "hello, world");
	CHECK_EQ(strncpy_from_user(k, U(0x1ffa), 5), 5); /* no NUL within 5 */
	memset(&pages[2][4000], 'x', 96);		      /* runs into the hole */
	CHECK_EQ(strncpy_from_user(k, U(0x3fa0), sizeof(k)), 64);
	CHECK_EQ(strncpy_from_user(k, U(0x3fe0), sizeof(k)), -EFAULT);
}

TEST(strnlen_user_counts_the_nul_and_reports_too_long)
{
	setup();
	memcpy(&pages[1][0], "abc", 4);
	CHECK_EQ(strnlen_user(U(0x2000), 100), 4);
	memset(&pages[1][10], 'y', 50);
	CHECK_EQ(strnlen_user(U(0x200a), 20), 21);
	memset(&pages[2][4000], 'z', 96);
	CHECK_EQ(strnlen_user(U(0x3fa0), 1000), 0); /* no NUL before the hole */
}

TEST(another_process_memory_is_read_through_its_own_mm)
{
	struct task_struct other = { .mm = &mm };
	char k[4];

	setup();
	memcpy(&pages[0][0], "pid", 4);
	CHECK_EQ(access_process_vm(&other, 0x1000, k, 4, 0), 4);
	CHECK_STR(k, "pid");
	other.mm = NULL; /* a kernel thread */
	CHECK_EQ(access_process_vm(&other, 0x1000, k, 4, 0), 0);
}

RUN_TESTS()
