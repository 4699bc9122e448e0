/*
 * ramfs.h - what ramfs's two files and devtmpfs share (Linux:
 * fs/ramfs/internal.h).
 */
#ifndef RXOS_KERNEL_FS_RAMFS_H
#define RXOS_KERNEL_FS_RAMFS_H

#include "kernel/fs/fs.h"

/* Bounds the page array of one file (16384 slots); larger writes: -EFBIG. */
#define RAMFS_MAX_FILE_SIZE (64LL << 20)

extern const struct inode_operations ramfs_file_inode_operations;
extern const struct file_operations ramfs_file_operations;

struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode, dev_t dev);
extern const struct super_operations ramfs_ops;
int ramfs_fill_super(struct super_block *sb);
void ramfs_free_data(struct inode *inode);

#endif
