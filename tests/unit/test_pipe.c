/*
 * Host tests for kernel/pipe.c and kernel/fdtable.c: the pipe's ring
 * buffer and its blocking rules (EOF, EPIPE + SIGPIPE, O_NONBLOCK, atomic
 * writes up to PIPE_BUF, poll masks), and the descriptor table under
 * pipe2, dup2, close-on-exec and fork. Files are minimal stand-ins with
 * the VFS's reference counting; the scheduler is the test_wait shim.
 */
#include "tests/unit/unit.h"

#include "lib/string.c"
#include "kernel/sched/sched.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/wait.c"

volatile unsigned int __preempt_count;
volatile unsigned long jiffies;
static struct task_struct task;
struct task_struct *current_task = &task;

/* ---- scheduler shim ----------------------------------------------------- */

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	if (!(p->state & state))
		return 0;
	p->state = TASK_RUNNING;
	return 1;
}

static void (*while_asleep)(void);
static int nr_schedules;
void schedule(void)
{
	if (++nr_schedules > 50 || !while_asleep) {
		FAILF("sleeper never woken");
		set_tsk_thread_flag(current, TIF_SIGPENDING); /* get out */
		return;
	}
	while_asleep();
}
long schedule_timeout(long t) { schedule(); return 0; }

/* ---- VFS and allocator shims ---------------------------------------------- */

void *kmalloc(size_t size, gfp_t gfp) { return malloc(size); }
void *kzalloc(size_t size, gfp_t gfp) { return calloc(1, size); }
void kfree(const void *p) { free((void *)p); }
static int pages_out;
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	pages_out++;
	return (unsigned long)malloc(4096UL << order);
}
void free_pages(unsigned long addr, unsigned int order)
{
	pages_out--;
	free((void *)addr);
}

static int files_out;
int alloc_file_pseudo(umode_t mode, unsigned int flags,
		      const struct file_operations *fops, void *private_data,
		      struct file **res)
{
	struct file *f = calloc(1, sizeof(*f));

	f->f_op = fops;
	f->f_flags = flags;
	f->f_mode = (flags & O_ACCMODE) == O_RDONLY ? FMODE_READ :
		    (flags & O_ACCMODE) == O_WRONLY ? FMODE_WRITE :
						     FMODE_READ | FMODE_WRITE;
	f->f_count = 1;
	f->private_data = private_data;
	files_out++;
	*res = f;
	return 0;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(NULL, file);
	files_out--;
	free(file);
}

struct inode *ihold(struct inode *inode) { return inode; }
void iput(struct inode *inode) {}

static int user_fault;
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (user_fault)
		return n;
	memcpy(to, from, n);
	return 0;
}

static int sigpipes;
int send_sig(int sig, struct task_struct *p, int priv)
{
	if (sig == SIGPIPE)
		sigpipes++;
	return 0;
}

#include "kernel/fdtable.c"
#include "kernel/pipe.c"

/* ---- helpers ---------------------------------------------------------------- */

static struct file *rd, *wr;
static struct pipe_inode_info *pipe;
static char buf[3 * PIPE_SIZE], out[3 * PIPE_SIZE];

static void setup(int flags)
{
	struct file *f[2];

	memset(&task, 0, sizeof(task));
	task.files = files_alloc();
	nr_schedules = 0;
	while_asleep = NULL;
	sigpipes = 0;
	user_fault = 0;
	CHECK_EQ(create_pipe_files(f, flags), 0);
	rd = f[0];
	wr = f[1];
	pipe = rd->private_data;
	for (unsigned int i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + i / 251);
}

static void teardown(void)
{
	if (rd)
		fput(rd);
	if (wr)
		fput(wr);
	rd = wr = NULL;
	exit_files(&task);
	CHECK_EQ(files_out, 0);
	CHECK_EQ(pages_out, 0);
}

static ssize_t pread(size_t n) { return pipe_read(rd, out, n, NULL); }
static ssize_t pwrite(const char *b, size_t n) { return pipe_write(wr, b, n, NULL); }

/* ---- the ring ------------------------------------------------------------------ */

TEST(ring_keeps_bytes_in_order_across_the_wrap)
{
	setup(O_NONBLOCK);
	CHECK_EQ(pwrite(buf, 10000), 10000);
	CHECK_EQ(pread(6000), 6000);
	CHECK(!memcmp(out, buf, 6000));
	CHECK_EQ(pwrite(buf + 10000, 10000), 10000); /* wraps: 14000 buffered */
	CHECK_EQ(pipe_len(pipe), 14000);
	CHECK_EQ(pread(20000), 14000);
	CHECK(!memcmp(out, buf + 6000, 14000));
	teardown();
}

TEST(full_pipe_takes_what_fits_then_eagain_when_nonblocking)
{
	setup(O_NONBLOCK);
	CHECK_EQ(pwrite(buf, PIPE_SIZE + 100), PIPE_SIZE);
	CHECK_EQ(pwrite(buf, 1), -EAGAIN);
	teardown();
}

TEST(small_write_is_atomic_never_split)
{
	setup(O_NONBLOCK);
	CHECK_EQ(pwrite(buf, PIPE_SIZE - 100), PIPE_SIZE - 100);
	/* 200 bytes <= PIPE_BUF but only 100 free: all or nothing */
	CHECK_EQ(pwrite(buf, 200), -EAGAIN);
	CHECK_EQ(pipe_len(pipe), PIPE_SIZE - 100);
	teardown();
}

TEST(empty_pipe_read_is_eagain_nonblocking_and_eof_without_writers)
{
	setup(O_NONBLOCK);
	CHECK_EQ(pread(10), -EAGAIN);
	CHECK_EQ(pwrite("ab", 2), 2);
	fput(wr);
	wr = NULL;
	CHECK_EQ(pread(10), 2); /* data first */
	CHECK_EQ(pread(10), 0); /* then end of file */
	teardown();
}

TEST(write_without_readers_is_epipe_and_raises_sigpipe)
{
	setup(0);
	fput(rd);
	rd = NULL;
	CHECK_EQ(pwrite("x", 1), -EPIPE);
	CHECK_EQ(sigpipes, 1);
	teardown();
}

static void writer_arrives(void)
{
	pwrite("hello", 5);
}

TEST(blocking_read_sleeps_until_a_writer_comes)
{
	setup(0);
	while_asleep = writer_arrives;
	CHECK_EQ(pread(100), 5);
	CHECK_EQ(nr_schedules, 1);
	CHECK(!memcmp(out, "hello", 5));
	teardown();
}

static void reader_drains(void)
{
	pread(PIPE_SIZE);
}

TEST(blocking_write_of_more_than_the_ring_completes_as_the_reader_drains)
{
	setup(0);
	while_asleep = reader_drains;
	CHECK_EQ(pwrite(buf, 2 * PIPE_SIZE + 10), 2 * PIPE_SIZE + 10);
	CHECK_EQ(nr_schedules, 2);
	teardown();
}

static void signal_arrives(void)
{
	set_tsk_thread_flag(current, TIF_SIGPENDING);
	try_to_wake_up(current, TASK_INTERRUPTIBLE);
}

TEST(signal_interrupts_a_blocked_read_and_a_partial_write_returns_its_count)
{
	setup(0);
	while_asleep = signal_arrives;
	CHECK_EQ(pread(10), -ERESTARTSYS);
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
	CHECK_EQ(pwrite(buf, PIPE_SIZE + 10), PIPE_SIZE);
	teardown();
}

TEST(poll_reports_data_room_hangup_and_error)
{
	setup(0);
	CHECK_EQ(pipe_poll(rd, NULL), 0);
	CHECK_EQ(pipe_poll(wr, NULL), EPOLLOUT | EPOLLWRNORM);
	pwrite(buf, PIPE_SIZE);
	CHECK_EQ(pipe_poll(rd, NULL), EPOLLIN | EPOLLRDNORM);
	CHECK_EQ(pipe_poll(wr, NULL), 0);
	fput(wr);
	wr = NULL;
	CHECK_EQ(pipe_poll(rd, NULL), EPOLLIN | EPOLLRDNORM | EPOLLHUP);
	teardown();
	setup(0);
	fput(rd);
	rd = NULL;
	CHECK(pipe_poll(wr, NULL) & EPOLLERR);
	teardown();
}

static int pollwaits;
static void count_qproc(struct file *f, wait_queue_head_t *q, poll_table *pt)
{
	pollwaits++;
}

TEST(poll_registers_on_the_wait_queue_of_each_open_direction)
{
	poll_table pt;

	setup(0);
	init_poll_funcptr(&pt, count_qproc);
	pollwaits = 0;
	pipe_poll(rd, &pt);
	pipe_poll(wr, &pt);
	CHECK_EQ(pollwaits, 2);
	teardown();
}

/* ---- descriptors ------------------------------------------------------------------ */

TEST(pipe2_installs_the_two_lowest_descriptors)
{
	int fds[2];

	setup(0);
	CHECK_EQ(sys_pipe2(fds, O_CLOEXEC), 0);
	CHECK_EQ(fds[0], 0);
	CHECK_EQ(fds[1], 1);
	CHECK(get_close_on_exec(0) && get_close_on_exec(1));
	CHECK(fcheck(0)->f_mode == FMODE_READ && fcheck(1)->f_mode == FMODE_WRITE);
	CHECK_EQ(sys_pipe2(fds, 0x4), -EINVAL); /* unknown flag */
	teardown();
}

TEST(pipe2_to_a_bad_pointer_leaves_no_descriptor_or_file)
{
	int fds[2];

	setup(0);
	user_fault = 1;
	CHECK_EQ(sys_pipe2(fds, 0), -EFAULT);
	CHECK(fcheck(0) == NULL && fcheck(1) == NULL);
	CHECK_EQ(files_out, 2); /* only setup's pipe */
	teardown();
}

TEST(closed_descriptor_numbers_are_reused_lowest_first)
{
	int fds[2];

	setup(0);
	sys_pipe2(fds, 0);
	sys_pipe2(fds, 0);
	CHECK_EQ(fds[0], 2);
	CHECK_EQ(close_fd(1), 0);
	CHECK_EQ(close_fd(1), -EBADF);
	CHECK_EQ(get_unused_fd_flags(0), 1);
	put_unused_fd(1);
	teardown();
}

TEST(the_table_fills_up_with_emfile)
{
	int n = 0;

	setup(0);
	while (get_unused_fd_flags(0) >= 0)
		n++;
	CHECK_EQ(n, NR_OPEN_DEFAULT);
	CHECK_EQ(alloc_fd(0, 0), -EMFILE);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		put_unused_fd(fd);
	teardown();
}

TEST(dup2_over_an_open_descriptor_closes_the_old_file)
{
	setup(0);
	fd_install(get_unused_fd_flags(0), get_file(rd)); /* 0 */
	fd_install(get_unused_fd_flags(0), get_file(wr)); /* 1 */
	CHECK_EQ(replace_fd(0, wr, 0), 0);
	CHECK(fcheck(0) == wr);
	CHECK_EQ(rd->f_count, 1); /* the table's reference is gone */
	CHECK_EQ(wr->f_count, 3);
	CHECK_EQ(replace_fd(NR_OPEN_DEFAULT, wr, 0), -EBADF);
	teardown();
}

TEST(dup2_onto_a_slot_reserved_by_an_open_in_progress_is_ebusy)
{
	int fd;

	setup(0);
	fd = get_unused_fd_flags(0);
	CHECK_EQ(replace_fd(fd, rd, 0), -EBUSY);
	put_unused_fd(fd);
	teardown();
}

TEST(exec_closes_only_close_on_exec_descriptors)
{
	setup(0);
	fd_install(get_unused_fd_flags(0), get_file(rd));
	fd_install(get_unused_fd_flags(O_CLOEXEC), get_file(wr));
	do_close_on_exec(task.files);
	CHECK(fcheck(0) == rd && fcheck(1) == NULL);
	CHECK_EQ(wr->f_count, 1);
	teardown();
}

TEST(fork_copies_the_table_and_shares_the_files)
{
	struct task_struct child = { 0 };

	setup(0);
	fd_install(get_unused_fd_flags(O_CLOEXEC), get_file(rd));
	CHECK_EQ(copy_files(0, &child), 0);
	CHECK(child.files != task.files && child.files->fd_array[0] == rd);
	CHECK(test_bit(0, child.files->close_on_exec));
	CHECK_EQ(rd->f_count, 3);
	exit_files(&child);
	CHECK_EQ(rd->f_count, 2);
	teardown();
}

RUN_TESTS()
