/*
 * Host tests for net/socket.c (the system calls, socketcall, sockets as
 * files), net/core/iov_iter.c and the SOL_SOCKET options of
 * net/core/sock.c. A fake family registered as AF_INET records what the
 * socket layer hands it, so each test sees exactly which arguments got
 * through and which were refused first. User memory is host memory; a
 * pointer below 4096 faults.
 */
#include "tests/unit/shim_netcore.h"
#include "kernel/fdtable.h"
#include "kernel/sched/sched.h"
#include "net/core/if.h"
#include "net/ipv4/in.h"
#include "kernel/sched/wait.c"

volatile unsigned int __preempt_count;
static struct task_struct task;
struct task_struct *current_task = &task;

int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	p->state = TASK_RUNNING;
	return 1;
}

void schedule(void)
{
	set_tsk_thread_flag(current, TIF_SIGPENDING);
}

long schedule_timeout(long t)
{
	schedule();
	return t;
}

/* ---- user memory and files ------------------------------------------------ */

static bool bad_ptr(const void *p)
{
	return (unsigned long)p < 4096;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (bad_ptr(to))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (bad_ptr(from))
		return n;
	memcpy(to, from, n);
	return 0;
}

/* "Kernel" addresses: a window no host pointer falls into. */
int access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return a < 0xc0000000UL || a >= 0xc0100000UL;
}

static struct inode fake_inode = { .i_ino = 77 };
static int files_out;
int alloc_file_pseudo(umode_t mode, unsigned int flags,
		      const struct file_operations *fops, void *private_data,
		      struct file **res)
{
	struct file *f = calloc(1, sizeof(*f));

	f->f_op = fops;
	f->f_flags = flags;
	f->f_mode = FMODE_READ | FMODE_WRITE;
	f->f_count = 1;
	f->f_inode = &fake_inode;
	f->private_data = private_data;
	files_out++;
	*res = f;
	return 0;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	files_out--;
	free(file);
}

struct inode *ihold(struct inode *inode) { return inode; }
void iput(struct inode *inode) {}

/* SIOCGIFCONF and the device ioctls: recorded. */
static unsigned int dev_ioctl_cmd;
static char dev_ioctl_name[IFNAMSIZ];
int dev_ioctl(unsigned int cmd, struct ifreq *ifr, bool *need_copyout)
{
	dev_ioctl_cmd = cmd;
	memcpy(dev_ioctl_name, ifr->ifr_name, IFNAMSIZ);
	ifr->ifr_mtu = 1500;
	*need_copyout = true;
	return 0;
}

int dev_ifconf(struct ifconf *ifc)
{
	ifc->ifc_len = 0;
	return 0;
}

/* A descriptor table of our own (kernel/fdtable.c clashes with the net
 * core's bitops in one host program). */
static struct file *fds[16];
static unsigned char fd_reserved[16], fd_cloexec[16];

int get_unused_fd_flags(unsigned int flags)
{
	for (int fd = 0; fd < 16; fd++)
		if (!fd_reserved[fd]) {
			fd_reserved[fd] = 1;
			fd_cloexec[fd] = !!(flags & O_CLOEXEC);
			return fd;
		}
	return -EMFILE;
}

void put_unused_fd(unsigned int fd)
{
	fd_reserved[fd] = 0;
}

void fd_install(unsigned int fd, struct file *file)
{
	fds[fd] = file;
}

struct file *fcheck(unsigned int fd)
{
	return fd < 16 ? fds[fd] : NULL;
}

struct file *fget(unsigned int fd)
{
	struct file *f = fcheck(fd);

	return f ? get_file(f) : NULL;
}

int close_fd(unsigned int fd)
{
	struct file *f = fcheck(fd);

	if (!f)
		return -EBADF;
	fds[fd] = NULL;
	fd_reserved[fd] = 0;
	fput(f);
	return 0;
}

int get_close_on_exec(unsigned int fd)
{
	return fd_cloexec[fd];
}

#include "net/core/iov_iter.c"
#include "net/core/sock.c"
#include "net/socket.c"

/* ---- a fake family: records calls ----------------------------------------- */

static struct proto fake_proto = { .name = "FAKE",
				   .obj_size = sizeof(struct sock) };
static int created, released, last_type, last_protocol, last_addrlen;
static int last_flags, last_level, last_optname;
static size_t last_len;
static struct sockaddr_storage last_addr;
static unsigned int last_ioctl;

static int fake_release(struct socket *sock)
{
	released++;
	if (sock->sk)
		sk_common_release(sock->sk);
	sock->sk = NULL;
	return 0;
}

static int fake_bind(struct socket *sock, struct sockaddr *a, int len)
{
	last_addrlen = len;
	memcpy(&last_addr, a, len > 0 ? len : 0);
	return 0;
}

static int fake_getname(struct socket *sock, struct sockaddr *a, int peer)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)a;

	sin->sin_family = AF_INET;
	sin->sin_port = htons(peer ? 9 : 5000);
	return sizeof(*sin);
}

static int fake_sendmsg(struct socket *sock, struct msghdr *m, size_t len)
{
	char buf[64];

	last_len = len;
	last_flags = m->msg_flags;
	last_addrlen = m->msg_namelen;
	if (m->msg_name)
		memcpy(&last_addr, m->msg_name, m->msg_namelen);
	if (copy_from_iter(buf, len < 64 ? len : 64, &m->msg_iter) !=
	    (len < 64 ? len : 64))
		return -EFAULT;
	return len;
}

static int fake_recvmsg(struct socket *sock, struct msghdr *m, size_t len,
			int flags)
{
	struct sockaddr_in *sin = m->msg_name;

	last_flags = flags;
	if (copy_to_iter("datagram", 8, &m->msg_iter) != 8)
		return -EFAULT;
	if (sin) {
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_port = htons(1234);
		m->msg_namelen = sizeof(*sin);
	}
	m->msg_flags |= MSG_TRUNC;
	return 8;
}

static int fake_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	last_ioctl = cmd;
	return cmd == SIOCGIFADDR ? 0 : -ENOIOCTLCMD;
}

static int fake_setsockopt(struct socket *sock, int level, int optname,
			   void *optval, unsigned int optlen)
{
	last_level = level;
	last_optname = optname;
	return 0;
}

static const struct proto_ops fam_ops = {
	.family = AF_INET,
	.release = fake_release,
	.bind = fake_bind,
	.connect = sock_no_connect,
	.accept = sock_no_accept,
	.listen = sock_no_listen,
	.shutdown = sock_no_shutdown,
	.getname = fake_getname,
	.ioctl = fake_ioctl,
	.setsockopt = fake_setsockopt,
	.sendmsg = fake_sendmsg,
	.recvmsg = fake_recvmsg,
};

static int fake_create(struct socket *sock, int protocol, int kern)
{
	struct sock *sk;

	last_type = sock->type;
	last_protocol = protocol;
	if (protocol == 99)
		return -EPROTONOSUPPORT;
	sk = sk_alloc(AF_INET, GFP_KERNEL, &fake_proto);
	sock->ops = &fam_ops;
	sock_init_data(sock, sk);
	created++;
	return 0;
}

static const struct net_proto_family fake_family = { .family = AF_INET,
						     .create = fake_create };

static void setup(void)
{
	static bool registered;

	if (!registered) {
		skb_init();
		CHECK_EQ(sock_register(&fake_family), 0);
		registered = true;
	}
	for (int fd = 0; fd < 16; fd++)
		close_fd(fd);
	memset(&task, 0, sizeof(task));
	created = released = 0;
}

static int new_fd(void)
{
	int fd = sys_socket(AF_INET, SOCK_DGRAM, 0);

	CHECK(fd >= 0);
	return fd;
}

/* ---- registration and socket() -------------------------------------------- */

TEST(sock_register_refuses_a_second_family_and_bad_numbers)
{
	struct net_proto_family bad = { .family = AF_MAX, .create = fake_create };

	setup();
	CHECK_EQ(sock_register(&fake_family), -EEXIST);
	CHECK_EQ(sock_register(&bad), -EINVAL);
}

TEST(socket_checks_family_then_type_flags)
{
	setup();
	CHECK_EQ(sys_socket(-1, SOCK_DGRAM, 0), -EAFNOSUPPORT);
	CHECK_EQ(sys_socket(AF_MAX, SOCK_DGRAM, 0), -EAFNOSUPPORT);
	CHECK_EQ(sys_socket(AF_INET6, SOCK_DGRAM, 0), -EAFNOSUPPORT);
	CHECK_EQ(sys_socket(AF_INET, SOCK_DGRAM | 0x100, 0), -EINVAL);
	CHECK_EQ(sys_socket(AF_INET, 11, 0), -EINVAL); /* beyond SOCK_PACKET */
	CHECK_EQ(created, 0);
	CHECK_EQ(sys_socket(AF_INET, SOCK_DGRAM, 99), -EPROTONOSUPPORT);
	CHECK_EQ(sockets_in_use, 0); /* the failed socket was released */
}

TEST(socket_returns_the_lowest_fd_with_nonblock_and_cloexec)
{
	int fd;

	setup();
	fd = sys_socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 17);
	CHECK_EQ(fd, 0);
	CHECK_EQ(last_type, SOCK_DGRAM);
	CHECK_EQ(last_protocol, 17);
	CHECK(fcheck(fd)->f_flags & O_NONBLOCK);
	CHECK(get_close_on_exec(fd));
	CHECK_EQ(sockets_in_use, 1);
	CHECK_EQ(sys_socket(AF_INET, SOCK_DGRAM, 0), 1);
	CHECK_EQ(close_fd(fd), 0);
	CHECK_EQ(released, 1);
	CHECK_EQ(sockets_in_use, 1);
}

TEST(socketpair_on_inet_is_eopnotsupp)
{
	int sv[2];

	setup();
	CHECK_EQ(sys_socketpair(AF_INET, SOCK_DGRAM, 0, sv), -EOPNOTSUPP);
	CHECK_EQ(sys_socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), -EAFNOSUPPORT);
}

/* ---- descriptors ----------------------------------------------------------- */

static const struct file_operations other_fops;

TEST(bad_descriptors_are_ebadf_and_other_files_enotsock)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct file *f;
	int fd;

	setup();
	CHECK_EQ(sys_bind(-1, (void *)&sin, sizeof(sin)), -EBADF);
	CHECK_EQ(sys_bind(5, (void *)&sin, sizeof(sin)), -EBADF);
	CHECK_EQ(sys_bind(100000, (void *)&sin, sizeof(sin)), -EBADF);
	alloc_file_pseudo(S_IFIFO, O_RDWR, &other_fops, NULL, &f);
	fd = get_unused_fd_flags(0);
	fd_install(fd, f);
	CHECK_EQ(sys_bind(fd, (void *)&sin, sizeof(sin)), -ENOTSOCK);
	CHECK_EQ(sys_listen(fd, 1), -ENOTSOCK);
	CHECK_EQ(sys_sendto(fd, "x", 1, 0, NULL, 0), -ENOTSOCK);
	CHECK_EQ(sys_shutdown(fd, 0), -ENOTSOCK);
	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, SO_TYPE, NULL, NULL), -ENOTSOCK);
	CHECK_EQ(f->f_count, 1); /* every lookup dropped its reference */
}

/* ---- addresses -------------------------------------------------------------- */

TEST(bind_copies_the_address_and_checks_its_length_and_pointer)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(53) };
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_bind(fd, (void *)&sin, sizeof(sin)), 0);
	CHECK_EQ(last_addrlen, (int)sizeof(sin));
	CHECK_EQ(((struct sockaddr_in *)&last_addr)->sin_port, htons(53));
	CHECK_EQ(sys_bind(fd, (void *)&sin, -1), -EINVAL);
	CHECK_EQ(sys_bind(fd, (void *)&sin, 129), -EINVAL);
	CHECK_EQ(sys_bind(fd, (void *)8, sizeof(sin)), -EFAULT);
}

TEST(getsockname_truncates_to_the_buffer_and_reports_the_full_length)
{
	struct sockaddr_in sin;
	int fd, len = 4;

	setup();
	fd = new_fd();
	memset(&sin, 0xee, sizeof(sin));
	CHECK_EQ(sys_getsockname(fd, (void *)&sin, &len), 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(sin.sin_port, htons(5000));
	CHECK_EQ(((unsigned char *)&sin)[4], 0xee); /* nothing past 4 bytes */
	len = -1;
	CHECK_EQ(sys_getsockname(fd, (void *)&sin, &len), -EINVAL);
	CHECK_EQ(sys_getpeername(fd, (void *)&sin, (int *)8), -EFAULT);
}

/* ---- send and receive -------------------------------------------------------- */

TEST(sendto_checks_the_buffer_first_and_passes_address_and_flags)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_sendto(fd, (void *)0xc0000000UL, 4, 0, NULL, 0), -EFAULT);
	CHECK_EQ(sys_sendto(fd, "hello", 5, MSG_DONTROUTE, (void *)&to,
			    sizeof(to)), 5);
	CHECK_EQ(last_len, 5);
	CHECK_EQ(last_flags, MSG_DONTROUTE);
	CHECK_EQ(last_addrlen, (int)sizeof(to));
	CHECK_EQ(sys_sendto(fd, "hello", 5, 0, (void *)&to, 1000), -EINVAL);
	CHECK_EQ(sys_sendto(fd, "hello", 5, 0, (void *)8, sizeof(to)), -EFAULT);
	fcheck(fd)->f_flags |= O_NONBLOCK; /* fcntl(F_SETFL, O_NONBLOCK) */
	CHECK_EQ(sys_send(fd, "x", 1, 0), 1);
	CHECK_EQ(last_flags, MSG_DONTWAIT);
}

TEST(recvfrom_returns_the_source_address)
{
	struct sockaddr_in from;
	char buf[16];
	int fd, len = sizeof(from);

	setup();
	fd = new_fd();
	CHECK_EQ(sys_recvfrom(fd, buf, sizeof(buf), 0, (void *)&from, &len), 8);
	CHECK(!memcmp(buf, "datagram", 8));
	CHECK_EQ(len, 16);
	CHECK_EQ(from.sin_port, htons(1234));
	CHECK_EQ(sys_recvfrom(fd, buf, sizeof(buf), 0, (void *)&from, (int *)8),
		 -EFAULT);
	CHECK_EQ(sys_recv(fd, (void *)8, 16, 0), -EFAULT);
}

TEST(sendmsg_gathers_iovecs_and_rejects_too_many)
{
	struct iovec iov[3] = { { "ab", 2 }, { "", 0 }, { "cde", 3 } };
	struct user_msghdr msg = { .msg_iov = iov, .msg_iovlen = 3 };
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_sendmsg(fd, &msg, 0), 5);
	CHECK_EQ(last_len, 5);
	msg.msg_iovlen = UIO_MAXIOV + 1;
	CHECK_EQ(sys_sendmsg(fd, &msg, 0), -EMSGSIZE);
	msg.msg_iovlen = 3;
	msg.msg_name = (void *)&iov;
	msg.msg_namelen = -1;
	CHECK_EQ(sys_sendmsg(fd, &msg, 0), -EINVAL);
	CHECK_EQ(sys_sendmsg(fd, (void *)8, 0), -EFAULT);
	msg.msg_name = NULL;
	msg.msg_iov = (void *)8;
	CHECK_EQ(sys_sendmsg(fd, &msg, 0), -EFAULT);
}

TEST(recvmsg_writes_back_namelen_flags_and_an_empty_control)
{
	char a[3], b[16];
	struct iovec iov[2] = { { a, 3 }, { b, 16 } };
	struct sockaddr_in from;
	struct user_msghdr msg = { .msg_name = &from, .msg_namelen = 100,
				   .msg_iov = iov, .msg_iovlen = 2,
				   .msg_controllen = 64 };
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_recvmsg(fd, &msg, MSG_PEEK), 8);
	CHECK_EQ(last_flags, MSG_PEEK);
	CHECK(!memcmp(a, "dat", 3) && !memcmp(b, "agram", 5)); /* scattered */
	CHECK_EQ(msg.msg_namelen, 16);
	CHECK_EQ(msg.msg_flags, MSG_TRUNC);
	CHECK_EQ(msg.msg_controllen, 0);
	CHECK_EQ(from.sin_port, htons(1234));
}

TEST(read_and_write_on_a_socket_are_recv_and_send)
{
	struct file *f;
	char buf[16];
	loff_t pos = 0;
	int fd;

	setup();
	fd = new_fd();
	f = fcheck(fd);
	CHECK_EQ(f->f_op->write(f, "abc", 3, &pos), 3);
	CHECK_EQ(last_len, 3);
	f->f_flags |= O_NONBLOCK;
	CHECK_EQ(f->f_op->read(f, buf, sizeof(buf), &pos), 8);
	CHECK_EQ(last_flags, MSG_DONTWAIT);
}

/* ---- ioctl --------------------------------------------------------------------- */

TEST(ioctl_goes_to_the_family_then_to_dev_ioctl_for_socket_ioctls)
{
	struct ifreq ifr = { .ifr_name = "eth0" };
	struct file *f;
	int fd;

	setup();
	fd = new_fd();
	f = fcheck(fd);
	dev_ioctl_cmd = 0;
	CHECK_EQ(f->f_op->unlocked_ioctl(f, SIOCGIFADDR, (unsigned long)&ifr), 0);
	CHECK_EQ(dev_ioctl_cmd, 0); /* the family handled it */
	CHECK_EQ(f->f_op->unlocked_ioctl(f, SIOCGIFMTU, (unsigned long)&ifr), 0);
	CHECK_EQ(last_ioctl, SIOCGIFMTU);
	CHECK_EQ(dev_ioctl_cmd, SIOCGIFMTU);
	CHECK_STR(dev_ioctl_name, "eth0");
	CHECK_EQ(ifr.ifr_mtu, 1500); /* copied back out */
	CHECK_EQ(f->f_op->unlocked_ioctl(f, SIOCGIFMTU, 8), -EFAULT);
	CHECK_EQ(f->f_op->unlocked_ioctl(f, 0x5401, 0), -ENOTTY); /* TCGETS */
}

/* ---- socketcall ------------------------------------------------------------------- */

TEST(socketcall_rejects_call_numbers_outside_1_to_20)
{
	unsigned long args[6] = { AF_INET, SOCK_DGRAM, 0 };

	setup();
	CHECK_EQ(sys_socketcall(0, args), -EINVAL);
	CHECK_EQ(sys_socketcall(21, args), -EINVAL);
	CHECK_EQ(sys_socketcall(-1, args), -EINVAL);
	CHECK_EQ(sys_socketcall(19, args), -ENOSYS); /* recvmmsg */
}

TEST(socketcall_copies_the_argument_array_and_dispatches)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(7) };
	unsigned long args[6] = { AF_INET, SOCK_DGRAM, 5 };
	long fd;

	setup();
	CHECK_EQ(sys_socketcall(1, (void *)8), -EFAULT);
	fd = sys_socketcall(1, args); /* SYS_SOCKET */
	CHECK_EQ(fd, 0);
	CHECK_EQ(last_protocol, 5);
	args[0] = fd;
	args[1] = (unsigned long)&sin;
	args[2] = sizeof(sin);
	CHECK_EQ(sys_socketcall(2, args), 0); /* SYS_BIND */
	CHECK_EQ(((struct sockaddr_in *)&last_addr)->sin_port, htons(7));
	args[1] = 5;
	CHECK_EQ(sys_socketcall(4, args), -EOPNOTSUPP); /* SYS_LISTEN */
	args[0] = 99;
	CHECK_EQ(sys_socketcall(13, args), -EBADF); /* SYS_SHUTDOWN */
}

/* ---- iov_iter ---------------------------------------------------------------------- */

TEST(iov_iter_spans_segments_and_stops_short_at_a_fault)
{
	char a[2], b[3];
	struct iovec iov[4] = { { a, 2 }, { NULL, 0 }, { b, 3 }, { (void *)8, 4 } };
	struct iov_iter it;

	iov_iter_init(&it, true, iov, 4, 9);
	CHECK_EQ(copy_to_iter("abcdefghi", 9, &it), 5);
	CHECK(!memcmp(a, "ab", 2) && !memcmp(b, "cde", 3));
	CHECK_EQ(iov_iter_count(&it), 4);
	iov_iter_init(&it, false, iov, 3, 5);
	CHECK_EQ(copy_to_iter("vwxyz", 10, &it), 5); /* no more than count */
	CHECK(!memcmp(b, "xyz", 3));
}

/* ---- SOL_SOCKET options -------------------------------------------------------------- */

static int setopt(int fd, int name, int val)
{
	return sys_setsockopt(fd, SOL_SOCKET, name, (char *)&val, sizeof(val));
}

static int getopt_int(int fd, int name)
{
	int v = -12345, len = sizeof(v);

	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, name, (char *)&v, &len), 0);
	return v;
}

TEST(so_rcvbuf_is_doubled_and_clamped_as_linux)
{
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(getopt_int(fd, SO_RCVBUF), SK_RMEM_DEFAULT);
	CHECK_EQ(setopt(fd, SO_RCVBUF, 10000), 0);
	CHECK_EQ(getopt_int(fd, SO_RCVBUF), 20000);
	CHECK_EQ(setopt(fd, SO_RCVBUF, 1), 0);
	CHECK_EQ(getopt_int(fd, SO_RCVBUF), SOCK_MIN_RCVBUF);
	CHECK_EQ(setopt(fd, SO_RCVBUF, -1), 0); /* as unsigned: huge */
	CHECK_EQ(getopt_int(fd, SO_RCVBUF), 2 * SK_RMEM_MAX);
	CHECK_EQ(setopt(fd, SO_SNDBUF, 1), 0);
	CHECK_EQ(getopt_int(fd, SO_SNDBUF), SOCK_MIN_SNDBUF);
}

TEST(boolean_options_and_read_only_ones)
{
	int fd;

	setup();
	fd = new_fd();
	CHECK_EQ(setopt(fd, SO_REUSEADDR, 5), 0);
	CHECK_EQ(getopt_int(fd, SO_REUSEADDR), 1);
	CHECK_EQ(setopt(fd, SO_BROADCAST, 1), 0);
	CHECK_EQ(getopt_int(fd, SO_BROADCAST), 1);
	CHECK_EQ(setopt(fd, SO_KEEPALIVE, 1), 0);
	CHECK_EQ(getopt_int(fd, SO_KEEPALIVE), 1);
	CHECK_EQ(getopt_int(fd, SO_TYPE), SOCK_DGRAM);
	CHECK_EQ(getopt_int(fd, SO_DOMAIN), AF_INET);
	CHECK_EQ(setopt(fd, SO_TYPE, 1), -ENOPROTOOPT);
	sockfd_lookup(fd, &(int){ 0 })->sk->sk_err = ECONNREFUSED;
	fput(fcheck(fd)); /* the lookup's reference */
	CHECK_EQ(getopt_int(fd, SO_ERROR), ECONNREFUSED);
	CHECK_EQ(getopt_int(fd, SO_ERROR), 0); /* read once */
}

TEST(sockopt_lengths_are_checked_and_values_cut_to_the_buffer)
{
	int fd, v = 0, len;
	unsigned char c = 0xee;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (char *)&v, -1),
		 -EINVAL);
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (char *)&v, 2),
		 -EINVAL);
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (char *)8, 4),
		 -EFAULT);
	len = 1;
	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, SO_TYPE, (char *)&c, &len), 0);
	CHECK_EQ(len, 1);
	CHECK_EQ(c, SOCK_DGRAM); /* the low byte, as Linux on little endian */
	len = -1;
	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, SO_TYPE, (char *)&v, &len),
		 -EINVAL);
	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, SO_TYPE, (char *)&v, (int *)8),
		 -EFAULT);
	/* other levels go to the family */
	CHECK_EQ(sys_setsockopt(fd, SOL_IP, 2, (char *)&v, 4), 0);
	CHECK_EQ(last_level, SOL_IP);
	CHECK_EQ(last_optname, 2);
}

TEST(so_rcvtimeo_converts_timeval_to_jiffies_and_back)
{
	struct sock_timeval32 tv = { 1, 500000 }, out;
	int fd, len = sizeof(out);
	struct socket *sock;

	setup();
	fd = new_fd();
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv,
				sizeof(tv)), 0);
	sock = sockfd_lookup(fd, &(int){ 0 });
	CHECK_EQ(sock->sk->sk_rcvtimeo, HZ + HZ / 2);
	sockfd_put(sock);
	CHECK_EQ(sys_getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&out, &len),
		 0);
	CHECK_EQ(len, (int)sizeof(out));
	CHECK_EQ(out.tv_sec, 1);
	CHECK_EQ(out.tv_usec, 500000);
	tv.tv_usec = 1000000;
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv,
				sizeof(tv)), -EDOM);
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv, 4),
		 -EINVAL);
	tv = (struct sock_timeval32){ 0, 0 }; /* forever */
	CHECK_EQ(sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv,
				sizeof(tv)), 0);
	sock = sockfd_lookup(fd, &(int){ 0 });
	CHECK_EQ(sock->sk->sk_rcvtimeo, MAX_SCHEDULE_TIMEOUT);
	sockfd_put(sock);
}

TEST(closing_every_socket_frees_every_sock)
{
	setup();
	new_fd();
	new_fd();
	setup(); /* closes them */
	CHECK_EQ(sockets_in_use, 0);
	CHECK_EQ(sk_live_count, 0);
	CHECK_EQ(files_out, 0);
}

RUN_TESTS()
