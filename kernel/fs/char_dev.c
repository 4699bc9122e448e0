/*
 * char_dev.c - character devices by number (Linux: fs/char_dev.c).
 *
 * A driver registers (dev_t -> file_operations) with a name:
 *
 *     register_chrdev_node("ttyS0", 0620, MKDEV(4, 64), &tty_fops);
 *
 * which also creates /dev/ttyS0 (devtmpfs.c). Any character-device inode,
 * in /dev or made by mknod in the initramfs, has i_fop = def_chr_fops; its
 * ->open (chrdev_open) finds the driver by i_rdev, switches f_op to the
 * driver's and calls the driver's ->open. So the driver's methods see every
 * later read/write/ioctl/poll/release of that file, and iminor(inode) tells
 * it which of its devices was opened.
 *
 * The table is static (MAX_CHRDEV entries): registering costs no memory, and
 * works before vfs_caches_init (the /dev nodes are then made at its end).
 * Linux uses a hash of major numbers (chrdevs[]) and a kobj_map of ranges.
 * Process context.
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "lib/string.h"

struct char_device_struct {
	int used;
	dev_t dev;
	umode_t mode;
	const struct file_operations *fops;
	char name[32]; /* path below /dev: "ttyS0", "net/tun" */
};

static struct char_device_struct chrdevs[MAX_CHRDEV];

static struct char_device_struct *find_chrdev(dev_t dev, const char *name)
{
	for (int i = 0; i < MAX_CHRDEV; i++)
		if (chrdevs[i].used &&
		    (chrdevs[i].dev == dev || !strcmp(chrdevs[i].name, name)))
			return &chrdevs[i];
	return NULL;
}

static struct char_device_struct *free_chrdev(void)
{
	for (int i = 0; i < MAX_CHRDEV; i++)
		if (!chrdevs[i].used)
			return &chrdevs[i];
	return NULL;
}

/*
 * Register a driver for `dev` and make /dev/<name> (mode: permission bits).
 * 0, -EINVAL (bad name), -EBUSY (dev or name taken), -ENOSPC (table full),
 * -ENOMEM.
 */
int register_chrdev_node(const char *name, umode_t mode, dev_t dev,
			 const struct file_operations *fops)
{
	struct char_device_struct *cd;
	int err;

	if (!name || !*name || !fops || strlen(name) >= sizeof(cd->name))
		return -EINVAL;
	if (find_chrdev(dev, name))
		return -EBUSY;
	cd = free_chrdev();
	if (!cd)
		return -ENOSPC;
	err = devtmpfs_create_node(name, mode & S_IALLUGO, dev);
	if (err)
		return err;
	strlcpy(cd->name, name, sizeof(cd->name));
	cd->dev = dev;
	cd->mode = mode & S_IALLUGO;
	cd->fops = fops;
	cd->used = 1;
	return 0;
}

/* Forget the driver and remove its node; files already open keep working. */
void unregister_chrdev_node(const char *name, dev_t dev)
{
	struct char_device_struct *cd = find_chrdev(dev, name);

	if (!cd || cd->dev != dev)
		return;
	devtmpfs_delete_node(cd->name);
	cd->used = 0;
}

const struct file_operations *chrdev_fops(dev_t dev)
{
	for (int i = 0; i < MAX_CHRDEV; i++)
		if (chrdevs[i].used && chrdevs[i].dev == dev)
			return chrdevs[i].fops;
	return NULL;
}

/* Create the /dev nodes of devices registered before devtmpfs existed. */
int chrdev_create_nodes(void)
{
	for (int i = 0; i < MAX_CHRDEV; i++) {
		struct char_device_struct *cd = &chrdevs[i];
		int err = cd->used ? devtmpfs_create_node(cd->name, cd->mode,
							  cd->dev) :
				     0;

		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}

void chrdev_reset(void)
{
	memset(chrdevs, 0, sizeof(chrdevs));
}

/* def_chr_fops.open: hand the file to the driver registered for i_rdev. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = chrdev_fops(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	return fops->open ? fops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
