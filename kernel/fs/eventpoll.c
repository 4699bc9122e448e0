/*
 * eventpoll.c - epoll: epoll_create1, epoll_ctl, epoll_wait (Linux:
 * fs/eventpoll.c).
 *
 * poll() and select() ask every file again on every call. epoll keeps the
 * question open: EPOLL_CTL_ADD asks the file once, through its ->poll,
 * with a poll table whose _qproc (ep_ptable_queue_proc) hangs a wait entry
 * on each wait queue the file names. That entry's func is ep_poll_callback.
 * From then on the *file's own wakeup* does the work: when data arrives
 * the callback puts the item on the ready list (rdllist) and wakes whoever
 * sleeps in epoll_wait. epoll_wait only looks at the ready list.
 *
 * The last stage of the receive spine ("wake the reader"), for a UDP
 * datagram that epoll is watching:
 *
 *   NET_RX softirq ... udp_rcv -> udp_queue_rcv_skb
 *     -> __sock_queue_rcv_skb: skb onto sk->sk_receive_queue
 *     -> sk->sk_data_ready(sk)            = sock_def_readable
 *       -> wake_up_interruptible_poll(&sk_wq, EPOLLIN | EPOLLRDNORM ...)
 *         -> __wake_up: each entry's func, under the queue's lock
 *           -> ep_poll_callback           (still softirq context)
 *             rdllist += epitem; wake_up(&ep->wq)
 *               -> autoremove_wake_function -> try_to_wake_up(task)
 *   ... later, the scheduler runs the task, in process context:
 *   ep_poll returns from schedule_timeout -> ep_send_events
 *     -> ep_item_poll: ->poll(file, NULL table): "is it still readable?"
 *     -> copy_to_user(events[i]) -> epoll_wait returns; recvfrom follows.
 *
 * A tty's UART interrupt takes the same path from hardirq context.
 *
 *   epitem states (ready = on rdllist):
 *
 *     EPOLL_CTL_ADD --> idle <--- ep_send_events (EPOLLET: not re-queued)
 *                        |  ^
 *    ep_poll_callback /  |  | ep_send_events: ->poll says nothing ready
 *    ep_insert/modify    v  |
 *   (file ready now)   ready ---> ready again (level-triggered: re-queued
 *                        |         after reporting, so the next epoll_wait
 *                        |         asks ->poll once more)
 *                        +--> disabled (EPOLLONESHOT, after one report):
 *                             callback ignores it until EPOLL_CTL_MOD
 *   EPOLL_CTL_DEL, last fput of the file, close of the epoll fd: freed.
 *
 * Contexts and locking. ep->lock guards rdllist and every item's rdllink;
 * it is taken with interrupts off because ep_poll_callback runs in the
 * waker's context (softirq for sockets, hardirq for the tty), already
 * under the waker's queue lock. Lock order: waker's queue -> ep->lock ->
 * ep->wq.lock. The interest set (ep->items) and everything else is only
 * touched in process context. Linux adds ep->mtx to serialize epoll_ctl
 * against epoll_wait on other CPUs; rxos has one CPU, does not preempt the
 * kernel, and nothing here sleeps between looking at the set and changing
 * it, so none is needed. Linux also keeps an "overflow list" for callbacks
 * during ep_send_events; here such a callback simply finds the item off
 * every list (or on the scan list) and does the right thing (see
 * ep_send_events).
 *
 * Simplifications, with what Linux has: the interest set is a list
 * searched linearly (Linux: an rbtree keyed by (file, fd)); no
 * max_user_watches limit; no reverse-path check on the number of wakeup
 * paths through nested epolls (only cycles and depth, ep_loop_check);
 * EPOLLWAKEUP is accepted and ignored (no wakeup sources); no busy poll.
 */
#include "kernel/fs/eventpoll.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/mm/slab.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"

/* Most epoll instances in one chain A watches B watches C ... (Linux: 4
 * levels of nesting below the top one). */
#define EP_MAX_NESTS 4
#define EP_MAX_EVENTS (0x7fffffff / sizeof(struct epoll_event))
/* Bits that say how, not what: an item whose other bits are all clear is
 * disabled (EPOLLONESHOT after its report). */
#define EP_PRIVATE_BITS (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EPOLLEXCLUSIVE_OK_BITS                                              \
	(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET | \
	 EPOLLEXCLUSIVE)

/* One epoll instance: the private_data of an epoll file. */
struct eventpoll {
	/* Under lock (IRQs off): */
	spinlock_t lock;
	struct list_head rdllist; /* ready epitems, by rdllink */

	wait_queue_head_t wq;	     /* tasks in epoll_wait */
	wait_queue_head_t poll_wait; /* poll, select, epoll watching us */

	/* Process context only: */
	struct list_head items; /* the interest set, by epitem.rbn */
	struct file *file;	/* the epoll file itself (not referenced) */
};

/* One wait entry an item hangs on one of its file's wait queues. */
struct eppoll_entry {
	struct eppoll_entry *next; /* the item's other entries */
	struct epitem *base;
	wait_queue_entry_t wait; /* func = ep_poll_callback */
	wait_queue_head_t *whead;
};

/* One (file, fd) in one epoll set. */
struct epitem {
	struct list_head rbn;	  /* on ep->items (Linux: an rbtree node) */
	struct list_head rdllink; /* ep->lock: on a ready/scan list, or empty */
	struct file *file;	  /* not referenced: its last fput removes us */
	int fd;
	struct eventpoll *ep;
	struct eppoll_entry *pwqlist; /* where we wait */
	int nwait;		      /* entries hung; -1: allocation failed */
	struct epitem *f_next;	      /* next item on file->f_ep */
	struct epoll_event event;     /* what to report, and the user's data */
};

/* Handed to ->poll at insert time: the table and the item it is for. */
struct ep_pqueue {
	poll_table pt;
	struct epitem *epi;
};

static const struct file_operations eventpoll_fops;

static int is_file_epoll(struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

/* ep->lock held. */
static int ep_is_linked(struct epitem *epi)
{
	return !list_empty(&epi->rdllink);
}

static int ep_events_available(struct eventpoll *ep)
{
	return !list_empty(&ep->rdllist);
}

/* Move every entry of `from` to the tail of `to` (ep->lock held). */
static void ep_list_splice_tail(struct list_head *from, struct list_head *to)
{
	while (!list_empty(from))
		list_move_tail(from->next, to);
}

/* ---- the wakeup side: any context -------------------------------------------- */

/* Tell whoever polls this epoll fd (an outer epoll, poll, select). */
static void ep_poll_safewake(struct eventpoll *ep)
{
	__wake_up(&ep->poll_wait, TASK_NORMAL, 1,
		  (void *)(unsigned long)(EPOLLIN | EPOLLRDNORM));
}

/*
 * ep_poll_callback - a watched file woke one of its wait queues.
 *
 * Runs in the waker's context: softirq when sock_def_readable wakes a
 * socket's queue, hardirq when the UART interrupt wakes a tty, process
 * context for a pipe write. The waker holds its queue's lock with
 * interrupts off. So this only links the item onto the ready list and
 * wakes epoll_wait sleepers; asking the file what exactly is ready waits
 * for ep_send_events, in process context. key: the events the waker
 * announces (0/NULL: "something changed", e.g. a pipe end closed).
 * Returns 1 if the event is one the item wants (counts against the
 * waker's nr_exclusive for EPOLLEXCLUSIVE items), else 0.
 *
 * DOC: ep_poll_callback
 */
static int ep_poll_callback(wait_queue_entry_t *wait, unsigned int mode,
			    int sync, void *key)
{
	struct eppoll_entry *pwq =
		container_of(wait, struct eppoll_entry, wait);
	struct epitem *epi = pwq->base;
	struct eventpoll *ep = epi->ep;
	__poll_t pollflags = (__poll_t)(unsigned long)key;
	unsigned long flags;
	int ewake = 0, pwake = 0;

	spin_lock_irqsave(&ep->lock, flags);
	if (!(epi->event.events & ~EP_PRIVATE_BITS))
		goto out_unlock; /* disabled by EPOLLONESHOT */
	if (pollflags && !(pollflags & epi->event.events))
		goto out_unlock; /* e.g. EPOLLOUT news for an EPOLLIN watcher */
	if (!ep_is_linked(epi))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	ewake = 1;
	if (waitqueue_active(&ep->wq))
		wake_up(&ep->wq);
	pwake = waitqueue_active(&ep->poll_wait);
out_unlock:
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		ep_poll_safewake(ep);
	return ewake;
}

/* ---- asking a file: ->poll ------------------------------------------------------ */

/*
 * poll_wait() inside the file's ->poll lands here at EPOLL_CTL_ADD time:
 * hang an entry whose func is ep_poll_callback on that queue. Process
 * context. An allocation failure marks the item (nwait = -1); ep_insert
 * then undoes it all with -ENOMEM.
 */
static void ep_ptable_queue_proc(struct file *file, wait_queue_head_t *whead,
				 poll_table *pt)
{
	struct epitem *epi = container_of(pt, struct ep_pqueue, pt)->epi;
	struct eppoll_entry *pwq;

	if (epi->nwait < 0)
		return;
	pwq = kmalloc(sizeof(*pwq), GFP_KERNEL);
	if (!pwq) {
		epi->nwait = -1;
		return;
	}
	init_waitqueue_func_entry(&pwq->wait, ep_poll_callback);
	pwq->whead = whead;
	pwq->base = epi;
	if (epi->event.events & EPOLLEXCLUSIVE)
		add_wait_queue_exclusive(whead, &pwq->wait);
	else
		add_wait_queue(whead, &pwq->wait);
	pwq->next = epi->pwqlist;
	epi->pwqlist = pwq;
	epi->nwait++;
}

static __poll_t ep_eventpoll_poll(struct file *file, poll_table *wait);

/*
 * The events of interest the item's file reports now. pt: the insert
 * table (registers) or NULL (just ask). Process context.
 */
static __poll_t ep_item_poll(struct epitem *epi, poll_table *pt)
{
	poll_table just_ask = { NULL, 0 };

	if (!pt)
		pt = &just_ask;
	pt->_key = epi->event.events;
	return vfs_poll(epi->file, pt) & epi->event.events;
}

/* Take the ready list private for a scan (Linux: ep_start_scan). */
static void ep_start_scan(struct eventpoll *ep, struct list_head *txlist)
{
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, flags);
	ep_list_splice_tail(&ep->rdllist, txlist);
	spin_unlock_irqrestore(&ep->lock, flags);
}

/*
 * Put back what the scan left, ahead of what arrived meanwhile, and wake
 * another epoll_wait sleeper if anything is still ready (level-triggered
 * items re-queued by ep_send_events, for example).
 */
static void ep_done_scan(struct eventpoll *ep, struct list_head *txlist)
{
	unsigned long flags;
	int pwake = 0;

	spin_lock_irqsave(&ep->lock, flags);
	ep_list_splice_tail(&ep->rdllist, txlist);
	ep_list_splice_tail(txlist, &ep->rdllist);
	if (ep_events_available(ep)) {
		if (waitqueue_active(&ep->wq))
			wake_up(&ep->wq);
		pwake = waitqueue_active(&ep->poll_wait);
	}
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		ep_poll_safewake(ep);
}

/* Take an item off whatever ready/scan list it is on. */
static void ep_unlink_ready(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, flags);
	list_del_init(&epi->rdllink);
	spin_unlock_irqrestore(&ep->lock, flags);
}

/* Queue an item as ready unless it already is (a callback may have won). */
static void ep_link_ready(struct eventpoll *ep, struct epitem *epi, int wake)
{
	unsigned long flags;
	int pwake = 0;

	spin_lock_irqsave(&ep->lock, flags);
	if (!ep_is_linked(epi))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	if (wake) {
		if (waitqueue_active(&ep->wq))
			wake_up(&ep->wq);
		pwake = waitqueue_active(&ep->poll_wait);
	}
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		ep_poll_safewake(ep);
}

/*
 * ->poll of the epoll file: readable when some ready item really has an
 * event (asked with a NULL table). Items that went on the list for an
 * event since consumed are dropped from it, as Linux does. This is what
 * lets an epoll fd sit inside poll(), select() or another epoll.
 * Process context; recursion is bounded by ep_loop_check.
 */
static __poll_t ep_eventpoll_poll(struct file *file, poll_table *wait)
{
	struct eventpoll *ep = file->private_data;
	struct epitem *epi, *tmp;
	struct list_head txlist = LIST_HEAD_INIT(txlist);
	__poll_t res = 0;

	poll_wait(file, &ep->poll_wait, wait);
	ep_start_scan(ep, &txlist);
	list_for_each_entry_safe(epi, tmp, &txlist, rdllink) {
		if (ep_item_poll(epi, NULL)) {
			res = EPOLLIN | EPOLLRDNORM;
			break;
		}
		ep_unlink_ready(ep, epi);
	}
	ep_done_scan(ep, &txlist);
	return res;
}

/* ---- epoll_wait: report and sleep ---------------------------------------------- */

/*
 * ep_send_events - copy up to maxevents ready events to user space.
 *
 * Each ready item's file is asked again (NULL table): a wakeup only said
 * "look". Then, by mode:
 *   level-triggered  back on the ready list, so the next epoll_wait asks
 *                    again and reports again until the data is drained;
 *   EPOLLET          not re-queued: only the next wakeup reports it;
 *   EPOLLONESHOT     disabled (events &= EP_PRIVATE_BITS) until MOD.
 * A callback during the scan finds the current item off every list and
 * queues it afresh; ep_link_ready then sees it queued and leaves it.
 * Returns the number reported, or -EFAULT if the very first copy failed
 * (that event stays ready, as in Linux). Process context.
 */
static int ep_send_events(struct eventpoll *ep,
			  struct epoll_event __user *events, int maxevents)
{
	struct list_head txlist = LIST_HEAD_INIT(txlist);
	struct epitem *epi, *tmp;
	int res = 0;

	ep_start_scan(ep, &txlist);
	list_for_each_entry_safe(epi, tmp, &txlist, rdllink) {
		struct epoll_event ev;

		if (res >= maxevents)
			break;
		ep_unlink_ready(ep, epi);
		ev.events = ep_item_poll(epi, NULL);
		if (!ev.events)
			continue; /* not ready after all: back to idle */
		ev.data = epi->event.data;
		if (copy_to_user(&events[res], &ev, sizeof(ev))) {
			ep_link_ready(ep, epi, 0);
			if (!res)
				res = -EFAULT;
			break;
		}
		res++;
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET))
			ep_link_ready(ep, epi, 0);
	}
	ep_done_scan(ep, &txlist);
	return res;
}

/* epoll_wait's timeout: ms -> jiffies, rounded up; -1 (any < 0): forever. */
static long ep_timeout_to_jiffies(int ms)
{
	if (ms < 0)
		return MAX_SCHEDULE_TIMEOUT;
	return ms ? (long)msecs_to_jiffies(ms) + 1 : 0;
}

/*
 * ep_poll - wait for events and report them.
 *
 * Loop: report what is ready; if nothing (a level-triggered item may have
 * been drained since its wakeup, or another task took the events), sleep
 * until ep_poll_callback wakes us, the time runs out or a signal comes.
 * The readiness check and queueing on ep->wq happen under ep->lock with
 * the task already TASK_INTERRUPTIBLE, so a callback in between is not
 * lost. Waiters are exclusive: one event wakes one epoll_wait (Linux).
 * Returns events reported, 0 on timeout, -EINTR on a signal (epoll_wait
 * is never restarted, as in Linux), -EFAULT. Process context, sleeps.
 */
static int ep_poll(struct eventpoll *ep, struct epoll_event __user *events,
		   int maxevents, long timeout)
{
	int eavail = ep_events_available(ep), timed_out = !timeout;
	wait_queue_entry_t wait;
	unsigned long flags;
	int res;

	for (;;) {
		if (eavail) {
			res = ep_send_events(ep, events, maxevents);
			if (res)
				return res;
		}
		if (timed_out)
			return 0;
		if (signal_pending(current))
			return -EINTR;

		init_waitqueue_entry(&wait, current);
		wait.func = autoremove_wake_function;
		spin_lock_irqsave(&ep->lock, flags);
		__set_current_state(TASK_INTERRUPTIBLE);
		eavail = ep_events_available(ep);
		if (!eavail)
			add_wait_queue_exclusive(&ep->wq, &wait);
		spin_unlock_irqrestore(&ep->lock, flags);
		if (!eavail) {
			timeout = schedule_timeout(timeout);
			timed_out = !timeout;
		}
		finish_wait(&ep->wq, &wait); /* TASK_RUNNING, dequeued */
		eavail = ep_events_available(ep);
	}
}

/* ---- the interest set: process context ------------------------------------------ */

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	struct epitem *epi;

	list_for_each_entry(epi, &ep->items, rbn)
		if (epi->file == file && epi->fd == fd)
			return epi;
	return NULL;
}

static void ep_unregister_pollwait(struct epitem *epi)
{
	while (epi->pwqlist) {
		struct eppoll_entry *pwq = epi->pwqlist;

		epi->pwqlist = pwq->next;
		remove_wait_queue(pwq->whead, &pwq->wait);
		kfree(pwq);
	}
	epi->nwait = 0;
}

/* Take the item off its file's f_ep chain. */
static void ep_unlink_file(struct epitem *epi)
{
	struct epitem **pp = &epi->file->f_ep;

	while (*pp != epi)
		pp = &(*pp)->f_next;
	*pp = epi->f_next;
}

/*
 * Remove an item from its set: off the file's wait queues first (no more
 * callbacks), then off every list, then free.
 */
static void ep_remove(struct eventpoll *ep, struct epitem *epi)
{
	ep_unregister_pollwait(epi);
	ep_unlink_file(epi);
	list_del(&epi->rbn);
	ep_unlink_ready(ep, epi);
	kfree(epi);
}

/*
 * EPOLL_CTL_ADD: new item, registered on the file's queues by its ->poll;
 * queued at once if the file is ready already. -ENOMEM, or 0.
 */
static int ep_insert(struct eventpoll *ep, const struct epoll_event *event,
		     struct file *tfile, int fd)
{
	struct epitem *epi = kzalloc(sizeof(*epi), GFP_KERNEL);
	struct ep_pqueue epq;
	__poll_t revents;

	if (!epi)
		return -ENOMEM;
	INIT_LIST_HEAD(&epi->rdllink);
	epi->ep = ep;
	epi->file = tfile;
	epi->fd = fd;
	epi->event = *event;
	epi->f_next = tfile->f_ep;
	tfile->f_ep = epi;
	list_add_tail(&epi->rbn, &ep->items);

	epq.epi = epi;
	init_poll_funcptr(&epq.pt, ep_ptable_queue_proc);
	revents = ep_item_poll(epi, &epq.pt);
	if (epi->nwait < 0) {
		ep_remove(ep, epi);
		return -ENOMEM;
	}
	if (revents)
		ep_link_ready(ep, epi, 1);
	return 0;
}

/* EPOLL_CTL_MOD: new events and data; re-enables an EPOLLONESHOT item. */
static int ep_modify(struct eventpoll *ep, struct epitem *epi,
		     const struct epoll_event *event)
{
	epi->event = *event;
	if (ep_item_poll(epi, NULL))
		ep_link_ready(ep, epi, 1);
	return 0;
}

/* Levels of epoll sets below ep (0: it watches no epoll file), or
 * EP_MAX_NESTS + 1 if that is too deep or `target` is among them. */
static int ep_depth_below(struct eventpoll *ep, struct eventpoll *target,
			  int depth)
{
	struct epitem *epi;
	int deepest = 0;

	list_for_each_entry(epi, &ep->items, rbn) {
		struct eventpoll *child;

		if (!is_file_epoll(epi->file))
			continue;
		child = epi->file->private_data;
		if (child == target || depth >= EP_MAX_NESTS)
			return EP_MAX_NESTS + 1;
		deepest = max(deepest,
			      1 + ep_depth_below(child, target, depth + 1));
	}
	return deepest;
}

/* Levels of epoll sets above ep (sets watching it, transitively). */
static int ep_depth_above(struct eventpoll *ep, int depth)
{
	int highest = 0;

	for (struct epitem *epi = ep->file->f_ep; epi; epi = epi->f_next) {
		if (depth >= EP_MAX_NESTS)
			return EP_MAX_NESTS + 1;
		highest = max(highest, 1 + ep_depth_above(epi->ep, depth + 1));
	}
	return highest;
}

/*
 * Adding epoll file `to` to ep: refuse a cycle (ep reachable from `to`)
 * and chains of more than EP_MAX_NESTS + 1 epoll sets, with -ELOOP.
 * Without this, a wakeup could chase itself through nested callbacks.
 */
static int ep_loop_check(struct eventpoll *ep, struct eventpoll *to)
{
	int below = ep_depth_below(to, ep, 0);

	if (below > EP_MAX_NESTS)
		return -ELOOP;
	return ep_depth_above(ep, 0) + 1 + below > EP_MAX_NESTS ? -ELOOP : 0;
}

/* ---- the epoll file ---------------------------------------------------------------- */

static struct eventpoll *ep_alloc(void)
{
	struct eventpoll *ep = kzalloc(sizeof(*ep), GFP_KERNEL);

	if (!ep)
		return NULL;
	spin_lock_init(&ep->lock);
	ep->lock.name = "eventpoll";
	INIT_LIST_HEAD(&ep->rdllist);
	INIT_LIST_HEAD(&ep->items);
	init_waitqueue_head(&ep->wq);
	init_waitqueue_head(&ep->poll_wait);
	return ep;
}

/* Last close of the epoll fd: drop every item. Nobody polls us any more:
 * a poller holds a file reference, and sets watching us were left in
 * eventpoll_release before this ran. */
static int ep_eventpoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;

	while (!list_empty(&ep->items))
		ep_remove(ep, list_first_entry(&ep->items, struct epitem, rbn));
	kfree(ep);
	return 0;
}

static const struct file_operations eventpoll_fops = {
	.poll = ep_eventpoll_poll,
	.release = ep_eventpoll_release,
};

/*
 * The last fput of any file that is in epoll sets (fput -> here, before
 * ->release): remove it from every set, so no epitem points at a freed
 * file and its wait queues. Process context.
 */
void eventpoll_release_file(struct file *file)
{
	while (file->f_ep)
		ep_remove(file->f_ep->ep, file->f_ep);
}

/* ---- system calls --------------------------------------------------------------------- */

static int do_epoll_create(int flags)
{
	struct eventpoll *ep;
	struct file *file;
	int fd, err;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = ep_alloc();
	if (!ep)
		return -ENOMEM;
	fd = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd < 0) {
		kfree(ep);
		return fd;
	}
	/* Linux: anon_inode_getfile("[eventpoll]", ...): mode 0600, no type. */
	err = alloc_file_pseudo(0600, O_RDWR, &eventpoll_fops, ep, &file);
	if (err) {
		put_unused_fd(fd);
		kfree(ep);
		return err;
	}
	ep->file = file;
	fd_install(fd, file);
	return fd;
}

long sys_epoll_create1(int flags)
{
	return do_epoll_create(flags);
}

/* size is a hint Linux ignores since 2.6.8, but it must be positive. */
long sys_epoll_create(int size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(0);
}

/* The op with the file pair checked; errors as Linux's do_epoll_ctl. */
static int ep_ctl_op(struct eventpoll *ep, int op, struct file *tfile, int fd,
		     struct epoll_event *epds)
{
	struct epitem *epi = ep_find(ep, tfile, fd);

	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi)
			return -EEXIST;
		if (is_file_epoll(tfile)) {
			int err = ep_loop_check(ep, tfile->private_data);

			if (err)
				return err;
		}
		epds->events |= EPOLLERR | EPOLLHUP; /* always reported */
		return ep_insert(ep, epds, tfile, fd);
	case EPOLL_CTL_DEL:
		if (!epi)
			return -ENOENT;
		ep_remove(ep, epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (!epi)
			return -ENOENT;
		if (epi->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		epds->events |= EPOLLERR | EPOLLHUP;
		return ep_modify(ep, epi, epds);
	}
	return -EINVAL;
}

/* EPOLLEXCLUSIVE: ADD only, not on an epoll file, few other bits. */
static int ep_exclusive_ok(int op, struct file *tfile,
			   const struct epoll_event *epds)
{
	if (op == EPOLL_CTL_DEL || !(epds->events & EPOLLEXCLUSIVE))
		return 1;
	if (op == EPOLL_CTL_MOD)
		return 0;
	return !is_file_epoll(tfile) &&
	       !(epds->events & ~EPOLLEXCLUSIVE_OK_BITS);
}

static int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds)
{
	struct file *file, *tfile;
	int err;

	file = fget(epfd);
	if (!file)
		return -EBADF;
	tfile = fget(fd);
	err = -EBADF;
	if (!tfile)
		goto out_fput;
	err = -EPERM; /* regular files: always ready, nothing to wait for */
	if (!tfile->f_op || !tfile->f_op->poll)
		goto out_tfput;
	err = -EINVAL;
	if (file == tfile || !is_file_epoll(file))
		goto out_tfput;
	if (!ep_exclusive_ok(op, tfile, epds))
		goto out_tfput;
	err = ep_ctl_op(file->private_data, op, tfile, fd, epds);
out_tfput:
	fput(tfile);
out_fput:
	fput(file);
	return err;
}

long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event __user *event)
{
	struct epoll_event epds = { 0, 0 };

	if (op != EPOLL_CTL_DEL && copy_from_user(&epds, event, sizeof(epds)))
		return -EFAULT;
	return do_epoll_ctl(epfd, op, fd, &epds);
}

static int do_epoll_wait(int epfd, struct epoll_event __user *events,
			 int maxevents, int timeout_ms)
{
	struct file *file;
	int err;

	if (maxevents <= 0 || (unsigned int)maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!access_ok(events, maxevents * sizeof(struct epoll_event)))
		return -EFAULT;
	file = fget(epfd);
	if (!file)
		return -EBADF;
	err = -EINVAL;
	if (is_file_epoll(file))
		err = ep_poll(file->private_data, events, maxevents,
			      ep_timeout_to_jiffies(timeout_ms));
	fput(file);
	return err;
}

long sys_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
		    int timeout)
{
	return do_epoll_wait(epfd, events, maxevents, timeout);
}

/*
 * epoll_wait with a temporary signal mask, atomically (as pselect). When a
 * signal ends the wait, the old mask is restored by the signal frame after
 * the handler ran (restore_sigmask); otherwise here and now.
 */
long sys_epoll_pwait(int epfd, struct epoll_event __user *events, int maxevents,
		     int timeout, const sigset_t __user *sigmask,
		     size_t sigsetsize)
{
	sigset_t ksigmask;
	int err;

	if (sigmask) {
		if (sigsetsize != sizeof(sigset_t))
			return -EINVAL;
		if (copy_from_user(&ksigmask, sigmask, sizeof(ksigmask)))
			return -EFAULT;
		current->saved_sigmask = current->blocked;
		set_current_blocked(&ksigmask);
	}
	err = do_epoll_wait(epfd, events, maxevents, timeout);
	if (sigmask) {
		if (err == -EINTR)
			current->restore_sigmask = 1;
		else
			set_current_blocked(&current->saved_sigmask);
	}
	return err;
}
