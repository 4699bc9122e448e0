/*
 * echod - a single-process epoll echo server (RFC 862's service).
 *
 *   echod [-u] [-n COUNT] [-v] PORT
 *
 *   -u        UDP: every datagram goes back to its sender
 *   (no -u)   TCP: accept connections on PORT, echo what each one sends,
 *             all in one process with one epoll set; fails with the
 *             kernel's error if the kernel has no SOCK_STREAM yet
 *   -n COUNT  exit 0 after COUNT datagrams (UDP) or connections (TCP)
 *   -v        print one line per datagram/connection
 *
 * It prints "echod: udp port PORT ready" (or tcp) once it waits for events.
 *
 * The worked example of the receive spine's last stage. One datagram from
 * the wire to epoll_wait's return, in rxos (and Linux) function names:
 *
 *   hardware   the NIC DMAs the frame into an rx ring buffer, raises IRQ
 *   hardirq    e1000_intr: mask rx interrupts, napi_schedule
 *                -> __napi_schedule: poll list += napi, raise NET_RX_SOFTIRQ
 *   softirq    net_rx_action -> e1000_clean -> e1000_clean_rx_irq
 *                -> netif_receive_skb -> __netif_receive_skb_core
 *                -> ip_rcv -> ip_rcv_core -> NF_HOOK(PRE_ROUTING)
 *                -> ip_rcv_finish -> ip_route_input: local
 *                -> ip_local_deliver -> NF_HOOK(LOCAL_IN)
 *                -> ip_local_deliver_finish -> ip_protocol_deliver_rcu
 *                -> udp_rcv: checksum, __udp4_lib_lookup finds our socket
 *                -> udp_queue_rcv_skb -> __sock_queue_rcv_skb:
 *                   skb onto sk->sk_receive_queue
 *                -> sk->sk_data_ready = sock_def_readable
 *                -> wake_up_interruptible_poll(sk_wq, EPOLLIN | ...)
 *                -> ep_poll_callback (the wait entry epoll_ctl hung on
 *                   sk_wq through datagram_poll's poll_wait): the epitem
 *                   goes on the ready list, our task is woken
 *   process    schedule() returns to ep_poll -> ep_send_events:
 *                datagram_poll(file, NULL) says EPOLLIN; copy_to_user
 *                -> epoll_wait returns 1 below
 *              recvfrom -> udp_recvmsg -> skb_recv_datagram,
 *                skb_copy_datagram_iter: payload to our buffer
 *              sendto -> udp_sendmsg -> ... -> dev_queue_xmit: echoed.
 *
 * Plain POSIX C with Linux's <sys/epoll.h>: builds and runs on the host too.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_EVENTS 16

static int verbose;
static long limit = -1; /* -n: exit after this many; -1: never */

static void die(const char *what)
{
	fprintf(stderr, "echod: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: echod [-u] [-n COUNT] [-v] PORT\n");
	exit(2);
}

static void set_nonblock(int fd)
{
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0)
		die("fcntl");
}

static void watch(int ep, int fd, unsigned int events)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.fd = fd;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
		die("epoll_ctl");
}

/* socket + SO_REUSEADDR + bind to PORT on every address. */
static int bound_socket(int type, int port)
{
	struct sockaddr_in sin;
	int fd = socket(AF_INET, type, 0), one = 1;

	if (fd < 0)
		die(type == SOCK_STREAM ? "socket(SOCK_STREAM)" : "socket(SOCK_DGRAM)");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	sin.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		die("bind");
	set_nonblock(fd);
	return fd;
}

static const char *peer_name(const struct sockaddr_in *sin, char *buf,
			     size_t len)
{
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof(ip));
	snprintf(buf, len, "%s:%d", ip, ntohs(sin->sin_port));
	return buf;
}

/* ---- UDP: one socket; drain it on every EPOLLIN ------------------------------- */

/* Echo every queued datagram; returns how many. */
static long udp_echo_all(int fd)
{
	char buf[65536], name[32];
	struct sockaddr_in from;
	socklen_t fromlen;
	long n = 0;

	for (;;) {
		ssize_t len;

		fromlen = sizeof(from);
		len = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			       &fromlen);
		if (len < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return n;
			die("recvfrom");
		}
		if (sendto(fd, buf, len, 0, (struct sockaddr *)&from, fromlen) < 0)
			fprintf(stderr, "echod: sendto %s: %s\n",
				peer_name(&from, name, sizeof(name)), strerror(errno));
		else if (verbose)
			printf("echod: %d bytes echoed to %s\n", (int)len,
			       peer_name(&from, name, sizeof(name)));
		n++;
	}
}

static int serve_udp(int port)
{
	int fd = bound_socket(SOCK_DGRAM, port), ep = epoll_create1(0);
	struct epoll_event evs[MAX_EVENTS];
	long done = 0;

	if (ep < 0)
		die("epoll_create1");
	watch(ep, fd, EPOLLIN);
	printf("echod: udp port %d ready\n", port);
	while (limit < 0 || done < limit) {
		int n = epoll_wait(ep, evs, MAX_EVENTS, -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("epoll_wait");
		}
		for (int i = 0; i < n; i++)
			if (evs[i].events & EPOLLIN)
				done += udp_echo_all(evs[i].data.fd);
	}
	printf("echod: %ld datagrams echoed\n", done);
	return 0;
}

/* ---- TCP: the listener and every connection in one epoll set --------------------- */

static void tcp_accept_all(int ep, int lfd, long *accepted)
{
	struct sockaddr_in from;
	socklen_t fromlen = sizeof(from);
	char name[32];
	int c;

	while ((c = accept(lfd, (struct sockaddr *)&from, &fromlen)) >= 0) {
		set_nonblock(c);
		watch(ep, c, EPOLLIN | EPOLLRDHUP);
		(*accepted)++;
		if (verbose)
			printf("echod: connection from %s\n",
			       peer_name(&from, name, sizeof(name)));
		fromlen = sizeof(from);
	}
	if (errno != EAGAIN && errno != EWOULDBLOCK)
		perror("echod: accept");
}

/* Echo what is there; 1 when the peer is done and the fd was closed
 * (which also removes it from the epoll set: its last reference). */
static int tcp_echo(int fd)
{
	char buf[4096];
	ssize_t len;

	while ((len = read(fd, buf, sizeof(buf))) > 0)
		if (write(fd, buf, len) != len)
			break; /* a full send buffer: rxos echod keeps it simple */
	if (len == 0 || (len < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
		close(fd);
		return 1;
	}
	return 0;
}

static int serve_tcp(int port)
{
	int lfd = bound_socket(SOCK_STREAM, port), ep = epoll_create1(0);
	struct epoll_event evs[MAX_EVENTS];
	long accepted = 0, closed = 0;

	if (ep < 0)
		die("epoll_create1");
	if (listen(lfd, 16) < 0)
		die("listen");
	watch(ep, lfd, EPOLLIN);
	printf("echod: tcp port %d ready\n", port);
	while (limit < 0 || closed < limit) {
		int n = epoll_wait(ep, evs, MAX_EVENTS, -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("epoll_wait");
		}
		for (int i = 0; i < n; i++) {
			if (evs[i].data.fd == lfd)
				tcp_accept_all(ep, lfd, &accepted);
			else
				closed += tcp_echo(evs[i].data.fd);
		}
	}
	printf("echod: %ld connections served\n", closed);
	return 0;
}

int main(int argc, char **argv)
{
	int udp = 0, opt, port;
	char *end;

	while ((opt = getopt(argc, argv, "un:v")) != -1) {
		switch (opt) {
		case 'u':
			udp = 1;
			break;
		case 'n':
			limit = strtol(optarg, &end, 10);
			if (*end || limit <= 0) {
				fprintf(stderr, "echod: bad count: %s\n", optarg);
				return 2;
			}
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	port = (int)strtol(argv[optind], &end, 10);
	if (*end || port <= 0 || port > 65535) {
		fprintf(stderr, "echod: bad port: %s\n", argv[optind]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	return udp ? serve_udp(port) : serve_tcp(port);
}
