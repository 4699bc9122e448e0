/*
 * binfmt_elf.c - loading a static ELF32 i386 executable (Linux:
 * fs/binfmt_elf.c, load_elf_binary).
 *
 * Called from execve (exec.c) in process context with the file open and
 * its first bytes in bprm->buf. The program headers are checked against
 * the file before anything is mapped - the file may be hostile: truncated,
 * with segments beyond its end, in kernel space, overlapping, or with an
 * entry point outside the code. Then every PT_LOAD segment gets fresh
 * zeroed pages in the new address space and its file bytes are read in;
 * the rest of the segment (p_memsz > p_filesz: .bss) stays zero.
 *
 * Only ET_EXEC without PT_INTERP: no dynamic linking, no PIE (Linux maps
 * ld.so and a load bias for those). Pages are copied from the file, not
 * mapped from the page cache, and .text is read-only only when it shares
 * no page with writable data.
 */
#include "kernel/binfmts.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"

int elf_check_header(const Elf32_Ehdr *eh, long long file_size)
{
	if (file_size < (long long)sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return -ENOEXEC;
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_386)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum < 1 ||
	    eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (eh->e_phoff > file_size ||
	    file_size - eh->e_phoff < (long long)(eh->e_phnum * sizeof(Elf32_Phdr)))
		return -ENOEXEC;
	return 0;
}

/* One PT_LOAD: inside the file, in user space below the stack, after the
 * previous segment (the ELF spec orders them by address). */
static int check_load_segment(const Elf32_Phdr *ph, long long file_size,
			      unsigned long prev_end)
{
	const unsigned long limit = STACK_TOP - STACK_LIMIT;

	if (ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset)
		return -ENOEXEC;
	if (ph->p_vaddr < MMAP_MIN_ADDR || ph->p_memsz > limit ||
	    ph->p_vaddr > limit - ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_vaddr < prev_end)
		return -ENOEXEC;
	return 0;
}

static void account_segment(const Elf32_Phdr *ph, struct elf_layout *l)
{
	unsigned long file_end = ph->p_vaddr + ph->p_filesz;

	if (ph->p_vaddr < l->start_code)
		l->start_code = ph->p_vaddr;
	if ((ph->p_flags & PF_X) && file_end > l->end_code)
		l->end_code = file_end;
	if (ph->p_vaddr > l->start_data)
		l->start_data = ph->p_vaddr;
	if (file_end > l->end_data)
		l->end_data = file_end;
	if (ph->p_vaddr + ph->p_memsz > l->elf_brk)
		l->elf_brk = ph->p_vaddr + ph->p_memsz;
}

/* Where the program headers are once loaded (for AT_PHDR), if anywhere. */
static unsigned long phdr_in_segment(const Elf32_Ehdr *eh, const Elf32_Phdr *ph)
{
	unsigned long size = eh->e_phnum * sizeof(Elf32_Phdr);

	if (eh->e_phoff >= ph->p_offset &&
	    eh->e_phoff - ph->p_offset <= ph->p_filesz &&
	    size <= ph->p_filesz - (eh->e_phoff - ph->p_offset))
		return ph->p_vaddr + (eh->e_phoff - ph->p_offset);
	return 0;
}

int elf_check_phdrs(const Elf32_Ehdr *eh, const Elf32_Phdr *phdrs,
		    long long file_size, struct elf_layout *out)
{
	unsigned long prev_end = 0;
	int nload = 0, entry_ok = 0;

	memset(out, 0, sizeof(*out));
	out->start_code = ~0UL;
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = &phdrs[i];

		if (ph->p_type == PT_INTERP || ph->p_type == PT_DYNAMIC)
			return -ENOEXEC; /* needs a dynamic linker */
		if (ph->p_type != PT_LOAD)
			continue;
		if (check_load_segment(ph, file_size, prev_end))
			return -ENOEXEC;
		prev_end = ph->p_vaddr + ph->p_memsz;
		nload++;
		account_segment(ph, out);
		if ((ph->p_flags & PF_X) && eh->e_entry >= ph->p_vaddr &&
		    eh->e_entry < ph->p_vaddr + ph->p_memsz)
			entry_ok = 1;
		if (!out->phdr_addr)
			out->phdr_addr = phdr_in_segment(eh, ph);
	}
	if (!nload || !entry_ok)
		return -ENOEXEC;
	out->entry = eh->e_entry;
	return 0;
}

/* ---- loading ---------------------------------------------------------------- */

/* Read exactly count bytes at pos into a kernel buffer. */
static int kernel_read_exact(struct file *file, void *buf, size_t count,
			     long long pos)
{
	while (count) {
		loff_t p = pos;
		ssize_t n = vfs_read(file, buf, count, &p);

		if (n <= 0)
			return n < 0 ? (int)n : -EIO;
		buf = (char *)buf + n;
		count -= n;
		pos += n;
	}
	return 0;
}

/* Give a page that is mapped read-only a writable private copy: two
 * segments share it and the second one is data. */
static int make_page_writable(struct mm_struct *mm, unsigned long addr,
			      unsigned long kaddr)
{
	unsigned long page = alloc_user_page();
	int err;

	if (!page)
		return -ENOMEM;
	memcpy((void *)page, (void *)(kaddr & PAGE_MASK), PAGE_SIZE);
	unmap_user_page(mm->pgd, addr);
	err = map_user_page(mm->pgd, addr, page, 1);
	if (err)
		free_page(page);
	return err;
}

/* Pages for [start, end); a page the previous segment mapped is reused. */
static int elf_map_pages(struct mm_struct *mm, unsigned long start,
			 unsigned long end, int writable)
{
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		unsigned long k = user_virt_to_kernel(mm->pgd, a, 0);
		unsigned long page;
		int err;

		if (k) {
			if (writable && !user_virt_to_kernel(mm->pgd, a, 1) &&
			    (err = make_page_writable(mm, a, k)))
				return err;
			continue;
		}
		page = alloc_user_page();
		if (!page)
			return -ENOMEM;
		err = map_user_page(mm->pgd, a, page, writable);
		if (err) {
			free_page(page);
			return err;
		}
	}
	return 0;
}

/* Copy the segment's file bytes into its pages, page by page. */
static int elf_read_segment(struct mm_struct *mm, struct file *file,
			    const Elf32_Phdr *ph)
{
	for (unsigned long off = 0; off < ph->p_filesz;) {
		unsigned long va = ph->p_vaddr + off;
		unsigned long n = min(PAGE_SIZE - (va & ~PAGE_MASK),
				      (unsigned long)ph->p_filesz - off);
		void *k = (void *)user_virt_to_kernel(mm->pgd, va, 0);
		int err = kernel_read_exact(file, k, n, ph->p_offset + off);

		if (err)
			return err;
		off += n;
	}
	return 0;
}

static int elf_load_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
	unsigned long flags = VM_READ | (ph->p_flags & PF_W ? VM_WRITE : 0) |
			      (ph->p_flags & PF_X ? VM_EXEC : 0);
	int err;

	if (start == end)
		return 0;
	err = elf_map_pages(bprm->mm, start, end, ph->p_flags & PF_W);
	if (!err)
		err = elf_read_segment(bprm->mm, bprm->file, ph);
	if (!err)
		err = insert_vm_area(bprm->mm, start, end, flags);
	return err;
}

static void set_mm_layout(struct mm_struct *mm, struct elf_layout *l)
{
	mm->start_code = l->start_code;
	mm->end_code = l->end_code;
	mm->start_data = l->start_data;
	mm->end_data = l->end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(l->elf_brk);
}

int load_elf_binary(struct linux_binprm *bprm, struct elf_layout *layout)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->buf;
	Elf32_Phdr *phdrs;
	int err = elf_check_header(eh, bprm->file_size);

	if (err)
		return err;
	phdrs = kmalloc(eh->e_phnum * sizeof(*phdrs), GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	err = kernel_read_exact(bprm->file, phdrs, eh->e_phnum * sizeof(*phdrs),
				eh->e_phoff);
	if (!err)
		err = elf_check_phdrs(eh, phdrs, bprm->file_size, layout);
	for (int i = 0; !err && i < eh->e_phnum; i++)
		if (phdrs[i].p_type == PT_LOAD)
			err = elf_load_segment(bprm, &phdrs[i]);
	if (!err) {
		set_mm_layout(bprm->mm, layout);
		bprm->entry = layout->entry;
		bprm->phdr_addr = layout->phdr_addr;
		bprm->phnum = eh->e_phnum;
	}
	kfree(phdrs);
	return err;
}
