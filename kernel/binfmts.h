/*
 * binfmts.h - the state of one execve() (Linux: include/linux/binfmts.h).
 *
 * execve builds the new program's address space completely on the side -
 * bprm->mm, not yet in use - while the old program still runs: arguments
 * and environment are copied onto the new stack, the ELF segments are
 * loaded, the initial stack tables are written. Only then does
 * begin_new_exec() switch current over ("the point of no return"), so any
 * failure before it returns an error to the old program, which keeps
 * running. Linux passes the point of no return earlier, inside the ELF
 * loader, and kills the process when a later step fails.
 */
#ifndef RXOS_KERNEL_BINFMTS_H
#define RXOS_KERNEL_BINFMTS_H

#include "kernel/elf.h"
#include "kernel/mm_types.h"

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (32 * PAGE_SIZE)
#define MAX_ARG_BYTES (64 * 1024) /* argv + envp strings (Linux: rlimit/4) */
#define BINPRM_MAX_RECURSION 4	   /* #! scripts naming scripts */
#define ELF_MAX_PHNUM 64

struct file;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE]; /* the file's first bytes */
	struct file *file;
	long long file_size;
	struct mm_struct *mm; /* the new address space, until committed */
	unsigned long p;      /* lowest byte used on the new stack */
	unsigned long exec;   /* user address of the filename (AT_EXECFN) */
	unsigned long p_args; /* user address of argv[0]'s string */
	int argc, envc;
	const char *filename; /* kernel copy, as given to execve */
	char *interp;	      /* what is actually run (changed by #!) */
	/* filled by the ELF loader */
	unsigned long entry, phdr_addr;
	unsigned int phnum;
};

/* The result of checking an ELF file's headers, before anything is mapped. */
struct elf_layout {
	unsigned long entry;
	unsigned long phdr_addr; /* where the program headers are in memory */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long elf_brk; /* end of the highest segment: the heap starts here */
};

/* Pure checks, for hostile files (host-tested): 0 or -ENOEXEC. */
int elf_check_header(const Elf32_Ehdr *eh, long long file_size);
int elf_check_phdrs(const Elf32_Ehdr *eh, const Elf32_Phdr *phdrs,
		    long long file_size, struct elf_layout *out);

/* binfmt_elf.c: load segments into bprm->mm. 0, -ENOEXEC, -ENOMEM, -EIO. */
int load_elf_binary(struct linux_binprm *bprm, struct elf_layout *layout);
/* exec.c: the initial stack (argc, argv, envp, auxv) of the new program. */
int create_elf_tables(struct linux_binprm *bprm, struct elf_layout *layout);

/* Run a program from kernel context (pid 1's /sbin/init): argv/envp are
 * kernel arrays. On success current returns to user mode in the program
 * when the calling kernel thread function returns. */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif
