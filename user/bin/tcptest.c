/*
 * tcptest - drive TCP sockets from the guest, for tests/integration/test_tcp.py.
 *
 *   tcptest echo PORT N        listen (backlog 8), serve N connections at
 *                              once with poll: echo every byte back until the
 *                              peer's FIN, then close. "listening on PORT",
 *                              "conn A:P echoed BYTES"
 *   tcptest sink PORT          accept one, read to EOF: "got BYTES fnv HASH"
 *   tcptest send ADDR PORT N   connect, send N pattern bytes, shutdown(WR),
 *                              read to EOF: "sent N fnv HASH read M"
 *   tcptest connect ADDR PORT  connect: "connect: ok" or the error
 *   tcptest nbconnect ADDR PORT  O_NONBLOCK connect, poll, SO_ERROR
 *   tcptest backlog PORT B SECS  listen(B), sleep SECS without accept,
 *                              then accept what is there: "accepted K"
 *   tcptest hold PORT SECS     accept one, sleep SECS without reading,
 *                              then read to EOF: "got BYTES fnv HASH"
 *
 * The pattern byte i is (i * 131 + (i >> 11)) & 0xff; HASH is FNV-1a 32.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[16384];

static unsigned int fnv(unsigned int h, const unsigned char *p, long n)
{
	for (long i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
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

static int listener(int port, int backlog)
{
	struct sockaddr_in sin = sin_of(NULL, port);
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0) {
		perror("socket");
		exit(1);
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("bind");
		exit(1);
	}
	if (listen(fd, backlog) < 0) {
		perror("listen");
		exit(1);
	}
	printf("listening on %d\n", port);
	fflush(stdout);
	return fd;
}

static int accept_one(int lfd, char *who, int whylen)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	int fd = accept(lfd, (struct sockaddr *)&peer, &len);

	if (fd < 0) {
		perror("accept");
		exit(1);
	}
	snprintf(who, whylen, "%s:%d", inet_ntoa(peer.sin_addr),
		 ntohs(peer.sin_port));
	return fd;
}

static int write_all(int fd, const char *p, long n)
{
	while (n > 0) {
		long w = write(fd, p, n);

		if (w < 0) {
			perror("write");
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

static void drain(int fd)
{
	unsigned int h = 2166136261u;
	long total = 0, n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		h = fnv(h, (unsigned char *)buf, n);
		total += n;
	}
	if (n < 0)
		perror("read");
	printf("got %ld fnv %08x\n", total, h);
}

/* A poll loop over the listener and up to 32 connections at once. */
static int cmd_echo(int port, int count)
{
	struct pollfd pfd[33];
	char who[33][64];
	long total[33];
	int lfd = listener(port, 8), nconn = 1, accepted = 0, done = 0;

	pfd[0].fd = lfd;
	pfd[0].events = POLLIN;
	while (done < count) {
		if (poll(pfd, nconn, -1) < 0) {
			perror("poll");
			return 1;
		}
		if ((pfd[0].revents & POLLIN) && accepted < count && nconn < 33) {
			pfd[nconn].fd = accept_one(lfd, who[nconn], sizeof(who[0]));
			pfd[nconn].events = POLLIN;
			pfd[nconn].revents = 0;
			total[nconn++] = 0;
			accepted++;
		}
		for (int i = 1; i < nconn; i++) {
			long n;

			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(pfd[i].fd, buf, sizeof(buf));
			if (n > 0 && !write_all(pfd[i].fd, buf, n)) {
				total[i] += n;
				continue;
			}
			if (n < 0)
				perror("read");
			close(pfd[i].fd);
			printf("conn %s echoed %ld\n", who[i], total[i]);
			fflush(stdout);
			done++;
			nconn--;
			pfd[i] = pfd[nconn];
			total[i] = total[nconn];
			memcpy(who[i], who[nconn], sizeof(who[0]));
			pfd[i].revents = pfd[nconn].revents;
			i--;
		}
		if (accepted >= count)
			pfd[0].events = 0;
	}
	close(lfd);
	return 0;
}

static int connect_to(const char *addr, int port)
{
	struct sockaddr_in sin = sin_of(addr, port);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		printf("connect: %s\n", strerror(errno));
		exit(1);
	}
	return fd;
}

static int cmd_send(const char *addr, int port, long n)
{
	int fd = connect_to(addr, port);
	unsigned int h = 2166136261u;
	long i = 0, got = 0, r;

	while (i < n) {
		long chunk = n - i < (long)sizeof(buf) ? n - i : (long)sizeof(buf);

		for (long j = 0; j < chunk; j++)
			buf[j] = (char)(((i + j) * 131 + ((i + j) >> 11)) & 0xff);
		h = fnv(h, (unsigned char *)buf, chunk);
		if (write_all(fd, buf, chunk))
			return 1;
		i += chunk;
	}
	shutdown(fd, SHUT_WR);
	while ((r = read(fd, buf, sizeof(buf))) > 0)
		got += r;
	printf("sent %ld fnv %08x read %ld\n", n, h, got);
	close(fd);
	return 0;
}

static int cmd_nbconnect(const char *addr, int port)
{
	struct sockaddr_in sin = sin_of(addr, port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), err = 0;
	socklen_t len = sizeof(err);
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	int r;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	r = connect(fd, (struct sockaddr *)&sin, sizeof(sin));
	printf("connect: %s\n", r < 0 ? strerror(errno) : "ok");
	r = poll(&pfd, 1, 10000);
	getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
	printf("poll %d revents %x so_error %s\n", r, pfd.revents,
	       err ? strerror(err) : "0");
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	char who[64];

	if (argc >= 4 && !strcmp(argv[1], "echo"))
		return cmd_echo(atoi(argv[2]), atoi(argv[3]));
	if (argc >= 3 && !strcmp(argv[1], "sink")) {
		int lfd = listener(atoi(argv[2]), 1);
		int fd = accept_one(lfd, who, sizeof(who));

		drain(fd);
		close(fd);
		close(lfd);
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "hold")) {
		int lfd = listener(atoi(argv[2]), 1);
		int fd = accept_one(lfd, who, sizeof(who));

		sleep(atoi(argv[3]));
		drain(fd);
		close(fd);
		close(lfd);
		return 0;
	}
	if (argc >= 5 && !strcmp(argv[1], "send"))
		return cmd_send(argv[2], atoi(argv[3]), atol(argv[4]));
	if (argc >= 4 && !strcmp(argv[1], "connect")) {
		int fd = connect_to(argv[2], atoi(argv[3]));

		printf("connect: ok\n");
		close(fd);
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "nbconnect"))
		return cmd_nbconnect(argv[2], atoi(argv[3]));
	if (argc >= 5 && !strcmp(argv[1], "backlog")) {
		int lfd = listener(atoi(argv[2]), atoi(argv[3]));
		int k = 0, fd;

		sleep(atoi(argv[4]));
		fcntl(lfd, F_SETFL, O_NONBLOCK);
		while ((fd = accept(lfd, NULL, NULL)) >= 0) {
			k++;
			close(fd);
		}
		printf("accepted %d\n", k);
		close(lfd);
		return 0;
	}
	fprintf(stderr, "usage: see the comment at the top of tcptest.c\n");
	return 2;
}
