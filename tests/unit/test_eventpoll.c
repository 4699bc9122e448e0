/*
 * Host tests for kernel/fs/eventpoll.c, on real pipes (kernel/pipe.c) and
 * descriptors (kernel/fdtable.c): what ep_poll_callback does when a wait
 * queue is woken - from process, softirq or hardirq context - with or
 * without a matching key; the ready list after level-triggered, EPOLLET
 * and EPOLLONESHOT reports; that the last fput of a watched file and the
 * close of an epoll fd leave no wait entry behind; allocation failures;
 * nesting. The scheduler is the test_wait shim: schedule() runs
 * `while_asleep`, the stand-in for whatever wakes the sleeper.
 */
#include "tests/unit/unit.h"

#include "lib/string.c"
#include "kernel/sched/sched.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/preempt.h"
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
	if (++nr_schedules > 50) {
		FAILF("sleeper never woken");
		set_tsk_thread_flag(current, TIF_SIGPENDING); /* get out */
		return;
	}
	if (while_asleep)
		while_asleep();
}

/* No wakeup while "asleep": the time ran out. */
long schedule_timeout(long timeout)
{
	schedule();
	if (current->state == TASK_RUNNING)
		return timeout == MAX_SCHEDULE_TIMEOUT ? timeout : timeout / 2 + 1;
	current->state = TASK_RUNNING;
	return 0;
}

/* ---- allocator, VFS, uaccess and signal shims ------------------------------- */

static int fail_alloc_in; /* N > 0: the Nth allocation from now fails */
static int allocs_out;
static int alloc_fails(void)
{
	return fail_alloc_in > 0 && --fail_alloc_in == 0;
}
void *kmalloc(size_t size, gfp_t gfp)
{
	if (alloc_fails())
		return NULL;
	allocs_out++;
	return malloc(size);
}
void *kzalloc(size_t size, gfp_t gfp)
{
	if (alloc_fails())
		return NULL;
	allocs_out++;
	return calloc(1, size);
}
void kfree(const void *p)
{
	if (p)
		allocs_out--;
	free((void *)p);
}
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	return (unsigned long)malloc(4096UL << order);
}
void free_pages(unsigned long addr, unsigned int order)
{
	free((void *)addr);
}

static int files_out;
int alloc_file_pseudo(umode_t mode, unsigned int flags,
		      const struct file_operations *fops, void *private_data,
		      struct file **res)
{
	struct file *f;

	if (alloc_fails())
		return -ENOMEM;
	f = calloc(1, sizeof(*f));
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

void eventpoll_release_file(struct file *file);
/* As file_table.c's: leave the epoll sets, then ->release. */
void fput(struct file *file)
{
	if (--file->f_count)
		return;
	if (file->f_ep)
		eventpoll_release_file(file);
	if (file->f_op && file->f_op->release)
		file->f_op->release(NULL, file);
	files_out--;
	free(file);
}

unsigned int vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

struct inode *ihold(struct inode *inode) { return inode; }
void iput(struct inode *inode) {}

static int user_fault;
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (user_fault || !to)
		return n;
	memcpy(to, from, n);
	return 0;
}
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (user_fault || !from)
		return n;
	memcpy(to, from, n);
	return 0;
}
int access_ok(const void *addr, unsigned long size) { return 1; }

int send_sig(int sig, struct task_struct *p, int priv) { return 0; }
void set_current_blocked(sigset_t *newset) { current->blocked = *newset; }

#include "kernel/fdtable.c"
#include "kernel/pipe.c"
#include "kernel/fs/eventpoll.c"

/* ---- helpers ---------------------------------------------------------------- */

static int rfd, wfd, epfd;
static struct pipe_inode_info *pipe;
static struct epoll_event evs[8];

static void setup(void)
{
	int fds[2];

	memset(&task, 0, sizeof(task));
	task.files = files_alloc();
	nr_schedules = 0;
	while_asleep = NULL;
	user_fault = 0;
	fail_alloc_in = 0;
	__preempt_count = 0;
	allocs_out = 0;
	CHECK_EQ(sys_pipe2(fds, O_NONBLOCK), 0);
	rfd = fds[0];
	wfd = fds[1];
	pipe = fcheck(rfd)->private_data;
	epfd = sys_epoll_create1(0);
	CHECK(epfd >= 0);
}

static void teardown(void)
{
	exit_files(&task);
	CHECK_EQ(files_out, 0);
}

static struct eventpoll *ep_of(int fd)
{
	return fcheck(fd)->private_data;
}

static int add(int ep, int fd, unsigned int events, unsigned long long data)
{
	struct epoll_event ev = { events, data };

	return sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static int nready(struct eventpoll *ep)
{
	int n = 0;
	struct list_head *pos;

	list_for_each(pos, &ep->rdllist)
		n++;
	return n;
}

static int nwaiters(wait_queue_head_t *q)
{
	int n = 0;
	struct list_head *pos;

	list_for_each(pos, &q->head)
		n++;
	return n;
}

static void pwrite(const char *s)
{
	pipe_write(fcheck(wfd), s, strlen(s), NULL);
}

static int pdrain(void)
{
	char b[64];

	return (int)pipe_read(fcheck(rfd), b, sizeof(b), NULL);
}

/* ---- registration and the callback ------------------------------------------ */

TEST(add_hangs_one_ep_poll_callback_entry_on_the_pipes_read_queue)
{
	wait_queue_entry_t *w;

	setup();
	CHECK_EQ(add(epfd, rfd, EPOLLIN, 1), 0);
	CHECK_EQ(nwaiters(&pipe->rd_wait), 1);
	CHECK_EQ(nwaiters(&pipe->wr_wait), 0); /* the read end waits for reads */
	w = list_first_entry(&pipe->rd_wait.head, wait_queue_entry_t, entry);
	CHECK(w->func == ep_poll_callback);
	CHECK_EQ(nready(ep_of(epfd)), 0);
	teardown();
}

TEST(a_write_runs_the_callback_which_queues_the_item_once)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	pwrite("a");
	CHECK_EQ(nready(ep_of(epfd)), 1);
	pwrite("b"); /* already queued: not twice */
	CHECK_EQ(nready(ep_of(epfd)), 1);
	teardown();
}

TEST(callback_ignores_a_key_the_item_did_not_ask_for)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	wake_up_interruptible_poll(&pipe->rd_wait, EPOLLOUT);
	CHECK_EQ(nready(ep_of(epfd)), 0);
	wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
	CHECK_EQ(nready(ep_of(epfd)), 1);
	teardown();
}

TEST(callback_takes_a_keyless_wakeup_as_look_again)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	wake_up_interruptible(&pipe->rd_wait); /* key NULL: e.g. a close */
	CHECK_EQ(nready(ep_of(epfd)), 1);
	/* but asking the pipe finds nothing: no event, back to idle */
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 0);
	CHECK_EQ(nready(ep_of(epfd)), 0);
	teardown();
}

/* The tty's wakeup comes from the UART interrupt: the callback must only
 * link and wake, which is legal there (prepare_to_wait would BUG). */
TEST(callback_from_hardirq_context_links_and_wakes_the_sleeper)
{
	setup();
	add(epfd, rfd, EPOLLIN, 7);
	task.state = TASK_INTERRUPTIBLE; /* as if asleep in ep_poll */
	__preempt_count = HARDIRQ_OFFSET;
	pipe_ring_write(pipe, "x", 1);
	wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
	__preempt_count = 0;
	CHECK_EQ(nready(ep_of(epfd)), 1);
	task.state = TASK_RUNNING;
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 1);
	CHECK_EQ(evs[0].data, 7ULL);
	teardown();
}

static void softirq_writes(void)
{
	__preempt_count = SOFTIRQ_OFFSET; /* sock_def_readable runs here */
	pipe_ring_write(pipe, "pkt", 3);
	wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
	__preempt_count = 0;
}

TEST(blocking_epoll_wait_sleeps_until_the_callback_wakes_it)
{
	setup();
	add(epfd, rfd, EPOLLIN, 9);
	while_asleep = softirq_writes;
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, -1), 1);
	CHECK_EQ(nr_schedules, 1);
	CHECK_EQ(evs[0].events, EPOLLIN);
	CHECK_EQ(nwaiters(&ep_of(epfd)->wq), 0); /* the sleeper left ep->wq */
	teardown();
}

static void nothing_happens(void) {}

TEST(timeout_with_no_event_returns_0_and_leaves_the_queue)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	while_asleep = nothing_happens;
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 100), 0);
	CHECK_EQ(nr_schedules, 1);
	CHECK_EQ(nwaiters(&ep_of(epfd)->wq), 0);
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 0);
	CHECK_EQ(nr_schedules, 1); /* timeout 0 never sleeps */
	teardown();
}

static void signal_comes(void)
{
	set_tsk_thread_flag(current, TIF_SIGPENDING);
	try_to_wake_up(current, TASK_INTERRUPTIBLE);
}

TEST(signal_ends_the_wait_with_eintr_not_a_restart)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	while_asleep = signal_comes;
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, -1), -EINTR);
	teardown();
}

TEST(pwait_keeps_its_mask_for_the_signal_frame_after_eintr)
{
	sigset_t tmp = { { 0 } };

	setup();
	add(epfd, rfd, EPOLLIN, 1);
	task.blocked.sig[0] = 1u << (SIGUSR1 - 1);
	while_asleep = signal_comes;
	CHECK_EQ(sys_epoll_pwait(epfd, evs, 8, -1, &tmp, sizeof(tmp)), -EINTR);
	CHECK_EQ(task.blocked.sig[0], 0u);	/* the handler runs with it */
	CHECK_EQ(task.restore_sigmask, 1);
	CHECK_EQ(task.saved_sigmask.sig[0], 1u << (SIGUSR1 - 1));
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
	task.restore_sigmask = 0;
	task.blocked.sig[0] = 1u << (SIGUSR1 - 1);
	CHECK_EQ(sys_epoll_pwait(epfd, evs, 8, 0, &tmp, sizeof(tmp)), 0);
	CHECK_EQ(task.blocked.sig[0], 1u << (SIGUSR1 - 1)); /* back at once */
	CHECK_EQ(sys_epoll_pwait(epfd, evs, 8, 0, &tmp, 4), -EINVAL);
	teardown();
}

/* ---- what the ready list holds after a report -------------------------------- */

TEST(level_triggered_item_goes_back_on_the_ready_list)
{
	setup();
	add(epfd, rfd, EPOLLIN, 1);
	pwrite("a");
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 1);
	CHECK_EQ(nready(ep_of(epfd)), 1);
	pdrain();
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 0); /* asked, found empty */
	CHECK_EQ(nready(ep_of(epfd)), 0);
	teardown();
}

TEST(edge_triggered_item_waits_for_the_next_callback)
{
	setup();
	add(epfd, rfd, EPOLLIN | EPOLLET, 1);
	pwrite("a");
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 1);
	CHECK_EQ(nready(ep_of(epfd)), 0);
	pwrite("b");
	CHECK_EQ(nready(ep_of(epfd)), 1);
	teardown();
}

TEST(oneshot_item_is_disabled_and_the_callback_ignores_it)
{
	struct epoll_event ev = { EPOLLIN | EPOLLONESHOT, 2 };

	setup();
	add(epfd, rfd, EPOLLIN | EPOLLONESHOT, 1);
	pwrite("a");
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 1);
	CHECK_EQ(nready(ep_of(epfd)), 0);
	pwrite("b");
	CHECK_EQ(nready(ep_of(epfd)), 0);
	CHECK_EQ(sys_epoll_ctl(epfd, EPOLL_CTL_MOD, rfd, &ev), 0);
	CHECK_EQ(nready(ep_of(epfd)), 1); /* MOD found it ready */
	teardown();
}

TEST(a_fault_copying_the_first_event_is_efault_and_keeps_it_ready)
{
	setup();
	add(epfd, rfd, EPOLLIN | EPOLLET, 1);
	pwrite("a");
	user_fault = 1;
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), -EFAULT);
	user_fault = 0;
	CHECK_EQ(nready(ep_of(epfd)), 1);
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 1); /* not lost, even ET */
	teardown();
}

/* ---- removal: nothing may dangle ---------------------------------------------- */

TEST(last_close_of_a_watched_file_removes_it_from_every_set)
{
	int ep2;

	setup();
	ep2 = sys_epoll_create1(0);
	add(epfd, rfd, EPOLLIN, 1);
	add(ep2, rfd, EPOLLIN, 2);
	pwrite("a");
	CHECK_EQ(nwaiters(&pipe->rd_wait), 2);
	CHECK_EQ(nready(ep_of(epfd)), 1);
	close_fd(rfd);
	CHECK_EQ(nwaiters(&pipe->rd_wait), 0);
	CHECK(list_empty(&ep_of(epfd)->items));
	CHECK(list_empty(&ep_of(ep2)->items));
	CHECK_EQ(nready(ep_of(epfd)), 0);
	CHECK_EQ(sys_epoll_wait(epfd, evs, 8, 0), 0);
	teardown();
}

TEST(closing_the_epoll_fd_unhooks_its_entries_and_frees_everything)
{
	int before;

	setup();
	before = allocs_out;
	add(epfd, rfd, EPOLLIN, 1);
	add(epfd, wfd, EPOLLOUT, 2);
	CHECK_EQ(nwaiters(&pipe->rd_wait), 1);
	CHECK_EQ(nwaiters(&pipe->wr_wait), 1);
	CHECK(fcheck(rfd)->f_ep != NULL);
	close_fd(epfd);
	CHECK_EQ(nwaiters(&pipe->rd_wait), 0);
	CHECK_EQ(nwaiters(&pipe->wr_wait), 0);
	CHECK(fcheck(rfd)->f_ep == NULL);
	CHECK(fcheck(wfd)->f_ep == NULL);
	CHECK_EQ(allocs_out, before - 1); /* and the eventpoll itself */
	teardown();
}

TEST(add_survives_every_allocation_failure_without_leaking)
{
	setup();
	for (int n = 1; n <= 3; n++) {
		int before = allocs_out, err;

		fail_alloc_in = n;
		err = add(epfd, rfd, EPOLLIN, 1);
		fail_alloc_in = 0;
		if (!err) { /* n is past the allocations ADD makes */
			CHECK(n >= 3);
			break;
		}
		CHECK_EQ(err, -ENOMEM);
		CHECK_EQ(allocs_out, before);
		CHECK_EQ(nwaiters(&pipe->rd_wait), 0);
		CHECK(fcheck(rfd)->f_ep == NULL);
	}
	teardown();
}

/* ---- nesting ----------------------------------------------------------------------- */

TEST(a_write_wakes_through_the_inner_epoll_to_the_outer)
{
	int outer;

	setup();
	outer = sys_epoll_create1(0);
	add(epfd, rfd, EPOLLIN, 1);
	CHECK_EQ(add(outer, epfd, EPOLLIN, 2), 0);
	CHECK_EQ(nwaiters(&ep_of(epfd)->poll_wait), 1);
	pwrite("a"); /* pipe -> inner callback -> inner poll_wait -> outer callback */
	CHECK_EQ(nready(ep_of(outer)), 1);
	CHECK_EQ(sys_epoll_wait(outer, evs, 8, 0), 1);
	CHECK_EQ(evs[0].data, 2ULL);
	CHECK_EQ(add(epfd, outer, EPOLLIN, 3), -ELOOP);
	close_fd(epfd); /* the outer set forgets the inner one */
	CHECK(list_empty(&ep_of(outer)->items));
	teardown();
}

RUN_TESTS()
