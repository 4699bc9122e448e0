/*
 * udptest - exercise the UDP socket calls from a guest program.
 *
 *   udptest args                       the socket calls' argument errors
 *                                      (EBADF, ENOTSOCK, EFAULT, ...):
 *                                      one "ok NAME" / "FAIL NAME" line each
 *   udptest recv PORT [COUNT]          bind 0.0.0.0:PORT, print COUNT
 *                                      datagrams: "from A:P len N: DATA"
 *   udptest send ADDR PORT MSG [COUNT [TTL]]
 *                                      sendto ADDR:PORT, COUNT times (with
 *                                      IP_TTL if given)
 *   udptest refused ADDR PORT          connect, send, recv: prints the
 *                                      errno the ICMP error produced
 *   udptest sink PORT RCVBUF SECS      SO_RCVBUF=RCVBUF, "ready", sleep
 *                                      SECS without reading, then drain:
 *                                      "drained N"
 *   udptest poll PORT MS               bind, poll() for POLLIN up to MS ms:
 *                                      "poll N revents 0xR", then read it
 *
 * Tests in tests/integration/test_udp.py drive it; it is also a small
 * example of the BSD calls a student can read.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static int failed;
static char big[65536];

static void expect(const char *name, long ret, int want_errno)
{
	int e = ret < 0 ? errno : 0;

	if ((want_errno && ret == -1 && e == want_errno) ||
	    (!want_errno && ret >= 0)) {
		printf("ok %s\n", name);
		return;
	}
	failed++;
	printf("FAIL %s: ret %ld errno %d (%s), want %d\n", name, ret, e,
	       strerror(e), want_errno);
}

static struct sockaddr_in sin_of(const char *addr, int port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	sin.sin_addr.s_addr = addr ? inet_addr(addr) : htonl(INADDR_ANY);
	return sin;
}

static int udp_socket(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0) {
		perror("udptest: socket");
		exit(1);
	}
	return fd;
}

/* The errors Linux gives for bad arguments, one check each. */
static int cmd_args(void)
{
	struct sockaddr_in sin = sin_of(NULL, 0), lo;
	socklen_t len = sizeof(sin);
	char buf[16];
	int fd = udp_socket(), v = 0;

	expect("socket_dgram", fd, 0);
	expect("socket_bad_family", socket(1234, SOCK_DGRAM, 0), EAFNOSUPPORT);
	expect("socket_inet6", socket(AF_INET6, SOCK_DGRAM, 0), EAFNOSUPPORT);
	expect("socket_bad_type", socket(AF_INET, 99, 0), EINVAL);
	/* SOCK_STREAM exists since TCP (net/ipv4/tcp.c); a stream socket
	 * with a datagram protocol does not */
	expect("socket_stream_udp", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP),
	       EPROTONOSUPPORT);
	expect("socket_dgram_tcp", socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP),
	       EPROTONOSUPPORT);
	expect("socket_bad_flags", socket(AF_INET, SOCK_DGRAM | 0x100, 0),
	       EINVAL);
	expect("bind_ebadf", bind(99, (struct sockaddr *)&sin, sizeof(sin)),
	       EBADF);
	expect("bind_enotsock", bind(1, (struct sockaddr *)&sin, sizeof(sin)),
	       ENOTSOCK);
	expect("bind_efault", bind(fd, (struct sockaddr *)8, sizeof(sin)),
	       EFAULT);
	expect("bind_short", bind(fd, (struct sockaddr *)&sin, 4), EINVAL);
	expect("bind_too_long", bind(fd, (struct sockaddr *)&sin, 200), EINVAL);
	expect("sendto_port0_einval", sendto(fd, buf, 4, 0,
					     (struct sockaddr *)&sin, sizeof(sin)),
	       EINVAL);
	lo = sin_of("127.0.0.1", 9);
	/* Above TASK_SIZE: refused before any routing, as Linux's access_ok. */
	expect("sendto_efault", sendto(fd, (void *)0xc0001000, 4, 0,
				       (struct sockaddr *)&lo, sizeof(lo)),
	       EFAULT);
	expect("sendto_emsgsize", sendto(fd, big, 65508, 0,
					 (struct sockaddr *)&lo, sizeof(lo)),
	       EMSGSIZE);
	expect("send_unconnected_edestaddrreq", send(fd, buf, 4, 0),
	       EDESTADDRREQ);
	expect("recvfrom_nonblock_eagain",
	       recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL), EAGAIN);
	expect("getsockname_efault",
	       getsockname(fd, (struct sockaddr *)&sin, (socklen_t *)8), EFAULT);
	expect("getpeername_enotconn",
	       getpeername(fd, (struct sockaddr *)&sin, &len), ENOTCONN);
	expect("listen_eopnotsupp", listen(fd, 5), EOPNOTSUPP);
	expect("accept_eopnotsupp", accept(fd, NULL, NULL), EOPNOTSUPP);
	expect("setsockopt_einval", setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, 1),
	       EINVAL);
	expect("setsockopt_enoprotoopt",
	       setsockopt(fd, SOL_SOCKET, 12345, &v, sizeof(v)), ENOPROTOOPT);
	expect("shutdown_einval", shutdown(fd, 7), EINVAL);
	expect("ioctl_fionread", ioctl(fd, FIONREAD, &v), 0);
	expect("socketpair_inet", socketpair(AF_INET, SOCK_DGRAM, 0, (int *)buf),
	       EOPNOTSUPP);
#ifdef SYS_socketcall
	{
		long args[3] = { AF_INET, SOCK_DGRAM, 0 };
		long r = syscall(SYS_socketcall, 1, args);

		expect("socketcall_socket", r, 0);
		if (r >= 0)
			close(r);
		expect("socketcall_bad_call", syscall(SYS_socketcall, 0, args),
		       EINVAL);
		expect("socketcall_bad_call_21",
		       syscall(SYS_socketcall, 21, args), EINVAL);
		expect("socketcall_efault", syscall(SYS_socketcall, 1, 8),
		       EFAULT);
	}
#endif
	close(fd);
	printf("udptest args: %d failed\n", failed);
	return failed ? 1 : 0;
}

static int cmd_recv(int port, int count)
{
	int fd = udp_socket();
	struct sockaddr_in sin = sin_of(NULL, port);
	char buf[2048];

	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("udptest: bind");
		return 1;
	}
	printf("listening on %d\n", port);
	fflush(stdout);
	for (int i = 0; i < count; i++) {
		socklen_t len = sizeof(sin);
		ssize_t n = recvfrom(fd, buf, sizeof(buf) - 1, 0,
				     (struct sockaddr *)&sin, &len);

		if (n < 0) {
			perror("udptest: recvfrom");
			return 1;
		}
		buf[n] = 0;
		printf("from %s:%d len %d: %s\n", inet_ntoa(sin.sin_addr),
		       ntohs(sin.sin_port), (int)n, buf);
		fflush(stdout);
	}
	close(fd);
	return 0;
}

static int cmd_send(const char *addr, int port, const char *msg, int count,
		    int ttl)
{
	int fd = udp_socket();
	struct sockaddr_in sin = sin_of(addr, port);

	if (ttl && setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl)) < 0) {
		perror("udptest: IP_TTL");
		return 1;
	}

	for (int i = 0; i < count; i++)
		if (sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&sin,
			   sizeof(sin)) < 0) {
			perror("udptest: sendto");
			return 1;
		}
	printf("sent %d\n", count);
	close(fd);
	return 0;
}

static int cmd_refused(const char *addr, int port)
{
	int fd = udp_socket();
	struct sockaddr_in sin = sin_of(addr, port);
	struct timeval tv = { 5, 0 };
	char buf[16];

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    send(fd, "x", 1, 0) < 0) {
		perror("udptest: connect/send");
		return 1;
	}
	if (recv(fd, buf, sizeof(buf), 0) < 0)
		printf("recv: %s\n", strerror(errno));
	else
		printf("recv: data\n");
	close(fd);
	return 0;
}

static int cmd_sink(int port, int rcvbuf, int secs)
{
	int fd = udp_socket(), n = 0, v = 0;
	socklen_t len = sizeof(v);
	struct sockaddr_in sin = sin_of(NULL, port);
	char buf[2048];

	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, &len);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("udptest: bind");
		return 1;
	}
	printf("ready rcvbuf %d\n", v);
	fflush(stdout);
	sleep(secs);
	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		n++;
	printf("drained %d\n", n);
	close(fd);
	return 0;
}

/* poll() on a socket: sleeps until sk_data_ready wakes it (stage 14). */
static int cmd_poll(int port, int ms)
{
	int fd = udp_socket(), n;
	struct sockaddr_in sin = sin_of(NULL, port);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char buf[256];

	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("udptest: bind");
		return 1;
	}
	printf("polling on %d\n", port);
	fflush(stdout);
	n = poll(&pfd, 1, ms);
	printf("poll %d revents 0x%x\n", n, pfd.revents);
	if (n == 1) {
		n = recv(fd, buf, sizeof(buf) - 1, MSG_DONTWAIT);
		buf[n > 0 ? n : 0] = 0;
		printf("read %d: %s\n", n, buf);
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (!strcmp(cmd, "args"))
		return cmd_args();
	if (!strcmp(cmd, "recv") && argc >= 3)
		return cmd_recv(atoi(argv[2]), argc > 3 ? atoi(argv[3]) : 1);
	if (!strcmp(cmd, "send") && argc >= 5)
		return cmd_send(argv[2], atoi(argv[3]), argv[4],
				argc > 5 ? atoi(argv[5]) : 1,
				argc > 6 ? atoi(argv[6]) : 0);
	if (!strcmp(cmd, "refused") && argc >= 4)
		return cmd_refused(argv[2], atoi(argv[3]));
	if (!strcmp(cmd, "sink") && argc >= 5)
		return cmd_sink(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(cmd, "poll") && argc >= 4)
		return cmd_poll(atoi(argv[2]), atoi(argv[3]));
	fprintf(stderr, "usage: udptest args | recv PORT [COUNT] | "
			"send ADDR PORT MSG [COUNT [TTL]] | refused ADDR PORT | "
			"sink PORT RCVBUF SECS | poll PORT MS\n");
	return 2;
}
