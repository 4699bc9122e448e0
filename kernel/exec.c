/*
 * exec.c - execve(): replace the running program (Linux: fs/exec.c, the
 * stack tables of fs/binfmt_elf.c create_elf_tables, fs/binfmt_script.c).
 *
 *   sys_execve / kernel_execve
 *     do_execve: open the file, read its first bytes
 *       bprm_mm_init      a new mm with a stack area
 *       copy_strings      filename, envp, argv onto the new stack
 *       exec_binprm       "#!": restart with the interpreter; ELF: load it
 *       create_elf_tables argc, argv[], envp[], auxv[] below the strings
 *       begin_new_exec    --- point of no return: current takes the new mm
 *       start_thread      user registers: ip = entry, sp = the tables
 *
 * The new stack, top down (as Linux builds it, so C libraries and gdb
 * find what they expect):
 *
 *   STACK_TOP  [4 zero bytes][filename][envp strings][argv strings]
 *              [pad to 16]["i686"][16 random bytes (AT_RANDOM)]
 *              [auxv pairs ... AT_NULL][NULL][envp ptrs][NULL][argv ptrs]
 *   sp ->      [argc]                                   (16-byte aligned)
 *
 * Process context; may sleep (file reads, allocations).
 */
#include "kernel/binfmts.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/irqflags.h"
#include "kernel/mm/slab.h"
#include "kernel/mmu_context.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/random.h"
#include "kernel/sched/fpu.h"
#include "kernel/sched/sched.h"
#include "kernel/segment.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

#define ELF_PLATFORM "i686"
#define MAX_ARG_STRINGS 0x7FFFFFFF

/* argv/envp: an array of string pointers in user or kernel memory. */
struct user_arg_ptr {
	const char *const *ptr;
	int is_kernel;
};

/* ---- reading argument arrays ---------------------------------------------- */

static int get_arg_ptr(struct user_arg_ptr argv, int nr, const char **str)
{
	if (argv.is_kernel) {
		*str = argv.ptr[nr];
		return 0;
	}
	return get_user(*str, argv.ptr + nr);
}

/* Number of strings before the NULL, or -EFAULT / -E2BIG. */
static int count(struct user_arg_ptr argv, int max)
{
	int i = 0;

	if (!argv.ptr)
		return 0;
	for (;;) {
		const char *p;

		if (get_arg_ptr(argv, i, &p))
			return -EFAULT;
		if (!p)
			return i;
		if (++i >= max)
			return -E2BIG;
	}
}

/* ---- copying strings to the new stack --------------------------------------- */

static long arg_strlen(const char *str, int is_kernel)
{
	return is_kernel ? (long)strnlen(str, MAX_ARG_STRLEN) + 1
			 : strnlen_user(str, MAX_ARG_STRLEN);
}

/* Put one string (with its NUL) just below bprm->p in the new mm. */
static int copy_string(struct linux_binprm *bprm, const char *str,
		       int is_kernel)
{
	long len = arg_strlen(str, is_kernel);
	char tmp[256];

	if (len <= 0)
		return -EFAULT;
	if ((unsigned long)len > MAX_ARG_STRLEN ||
	    STACK_TOP - (bprm->p - len) > MAX_ARG_BYTES)
		return -E2BIG;
	bprm->p -= len;
	for (long off = 0; off < len;) {
		long n = min(len - off, (long)sizeof(tmp));

		if (is_kernel)
			memcpy(tmp, str + off, n);
		else if (copy_from_user(tmp, str + off, n))
			return -EFAULT;
		if (off + n == len)
			tmp[n - 1] = '\0'; /* it may have changed since strnlen */
		if (copy_to_mm(bprm->mm, bprm->p + off, tmp, n))
			return -EFAULT;
		off += n;
	}
	return 0;
}

/* Last string first, so they end up in order going up. */
static int copy_strings(int argc, struct user_arg_ptr argv,
			struct linux_binprm *bprm)
{
	while (argc-- > 0) {
		const char *str;
		int err = get_arg_ptr(argv, argc, &str);

		if (!err)
			err = str ? copy_string(bprm, str, argv.is_kernel) : -EFAULT;
		if (err)
			return err;
	}
	return 0;
}

/* ---- the new address space ------------------------------------------------------ */

static int bprm_mm_init(struct linux_binprm *bprm)
{
	int err;

	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	err = vm_map_anon(bprm->mm, STACK_TOP - STACK_INIT_SIZE, STACK_TOP,
			  VM_READ | VM_WRITE | VM_GROWSDOWN);
	bprm->p = STACK_TOP - sizeof(void *);
	return err;
}

/* Length (with NUL) of a string already on the new stack. */
static unsigned long mm_strlen(struct mm_struct *mm, unsigned long uaddr)
{
	unsigned long len = 0;

	for (;;) {
		unsigned long chunk = PAGE_SIZE - (uaddr & ~PAGE_MASK);
		const char *k = (const char *)user_virt_to_kernel(mm->pgd, uaddr, 0);
		size_t n = k ? strnlen(k, chunk) : chunk;

		len += n;
		if (!k || n < chunk)
			return len + 1;
		uaddr += chunk;
	}
}

/* Words written to the new stack through a small buffer. */
struct stack_writer {
	struct mm_struct *mm;
	unsigned long uaddr;
	unsigned int n;
	int err;
	uint32_t buf[64];
};

static void sw_flush(struct stack_writer *w)
{
	if (w->n && copy_to_mm(w->mm, w->uaddr, w->buf, w->n * 4))
		w->err = -EFAULT;
	w->uaddr += w->n * 4;
	w->n = 0;
}

static void sw_push(struct stack_writer *w, uint32_t v)
{
	w->buf[w->n++] = v;
	if (w->n == ARRAY_SIZE(w->buf))
		sw_flush(w);
}

/* Pointers to n consecutive strings starting at uaddr, then NULL. */
static unsigned long sw_push_strings(struct stack_writer *w, unsigned long uaddr,
				     int n)
{
	while (n-- > 0) {
		sw_push(w, uaddr);
		uaddr += mm_strlen(w->mm, uaddr);
	}
	sw_push(w, 0);
	return uaddr;
}

static uint32_t cpuid_edx_1(void)
{
	uint32_t a = 1, b, c = 0, d;

	asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d;
}

/* Linux's order of the auxiliary vector (create_elf_tables). */
static int fill_auxv(uint32_t *aux, struct linux_binprm *bprm,
		     unsigned long u_platform, unsigned long u_rand)
{
	const uint32_t v[][2] = {
		{ AT_HWCAP, cpuid_edx_1() },  { AT_PAGESZ, PAGE_SIZE },
		{ AT_CLKTCK, HZ },	       { AT_PHDR, bprm->phdr_addr },
		{ AT_PHENT, sizeof(Elf32_Phdr) }, { AT_PHNUM, bprm->phnum },
		{ AT_BASE, 0 },		       { AT_FLAGS, 0 },
		{ AT_ENTRY, bprm->entry },     { AT_UID, 0 },
		{ AT_EUID, 0 },		       { AT_GID, 0 },
		{ AT_EGID, 0 },		       { AT_SECURE, 0 },
		{ AT_RANDOM, u_rand },	       { AT_EXECFN, bprm->exec },
		{ AT_PLATFORM, u_platform },   { AT_NULL, 0 },
	};

	memcpy(aux, v, sizeof(v));
	return ARRAY_SIZE(v) * 2;
}

int create_elf_tables(struct linux_binprm *bprm, struct elf_layout *layout)
{
	struct mm_struct *mm = bprm->mm;
	struct stack_writer w = { .mm = mm };
	uint32_t auxv[40];
	unsigned char rand[16];
	unsigned long p = bprm->p & ~15UL, u_platform, u_rand, a;
	int nwords, items;

	p -= sizeof(ELF_PLATFORM);
	u_platform = p;
	p -= sizeof(rand);
	u_rand = p;
	get_random_bytes(rand, sizeof(rand));
	if (copy_to_mm(mm, u_platform, ELF_PLATFORM, sizeof(ELF_PLATFORM)) ||
	    copy_to_mm(mm, u_rand, rand, sizeof(rand)))
		return -EFAULT;
	nwords = fill_auxv(auxv, bprm, u_platform, u_rand);
	items = 1 + (bprm->argc + 1) + (bprm->envc + 1) + nwords;
	if ((STACK_TOP - p) + items * 4 > STACK_INIT_SIZE)
		return -E2BIG;
	w.uaddr = bprm->p = (p - items * 4) & ~15UL;
	sw_push(&w, bprm->argc);
	mm->arg_start = bprm->p_args;
	a = sw_push_strings(&w, mm->arg_start, bprm->argc);
	mm->arg_end = mm->env_start = a;
	mm->env_end = sw_push_strings(&w, a, bprm->envc);
	for (int i = 0; i < nwords; i++)
		sw_push(&w, auxv[i]);
	sw_flush(&w);
	mm->start_stack = bprm->p;
	return w.err;
}

/* ---- #! scripts (Linux: fs/binfmt_script.c) ---------------------------------------- */

/* Split "#!interp [arg]" in buf; -ENOEXEC if the line is too long. */
static int parse_shebang(char *buf, char **interp, char **arg)
{
	char *end, *p = buf + 2;

	buf[BINPRM_BUF_SIZE - 1] = '\0';
	end = strchr(buf, '\n');
	if (!end && strlen(buf) == BINPRM_BUF_SIZE - 1)
		return -ENOEXEC;
	if (end)
		*end = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return -ENOEXEC;
	*interp = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	*arg = NULL;
	if (*p) {
		*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p)
			*arg = p; /* the rest of the line, as Linux does */
	}
	return 0;
}

/*
 * argv becomes { interp, [arg,] script path, argv[1], ... }: drop argv[0]
 * (the lowest string on the stack) and push the three below it.
 */
static int load_script(struct linux_binprm *bprm)
{
	char *interp, *arg;
	int err = parse_shebang(bprm->buf, &interp, &arg);

	if (err)
		return err;
	if (bprm->argc) {
		bprm->p += mm_strlen(bprm->mm, bprm->p);
		bprm->argc--;
	}
	err = copy_string(bprm, bprm->interp, 1);
	if (!err && arg)
		err = copy_string(bprm, arg, 1);
	if (!err)
		err = copy_string(bprm, interp, 1);
	if (err)
		return err;
	bprm->argc += arg ? 3 : 2;
	kfree(bprm->interp);
	bprm->interp = kmalloc(strlen(interp) + 1, GFP_KERNEL);
	if (!bprm->interp)
		return -ENOMEM;
	strlcpy(bprm->interp, interp, strlen(interp) + 1);
	return 1; /* run bprm->interp now */
}

/* ---- opening ----------------------------------------------------------------------------- */

static int open_exec(struct linux_binprm *bprm)
{
	struct inode *cwd = current->fs ? current->fs->pwd : NULL;
	struct inode *inode;
	loff_t pos = 0;
	ssize_t n;
	int err;

	if (bprm->file)
		fput(bprm->file);
	bprm->file = NULL;
	err = vfs_open(bprm->interp, O_RDONLY, 0, cwd, &bprm->file);
	if (err)
		return err;
	inode = file_inode(bprm->file);
	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & 0111))
		return -EACCES;
	bprm->file_size = inode->i_size;
	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = vfs_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
	return n < 0 ? (int)n : 0;
}

/* Find the handler: scripts restart with their interpreter, up to 4 deep. */
static int exec_binprm(struct linux_binprm *bprm, struct elf_layout *layout)
{
	for (int depth = 0; depth <= BINPRM_MAX_RECURSION; depth++) {
		int err = open_exec(bprm);

		if (err)
			return err;
		if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
			return load_elf_binary(bprm, layout);
		err = load_script(bprm);
		if (err < 0)
			return err;
	}
	return -ELOOP;
}

/* ---- the point of no return --------------------------------------------------------- */

static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

/* From here on the old program is gone; nothing may fail. */
static void begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *old = current->mm;

	current->mm = bprm->mm;
	bprm->mm = NULL;
	activate_mm(current->mm);
	if (old)
		mmput(old);
	current->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	set_task_comm(current, kbasename(bprm->filename));
	flush_signal_handlers(current);
	if (current->files)
		do_close_on_exec(current->files);
	current->clear_child_tid = current->set_child_tid = NULL;
	fpu_reset();
}

/* The user registers the new program starts with (Linux: start_thread,
 * ELF_PLAT_INIT zeroes the general registers). */
static void start_thread(struct pt_regs *regs, unsigned long ip,
			 unsigned long sp)
{
	unsigned long orig_ax = regs->orig_ax;

	memset(regs, 0, sizeof(*regs));
	regs->orig_ax = orig_ax;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->ip = ip;
	regs->sp = sp;
	regs->flags = X86_EFLAGS_IF | 0x2; /* bit 1 is always set */
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->interp);
	kfree(bprm);
}

/* Everything up to the tables; on error the caller still runs. */
static int prepare_binprm(struct linux_binprm *bprm, struct user_arg_ptr argv,
			  struct user_arg_ptr envp, struct elf_layout *layout)
{
	int err = bprm_mm_init(bprm);

	if (err)
		return err;
	bprm->argc = count(argv, MAX_ARG_STRINGS);
	bprm->envc = count(envp, MAX_ARG_STRINGS);
	if (bprm->argc < 0 || bprm->envc < 0)
		return bprm->argc < 0 ? bprm->argc : bprm->envc;
	err = copy_string(bprm, bprm->filename, 1);
	if (err)
		return err;
	bprm->exec = bprm->p;
	err = copy_strings(bprm->envc, envp, bprm);
	if (!err)
		err = copy_strings(bprm->argc, argv, bprm);
	if (err)
		return err;
	err = exec_binprm(bprm, layout);
	if (err)
		return err;
	bprm->p_args = bprm->p;
	return create_elf_tables(bprm, layout);
}

static int do_execve(const char *filename, struct user_arg_ptr argv,
		     struct user_arg_ptr envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	struct elf_layout layout;
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	bprm->interp = kmalloc(strlen(filename) + 1, GFP_KERNEL);
	if (!bprm->interp) {
		kfree(bprm);
		return -ENOMEM;
	}
	strlcpy(bprm->interp, filename, strlen(filename) + 1);
	err = prepare_binprm(bprm, argv, envp, &layout);
	if (!err) {
		begin_new_exec(bprm);
		start_thread(current_pt_regs(), bprm->entry, bprm->p);
	}
	free_bprm(bprm);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct user_arg_ptr a = { argv, 1 }, e = { envp, 1 };

	return do_execve(filename, a, e);
}

long sys_execve(const char __user *filename,
		const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	struct user_arg_ptr a = { argv, 0 }, e = { envp, 0 };
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, err;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		err = len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (len == 0)
		err = -ENOENT;
	else
		err = do_execve(name, a, e);
	kfree(name);
	return err;
}
