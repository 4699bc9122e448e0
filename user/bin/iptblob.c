/*
 * iptblob - hand the kernel broken iptables blobs and print what it says.
 *
 *   iptblob        one line per case: "ok NAME errno=E" when the kernel
 *                  refused it with the errno Linux would give, "FAIL NAME
 *                  ..." otherwise; then "iptblob: N failed"
 *
 * Each case starts from the running filter table (IPT_SO_GET_INFO and
 * IPT_SO_GET_ENTRIES, as iptables does) and breaks one thing before
 * IPT_SO_SET_REPLACE: the length, an entry's size, a hook offset, a jump
 * into the middle of a chain, a loop, random bytes. The running table
 * must come through unchanged (checked at the end). A test program for
 * tests/integration/test_iptables.py, and an example of the ABI in
 * net/ipv4/netfilter/ip_tables.h. The host build (make host-user) only
 * says no: the host's kernel has Linux's ABI.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../net/ipv4/netfilter/ip_tables.h"

#define ES sizeof(struct ipt_entry)

static int fd, failed;
static struct ipt_getinfo info;
static struct ipt_entry *table;
static struct ipt_counters counters[1024];

static void get_table(void)
{
	socklen_t len = sizeof(info);
	struct ipt_get_entries *ge;

	memset(&info, 0, sizeof(info));
	strcpy(info.name, "filter");
	if (getsockopt(fd, IPPROTO_IP, IPT_SO_GET_INFO, &info, &len) < 0) {
		perror("iptblob: IPT_SO_GET_INFO");
		exit(1);
	}
	len = sizeof(*ge) + info.size;
	ge = calloc(1, len);
	strcpy(ge->name, "filter");
	ge->size = info.size;
	if (getsockopt(fd, IPPROTO_IP, IPT_SO_GET_ENTRIES, ge, &len) < 0) {
		perror("iptblob: IPT_SO_GET_ENTRIES");
		exit(1);
	}
	free(table);
	table = malloc(info.size);
	memcpy(table, ge->entrytable, info.size);
	free(ge);
}

/* A replace request for the running table, room for `extra` entries. */
static struct ipt_replace *request(unsigned int extra, unsigned int *len)
{
	struct ipt_replace *r;

	*len = sizeof(*r) + info.size + extra * ES;
	r = calloc(1, *len + ES);
	strcpy(r->name, "filter");
	r->valid_hooks = info.valid_hooks;
	r->num_entries = info.num_entries;
	r->size = info.size;
	memcpy(r->hook_entry, info.hook_entry, sizeof(info.hook_entry));
	memcpy(r->underflow, info.underflow, sizeof(info.underflow));
	r->num_counters = info.num_entries;
	r->counters = counters;
	memcpy(r->entries, table, info.size);
	*len -= extra * ES;
	return r;
}

static void expect(const char *name, struct ipt_replace *r, unsigned int len,
		   int want)
{
	int ret = setsockopt(fd, IPPROTO_IP, IPT_SO_SET_REPLACE, r, len);
	int e = ret < 0 ? errno : 0;

	if (ret < 0 && e == want)
		printf("ok %s errno=%d\n", name, e);
	else {
		printf("FAIL %s ret=%d errno=%d want=%d\n", name, ret, e, want);
		failed++;
	}
	free(r);
}

/* Insert a user chain "x" whose one rule jumps to target_off (or to x). */
static struct ipt_replace *with_user_chain(unsigned int *len)
{
	struct ipt_replace *r = request(3, len);
	unsigned int end = info.size - ES; /* the final ERROR entry */
	struct ipt_entry *e = (struct ipt_entry *)((char *)r->entries + end);

	memmove(e + 3, e, ES);
	memset(e, 0, 3 * ES);
	for (int i = 0; i < 3; i++) {
		e[i].target_offset = offsetof(struct ipt_entry, target);
		e[i].next_offset = ES;
	}
	e[0].target.kind = IPT_TARGET_ERROR;
	strcpy(e[0].target.u.errorname, "x");
	e[1].ip.proto = IPPROTO_UDP;
	e[1].target.u.verdict = end + ES; /* itself: a loop */
	e[2].target.u.verdict = IPT_RETURN;
	r->num_entries += 3;
	r->size += 3 * ES;
	*len += 3 * ES;
	return r;
}

int main(void)
{
	struct ipt_replace *r;
	unsigned int len, before;

#ifdef RXOS_HOST_BUILD
	/* the host's kernel speaks Linux's ABI, not this one: leave it be */
	fprintf(stderr, "iptblob: for the rxos kernel only\n");
	return 1;
#endif
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0)
		fd = socket(AF_INET, SOCK_DGRAM, 0);
	get_table();
	before = info.num_entries;

	r = request(0, &len);
	expect("truncated", r, len - 1, EINVAL);
	r = request(0, &len);
	expect("header_only", r, sizeof(*r) - 4, EINVAL);
	r = request(0, &len);
	r->entries[0].next_offset = 3; /* an entry's size lies */
	expect("bad_next_offset", r, len, EINVAL);
	r = request(0, &len);
	r->hook_entry[2] = 7; /* FORWARD starts inside an entry */
	expect("bad_hook_offset", r, len, EINVAL);
	r = request(0, &len);
	r->underflow[1] = info.size + 64; /* INPUT's policy past the end */
	expect("underflow_out_of_range", r, len, EINVAL);
	r = request(0, &len);
	r->entries[0].target.u.verdict = 2 * ES; /* into FORWARD's policy */
	expect("jump_into_a_chain", r, len, EINVAL);
	r = request(0, &len);
	r->num_counters = before + 5;
	expect("stale_counters", r, len, EAGAIN);
	r = with_user_chain(&len);
	expect("loop", r, len, ELOOP);
	r = with_user_chain(&len);
	r->entries[r->num_entries - 3].target.u.verdict = IPT_VERDICT_ACCEPT;
	r->entries[r->num_entries - 3].target.kind = IPT_TARGET_ERROR;
	expect("header_inside_chain", r, len, EINVAL);
	srand(1);
	for (int i = 0; i < 50; i++) {
		r = request(0, &len);
		for (unsigned int b = 0; b < r->size; b++)
			((unsigned char *)r->entries)[b] = rand();
		expect("random_bytes", r, len, EINVAL);
	}
	get_table();
	if (info.num_entries == before)
		printf("ok table_unchanged\n");
	else {
		printf("FAIL table_unchanged %u -> %u\n", before,
		       info.num_entries);
		failed++;
	}
	printf("iptblob: %d failed\n", failed);
	return failed != 0;
}
