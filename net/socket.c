/*
 * socket.c - the BSD socket system calls and sockets as files
 * (Linux: net/socket.c).
 *
 * Every socket call starts here, in process context, on behalf of
 * current; this file checks the user's arguments, finds the socket behind
 * the descriptor and calls the family's proto_ops:
 *
 *   socket(AF_INET, SOCK_DGRAM, 0)  -> __sock_create -> inet_create
 *   bind/connect/...                -> sockfd_lookup -> sock->ops->bind ...
 *   sendto(fd, buf, n, 0, to, len)  -> sock_sendmsg -> inet_sendmsg -> udp_sendmsg
 *   recvfrom(...)                   -> sock_recvmsg -> inet_recvmsg -> udp_recvmsg
 *   read/write/poll/ioctl/close     -> socket_file_ops below
 *
 * Argument errors are Linux's: a descriptor that is not open -> -EBADF,
 * open but not a socket -> -ENOTSOCK, a family nobody registered ->
 * -EAFNOSUPPORT, bad type flags -> -EINVAL, a bad pointer -> -EFAULT
 * (uaccess.h checks every user access), an address longer than
 * sockaddr_storage -> -EINVAL.
 *
 * On i386 the calls arrive both directly (socket = 359 ... shutdown = 373)
 * and through the old multiplexer socketcall(102, call, args[]), which
 * copies the argument array in and dispatches (sys_socketcall at the end).
 *
 * What Linux adds: sockfs, sendmmsg/recvmmsg, ancillary data (cmsg),
 * SCM_RIGHTS, audit and LSM hooks, compat layers, socket splice.
 */
#include "net/socket.h"
#include "kernel/errno.h"
#include "kernel/fdtable.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/sched/sched.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/if.h"
#include "net/core/netdevice.h" /* dev_ioctl, dev_ifconf */
#include "net/core/sock.h"

int sockets_in_use;

/* ---- families ----------------------------------------------------------------- */

static const struct net_proto_family *net_families[AF_MAX];

int sock_register(const struct net_proto_family *ops)
{
	if (ops->family < 0 || ops->family >= AF_MAX)
		return -EINVAL;
	if (net_families[ops->family])
		return -EEXIST;
	net_families[ops->family] = ops;
	pr_info("NET: Registered PF_%s protocol family\n",
		ops->family == AF_INET	 ? "INET" :
		ops->family == AF_PACKET ? "PACKET" :
		ops->family == AF_UNIX	 ? "UNIX" :
					   "?");
	return 0;
}

void sock_unregister(int family)
{
	if (family >= 0 && family < AF_MAX)
		net_families[family] = NULL;
}

/* ---- struct socket and its file --------------------------------------------- */

static const struct file_operations socket_file_ops;

struct socket *sock_alloc(void)
{
	struct socket *sock = kzalloc(sizeof(*sock), GFP_KERNEL);

	if (!sock)
		return NULL;
	sock->state = SS_UNCONNECTED;
	init_waitqueue_head(&sock->wq);
	sockets_in_use++;
	return sock;
}

/* The family's release detaches and drops the sock; then the socket goes. */
void sock_release(struct socket *sock)
{
	if (sock->ops && sock->ops->release)
		sock->ops->release(sock);
	sock->ops = NULL;
	sock->file = NULL;
	sockets_in_use--;
	kfree(sock);
}

struct socket *sock_from_file(struct file *file, int *err)
{
	if (file->f_op == &socket_file_ops)
		return file->private_data;
	*err = -ENOTSOCK;
	return NULL;
}

struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *file = fd < 0 ? NULL : fget(fd);
	struct socket *sock;

	if (!file) {
		*err = -EBADF;
		return NULL;
	}
	sock = sock_from_file(file, err);
	if (!sock)
		fput(file);
	return sock;
}

int sock_alloc_file(struct socket *sock, int flags, struct file **res)
{
	int err = alloc_file_pseudo(S_IFSOCK | 0777,
				    O_RDWR | (flags & O_NONBLOCK),
				    &socket_file_ops, sock, res);

	if (err)
		return err;
	sock->file = *res;
	if (sock->sk)
		sock->sk->sk_ino = file_inode(*res)->i_ino;
	return 0;
}

/* File + descriptor for a new socket; on failure the socket is released. */
static int sock_map_fd(struct socket *sock, int flags)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags & O_CLOEXEC);
	int err;

	if (fd < 0) {
		sock_release(sock);
		return fd;
	}
	err = sock_alloc_file(sock, flags, &file);
	if (err) {
		put_unused_fd(fd);
		sock_release(sock);
		return err;
	}
	fd_install(fd, file);
	return fd;
}

static int __sock_create(int family, int type, int protocol,
			 struct socket **res, int kern)
{
	const struct net_proto_family *pf;
	struct socket *sock;
	int err;

	if (family < 0 || family >= AF_MAX)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_PACKET + 1)
		return -EINVAL;
	pf = net_families[family];
	if (!pf)
		return -EAFNOSUPPORT;
	sock = sock_alloc();
	if (!sock)
		return -ENFILE;
	sock->type = type;
	err = pf->create(sock, protocol, kern);
	if (err < 0) {
		sock->ops = NULL; /* create cleaned up after itself */
		sock_release(sock);
		return err;
	}
	*res = sock;
	return 0;
}

int sock_create(int family, int type, int protocol, struct socket **res)
{
	return __sock_create(family, type, protocol, res, 0);
}

int sock_create_kern(int family, int type, int protocol, struct socket **res)
{
	return __sock_create(family, type, protocol, res, 1);
}

/* ---- sending and receiving -------------------------------------------------- */

int sock_sendmsg(struct socket *sock, struct msghdr *msg)
{
	return sock->ops->sendmsg(sock, msg, iov_iter_count(&msg->msg_iter));
}

int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags)
{
	return sock->ops->recvmsg(sock, msg, iov_iter_count(&msg->msg_iter),
				  flags);
}

/* read()/write() on a socket: recv/send without flags or address. The VFS
 * hands us a kernel buffer of at most a page (sys_read_write.c). */
static ssize_t sock_read(struct file *file, char *buf, size_t count,
			 loff_t *pos)
{
	struct socket *sock = file->private_data;
	struct iovec iov = { .iov_base = buf, .iov_len = count };
	struct msghdr msg = { 0 };

	iov_iter_init(&msg.msg_iter, false, &iov, 1, count);
	return sock_recvmsg(sock, &msg,
			    file->f_flags & O_NONBLOCK ? MSG_DONTWAIT : 0);
}

static ssize_t sock_write(struct file *file, const char *buf, size_t count,
			  loff_t *pos)
{
	struct socket *sock = file->private_data;
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = count };
	struct msghdr msg = { 0 };

	iov_iter_init(&msg.msg_iter, false, &iov, 1, count);
	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags = MSG_DONTWAIT;
	return sock_sendmsg(sock, &msg);
}

static unsigned int sock_poll(struct file *file, struct poll_table_struct *wait)
{
	struct socket *sock = file->private_data;

	if (!sock->ops || !sock->ops->poll)
		return 0;
	return sock->ops->poll(file, sock, wait);
}

static int sock_close(struct inode *inode, struct file *file)
{
	sock_release(file->private_data);
	return 0;
}

/* ---- ioctl ------------------------------------------------------------------ */

/* The 0x89xx range of include/uapi/linux/sockios.h. */
static bool is_socket_ioctl_cmd(unsigned int cmd)
{
	return ((cmd >> 8) & 0xff) == 0x89;
}

/*
 * The family first (inet_ioctl: addresses, routes, ARP, FIONREAD); what it
 * does not know (-ENOIOCTLCMD) and is a socket ioctl goes to the device
 * layer with the ifreq copied in, and out again if dev_ioctl says so.
 */
static long sock_do_ioctl(struct socket *sock, unsigned int cmd,
			  unsigned long arg)
{
	struct ifreq ifr;
	bool need_copyout = false;
	int err;

	err = sock->ops->ioctl ? sock->ops->ioctl(sock, cmd, arg) :
				 -ENOIOCTLCMD;
	if (err != -ENOIOCTLCMD)
		return err;
	if (!is_socket_ioctl_cmd(cmd))
		return -ENOTTY;
	if (copy_from_user(&ifr, (void __user *)arg, sizeof(ifr)))
		return -EFAULT;
	ifr.ifr_name[IFNAMSIZ - 1] = 0;
	err = dev_ioctl(cmd, &ifr, &need_copyout);
	if (!err && need_copyout &&
	    copy_to_user((void __user *)arg, &ifr, sizeof(ifr)))
		return -EFAULT;
	return err;
}

/* SIOCGIFCONF: the ifconf header in and out; dev_ifconf fills ifc_buf. */
static long sock_ifconf(void __user *arg)
{
	struct ifconf ifc;
	int err;

	if (copy_from_user(&ifc, arg, sizeof(ifc)))
		return -EFAULT;
	err = dev_ifconf(&ifc);
	if (!err && copy_to_user(arg, &ifc, sizeof(ifc)))
		return -EFAULT;
	return err;
}

static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct socket *sock = file->private_data;

	if (cmd == SIOCGIFCONF)
		return sock_ifconf((void __user *)arg);
	return sock_do_ioctl(sock, cmd, arg);
}

static const struct file_operations socket_file_ops = {
	.read = sock_read,
	.write = sock_write,
	.poll = sock_poll,
	.unlocked_ioctl = sock_ioctl,
	.release = sock_close,
};

/* ---- addresses between user and kernel --------------------------------------- */

int move_addr_to_kernel(void __user *uaddr, int ulen,
			struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(struct sockaddr_storage))
		return -EINVAL;
	if (ulen == 0)
		return 0;
	if (copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/*
 * Copy as much of the address as the user's buffer holds, and tell the
 * user its full length (so a short buffer can be detected), as Linux.
 */
int move_addr_to_user(struct sockaddr_storage *kaddr, int klen,
		      void __user *uaddr, int __user *ulen)
{
	int len;

	if (get_user(len, ulen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > klen)
		len = klen;
	if (len && copy_to_user(uaddr, kaddr, len))
		return -EFAULT;
	return put_user(klen, ulen);
}

/* ---- the system calls --------------------------------------------------------- */

long sys_socket(int family, int type, int protocol)
{
	struct socket *sock;
	int flags = type & ~SOCK_TYPE_MASK;
	int err;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, &sock);
	if (err)
		return err;
	return sock_map_fd(sock, flags & (O_CLOEXEC | O_NONBLOCK));
}

/* Only AF_UNIX has socket pairs in Linux; rxos has no AF_UNIX yet. */
long sys_socketpair(int family, int type, int protocol, int __user *usockvec)
{
	struct socket *sock;
	int err;

	if ((type & ~SOCK_TYPE_MASK) & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, &sock);
	if (err)
		return err;
	/* Linux makes a second socket and calls ops->socketpair, which every
	 * family but AF_UNIX answers with sock_no_socketpair. */
	err = -EOPNOTSUPP;
	sock_release(sock);
	(void)usockvec;
	return err;
}

long sys_bind(int fd, struct sockaddr __user *umyaddr, int addrlen)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = move_addr_to_kernel(umyaddr, addrlen, &address);
	if (!err)
		err = sock->ops->bind(sock, (struct sockaddr *)&address,
				      addrlen);
	sockfd_put(sock);
	return err;
}

long sys_connect(int fd, struct sockaddr __user *uservaddr, int addrlen)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = move_addr_to_kernel(uservaddr, addrlen, &address);
	if (!err)
		err = sock->ops->connect(sock, (struct sockaddr *)&address,
					 addrlen, sock->file->f_flags);
	sockfd_put(sock);
	return err;
}

long sys_listen(int fd, int backlog)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if ((unsigned int)backlog > SOMAXCONN)
		backlog = SOMAXCONN;
	err = sock->ops->listen(sock, backlog);
	sockfd_put(sock);
	return err;
}

/*
 * A new socket for the next connection on a listening one. The family's
 * accept fills newsock in (sock_no_accept: -EOPNOTSUPP for datagrams).
 */
long sys_accept4(int fd, struct sockaddr __user *upeer_sockaddr,
		 int __user *upeer_addrlen, int flags)
{
	struct sockaddr_storage address;
	struct socket *sock, *newsock;
	struct file *newfile;
	int err, len, newfd;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = -ENFILE;
	newsock = sock_alloc();
	if (!newsock)
		goto out_put;
	newsock->type = sock->type;
	newsock->ops = sock->ops;
	newfd = get_unused_fd_flags(flags & O_CLOEXEC);
	if (newfd < 0) {
		err = newfd;
		newsock->ops = NULL;
		sock_release(newsock);
		goto out_put;
	}
	err = sock->ops->accept(sock, newsock,
				sock->file->f_flags | (flags & O_NONBLOCK));
	if (err < 0)
		goto out_fd;
	if (upeer_sockaddr) {
		len = newsock->ops->getname(newsock,
					    (struct sockaddr *)&address, 2);
		err = len < 0 ? -ECONNABORTED :
				move_addr_to_user(&address, len, upeer_sockaddr,
						  upeer_addrlen);
		if (err < 0)
			goto out_fd;
	}
	err = sock_alloc_file(newsock, flags, &newfile);
	if (err)
		goto out_fd;
	fd_install(newfd, newfile);
	sockfd_put(sock);
	return newfd;
out_fd:
	put_unused_fd(newfd);
	sock_release(newsock);
out_put:
	sockfd_put(sock);
	return err;
}

long sys_accept(int fd, struct sockaddr __user *upeer_sockaddr,
		int __user *upeer_addrlen)
{
	return sys_accept4(fd, upeer_sockaddr, upeer_addrlen, 0);
}

static long do_getname(int fd, struct sockaddr __user *usockaddr,
		       int __user *usockaddr_len, int peer)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	memset(&address, 0, sizeof(address));
	err = sock->ops->getname(sock, (struct sockaddr *)&address, peer);
	if (err >= 0)
		err = move_addr_to_user(&address, err, usockaddr,
					usockaddr_len);
	sockfd_put(sock);
	return err;
}

long sys_getsockname(int fd, struct sockaddr __user *usockaddr,
		     int __user *usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 0);
}

long sys_getpeername(int fd, struct sockaddr __user *usockaddr,
		     int __user *usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 1);
}

/* One user buffer as a message's data: checked against TASK_SIZE here,
 * page by page when copied. */
static int import_single_range(void __user *buf, size_t len, struct iovec *iov,
			       struct iov_iter *i)
{
	if (len > 0x7fffffffUL)
		len = 0x7fffffffUL; /* Linux: MAX_RW_COUNT */
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, true, iov, 1, len);
	return 0;
}

long sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags,
		struct sockaddr __user *addr, int addr_len)
{
	struct sockaddr_storage address;
	struct msghdr msg = { 0 };
	struct socket *sock;
	struct iovec iov;
	int err;

	err = import_single_range(buff, len, &iov, &msg.msg_iter);
	if (err)
		return err;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if (addr) {
		err = move_addr_to_kernel(addr, addr_len, &address);
		if (err < 0)
			goto out;
		msg.msg_name = &address;
		msg.msg_namelen = addr_len;
	}
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg.msg_flags = flags;
	err = sock_sendmsg(sock, &msg);
out:
	sockfd_put(sock);
	return err;
}

long sys_send(int fd, void __user *buff, size_t len, unsigned int flags)
{
	return sys_sendto(fd, buff, len, flags, NULL, 0);
}

long sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
		  struct sockaddr __user *addr, int __user *addr_len)
{
	struct sockaddr_storage address;
	struct msghdr msg = { 0 };
	struct socket *sock;
	struct iovec iov;
	int err, err2;

	err = import_single_range(ubuf, size, &iov, &msg.msg_iter);
	if (err)
		return err;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	msg.msg_name = addr ? &address : NULL;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	err = sock_recvmsg(sock, &msg, flags);
	if (err >= 0 && addr) {
		err2 = move_addr_to_user(&address, msg.msg_namelen, addr,
					 addr_len);
		if (err2 < 0)
			err = err2;
	}
	sockfd_put(sock);
	return err;
}

long sys_recv(int fd, void __user *ubuf, size_t size, unsigned int flags)
{
	return sys_recvfrom(fd, ubuf, size, flags, NULL, NULL);
}

/*
 * Copy a user_msghdr and its iovec array in (Linux: ___sys_sendmsg's
 * copy_msghdr_from_user + import_iovec). *iov gets a kmalloc'ed array the
 * caller frees. Send: the address is copied to *address now; receive: the
 * user's address pointer goes to *uaddr for after the call.
 */
static int copy_msghdr_from_user(struct msghdr *kmsg,
				 struct user_msghdr __user *umsg,
				 struct sockaddr_storage *address,
				 void __user **uaddr, struct iovec **iov)
{
	struct user_msghdr msg;
	size_t total = 0;
	int err;

	if (copy_from_user(&msg, umsg, sizeof(msg)))
		return -EFAULT;
	kmsg->msg_control = msg.msg_control;
	kmsg->msg_controllen = msg.msg_controllen;
	kmsg->msg_flags = msg.msg_flags;
	kmsg->msg_namelen = msg.msg_name ? msg.msg_namelen : 0;
	if (kmsg->msg_namelen < 0)
		return -EINVAL;
	if (kmsg->msg_namelen > (int)sizeof(struct sockaddr_storage))
		kmsg->msg_namelen = sizeof(struct sockaddr_storage);
	kmsg->msg_name = msg.msg_name ? address : NULL;
	if (uaddr)
		*uaddr = msg.msg_name;
	else if (kmsg->msg_namelen) {
		err = move_addr_to_kernel(msg.msg_name, kmsg->msg_namelen,
					  address);
		if (err < 0)
			return err;
	} else {
		kmsg->msg_name = NULL;
	}
	if (msg.msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	*iov = kmalloc(msg.msg_iovlen * sizeof(struct iovec) + 1, GFP_KERNEL);
	if (!*iov)
		return -ENOMEM;
	if (copy_from_user(*iov, msg.msg_iov,
			   msg.msg_iovlen * sizeof(struct iovec)))
		return -EFAULT;
	for (size_t n = 0; n < msg.msg_iovlen; n++) {
		size_t len = (*iov)[n].iov_len;

		if ((ssize_t)len < 0)
			return -EINVAL;
		if (len > 0x7fffffffUL - total) /* Linux: MAX_RW_COUNT */
			len = (*iov)[n].iov_len = 0x7fffffffUL - total;
		if (!access_ok((*iov)[n].iov_base, len))
			return -EFAULT;
		total += len;
	}
	iov_iter_init(&kmsg->msg_iter, true, *iov, msg.msg_iovlen, total);
	return 0;
}

long sys_sendmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct sockaddr_storage address;
	struct msghdr msg = { 0 };
	struct iovec *iov = NULL;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user(&msg, umsg, &address, NULL, &iov);
	if (err)
		goto out;
	/* Ancillary data (IP_PKTINFO, SCM_RIGHTS) is not supported: ignored. */
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg.msg_flags = flags;
	err = sock_sendmsg(sock, &msg);
out:
	kfree(iov);
	sockfd_put(sock);
	return err;
}

/* After the call: address, its length, the flags (MSG_TRUNC) and an empty
 * control buffer go back into the user's msghdr. */
static int recvmsg_copy_out(struct user_msghdr __user *umsg, struct msghdr *msg,
			    void __user *uaddr)
{
	if (uaddr && msg->msg_namelen) {
		int err = move_addr_to_user(msg->msg_name, msg->msg_namelen,
					    uaddr, &umsg->msg_namelen);
		if (err)
			return err;
	} else if (put_user(0, &umsg->msg_namelen)) {
		return -EFAULT;
	}
	if (put_user(msg->msg_flags, &umsg->msg_flags) ||
	    put_user((size_t)0, &umsg->msg_controllen))
		return -EFAULT;
	return 0;
}

long sys_recvmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct sockaddr_storage address;
	struct msghdr msg = { 0 };
	struct iovec *iov = NULL;
	void __user *uaddr;
	struct socket *sock;
	int err, err2;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user(&msg, umsg, &address, &uaddr, &iov);
	if (err)
		goto out;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg.msg_flags = 0;
	msg.msg_namelen = 0;
	err = sock_recvmsg(sock, &msg, flags);
	if (err >= 0) {
		err2 = recvmsg_copy_out(umsg, &msg, uaddr);
		if (err2)
			err = err2;
	}
out:
	kfree(iov);
	sockfd_put(sock);
	return err;
}

long sys_shutdown(int fd, int how)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = sock->ops->shutdown(sock, how);
	sockfd_put(sock);
	return err;
}

long sys_setsockopt(int fd, int level, int optname, char __user *optval,
		    int optlen)
{
	struct socket *sock;
	int err;

	if (optlen < 0)
		return -EINVAL;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_setsockopt(sock, level, optname, optval, optlen);
	else if (sock->ops->setsockopt)
		err = sock->ops->setsockopt(sock, level, optname, optval,
					    optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}

long sys_getsockopt(int fd, int level, int optname, char __user *optval,
		    int __user *optlen)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_getsockopt(sock, level, optname, optval, optlen);
	else if (sock->ops->getsockopt)
		err = sock->ops->getsockopt(sock, level, optname, optval,
					    optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}

/* ---- socketcall(2): the i386 multiplexer ------------------------------------ */

/* Call numbers (include/uapi/linux/net.h). */
#define SYS_SOCKET 1
#define SYS_BIND 2
#define SYS_CONNECT 3
#define SYS_LISTEN 4
#define SYS_ACCEPT 5
#define SYS_GETSOCKNAME 6
#define SYS_GETPEERNAME 7
#define SYS_SOCKETPAIR 8
#define SYS_SEND 9
#define SYS_RECV 10
#define SYS_SENDTO 11
#define SYS_RECVFROM 12
#define SYS_SHUTDOWN 13
#define SYS_SETSOCKOPT 14
#define SYS_GETSOCKOPT 15
#define SYS_SENDMSG 16
#define SYS_RECVMSG 17
#define SYS_ACCEPT4 18
#define SYS_RECVMMSG 19
#define SYS_SENDMMSG 20

/* Arguments per call, as Linux's nargs[] (in longs here). */
static const unsigned char socketcall_nargs[SYS_SENDMMSG + 1] = {
	[SYS_SOCKET] = 3,      [SYS_BIND] = 3,	     [SYS_CONNECT] = 3,
	[SYS_LISTEN] = 2,      [SYS_ACCEPT] = 3,     [SYS_GETSOCKNAME] = 3,
	[SYS_GETPEERNAME] = 3, [SYS_SOCKETPAIR] = 4, [SYS_SEND] = 4,
	[SYS_RECV] = 4,	       [SYS_SENDTO] = 6,     [SYS_RECVFROM] = 6,
	[SYS_SHUTDOWN] = 2,    [SYS_SETSOCKOPT] = 5, [SYS_GETSOCKOPT] = 5,
	[SYS_SENDMSG] = 3,     [SYS_RECVMSG] = 3,    [SYS_ACCEPT4] = 4,
	[SYS_RECVMMSG] = 5,    [SYS_SENDMMSG] = 4,
};

#define P(x) ((void __user *)(x))

long sys_socketcall(int call, unsigned long __user *args)
{
	unsigned long a[6];

	if (call < 1 || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, args, socketcall_nargs[call] * sizeof(long)))
		return -EFAULT;
	switch (call) {
	case SYS_SOCKET:
		return sys_socket(a[0], a[1], a[2]);
	case SYS_BIND:
		return sys_bind(a[0], P(a[1]), a[2]);
	case SYS_CONNECT:
		return sys_connect(a[0], P(a[1]), a[2]);
	case SYS_LISTEN:
		return sys_listen(a[0], a[1]);
	case SYS_ACCEPT:
		return sys_accept4(a[0], P(a[1]), P(a[2]), 0);
	case SYS_GETSOCKNAME:
		return sys_getsockname(a[0], P(a[1]), P(a[2]));
	case SYS_GETPEERNAME:
		return sys_getpeername(a[0], P(a[1]), P(a[2]));
	case SYS_SOCKETPAIR:
		return sys_socketpair(a[0], a[1], a[2], P(a[3]));
	case SYS_SEND:
		return sys_sendto(a[0], P(a[1]), a[2], a[3], NULL, 0);
	case SYS_RECV:
		return sys_recvfrom(a[0], P(a[1]), a[2], a[3], NULL, NULL);
	case SYS_SENDTO:
		return sys_sendto(a[0], P(a[1]), a[2], a[3], P(a[4]), a[5]);
	case SYS_RECVFROM:
		return sys_recvfrom(a[0], P(a[1]), a[2], a[3], P(a[4]),
				    P(a[5]));
	case SYS_SHUTDOWN:
		return sys_shutdown(a[0], a[1]);
	case SYS_SETSOCKOPT:
		return sys_setsockopt(a[0], a[1], a[2], P(a[3]), a[4]);
	case SYS_GETSOCKOPT:
		return sys_getsockopt(a[0], a[1], a[2], P(a[3]), P(a[4]));
	case SYS_SENDMSG:
		return sys_sendmsg(a[0], P(a[1]), a[2]);
	case SYS_RECVMSG:
		return sys_recvmsg(a[0], P(a[1]), a[2]);
	case SYS_ACCEPT4:
		return sys_accept4(a[0], P(a[1]), P(a[2]), a[3]);
	default: /* recvmmsg, sendmmsg: not implemented */
		return -ENOSYS;
	}
}
