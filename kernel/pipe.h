/*
 * pipe.h - the pipe object (Linux: include/linux/pipe_fs_i.h); see pipe.c.
 */
#ifndef RXOS_KERNEL_PIPE_H
#define RXOS_KERNEL_PIPE_H

#include "kernel/sched/wait.h"

#define PIPE_ORDER 2			  /* 4 pages */
#define PIPE_SIZE (4096u << PIPE_ORDER) /* 16 KiB, a power of two */
#define PIPE_BUF 4096			  /* writes up to this are atomic */
#define FIONREAD 0x541B

struct pipe_inode_info {
	wait_queue_head_t rd_wait; /* readers wait here for data */
	wait_queue_head_t wr_wait; /* writers wait here for room */
	char *buf;
	unsigned int head; /* bytes ever written */
	unsigned int tail; /* bytes ever read */
	int readers, writers; /* open ends */
};

struct pipe_inode_info *alloc_pipe_info(void);
void free_pipe_info(struct pipe_inode_info *pipe);
unsigned int pipe_len(const struct pipe_inode_info *pipe);
unsigned int pipe_space(const struct pipe_inode_info *pipe);
unsigned int pipe_ring_write(struct pipe_inode_info *pipe, const char *src,
			     unsigned int n);
unsigned int pipe_ring_read(struct pipe_inode_info *pipe, char *dst,
			    unsigned int n);
extern const struct file_operations pipefifo_fops;

#endif
