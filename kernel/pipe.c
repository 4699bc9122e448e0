/*
 * pipe.c - pipes: pipe(), pipe2() and the pipe's file operations
 * (Linux: fs/pipe.c).
 *
 * A pipe is a ring buffer of PIPE_SIZE bytes shared by two struct files,
 * the read end and the write end. `head` counts every byte ever written,
 * `tail` every byte read; head - tail is what is buffered, and the byte
 * positions wrap with PIPE_SIZE - 1 (a power of two).
 *
 *   writer: waits on wr_wait while full      reader: waits on rd_wait
 *           wakes rd_wait after writing              while empty, wakes
 *                                                    wr_wait after reading
 *
 * End of file: read returns 0 once the buffer is empty and no writer is
 * left. Broken pipe: a write with no reader left raises SIGPIPE and
 * fails with -EPIPE. O_NONBLOCK turns every wait into -EAGAIN. Writes of
 * up to PIPE_BUF bytes are atomic (never interleaved with another writer).
 *
 * Process context for read/write/poll/release; the wakeups they do are
 * the same any context could do. Linux's pipe is an array of pages
 * (16 by default, 64 KiB) that can also be spliced; ours is one 16 KiB
 * block.
 */
#include "kernel/pipe.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/slab.h"
#include "kernel/poll.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

/* ---- the ring ------------------------------------------------------------------ */

unsigned int pipe_len(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

unsigned int pipe_space(const struct pipe_inode_info *pipe)
{
	return PIPE_SIZE - pipe_len(pipe);
}

/* Copy up to n bytes in; returns how many fitted. */
unsigned int pipe_ring_write(struct pipe_inode_info *pipe, const char *src,
			     unsigned int n)
{
	unsigned int done = 0;

	n = min(n, pipe_space(pipe));
	while (done < n) {
		unsigned int off = pipe->head & (PIPE_SIZE - 1);
		unsigned int chunk = min(n - done, PIPE_SIZE - off);

		memcpy(pipe->buf + off, src + done, chunk);
		pipe->head += chunk;
		done += chunk;
	}
	return done;
}

/* Copy up to n bytes out; returns how many there were. */
unsigned int pipe_ring_read(struct pipe_inode_info *pipe, char *dst,
			    unsigned int n)
{
	unsigned int done = 0;

	n = min(n, pipe_len(pipe));
	while (done < n) {
		unsigned int off = pipe->tail & (PIPE_SIZE - 1);
		unsigned int chunk = min(n - done, PIPE_SIZE - off);

		memcpy(dst + done, pipe->buf + off, chunk);
		pipe->tail += chunk;
		done += chunk;
	}
	return done;
}

struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = (char *)__get_free_pages(GFP_KERNEL, PIPE_ORDER);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	return pipe;
}

void free_pipe_info(struct pipe_inode_info *pipe)
{
	free_pages((unsigned long)pipe->buf, PIPE_ORDER);
	kfree(pipe);
}

/* ---- file operations --------------------------------------------------------------- */

static ssize_t pipe_read(struct file *filp, char *buf, size_t count,
			 loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;

	if (!count)
		return 0;
	for (;;) {
		if (pipe_len(pipe)) {
			unsigned int n = pipe_ring_read(pipe, buf, count);

			wake_up_interruptible_poll(&pipe->wr_wait,
						   EPOLLOUT | EPOLLWRNORM);
			return n;
		}
		if (!pipe->writers)
			return 0; /* end of file */
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->rd_wait,
					     pipe_len(pipe) || !pipe->writers))
			return -ERESTARTSYS;
	}
}

static void pipe_broken(void)
{
	send_sig(SIGPIPE, current, 0);
}

/*
 * Room to go on: any space, or - to keep a write of up to PIPE_BUF bytes
 * in one piece - room for all of what is left of it.
 */
static int pipe_writable(struct pipe_inode_info *pipe, size_t left)
{
	unsigned int need = left <= PIPE_BUF ? left : 1;

	return pipe_space(pipe) >= need || !pipe->readers;
}

static ssize_t pipe_write(struct file *filp, const char *buf, size_t count,
			  loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t done = 0;

	while (done < count) {
		if (!pipe->readers) {
			pipe_broken();
			return done ? (ssize_t)done : -EPIPE;
		}
		if (pipe_writable(pipe, count - done)) {
			done += pipe_ring_write(pipe, buf + done, count - done);
			wake_up_interruptible_poll(&pipe->rd_wait,
						   EPOLLIN | EPOLLRDNORM);
			continue;
		}
		if (filp->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		if (wait_event_interruptible(pipe->wr_wait,
					     pipe_writable(pipe, count - done)))
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
	return done;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	__poll_t mask = 0;

	if (filp->f_mode & FMODE_READ) {
		poll_wait(filp, &pipe->rd_wait, wait);
		if (pipe_len(pipe))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!pipe->writers)
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		poll_wait(filp, &pipe->wr_wait, wait);
		if (pipe_space(pipe))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	return mask;
}

/* The last close of one end: the other side sees EOF or EPIPE. */
static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;

	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	if (!pipe->readers && !pipe->writers) {
		free_pipe_info(pipe);
		return 0;
	}
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	return 0;
}

/* FIONREAD: bytes waiting. */
static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	int n = pipe_len(pipe);

	if (cmd != FIONREAD)
		return -ENOTTY;
	return copy_to_user((int __user *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* ---- pipe(), pipe2() ------------------------------------------------------------- */

/* Two files on one new pipe: res[0] reads, res[1] writes. */
static int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();
	int err;

	if (!pipe)
		return -ENOMEM;
	err = alloc_file_pseudo(S_IFIFO | 0600, O_RDONLY | (flags & O_NONBLOCK),
				&pipefifo_fops, pipe, &res[0]);
	if (err) {
		free_pipe_info(pipe);
		return err;
	}
	err = alloc_file_pseudo(S_IFIFO | 0600, O_WRONLY | (flags & O_NONBLOCK),
				&pipefifo_fops, pipe, &res[1]);
	if (err) {
		pipe->writers = 0; /* res[0]'s release frees the pipe */
		fput(res[0]);
	}
	return err;
}

long sys_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? -1 : get_unused_fd_flags(flags);
	if (fd[1] < 0 || copy_to_user(fildes, fd, sizeof(fd))) {
		err = fd[0] < 0 ? fd[0] : fd[1] < 0 ? fd[1] : -EFAULT;
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		if (fd[1] >= 0)
			put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

long sys_pipe(int __user *fildes)
{
	return sys_pipe2(fildes, 0);
}
