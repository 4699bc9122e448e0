/*
 * socket.c - the BSD socket calls.
 *
 * Linux i386 has had direct system calls for them since 4.3 (socket = 359
 * .. shutdown = 373); before that, all went through socketcall(102, call,
 * args[]). sock_call() tries the direct one and falls back to socketcall
 * when the kernel says -ENOSYS, as glibc does on i386.
 */
#include <errno.h>
#include <sys/socket.h>
#include <sys/syscall.h>

/* socketcall's call numbers (include/uapi/linux/net.h) */
enum {
	SC_SOCKET = 1, SC_BIND, SC_CONNECT, SC_LISTEN, SC_ACCEPT,
	SC_GETSOCKNAME, SC_GETPEERNAME, SC_SOCKETPAIR, SC_SEND, SC_RECV,
	SC_SENDTO, SC_RECVFROM, SC_SHUTDOWN, SC_SETSOCKOPT, SC_GETSOCKOPT,
	SC_SENDMSG, SC_RECVMSG, SC_ACCEPT4,
};

#define A(x) ((long)(x))

static long sock_call(long nr, int call, long a0, long a1, long a2, long a3,
		      long a4, long a5)
{
	long args[6] = { a0, a1, a2, a3, a4, a5 };
	long r = __syscall6(nr, a0, a1, a2, a3, a4, a5);

	if (r == -ENOSYS)
		r = __syscall2(SYS_socketcall, call, A(args));
	return __syscall_ret(r);
}

int socket(int domain, int type, int protocol)
{
	return sock_call(SYS_socket, SC_SOCKET, domain, type, protocol, 0, 0, 0);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	return sock_call(SYS_socketpair, SC_SOCKETPAIR, domain, type, protocol,
			 A(sv), 0, 0);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return sock_call(SYS_bind, SC_BIND, fd, A(addr), A(len), 0, 0, 0);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return sock_call(SYS_connect, SC_CONNECT, fd, A(addr), A(len), 0, 0, 0);
}

int listen(int fd, int backlog)
{
	return sock_call(SYS_listen, SC_LISTEN, fd, backlog, 0, 0, 0, 0);
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	return sock_call(SYS_accept4, SC_ACCEPT4, fd, A(addr), A(len), flags, 0, 0);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	return accept4(fd, addr, len, 0);
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	return sock_call(SYS_getsockopt, SC_GETSOCKOPT, fd, level, name, A(val),
			 A(len), 0);
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return sock_call(SYS_setsockopt, SC_SETSOCKOPT, fd, level, name, A(val),
			 A(len), 0);
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	return sock_call(SYS_getsockname, SC_GETSOCKNAME, fd, A(addr), A(len), 0, 0, 0);
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	return sock_call(SYS_getpeername, SC_GETPEERNAME, fd, A(addr), A(len), 0, 0, 0);
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	return sock_call(SYS_sendto, SC_SENDTO, fd, A(buf), A(n), flags, A(to),
			 A(tolen));
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags,
		 struct sockaddr *from, socklen_t *fromlen)
{
	return sock_call(SYS_recvfrom, SC_RECVFROM, fd, A(buf), A(n), flags,
			 A(from), A(fromlen));
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return sendto(fd, buf, n, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return recvfrom(fd, buf, n, flags, NULL, NULL);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	return sock_call(SYS_sendmsg, SC_SENDMSG, fd, A(msg), flags, 0, 0, 0);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	return sock_call(SYS_recvmsg, SC_RECVMSG, fd, A(msg), flags, 0, 0, 0);
}

int shutdown(int fd, int how)
{
	return sock_call(SYS_shutdown, SC_SHUTDOWN, fd, how, 0, 0, 0, 0);
}
