/*
 * ip_fragment.c - IPv4 reassembly, ip_defrag (Linux: net/ipv4/ip_fragment.c,
 * net/ipv4/inet_fragment.c), and fragmentation, ip_do_fragment (Linux:
 * net/ipv4/ip_output.c); RFC 791 section 3.2, RFC 815, RFC 1122 3.3.2.
 *
 * Reassembly. ip_local_deliver -> ip_defrag(skb) for every fragment (MF
 * set or offset != 0) addressed to us. Fragments of one datagram share
 * (saddr, daddr, id, protocol) and wait in one queue, struct ipq, kept
 * in offset order:
 *
 *   ipq_list (oldest first)
 *     ipq {saddr daddr id proto}  fragments: [0,1480) [1480,2960) ... timer
 *     ipq {...}
 *
 * A queue lives from its first fragment to one of four ends:
 *
 *      first fragment
 *           |  ip_frag_create: timer = ipfrag_time (30 s), not refreshed
 *           v
 *     +-----------+  a fragment: ip_frag_queue (insert in order)
 *     | COLLECTING|<-----------------+
 *     +-----------+------------------+
 *       |    |    |    \
 *       |    |    |     `- the timer fires: ip_expire. ReasmTimeout +
 *       |    |    |        ReasmFails, FRAG_REASM_TIMEOUT, and ICMP time
 *       |    |    |        exceeded (fragment reassembly) if the first
 *       |    |    |        fragment had come (RFC 1122 3.3.2)
 *       |    |    `- memory over ipfrag_high_thresh: the oldest queues go
 *       |    |       (ip_evictor, PROTO_MEM, ReasmFails)
 *       |    `- a fragment that cannot belong to a sound datagram:
 *       |       the whole queue goes (ipq_kill, ReasmFails)
 *       `- first and last fragment in, no hole: ip_frag_reasm builds the
 *          datagram in the caller's skb, ReasmOKs, ip_defrag returns 0
 *
 * The rules, checked for each fragment (payload = bytes after its header,
 * [offset, end) = where they go in the datagram):
 *   - MF set and payload not a multiple of 8, or no payload at all, or a
 *     last fragment (MF clear) whose end disagrees with data we hold:
 *     a broken datagram; IP_INHDR, whole queue dropped. (Linux trims
 *     the odd bytes of an MF fragment instead; RFC 791 forbids them.)
 *   - the datagram would exceed 65535 bytes (RFC 791: the total length is
 *     16 bits; the "ping of death"): PKT_TOO_BIG, whole queue dropped.
 *     Linux notices this only at reassembly; rxos at the first such
 *     fragment, so the queue does not sit holding memory for 30 s.
 *   - a fragment that lies entirely within one already held: a duplicate
 *     (a retransmission on the path); DUP_FRAG, this fragment only.
 *   - any other overlap: IP_FRAG_OVERLAP, whole queue dropped. Overlaps are
 *     how attacks hide a header from a firewall (RFC 1858, RFC 3128); no
 *     honest sender makes them (RFC 5722 for IPv6; Linux has done the
 *     same for IPv4 since 2018). Linux calls a fragment within a *run*
 *     of adjacent ones a duplicate; rxos compares single fragments.
 *   - tiny fragments (RFC 1858 3.4): the rules above already force every
 *     non-last fragment to carry >= 8 bytes, enough for a UDP or ICMP
 *     header. For TCP, whose header is 20 bytes, a fragment at offset 8
 *     (FO = 1) can only serve to rewrite the header of the one at 0, so
 *     it is dropped with its queue (IP_FRAG_OVERLAP), as RFC 1858 advises.
 *
 * Memory. Each queued skb's truesize and each ipq count against
 * ipfrag_high_thresh. Linux allows 4 MB (and since 4.17 refuses new
 * fragments above it); this kernel runs in a small QEMU guest, so 1 MB:
 * room for about ten 64 KB datagrams arriving as 1500-byte frames. Above
 * it the oldest queues are dropped until the total is under
 * ipfrag_low_thresh (768 KB), as Linux's evictor did before 4.17.
 * All three tunables are files in /proc/sys/net/ipv4/, as in Linux.
 *
 * Context: softirq only (NET_RX for ip_defrag, TIMER for ip_expire); one
 * CPU and softirqs do not nest, so the queues need no lock (Linux: a
 * spinlock per queue and an rhashtable to find them).
 */
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/list.h"
#include "kernel/mm/slab.h"
#include "kernel/timer.h"
#include "lib/checksum.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/snmp.h"

/* ---- tunables: /proc/sys/net/ipv4/ipfrag_* (see the header) ---- */
int sysctl_ipfrag_time = 30;			/* seconds (Linux: IP_FRAG_TIME) */
int sysctl_ipfrag_high_thresh = 1024 * 1024;	/* bytes */
int sysctl_ipfrag_low_thresh = 768 * 1024;	/* bytes */

/* One datagram being reassembled (Linux: struct ipq + inet_frag_queue). */
struct ipq {
	struct list_head list; /* on ipq_list, oldest first */
	/* the key (Linux: struct frag_v4_compare_key) */
	__be32 saddr, daddr;
	__be16 id;
	uint8_t protocol;

	uint8_t flags;		     /* INET_FRAG_* */
	struct sk_buff_head fragments; /* in offset order, non-overlapping */
	unsigned int len;	     /* end of the datagram's payload so far */
	unsigned int meat;	     /* payload bytes held */
	unsigned int mem;	     /* charged against the thresholds */
	unsigned int max_size;	     /* largest fragment (IPCB frag_max_size) */
	struct timer_list timer;     /* ip_expire */
};
#define INET_FRAG_FIRST_IN 0x01 /* the offset-0 fragment is here */
#define INET_FRAG_LAST_IN 0x02	/* the MF-clear fragment is here: len final */

/* Where each queued fragment goes (after the IP layer's IPCB in skb->cb). */
struct ipfrag_skb_cb {
	struct inet_skb_parm h;
	unsigned int offset; /* first payload byte's place in the datagram */
	unsigned int end;    /* one past its last */
};
#define FRAG_CB(skb) ((struct ipfrag_skb_cb *)((skb)->cb))

static LIST_HEAD(ipq_list);
static unsigned int ipfrag_mem; /* sum of every queue's mem */

/* ---- queue lifetime ---- */

/* Drop a whole queue: every fragment freed with reason, ReasmFails. */
static void ipq_kill(struct ipq *qp, enum skb_drop_reason reason)
{
	struct sk_buff *skb;

	del_timer(&qp->timer);
	list_del(&qp->list);
	while ((skb = __skb_dequeue(&qp->fragments)))
		kfree_skb_reason(skb, reason);
	ipfrag_mem -= qp->mem;
	kfree(qp);
}

static void ipq_fail(struct ipq *qp, enum skb_drop_reason reason)
{
	IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
	ipq_kill(qp, reason);
}

/*
 * The timer: the datagram did not complete in ipfrag_time. Context:
 * TIMER softirq. RFC 1122 3.3.2: tell the sender, but only if we have
 * fragment 0 (it carries the header the ICMP message must quote).
 */
static void ip_expire(struct timer_list *t)
{
	struct ipq *qp = container_of(t, struct ipq, timer);

	IP_INC_STATS(IPSTATS_MIB_REASMTIMEOUT);
	if (qp->flags & INET_FRAG_FIRST_IN) {
		struct sk_buff *head = skb_peek(&qp->fragments);

		icmp_send(head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0);
	}
	ipq_fail(qp, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

/*
 * Over the high threshold: drop the oldest queues (not `keep`, the one a
 * fragment is arriving for) until under the low one. Returns whether the
 * total is now under the high threshold.
 */
static bool ip_evictor(struct ipq *keep, unsigned int need)
{
	struct ipq *qp, *n;

	if (ipfrag_mem + need <= (unsigned int)sysctl_ipfrag_high_thresh)
		return true;
	list_for_each_entry_safe(qp, n, &ipq_list, list) {
		if (ipfrag_mem + need <= (unsigned int)sysctl_ipfrag_low_thresh)
			break;
		if (qp != keep)
			ipq_fail(qp, SKB_DROP_REASON_PROTO_MEM);
	}
	return ipfrag_mem + need <= (unsigned int)sysctl_ipfrag_high_thresh;
}

/* Find the queue for iph's datagram, or make one (NULL: no memory). */
static struct ipq *ip_find(const struct iphdr *iph)
{
	struct ipq *qp;

	list_for_each_entry(qp, &ipq_list, list)
		if (qp->saddr == iph->saddr && qp->daddr == iph->daddr &&
		    qp->id == iph->id && qp->protocol == iph->protocol)
			return qp;
	if (!ip_evictor(NULL, sizeof(*qp)))
		return NULL;
	qp = kzalloc(sizeof(*qp), GFP_ATOMIC);
	if (!qp)
		return NULL;
	qp->saddr = iph->saddr;
	qp->daddr = iph->daddr;
	qp->id = iph->id;
	qp->protocol = iph->protocol;
	skb_queue_head_init(&qp->fragments);
	qp->mem = sizeof(*qp);
	ipfrag_mem += qp->mem;
	timer_setup(&qp->timer, ip_expire, 0);
	mod_timer(&qp->timer, jiffies + (unsigned long)sysctl_ipfrag_time * HZ);
	list_add_tail(&qp->list, &ipq_list);
	return qp;
}

/* ---- one fragment ---- */

enum frag_verdict {
	FRAG_INSERT,  /* goes in before `*next` */
	FRAG_DUP,     /* wholly inside a fragment we hold */
	FRAG_OVERLAP, /* partly over one: the datagram is a lie */
};

/* Where [offset, end) goes among the queued fragments. */
static enum frag_verdict ip_frag_place(struct ipq *qp, unsigned int offset,
				       unsigned int end, struct sk_buff **next)
{
	struct sk_buff *f;

	for (f = qp->fragments.next; f != (struct sk_buff *)&qp->fragments;
	     f = f->next) {
		if (end <= FRAG_CB(f)->offset)
			break; /* wholly before f: insert here */
		if (offset >= FRAG_CB(f)->end)
			continue; /* wholly after f */
		if (offset >= FRAG_CB(f)->offset && end <= FRAG_CB(f)->end)
			return FRAG_DUP;
		return FRAG_OVERLAP;
	}
	*next = f;
	return FRAG_INSERT;
}

/*
 * Check a fragment against the rules in the header and update the
 * queue's view of the datagram's length. SKB_NOT_DROPPED_YET if it may
 * go in; otherwise why the whole queue must go.
 */
static enum skb_drop_reason ip_frag_check(struct ipq *qp,
					  const struct iphdr *iph,
					  unsigned int offset, unsigned int end)
{
	bool more = iph->frag_off & htons(IP_MF);

	if (end == offset || (more && (end - offset) % 8))
		return SKB_DROP_REASON_IP_INHDR;
	if (iph->ihl * 4 + end > IP_MAX_MTU)
		return SKB_DROP_REASON_PKT_TOO_BIG;
	if (offset == 8 && iph->protocol == IPPROTO_TCP)
		return SKB_DROP_REASON_IP_FRAG_OVERLAP; /* RFC 1858 3.4 */
	if (!more) {
		/* the last: nothing may lie beyond it, and only one end */
		if (end < qp->len ||
		    ((qp->flags & INET_FRAG_LAST_IN) && end != qp->len))
			return SKB_DROP_REASON_IP_INHDR;
	} else if (end > qp->len && (qp->flags & INET_FRAG_LAST_IN)) {
		return SKB_DROP_REASON_IP_INHDR; /* data after the last byte */
	}
	return SKB_NOT_DROPPED_YET;
}

/* All there: the first and the last fragment, and no hole between. */
static bool ip_frag_complete(const struct ipq *qp)
{
	return qp->flags == (INET_FRAG_FIRST_IN | INET_FRAG_LAST_IN) &&
	       qp->meat == qp->len;
}

/*
 * Exchange the data buffers of two skbs (Linux morphs the arriving skb
 * into the head with skb_morph). After it, skb holds n's bytes and n
 * holds skb's old ones, to be freed with n.
 */
static void skb_swap_data(struct sk_buff *a, struct sk_buff *b)
{
	struct sk_buff t = *a;

	a->head = b->head, a->data = b->data, a->tail = b->tail;
	a->end = b->end, a->len = b->len, a->truesize = b->truesize;
	a->cloned = b->cloned;
	b->head = t.head, b->data = t.data, b->tail = t.tail;
	b->end = t.end, b->len = t.len, b->truesize = t.truesize;
	b->cloned = t.cloned;
}

/* A fragment's payload to its place in the datagram's payload at dst. */
static void ip_frag_copy_payload(unsigned char *dst, const struct sk_buff *f)
{
	memcpy(dst + FRAG_CB(f)->offset,
	       skb_network_header(f) + ip_hdr(f)->ihl * 4,
	       FRAG_CB(f)->end - FRAG_CB(f)->offset);
}

/*
 * Build the datagram: the first fragment's header (options and all),
 * then every payload at its offset, in one new linear buffer that is then
 * swapped into skb, the fragment that completed it (not queued). The
 * header is fixed up: tot_len, frag_off 0, checksum. Frees the queue.
 */
static int ip_frag_reasm(struct ipq *qp, struct sk_buff *skb)
{
	struct sk_buff *head = skb_peek(&qp->fragments), *f, *n;
	unsigned int ihl, total;
	struct iphdr *iph;

	if (!head || FRAG_CB(skb)->offset == 0)
		head = skb; /* the arriving fragment is fragment 0 */
	ihl = ip_hdr(head)->ihl * 4;
	total = ihl + qp->len; /* <= IP_MAX_MTU: ip_frag_check saw to it */
	n = alloc_skb(NET_SKB_PAD + total, GFP_ATOMIC);
	if (!n) {
		ipq_fail(qp, SKB_DROP_REASON_NOMEM);
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return -ENOMEM;
	}
	skb_reserve(n, NET_SKB_PAD);
	skb_put(n, total);
	memcpy(n->data, ip_hdr(head), ihl);
	for (f = qp->fragments.next; f != (struct sk_buff *)&qp->fragments;
	     f = f->next)
		ip_frag_copy_payload(n->data + ihl, f);
	ip_frag_copy_payload(n->data + ihl, skb);

	skb_swap_data(skb, n);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, ihl);
	skb->mac_header = SKB_HEADER_UNSET; /* no one frame carried it */
	iph = ip_hdr(skb);
	iph->tot_len = htons(total);
	iph->frag_off = 0;
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
	memset(skb->cb, 0, sizeof(skb->cb));
	IPCB(skb)->iif = skb->skb_iif;
	IPCB(skb)->flags = IPSKB_FRAG_COMPLETE;
	IPCB(skb)->frag_max_size = qp->max_size;
	consume_skb(n); /* the arriving fragment's old buffer */
	ipq_kill(qp, SKB_CONSUMED); /* the queued fragments are used up */
	IP_INC_STATS(IPSTATS_MIB_REASMOKS);
	return 0;
}

/*
 * Queue skb in qp, or finish the datagram with it. Returns as ip_defrag.
 */
static int ip_frag_queue(struct ipq *qp, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int ihl = iph->ihl * 4;
	unsigned int offset = (ntohs(iph->frag_off) & IP_OFFSET) << 3;
	unsigned int end = offset + ntohs(iph->tot_len) - ihl;
	enum skb_drop_reason reason;
	struct sk_buff *next = NULL;

	reason = ip_frag_check(qp, iph, offset, end);
	if (reason != SKB_NOT_DROPPED_YET)
		goto discard_qp;
	switch (ip_frag_place(qp, offset, end, &next)) {
	case FRAG_DUP:
		kfree_skb_reason(skb, SKB_DROP_REASON_DUP_FRAG);
		return -EINVAL;
	case FRAG_OVERLAP:
		reason = SKB_DROP_REASON_IP_FRAG_OVERLAP;
		IP_INC_STATS(IPSTATS_MIB_REASM_OVERLAPS);
		goto discard_qp;
	case FRAG_INSERT:
		break;
	}
	FRAG_CB(skb)->offset = offset;
	FRAG_CB(skb)->end = end;
	if (offset == 0)
		qp->flags |= INET_FRAG_FIRST_IN;
	if (!(iph->frag_off & htons(IP_MF)))
		qp->flags |= INET_FRAG_LAST_IN;
	if (end > qp->len)
		qp->len = end;
	qp->meat += end - offset;
	if (ntohs(iph->tot_len) > qp->max_size)
		qp->max_size = ntohs(iph->tot_len);
	if (ip_frag_complete(qp))
		return ip_frag_reasm(qp, skb);

	if (!ip_evictor(qp, skb->truesize)) {
		reason = SKB_DROP_REASON_PROTO_MEM; /* this queue alone is too big */
		goto discard_qp;
	}
	skb_orphan(skb);
	__skb_insert(skb, next->prev, next, &qp->fragments);
	qp->mem += skb->truesize;
	ipfrag_mem += skb->truesize;
	return -EINPROGRESS;

discard_qp:
	ipq_fail(qp, reason);
	kfree_skb_reason(skb, reason);
	return -EINVAL;
}

/*
 * Reassembly (contract in ip.h). Context: softirq. Takes skb, a fragment
 * with data at its IP header, which ip_rcv_core checked and trimmed to
 * tot_len. Returns:
 *   0            skb now holds the whole datagram: one linear buffer, data
 *                at the IP header, tot_len set, frag_off 0, checksum right,
 *                IPCB flags IPSKB_FRAG_COMPLETE; the caller goes on with it
 *   -EINPROGRESS skb was queued to wait for the rest (no longer the caller's)
 *   -EINVAL      skb was dropped (duplicate, or its datagram was: see the
 *                rules in the header), counted and freed with a reason
 *   -ENOMEM      no memory for a queue: dropped, ReasmFails
 * ReasmReqds counts every call.
 *
 * DOC: ip_defrag
 */
int ip_defrag(struct sk_buff *skb, unsigned int user)
{
	struct ipq *qp;

	IP_INC_STATS(IPSTATS_MIB_REASMREQDS);
	qp = ip_find(ip_hdr(skb));
	if (!qp) {
		IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PROTO_MEM);
		return -ENOMEM;
	}
	return ip_frag_queue(qp, skb);
}

/* ================= fragmentation ================= */

#define IPOPT_END 0
#define IPOPT_NOOP 1
#define IPOPT_COPY 0x80 /* option type bit: copy into every fragment */

/*
 * Options without the copy bit belong only in the first fragment (RFC 791
 * 3.1): overwrite them with NOOPs in the header for the others, keeping
 * its length (Linux: ip_options_fragment).
 */
static void ip_options_fragment(unsigned char *opt, unsigned int len)
{
	unsigned int i = 0;

	while (i < len && opt[i] != IPOPT_END) {
		unsigned int olen = 1;

		if (opt[i] != IPOPT_NOOP) {
			olen = i + 1 < len ? opt[i + 1] : 0;
			if (olen < 2 || i + olen > len)
				return; /* malformed: leave the rest */
			if (!(opt[i] & IPOPT_COPY))
				memset(opt + i, IPOPT_NOOP, olen);
		}
		i += olen;
	}
}

/*
 * One fragment: bytes [ptr, ptr + len) of skb's payload, at datagram
 * offset `offset`, with a copy of hdr (ihl bytes). NULL: no memory.
 */
static struct sk_buff *ip_make_fragment(struct sk_buff *skb,
					const unsigned char *hdr,
					unsigned int ihl, unsigned int ptr,
					unsigned int len, unsigned int offset,
					bool more)
{
	struct sk_buff *f = alloc_skb(NET_SKB_PAD + ihl + len, GFP_ATOMIC);
	struct iphdr *iph;

	if (!f)
		return NULL;
	skb_reserve(f, NET_SKB_PAD);
	skb_reset_network_header(f);
	skb_put_data(f, hdr, ihl);
	skb_put_data(f, skb->data + ptr, len);
	skb_set_transport_header(f, ihl);
	/* the metadata (Linux: ip_copy_metadata) */
	f->dev = skb->dev;
	f->protocol = skb->protocol;
	f->pkt_type = skb->pkt_type;
	f->skb_iif = skb->skb_iif;
	memcpy(f->cb, skb->cb, sizeof(skb->cb));
	skb_dst_set(f, dst_clone(skb_dst(skb)));

	iph = ip_hdr(f);
	iph->tot_len = htons(ihl + len);
	iph->frag_off = htons((ntohs(iph->frag_off) & IP_DF) | (offset >> 3) |
			      (more ? IP_MF : 0));
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
	return f;
}

/*
 * Fragmentation (contract in ip.h). Context: softirq or process, from
 * ip_finish_output. Takes skb (data at the IP header, dst set) and
 * consumes it; each fragment goes to output (ip_finish_output2).
 *
 * Each fragment carries the header and at most mtu - ihl payload bytes,
 * rounded down to a multiple of 8 except in the last (offsets are in
 * 8-byte units). Refragmenting a fragment keeps its offset and its MF.
 * Linux avoids copying when the skb already has a frag_list of the right
 * sizes (the "fast path"); rxos always copies (the slow path).
 * Returns 0, or a negative errno when something was dropped:
 *   -EMSGSIZE  DF set (PKT_TOO_BIG, FragFails; ip_forward sends the ICMP
 *              error for forwarded packets before it gets here)
 *   -ENOMEM    a fragment could not be allocated (FragFails)
 *   or output's error for a fragment (the rest are not sent, FragFails)
 * Counts FragOKs per datagram and FragCreates per fragment.
 *
 * DOC: ip_do_fragment
 */
int ip_do_fragment(struct sk_buff *skb, int (*output)(struct sk_buff *))
{
	unsigned char hdr[60];
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int ihl = iph->ihl * 4, mtu = skb_dst(skb)->dev->mtu;
	unsigned int left = skb->len - ihl, ptr = ihl;
	unsigned int offset = (ntohs(iph->frag_off) & IP_OFFSET) << 3;
	bool last_was_more = iph->frag_off & htons(IP_MF);
	int err = 0;

	if ((iph->frag_off & htons(IP_DF)) || mtu < ihl + 8) {
		IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return -EMSGSIZE;
	}
	memcpy(hdr, iph, ihl);
	while (left > 0) {
		unsigned int len = left > mtu - ihl ? (mtu - ihl) & ~7u : left;
		bool more = left > len || last_was_more;
		struct sk_buff *f = ip_make_fragment(skb, hdr, ihl, ptr, len,
						     offset, more);

		if (!f) {
			err = -ENOMEM;
			break;
		}
		if (ptr == ihl) /* later fragments: only the copied options */
			ip_options_fragment(hdr + sizeof(struct iphdr),
					    ihl - sizeof(struct iphdr));
		IP_INC_STATS(IPSTATS_MIB_FRAGCREATES);
		err = output(f);
		if (err)
			break;
		left -= len;
		ptr += len;
		offset += len;
	}
	if (err) {
		IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
		kfree_skb_reason(skb, err == -ENOMEM ? SKB_DROP_REASON_NOMEM
						     : SKB_DROP_REASON_NOT_SPECIFIED);
		return err;
	}
	IP_INC_STATS(IPSTATS_MIB_FRAGOKS);
	consume_skb(skb);
	return 0;
}

/* ================= boot ================= */

static int ipfrag_int_store(const char *buf, int *v)
{
	unsigned long n;

	if (kstrtoul(buf, 10, &n) || n > 0x7fffffff)
		return -EINVAL;
	*v = n;
	return 0;
}

#define IPFRAG_SYSCTL(name)                                             \
	static int name##_show(char *buf, int len)                      \
	{                                                               \
		return proc_printf(buf, len, 0, "%d\n", sysctl_##name); \
	}                                                               \
	static int name##_store(const char *buf, int len)               \
	{                                                               \
		return ipfrag_int_store(buf, &sysctl_##name);           \
	}

IPFRAG_SYSCTL(ipfrag_time)
IPFRAG_SYSCTL(ipfrag_high_thresh)
IPFRAG_SYSCTL(ipfrag_low_thresh)

/* Boot, process context, from inet_init (Linux: ipfrag_init). */
void ipfrag_init(void)
{
	proc_create_rw("sys/net/ipv4/ipfrag_time", ipfrag_time_show,
		       ipfrag_time_store);
	proc_create_rw("sys/net/ipv4/ipfrag_high_thresh",
		       ipfrag_high_thresh_show, ipfrag_high_thresh_store);
	proc_create_rw("sys/net/ipv4/ipfrag_low_thresh",
		       ipfrag_low_thresh_show, ipfrag_low_thresh_store);
}
