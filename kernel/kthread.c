/*
 * kthread.c - creating and stopping kernel threads (Linux: kernel/kthread.c).
 *
 * kthread_create() does not fork the thread itself: it queues a request
 * and wakes kthreadd, which forks every kernel thread, so they all share a
 * clean parent (no files, no mm, all signals ignored so they reap
 * themselves) and show PPID 2. The new task starts in kthread(), tells the
 * creator it exists, and sleeps until wake_up_process() (kthread_run) lets
 * it call threadfn.
 *
 *   creator                     kthreadd (pid 2)             new thread
 *   kthread_create: queue ----> kernel_thread(kthread) ----> kthread():
 *   wait_for_completion   <---------------------------------- complete(done)
 *   wake_up_process ------------------------------------------> threadfn()
 *
 * Process context.
 */
#include "kernel/kthread.h"
#include "kernel/errno.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/sched/completion.h"
#include "kernel/sched/task.h"
#include "kernel/signal.h"
#include "lib/vsprintf.h"

struct kthread {
	int should_stop;
	int result;
	struct completion exited; /* completed in do_exit */
};

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	char comm[TASK_COMM_LEN];
	struct task_struct *result; /* or ERR_PTR */
	struct completion done;
	struct list_head list;
};

struct task_struct *kthreadd_task;
static LIST_HEAD(kthread_create_list);
static DEFINE_SPINLOCK(kthread_create_lock);

int kthread_should_stop(void)
{
	return current->kthread && current->kthread->should_stop;
}

/* The first function of every kthread-made task. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *data) = create->threadfn;
	void *data = create->data;
	struct kthread *self = kzalloc(sizeof(*self), GFP_KERNEL);
	int ret = -EINTR;

	if (!self) {
		create->result = ERR_PTR(-ENOMEM);
		complete(&create->done);
		do_exit(-ENOMEM);
	}
	init_completion(&self->exited);
	current->kthread = self;
	set_task_comm(current, create->comm);
	create->result = current;
	/* sleep until kthread_run()/kthread_stop() wakes us; after complete()
	 * `create` belongs to the creator again and must not be touched */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	complete(&create->done);
	schedule();
	if (!self->should_stop)
		ret = threadfn(data);
	do_exit(ret);
}

/* do_exit of a kthread: hand the result to kthread_stop(). */
void kthread_exit_notify(struct task_struct *p, long code)
{
	p->kthread->result = code;
	complete(&p->kthread->exited);
}

void free_kthread_struct(struct task_struct *p)
{
	kfree(p->kthread);
	p->kthread = NULL;
}

static void create_kthread(struct kthread_create_info *create)
{
	pid_t pid = kernel_thread(kthread, create, create->comm,
				  CLONE_FS | CLONE_FILES | SIGCHLD);

	if (pid < 0) {
		create->result = ERR_PTR(pid);
		complete(&create->done);
	}
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread_create_info create = { .threadfn = threadfn, .data = data };
	unsigned long flags;
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(create.comm, sizeof(create.comm), namefmt, ap);
	va_end(ap);
	init_completion(&create.done);
	spin_lock_irqsave(&kthread_create_lock, flags);
	list_add_tail(&create.list, &kthread_create_list);
	spin_unlock_irqrestore(&kthread_create_lock, flags);
	wake_up_process(kthreadd_task);
	wait_for_completion(&create.done);
	return create.result;
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kthread = k->kthread;
	int ret;

	get_task_struct(k);
	kthread->should_stop = 1;
	wake_up_process(k);
	wait_for_completion(&kthread->exited);
	ret = kthread->result;
	put_task_struct(k);
	return ret;
}

static struct kthread_create_info *next_create_request(void)
{
	struct kthread_create_info *create = NULL;
	unsigned long flags;

	spin_lock_irqsave(&kthread_create_lock, flags);
	if (!list_empty(&kthread_create_list)) {
		create = list_first_entry(&kthread_create_list,
					  struct kthread_create_info, list);
		list_del_init(&create->list);
	}
	spin_unlock_irqrestore(&kthread_create_lock, flags);
	return create;
}

int kthreadd(void *unused)
{
	struct kthread_create_info *create;

	set_task_comm(current, "kthreadd");
	ignore_signals(current); /* children reap themselves */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);
		while ((create = next_create_request()))
			create_kthread(create);
	}
	return 0;
}
