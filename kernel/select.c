/*
 * select.c - poll(2) and select(2) (Linux: fs/select.c).
 *
 * Both ask every file "are you ready?" through its ->poll method (see
 * poll.h). On the first pass the poll table registers a wait entry on each
 * wait queue the file names, with pollwake as its func. If nothing is
 * ready, the caller sleeps; any of those files waking its queue runs
 * pollwake, which marks the table triggered and wakes the caller, and the
 * caller asks every file again (without registering twice). At the end
 * every entry is removed and its file reference dropped.
 *
 *   do_poll ── vfs_poll(file, pt) ──> file->poll ── poll_wait ──> __pollwait
 *      │                                                     (adds entry)
 *      └─ poll_schedule_timeout  <── pollwake <── wake_up_interruptible_poll
 *                                                 (waker: any context)
 *
 * Process context. A signal ends the wait with -ERESTARTNOHAND: -EINTR
 * if a handler runs, a transparent restart otherwise (as Linux).
 */
#include "kernel/poll.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/sched.h"
#include "kernel/syscalls.h"
#include "lib/string.h"

struct pollfd {
	int fd;
	short events;
	short revents;
};

struct poll_table_entry {
	struct file *filp;
	__poll_t key;
	wait_queue_entry_t wait;
	wait_queue_head_t *wait_address;
};

/* Entries beyond the inline ones live in pages chained here. */
struct poll_table_page {
	struct poll_table_page *next;
	unsigned int nr;
	struct poll_table_entry entries[];
};

#define N_INLINE_POLL_ENTRIES 8
#define POLL_PAGE_ENTRIES                                  \
	((PAGE_SIZE - sizeof(struct poll_table_page)) /     \
	 sizeof(struct poll_table_entry))

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	int triggered; /* a wakeup came since we last looked */
	int error;     /* -ENOMEM while registering */
	unsigned int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

/* ---- the wait entries ---------------------------------------------------------- */

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return p->inline_entries + p->inline_index++;
	if (!table || table->nr == POLL_PAGE_ENTRIES) {
		struct poll_table_page *new =
			(struct poll_table_page *)__get_free_page(GFP_KERNEL);

		if (!new) {
			p->error = -ENOMEM;
			return NULL;
		}
		new->nr = 0;
		new->next = table;
		p->table = table = new;
	}
	return &table->entries[table->nr++];
}

/* Any context: the file became ready (or something did: key 0). */
static int pollwake(wait_queue_entry_t *wait, unsigned int mode, int sync,
		    void *key)
{
	struct poll_table_entry *entry =
		container_of(wait, struct poll_table_entry, wait);
	struct poll_wqueues *pwq = entry->wait.private;

	if (key && !((unsigned long)key & entry->key))
		return 0; /* not an event this caller asked about */
	pwq->triggered = 1;
	return try_to_wake_up(pwq->polling_task, TASK_NORMAL);
}

/* poll_wait() lands here on the first pass. */
static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->key = p->_key;
	init_waitqueue_func_entry(&entry->wait, pollwake);
	entry->wait.private = pwq;
	add_wait_queue(wait_address, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, __pollwait);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;

	for (unsigned int i = 0; i < pwq->inline_index; i++)
		free_poll_entry(pwq->inline_entries + i);
	while (p) {
		struct poll_table_page *next = p->next;

		for (unsigned int i = 0; i < p->nr; i++)
			free_poll_entry(&p->entries[i]);
		free_page((unsigned long)p);
		p = next;
	}
}

/* Sleep unless a wakeup already came; 0 when the time ran out. */
static long poll_schedule_timeout(struct poll_wqueues *pwq, long timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	if (!pwq->triggered)
		timeout = schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	pwq->triggered = 0;
	return timeout;
}

/* ---- poll ------------------------------------------------------------------------ */

/* The events one pollfd reports now; registers on the first pass. */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pt)
{
	__poll_t filter = (__poll_t)(unsigned short)pollfd->events | EPOLLERR |
			  EPOLLHUP;
	struct file *file;
	__poll_t mask;

	if (pollfd->fd < 0)
		return 0;
	file = fget(pollfd->fd);
	if (!file)
		return EPOLLNVAL;
	if (pt)
		pt->_key = filter;
	mask = vfs_poll(file, pt) & filter;
	fput(file);
	return mask;
}

static long msecs_to_timeout(int msecs)
{
	if (msecs < 0)
		return MAX_SCHEDULE_TIMEOUT;
	return msecs ? (long)msecs_to_jiffies(msecs) + 1 : 0;
}

/* Returns how many pollfds have revents, or -ERESTARTNOHAND / -ENOMEM. */
static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, long timeout)
{
	poll_table *pt = &wait->pt;

	for (;;) {
		int count = 0;

		for (unsigned int i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			if (fds[i].revents)
				count++;
		}
		if (pt)
			pt->_qproc = NULL; /* registered once is enough */
		if (!count && wait->error)
			count = wait->error;
		if (!count && signal_pending(current))
			count = -ERESTARTNOHAND;
		if (count || !timeout)
			return count;
		timeout = poll_schedule_timeout(wait, timeout);
		if (!timeout)
			pt = NULL; /* one last look, then report nothing */
	}
}

/* Poll kernel pollfds; shared by poll() and select(). */
static int kernel_poll(struct pollfd *fds, unsigned int nfds, long timeout)
{
	struct poll_wqueues *wait = kmalloc(sizeof(*wait), GFP_KERNEL);
	int ret;

	if (!wait)
		return -ENOMEM;
	poll_initwait(wait);
	ret = do_poll(fds, nfds, wait, timeout);
	poll_freewait(wait);
	kfree(wait);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	size_t size = nfds * sizeof(struct pollfd);
	struct pollfd *fds;
	int ret;

	if (nfds > NR_OPEN_DEFAULT)
		return -EINVAL;
	fds = kmalloc(size + 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = copy_from_user(fds, ufds, size) ? -EFAULT : 0;
	if (!ret)
		ret = kernel_poll(fds, nfds, msecs_to_timeout(timeout_msecs));
	for (unsigned int i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
	kfree(fds);
	return ret;
}

/* ---- select: poll in bitmaps ---------------------------------------------------- */

struct timeval32 {
	long tv_sec, tv_usec;
};

#define POLLIN_SET (EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET (EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET EPOLLPRI
#define FDS_WORDS(n) (((n) + 31) / 32)

struct fd_sets {
	unsigned long in[FDS_WORDS(NR_OPEN_DEFAULT)];
	unsigned long out[FDS_WORDS(NR_OPEN_DEFAULT)];
	unsigned long ex[FDS_WORDS(NR_OPEN_DEFAULT)];
};

static int fd_isset(const unsigned long *set, int fd)
{
	return (set[fd / 32] >> (fd % 32)) & 1;
}

static int get_fd_set(int n, void __user *ufdset, unsigned long *fdset)
{
	memset(fdset, 0, FDS_WORDS(NR_OPEN_DEFAULT) * sizeof(long));
	if (!ufdset)
		return 0;
	return copy_from_user(fdset, ufdset, FDS_WORDS(n) * sizeof(long)) ?
		       -EFAULT : 0;
}

/* Build one pollfd per fd named in any set. */
static unsigned int sets_to_pollfds(int n, struct fd_sets *s, struct pollfd *fds)
{
	unsigned int nfds = 0;

	for (int fd = 0; fd < n; fd++) {
		short ev = (fd_isset(s->in, fd) ? POLLIN : 0) |
			   (fd_isset(s->out, fd) ? POLLOUT : 0) |
			   (fd_isset(s->ex, fd) ? POLLPRI : 0);

		if (ev)
			fds[nfds++] = (struct pollfd){ fd, ev, 0 };
	}
	return nfds;
}

/* Results back into the sets; the number of bits set, or -EBADF. */
static int pollfds_to_sets(struct pollfd *fds, unsigned int nfds,
			   struct fd_sets *s)
{
	int count = 0;

	memset(s, 0, sizeof(*s));
	for (unsigned int i = 0; i < nfds; i++) {
		int fd = fds[i].fd;
		unsigned long bit = 1UL << (fd % 32);

		if (fds[i].revents & POLLNVAL)
			return -EBADF;
		if ((fds[i].events & POLLIN) && (fds[i].revents & POLLIN_SET))
			s->in[fd / 32] |= bit, count++;
		if ((fds[i].events & POLLOUT) && (fds[i].revents & POLLOUT_SET))
			s->out[fd / 32] |= bit, count++;
		if ((fds[i].events & POLLPRI) && (fds[i].revents & POLLEX_SET))
			s->ex[fd / 32] |= bit, count++;
	}
	return count;
}

static int put_fd_sets(int n, void __user *inp, void __user *outp,
		       void __user *exp, struct fd_sets *s)
{
	size_t len = FDS_WORDS(n) * sizeof(long);

	if ((inp && copy_to_user(inp, s->in, len)) ||
	    (outp && copy_to_user(outp, s->out, len)) ||
	    (exp && copy_to_user(exp, s->ex, len)))
		return -EFAULT;
	return 0;
}

static long timeval_to_timeout(struct timeval32 __user *tvp, long *timeout)
{
	struct timeval32 tv;

	*timeout = MAX_SCHEDULE_TIMEOUT;
	if (!tvp)
		return 0;
	if (copy_from_user(&tv, tvp, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EINVAL;
	*timeout = (tv.tv_sec || tv.tv_usec) ?
			   (long)(tv.tv_sec * HZ + (tv.tv_usec * HZ + 999999) / 1000000) + 1 :
			   0;
	return 0;
}

static long do_select(int n, struct fd_sets *s, long timeout)
{
	struct pollfd *fds = kmalloc(n * sizeof(*fds) + 1, GFP_KERNEL);
	unsigned int nfds;
	long ret;

	if (!fds)
		return -ENOMEM;
	nfds = sets_to_pollfds(n, s, fds);
	ret = kernel_poll(fds, nfds, timeout);
	if (ret >= 0)
		ret = pollfds_to_sets(fds, nfds, s);
	kfree(fds);
	return ret;
}

long sys_select(int n, void __user *inp, void __user *outp, void __user *exp,
		struct timeval32 __user *tvp)
{
	struct fd_sets *s;
	long timeout, ret;

	if (n < 0)
		return -EINVAL;
	n = min(n, NR_OPEN_DEFAULT);
	ret = timeval_to_timeout(tvp, &timeout);
	if (ret)
		return ret;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	ret = get_fd_set(n, inp, s->in) ?: get_fd_set(n, outp, s->out) ?:
	      get_fd_set(n, exp, s->ex);
	if (!ret)
		ret = do_select(n, s, timeout);
	if (ret >= 0 && put_fd_sets(n, inp, outp, exp, s))
		ret = -EFAULT;
	kfree(s);
	return ret;
}

/* select (82) on i386 passes one pointer to the five arguments. */
long sys_old_select(void __user *arg)
{
	struct {
		unsigned long n, inp, outp, exp, tvp;
	} a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	return sys_select(a.n, (void *)a.inp, (void *)a.outp, (void *)a.exp,
			  (struct timeval32 *)a.tvp);
}
