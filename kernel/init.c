/*
 * init.c - from the boot context to the first user process (Linux:
 * init/main.c rest_init, kernel_init, run_init_process).
 *
 * start_kernel ends in rest_init(), which creates the two tasks every
 * Linux system starts with and then becomes the idle task:
 *
 *   pid 0  swapper/0   the boot context; idles (kernel/sched/idle.c)
 *   pid 1  kernel_init  finishes booting in process context - kthreads,
 *                       selftests, /dev/console - then execs init and
 *                       becomes the first user process
 *   pid 2  kthreadd     creates every other kernel thread (kthread.c)
 *
 * pid 1 runs `init=` from the command line if given, else the first of
 * /sbin/init, /etc/init, /bin/init, /bin/sh that exists, with argv_init and
 * envp_init (kernel/params.h), on /dev/console as fds 0, 1 and 2.
 */
#include "kernel/init.h"
#include "kernel/binfmts.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/kthread.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "kernel/sched/completion.h"
#include "kernel/sched/task.h"
#include "kernel/selftest.h"
#include "kernel/timekeeping.h"

static struct completion kthreadd_done;

static int run_init_process(const char *init_filename)
{
	pr_info("Run %s as init process\n", init_filename);
	argv_init[0] = init_filename;
	return kernel_execve(init_filename, argv_init, envp_init);
}

/* "Can't run it" errors mean: try the next candidate. */
static int try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret;
}

/* fds 0, 1, 2 of init (Linux: console_on_rootfs). */
static void console_on_rootfs(void)
{
	struct file *file;

	if (vfs_open("/dev/console", O_RDWR, 0, NULL, &file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int fd = 0; fd < 3; fd++)
		if (get_unused_fd_flags(0) == fd)
			fd_install(fd, fd ? get_file(file) : file);
}

/* pid 1 gets what a process needs: a file table and a cwd ("/"). */
static int init_process_context(void)
{
	current->files = files_alloc();
	current->fs = fs_alloc();
	return current->files && current->fs ? 0 : -ENOMEM;
}

static void run_init(void)
{
	static const char *const defaults[] = { "/sbin/init", "/etc/init",
						"/bin/init", "/bin/sh" };
	int ret;

	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return;
		pr_err("Requested init %s failed (error %d).\n",
		       execute_command, ret);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!try_to_run_init_process(defaults[i]))
			return;
	/* Linux panics here; rxos stays up so selftest boots can finish */
	pr_err("No working init found.  Try passing init= option to kernel.\n");
	pr_info("rxos: idle\n");
	for (;;)
		schedule_timeout_uninterruptible(MAX_SCHEDULE_TIMEOUT);
}

static int kernel_init(void *unused)
{
	wait_for_completion(&kthreadd_done);
	spawn_ksoftirqd();
	timekeeping_init();
	proc_pid_init();
	run_selftests();
	if (init_process_context())
		panic("kernel_init: out of memory");
	console_on_rootfs();
	run_init();
	return 0; /* ret_from_fork goes on into the user program */
}

__noreturn void rest_init(void)
{
	pid_t pid;

	init_completion(&kthreadd_done);
	kernel_thread(kernel_init, NULL, NULL, CLONE_FS);
	pid = kernel_thread(kthreadd, NULL, "kthreadd", CLONE_FS | CLONE_FILES);
	kthreadd_task = find_task_by_pid(pid);
	complete(&kthreadd_done);
	cpu_startup_entry();
}
