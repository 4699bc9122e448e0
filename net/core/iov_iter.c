/*
 * iov_iter.c - copying between a message's buffers and the kernel
 * (Linux: lib/iov_iter.c).
 *
 * A struct iov_iter (net/socket.h) walks a list of iovecs; copy_to_iter /
 * copy_from_iter move bytes and advance it. User iovecs (recvmsg, sendto)
 * go through copy_to_user/copy_from_user, so a bad pointer stops the copy
 * short and the caller returns -EFAULT; kernel ones (read()/write() on a
 * socket, whose buffer the VFS already bounced) are plain memcpy.
 * Process context (user copies may fault pages in on Linux).
 */
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/socket.h"

void iov_iter_init(struct iov_iter *i, bool user, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	i->user = user;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* Step over empty segments; the current segment's room in *room. */
static void *iter_seg(struct iov_iter *i, size_t *room)
{
	while (i->nr_segs && i->iov_offset >= i->iov->iov_len) {
		i->iov++;
		i->nr_segs--;
		i->iov_offset = 0;
	}
	if (!i->nr_segs)
		return NULL;
	*room = i->iov->iov_len - i->iov_offset;
	return (char *)i->iov->iov_base + i->iov_offset;
}

static void iter_advance(struct iov_iter *i, size_t n)
{
	i->iov_offset += n;
	i->count -= n;
}

/* One copy per segment; stop at the first fault (short count). */
static size_t iter_copy(void *kbuf, size_t bytes, struct iov_iter *i, int out)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		size_t room, n;
		void *seg = iter_seg(i, &room);
		unsigned long left;

		if (!seg)
			break;
		n = min(room, bytes - done);
		if (!i->user) {
			if (out)
				memcpy(seg, (char *)kbuf + done, n);
			else
				memcpy((char *)kbuf + done, seg, n);
			left = 0;
		} else if (out) {
			left = copy_to_user(seg, (char *)kbuf + done, n);
		} else {
			left = copy_from_user((char *)kbuf + done, seg, n);
		}
		iter_advance(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iter_copy((void *)addr, bytes, i, 1);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iter_copy(addr, bytes, i, 0);
}
