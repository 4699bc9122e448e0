/*
 * nc - netcat, UDP only for now (the options of OpenBSD's nc that UDP
 * uses).
 *
 *   nc -u [-v] [-w secs] [-p srcport] host port     send stdin, print replies
 *   nc -u -l [-v] [-w secs] [-p port] [port]        wait for a peer, then talk
 *
 * Each line read from stdin (or each read() of it) goes out as one
 * datagram; every datagram received is written to stdout as it is. A
 * listener takes the first datagram's sender as its peer and connects to
 * it (as OpenBSD's nc does), so after that it talks to that peer only.
 * -w: give up after secs seconds with nothing to read on either side
 * (OpenBSD: the idle timeout); without it, nc runs until stdin ends and,
 * as UDP has no end of stream, until killed. -v: report on stderr.
 * Addresses are numeric (no DNS here); TCP (no -u) is not implemented yet.
 *
 * Built on socket/bind/connect/send/recvfrom and poll(): the whole UDP
 * socket API a student's own program would use.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int vflag, lflag, uflag, timeout_ms = -1;
static const char *progname = "nc";

static void usage(void)
{
	fprintf(stderr,
		"usage: nc -u [-lv] [-p source_port] [-w timeout] "
		"[destination] [port]\n");
	exit(1);
}

static int parse_port(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 1 || n > 65535) {
		fprintf(stderr, "%s: port number invalid: %s\n", progname, s);
		exit(1);
	}
	return (int)n;
}

static struct sockaddr_in make_addr(const char *host, int port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	if (!host) {
		sin.sin_addr.s_addr = htonl(INADDR_ANY);
	} else if (inet_pton(AF_INET, host, &sin.sin_addr) != 1) {
		fprintf(stderr, "%s: %s: not a numeric IPv4 address\n",
			progname, host);
		exit(1);
	}
	return sin;
}

static void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", progname, what, strerror(errno));
	exit(1);
}

/* A listener: the first datagram names the peer; print it, connect. */
static void accept_first(int fd)
{
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char buf[65536];
	ssize_t n;

	if (poll(&pfd, 1, timeout_ms) == 0)
		exit(1); /* -w ran out before anyone came */
	n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
	if (n < 0)
		die("recvfrom");
	if (connect(fd, (struct sockaddr *)&from, sizeof(from)) < 0)
		die("connect");
	if (vflag)
		fprintf(stderr, "Connection received on %s %d\n",
			inet_ntoa(from.sin_addr), ntohs(from.sin_port));
	if (write(1, buf, n) < 0)
		die("write");
}

/* Move data both ways until -w idles out (or, without -w, forever). */
static int relay(int fd)
{
	struct pollfd pfd[2] = { { .fd = 0, .events = POLLIN },
				 { .fd = fd, .events = POLLIN } };
	char buf[65536];
	ssize_t n;

	for (;;) {
		int r = poll(pfd, 2, timeout_ms);

		if (r < 0 && errno != EINTR)
			die("poll");
		if (r == 0)
			return 0; /* idle for -w seconds */
		if (pfd[1].revents & (POLLIN | POLLERR)) {
			n = recv(fd, buf, sizeof(buf), 0);
			if (n < 0) {
				/* ECONNREFUSED: an ICMP port unreachable */
				if (vflag || errno != ECONNREFUSED)
					fprintf(stderr, "%s: read: %s\n",
						progname, strerror(errno));
				return 1;
			}
			if (write(1, buf, n) < 0)
				die("write");
		}
		if (pfd[0].revents & (POLLIN | POLLHUP)) {
			n = read(0, buf, sizeof(buf));
			if (n <= 0) {
				pfd[0].fd = -1; /* stdin ended: keep listening */
				if (timeout_ms < 0)
					return 0;
			} else if (send(fd, buf, n, 0) < 0) {
				fprintf(stderr, "%s: write: %s\n", progname,
					strerror(errno));
				return 1;
			}
		}
	}
}

int main(int argc, char **argv)
{
	const char *host = NULL;
	struct sockaddr_in sin;
	int c, fd, port = 0, sport = 0;

	while ((c = getopt(argc, argv, "lnp:uvw:")) != -1) {
		switch (c) {
		case 'l':
			lflag = 1;
			break;
		case 'n':
			break; /* numeric only anyway */
		case 'p':
			sport = parse_port(optarg);
			break;
		case 'u':
			uflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'w':
			timeout_ms = atoi(optarg) * 1000;
			if (timeout_ms <= 0) {
				fprintf(stderr, "%s: timeout invalid: %s\n",
					progname, optarg);
				return 1;
			}
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!uflag) {
		fprintf(stderr, "%s: only UDP (-u) is supported so far\n",
			progname);
		return 1;
	}
	if (lflag) {
		if (argc > 1)
			usage();
		port = argc ? parse_port(argv[0]) : sport;
		if (!port)
			usage();
	} else {
		if (argc != 2)
			usage();
		host = argv[0];
		port = parse_port(argv[1]);
	}

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		die("socket");
	if (lflag || sport) {
		int one = 1;

		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		sin = make_addr(NULL, lflag ? port : sport);
		if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
			die("bind");
	}
	if (lflag) {
		if (vflag)
			fprintf(stderr, "Bound on 0.0.0.0 %d\n", port);
		accept_first(fd);
	} else {
		sin = make_addr(host, port);
		if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0)
			die("connect");
		if (vflag)
			fprintf(stderr,
				"Connection to %s %d port [udp/*] succeeded!\n",
				host, port);
	}
	c = relay(fd);
	close(fd);
	return c;
}
