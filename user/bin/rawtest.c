/*
 * rawtest - argument checks of raw IPv4 sockets (net/ipv4/raw.c), run in
 * the guest by tests/integration/test_raw.py. Prints one "ok NAME" /
 * "FAIL NAME" line per check and "rawtest: N failed" at the end; exit
 * status 1 if any failed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int failed;

/* ret must be -1 with errno want (want 0: ret must be >= 0). */
static void expect(const char *name, long ret, int want)
{
	int e = ret < 0 ? errno : 0;

	if ((want && ret == -1 && e == want) || (!want && ret >= 0)) {
		printf("ok %s\n", name);
		return;
	}
	failed++;
	printf("FAIL %s: ret %ld errno %d, want %d\n", name, ret, e, want);
}

int main(void)
{
	struct sockaddr_in to;
	char echo[8] = { 8, 0, 0xf7, 0xff, 0, 0, 0, 0 }; /* type 8, csum ok */
	int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);

	expect("socket_raw_icmp", fd, 0);
	expect("socket_raw_proto0", socket(AF_INET, SOCK_RAW, 0),
	       EPROTONOSUPPORT);
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	expect("sendto_short_addr",
	       sendto(fd, echo, sizeof(echo), 0, (struct sockaddr *)&to, 4),
	       EINVAL);
	expect("send_no_destination", send(fd, echo, sizeof(echo), 0),
	       EDESTADDRREQ);
	expect("recv_dontwait_empty",
	       recv(fd, echo, sizeof(echo), MSG_DONTWAIT), EAGAIN);
	close(fd);
	printf("rawtest: %d failed\n", failed);
	return failed ? 1 : 0;
}
