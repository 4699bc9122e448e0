/*
 * icmp.c - the Internet Control Message Protocol, RFC 792 with the host
 * rules of RFC 1122 3.2.2 and the router rules of RFC 1812 4.3
 * (Linux: net/ipv4/icmp.c).
 *
 * Two halves:
 *
 *   receive   ip_local_deliver_finish -> icmp_rcv (softirq): check the
 *             checksum, count the type, then one handler per type
 *             (icmp_pointers[]): echo request -> icmp_echo -> icmp_reply;
 *             destination unreachable / time exceeded / parameter problem
 *             -> icmp_unreach, which hands the quoted header to the quoted
 *             protocol's net_protocol err_handler (UDP, TCP, raw sockets).
 *
 *   send      icmp_send(skb_in, type, code, info): an error about a packet
 *             we received, called by IP (no route, TTL, reassembly
 *             timeout, fragmentation needed) and by transports (UDP: port
 *             unreachable). It applies the "never send an error about..."
 *             rules (icmp_error_allowed) and the rate limits itself, so the
 *             callers just call it and keep their skb.
 *
 * Rate limits (Linux's, with its defaults; the tunables are files under
 * /proc/sys/net/ipv4/ as on Linux):
 *   - global: a token bucket of icmp_msgs_per_sec (1000) tokens a second,
 *     at most icmp_msgs_burst (50) saved (icmp_global_allow);
 *   - per destination host: one message per icmp_ratelimit (1000 ms), with
 *     a burst of 6 (inet_peer_xrlim_allow, XRLIM_BURST_FACTOR).
 *   Both only for the types in icmp_ratemask (0x1818: destination
 *   unreachable, source quench, time exceeded, parameter problem), and never
 *   for "fragmentation needed" (path MTU discovery depends on it) nor for
 *   echo replies. Refusals count OutRateLimitGlobal / OutRateLimitHost.
 *
 * Context: softirq, or process context with bottom halves disabled (a
 * socket's send path); one CPU, so the rate-limit state needs no lock.
 * Linux sends through a per-CPU kernel socket (icmp_sk) with
 * ip_append_data; rxos builds the one linear skb by hand.
 */
#include "lib/checksum.h" /* before icmp.h, which uses __sum16 */
#include "net/ipv4/icmp.h"

#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "lib/checksum.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ethernet/if_ether.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"

/* ---- tunables: /proc/sys/net/ipv4/icmp_* (Linux defaults) ---- */
int sysctl_icmp_ratelimit = 1000;	   /* ms between errors to one host */
int sysctl_icmp_ratemask = 0x1818;	   /* bit per type that is limited */
int sysctl_icmp_msgs_per_sec = 1000;	   /* global refill rate */
int sysctl_icmp_msgs_burst = 50;	   /* global bucket size */
int sysctl_icmp_echo_ignore_broadcasts = 1; /* RFC 1122 3.2.2.6: may ignore */

#define IPTOS_TOS_MASK 0x1E
#define IPTOS_PREC_INTERNETCONTROL 0xC0 /* errors go out with this precedence */
/* RFC 1812 4.3.2.3: an error quotes as much as fits in 576 bytes. */
#define ICMP_ERR_MAX_LEN 576

/* ================= rate limiting ================= */

/*
 * The global bucket (Linux: icmp_global_allow, net/ipv4/icmp.c). credit
 * holds tokens; elapsed time adds msgs_per_sec per second, capped at
 * burst. Refill only every HZ/50 so tiny steps do not round to nothing.
 */
static struct {
	unsigned long stamp; /* jiffies of the last refill */
	int credit;
	bool started;
} icmp_global;

static bool icmp_global_allow(void)
{
	unsigned long delta = jiffies - icmp_global.stamp;

	if (!icmp_global.started) { /* Linux starts with a full bucket */
		icmp_global.started = true;
		icmp_global.credit = sysctl_icmp_msgs_burst;
		icmp_global.stamp = jiffies;
	} else if (delta >= HZ / 50) {
		unsigned long incr = (unsigned long)sysctl_icmp_msgs_per_sec *
				     delta / HZ;
		unsigned long credit = icmp_global.credit + incr;

		if (credit > (unsigned long)sysctl_icmp_msgs_burst)
			credit = sysctl_icmp_msgs_burst;
		if (incr)
			icmp_global.stamp = jiffies;
		icmp_global.credit = credit;
	}
	if (icmp_global.credit <= 0)
		return false;
	icmp_global.credit--;
	return true;
}

/*
 * Per-host state (Linux: struct inet_peer in net/ipv4/inetpeer.c, a tree
 * of every host we talk to, garbage-collected after 2 minutes). rxos keeps
 * a small table and reuses the least recently used slot when it is full:
 * a forgotten host starts again with a full burst, which is harmless.
 */
struct inet_peer {
	__be32 daddr;		   /* 0: free slot */
	unsigned long rate_last;   /* jiffies of the last token update */
	unsigned long rate_tokens; /* saved credit, in jiffies */
	unsigned long dtime;	   /* last use, for the LRU choice */
};

#define INET_PEER_SLOTS 32
#define XRLIM_BURST_FACTOR 6 /* Linux: this many at once, then one a timeout */
static struct inet_peer inet_peers[INET_PEER_SLOTS];

static struct inet_peer *inet_getpeer(__be32 daddr)
{
	struct inet_peer *p, *lru = &inet_peers[0];

	for (p = inet_peers; p < inet_peers + INET_PEER_SLOTS; p++) {
		if (p->daddr == daddr) {
			p->dtime = jiffies;
			return p;
		}
		if (!p->daddr || time_before(p->dtime, lru->dtime))
			lru = p;
		if (!lru->daddr)
			break;
	}
	lru->daddr = daddr;
	lru->rate_tokens = 0;
	lru->rate_last = jiffies - 60 * HZ; /* as Linux: "long ago" */
	lru->dtime = jiffies;
	return lru;
}

/*
 * Token bucket in units of jiffies (Linux: inet_peer_xrlim_allow): each
 * jiffy adds a token, a message costs `timeout` of them, at most
 * XRLIM_BURST_FACTOR messages' worth are saved.
 */
static bool inet_peer_xrlim_allow(struct inet_peer *peer, unsigned long timeout)
{
	unsigned long now = jiffies, token;
	bool allow = false;

	token = peer->rate_tokens + (now - peer->rate_last);
	if (token > XRLIM_BURST_FACTOR * timeout)
		token = XRLIM_BURST_FACTOR * timeout;
	if (token >= timeout) {
		token -= timeout;
		allow = true;
	}
	peer->rate_last = now;
	peer->rate_tokens = token;
	return allow;
}

/* Types outside the mask, and PMTU's frag-needed, are never limited. */
static bool icmpv4_mask_allow(int type, int code)
{
	if (type > NR_ICMP_TYPES)
		return true;
	if (type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED)
		return true;
	return !(sysctl_icmp_ratemask & (1 << type));
}

static bool icmpv4_global_allow(int type, int code)
{
	if (icmpv4_mask_allow(type, code))
		return true;
	if (icmp_global_allow())
		return true;
	ICMP_INC_STATS(ICMP_MIB_RATELIMITGLOBAL);
	return false;
}

static bool icmpv4_xrlim_allow(const struct net_device *out, int type,
			       int code, __be32 daddr)
{
	if (icmpv4_mask_allow(type, code))
		return true;
	if (out && (out->flags & IFF_LOOPBACK)) /* talking to ourselves */
		return true;
	if (inet_peer_xrlim_allow(inet_getpeer(daddr),
				  msecs_to_jiffies(sysctl_icmp_ratelimit)))
		return true;
	ICMP_INC_STATS(ICMP_MIB_RATELIMITHOST);
	return false;
}

/* ================= the per-type table ================= */

struct icmp_control {
	/* NOT_DROPPED_YET: used (consume); otherwise why it was dropped */
	enum skb_drop_reason (*handler)(struct sk_buff *skb);
	bool error; /* an error message: never answered with an error */
};
static const struct icmp_control icmp_pointers[NR_ICMP_TYPES + 1];

/* Is the message at skb's network header (+ihl) an ICMP error? */
static bool icmp_quotes_an_error(const struct sk_buff *skb_in,
				 const struct iphdr *iph)
{
	const unsigned char *itp = (const unsigned char *)iph + iph->ihl * 4;

	if (itp + 1 > skb_tail_pointer(skb_in))
		return true; /* cannot tell: play safe */
	/* Linux: "assume any unknown ICMP type is an error" */
	return *itp > NR_ICMP_TYPES || icmp_pointers[*itp].error;
}

/*
 * May we send an error of `type` about skb_in? The rules, in Linux's order
 * (__icmp_send), with their RFC:
 *  - the packet has an IP header we can read;
 *  - it was addressed to us at the link layer (PACKET_HOST): no errors
 *    about link-layer broadcasts or multicasts (RFC 1122 3.2.2);
 *  - it was routed (Linux needs the route to answer), and not as a
 *    broadcast or multicast (RFC 1122 3.2.2);
 *  - it is the first fragment (offset 0) (RFC 1122 3.2.2);
 *  - it is not itself an ICMP error (RFC 1122 3.2.2: errors about
 *    queries such as echo requests are fine);
 *  - its source names one host: not 0.0.0.0/8, broadcast, multicast
 *    (RFC 1122 3.2.2, RFC 1812 4.3.2.7). Linux rejects these sources at
 *    route lookup; rxos checks them here, where students look.
 */
static bool icmp_error_allowed(const struct sk_buff *skb_in, int type)
{
	const struct iphdr *iph = ip_hdr(skb_in);

	if ((const unsigned char *)iph < skb_in->head ||
	    (const unsigned char *)(iph + 1) > skb_tail_pointer(skb_in))
		return false;
	if (skb_in->pkt_type != PACKET_HOST)
		return false;
	if (!skb_dst(skb_in) ||
	    (skb_rtable(skb_in)->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)) ||
	    ipv4_is_multicast(iph->daddr) || ipv4_is_lbcast(iph->daddr))
		return false;
	if (iph->frag_off & htons(IP_OFFSET))
		return false;
	if (type <= NR_ICMP_TYPES && icmp_pointers[type].error &&
	    iph->protocol == IPPROTO_ICMP && icmp_quotes_an_error(skb_in, iph))
		return false;
	if (ipv4_is_zeronet(iph->saddr) || ipv4_is_lbcast(iph->saddr) ||
	    ipv4_is_multicast(iph->saddr))
		return false;
	return true;
}

/* ================= building and sending ================= */

static uint16_t icmp_ident; /* IP ids of our messages (Linux: ip_select_ident) */

static void icmp_out_count(int type)
{
	icmpmsg_out[type & 0xff]++;
	ICMP_INC_STATS(ICMP_MIB_OUTMSGS);
}

/*
 * The route for a message to fl4->daddr (Linux: icmp_route_lookup): a
 * referenced rtable, with fl4->saddr our source address (the one asked
 * for, or the outgoing interface's when 0); NULL when there is none.
 */
static struct rtable *icmp_route_lookup(struct flowi4 *fl4)
{
	struct rtable *rt;

	fl4->flowi4_proto = IPPROTO_ICMP;
	rt = ip_route_output_key(fl4);
	return IS_ERR(rt) ? NULL : rt;
}

/*
 * Build [IP header][ICMP header][data] in a new skb and send it.
 * icmph: type/code/rest-of-header (checksum filled in here); data/len: what
 * follows (the echo payload, or the quoted packet). Consumes rt's
 * reference. Returns 0 or a negative errno (allocation: OutErrors).
 */
static int icmp_push_reply(struct rtable *rt, const struct flowi4 *fl4,
			   const struct icmphdr *icmph, const void *data,
			   unsigned int len)
{
	unsigned int tot = sizeof(struct iphdr) + sizeof(*icmph) + len;
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + tot, GFP_ATOMIC);
	struct icmphdr *ih;
	struct iphdr *iph;

	if (!skb) {
		ip_rt_put(rt);
		ICMP_INC_STATS(ICMP_MIB_OUTERRORS);
		return -ENOMEM;
	}
	skb_reserve(skb, NET_SKB_PAD);
	skb_reset_network_header(skb);
	iph = skb_put(skb, sizeof(*iph));
	skb_set_transport_header(skb, sizeof(*iph));
	ih = skb_put_data(skb, icmph, sizeof(*icmph));
	skb_put_data(skb, data, len);
	ih->checksum = 0;
	ih->checksum = ip_compute_csum(ih, sizeof(*ih) + len);

	*iph = (struct iphdr){ .version = 4, .ihl = 5, .tos = fl4->flowi4_tos,
			       .tot_len = htons(tot), .id = htons(icmp_ident++),
			       .ttl = IPDEFTTL, .protocol = IPPROTO_ICMP,
			       .saddr = fl4->saddr, .daddr = fl4->daddr };
	iph->check = ip_fast_csum(iph, iph->ihl); /* Linux: ip_send_check */
	memset(skb->cb, 0, sizeof(skb->cb));
	skb->protocol = htons(ETH_P_IP);
	skb_dst_set(skb, &rt->dst);
	icmp_out_count(icmph->type);
	return ip_local_out(skb);
}

/*
 * Send an ICMP error about skb_in (a packet we received or are forwarding)
 * to its source. skb_in stays the caller's: nothing in it is changed.
 * Context: softirq (or bh disabled). See icmp_error_allowed for who gets
 * no error at all, and the file header for the rate limits.
 */
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	const struct iphdr *iph = ip_hdr(skb_in);
	struct icmphdr icmph = { .type = type, .code = code };
	struct flowi4 fl4 = { .daddr = iph->saddr };
	struct rtable *rt;
	unsigned int quote, room;

	if (!icmp_error_allowed(skb_in, type))
		return;
	if (!icmpv4_global_allow(type, code))
		return;
	/*
	 * Our source: the address the packet was sent to, if it was for us;
	 * for a packet we forward, the outgoing interface's (route lookup
	 * with saddr 0). Linux's icmp_errors_use_inbound_ifaddr picks the
	 * inbound interface's instead; off by default there too.
	 */
	if (skb_rtable(skb_in)->rt_flags & RTCF_LOCAL)
		fl4.saddr = iph->daddr;
	fl4.flowi4_tos = (iph->tos & IPTOS_TOS_MASK) |
			 IPTOS_PREC_INTERNETCONTROL;
	rt = icmp_route_lookup(&fl4);
	if (!rt) {
		ICMP_INC_STATS(ICMP_MIB_OUTERRORS);
		return;
	}
	if (!icmpv4_xrlim_allow(rt->dst.dev, type, code, iph->saddr)) {
		ip_rt_put(rt);
		return;
	}
	if (type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED)
		icmph.un.frag.mtu = htons(ntohl(info));
	else
		icmph.un.gateway = info;
	/* the quote: from the IP header on, as much as fits in 576 bytes */
	room = ICMP_ERR_MAX_LEN - sizeof(struct iphdr) - sizeof(icmph);
	quote = skb_tail_pointer(skb_in) - (const unsigned char *)iph;
	if (quote > room)
		quote = room;
	icmp_push_reply(rt, &fl4, &icmph, iph, quote);
}

/*
 * Answer a query (Linux: icmp_reply): back to its source, from the
 * address it was sent to (or, sent to a broadcast, from the interface's
 * own), with the request's tos. Echo replies are outside icmp_ratemask,
 * so the host limit never applies to them.
 */
static void icmp_reply(const struct icmphdr *icmph, struct sk_buff *skb,
		       const void *data, unsigned int len)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4 = { .daddr = iph->saddr, .flowi4_tos = iph->tos };
	struct rtable *rt;

	if (!(skb_rtable(skb)->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)))
		fl4.saddr = iph->daddr;
	rt = icmp_route_lookup(&fl4);
	if (!rt) {
		ICMP_INC_STATS(ICMP_MIB_OUTERRORS);
		return;
	}
	if (!icmpv4_xrlim_allow(rt->dst.dev, icmph->type, icmph->code,
				iph->saddr)) {
		ip_rt_put(rt);
		return;
	}
	icmp_push_reply(rt, &fl4, icmph, data, len);
}

/* ================= receive ================= */

/*
 * Echo request -> echo reply with the same id, sequence and payload
 * (RFC 792; RFC 1122 3.2.2.6). skb->data is past the ICMP header.
 */
static enum skb_drop_reason icmp_echo(struct sk_buff *skb)
{
	struct icmphdr reply = *icmp_hdr(skb);

	reply.type = ICMP_ECHOREPLY;
	icmp_reply(&reply, skb, skb->data, skb->len);
	return SKB_NOT_DROPPED_YET;
}

/* The protocol table, filled by inet_add_protocol (ip_input.c). */
extern const struct net_protocol *inet_protos[IPPROTO_MAX];

/*
 * Tell the protocol whose packet is quoted (Linux: icmp_socket_deliver).
 * skb->data is at the quoted IP header; the handler gets info (the MTU
 * for frag-needed).
 */
static void icmp_socket_deliver(struct sk_buff *skb, uint32_t info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	const struct net_protocol *ipprot;

	ipprot = inet_protos[iph->protocol];
	if (ipprot && ipprot->err_handler)
		ipprot->err_handler(skb, info);
}

/*
 * Destination unreachable, time exceeded, parameter problem, source
 * quench (Linux: icmp_unreach). skb->data is past the ICMP header, at the
 * quoted IP header; RFC 1122 3.2.2: it quotes at least that header and 8
 * bytes, which the protocol needs to find its socket.
 */
static enum skb_drop_reason icmp_unreach(struct sk_buff *skb)
{
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct iphdr *iph;
	uint32_t info = 0;

	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	iph = (const struct iphdr *)skb->data;
	if (iph->ihl < 5) /* mangled quote */
		return SKB_DROP_REASON_IP_INHDR;
	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED)
		info = ntohs(icmph->un.frag.mtu);
	else if (icmph->type == ICMP_PARAMETERPROB)
		info = ntohl(icmph->un.gateway) >> 24; /* the pointer */
	if (!pskb_may_pull(skb, iph->ihl * 4 + 8))
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	icmp_socket_deliver(skb, info);
	return SKB_NOT_DROPPED_YET;
}

/* Replies and the rest: nothing to do (raw sockets got their copy). */
static enum skb_drop_reason icmp_discard(struct sk_buff *skb)
{
	return SKB_NOT_DROPPED_YET;
}

static const struct icmp_control icmp_pointers[NR_ICMP_TYPES + 1] = {
	[ICMP_ECHOREPLY] = { .handler = icmp_discard },
	[1] = { .handler = icmp_discard, .error = true },
	[2] = { .handler = icmp_discard, .error = true },
	[ICMP_DEST_UNREACH] = { .handler = icmp_unreach, .error = true },
	[ICMP_SOURCE_QUENCH] = { .handler = icmp_unreach, .error = true },
	/* Linux follows redirects (icmp_redirect); a host may ignore them */
	[ICMP_REDIRECT] = { .handler = icmp_discard, .error = true },
	[6] = { .handler = icmp_discard, .error = true },
	[7] = { .handler = icmp_discard, .error = true },
	[ICMP_ECHO] = { .handler = icmp_echo },
	[9] = { .handler = icmp_discard, .error = true },
	[10] = { .handler = icmp_discard, .error = true },
	[ICMP_TIME_EXCEEDED] = { .handler = icmp_unreach, .error = true },
	[ICMP_PARAMETERPROB] = { .handler = icmp_unreach, .error = true },
	/* Linux answers timestamps (icmp_timestamp); rxos does not */
	[ICMP_TIMESTAMP] = { .handler = icmp_discard },
	[ICMP_TIMESTAMPREPLY] = { .handler = icmp_discard },
	[ICMP_INFO_REQUEST] = { .handler = icmp_discard },
	[ICMP_INFO_REPLY] = { .handler = icmp_discard },
	[ICMP_ADDRESS] = { .handler = icmp_discard },
	[ICMP_ADDRESSREPLY] = { .handler = icmp_discard },
};

/* Sent to a broadcast or multicast address (the route says, as in Linux). */
static bool icmp_to_broadcast(const struct sk_buff *skb)
{
	return skb_rtable(skb)->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST);
}

/*
 * The IPPROTO_ICMP handler. Context: softirq. Takes skb (data at the ICMP
 * header, len = ICMP message). Always returns 0; every skb ends here, in
 * consume_skb or kfree_skb_reason:
 *   ICMP_CSUM        checksum wrong      InCsumErrors, InErrors
 *   PKT_TOO_SMALL    shorter than 8      InErrors
 *   UNHANDLED_PROTO  type > 18           InErrors
 *   INVALID_PROTO    echo/timestamp to a broadcast (ignored, RFC 1122
 *                    3.2.2.6), or an error message to a broadcast
 *
 * DOC: icmp_rcv
 */
int icmp_rcv(struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_PKT_TOO_SMALL;
	struct icmphdr *icmph;
	int type;

	ICMP_INC_STATS(ICMP_MIB_INMSGS);
	skb_reset_transport_header(skb);
	if (!pskb_may_pull(skb, sizeof(*icmph)))
		goto error;
	/* CHECKSUM_UNNECESSARY: a NIC checked it; rxos NICs never do */
	if (skb->ip_summed != CHECKSUM_UNNECESSARY &&
	    ip_compute_csum(skb->data, skb->len) != 0) {
		ICMP_INC_STATS(ICMP_MIB_CSUMERRORS);
		reason = SKB_DROP_REASON_ICMP_CSUM;
		goto error;
	}
	icmph = icmp_hdr(skb);
	type = icmph->type;
	icmpmsg_in[type]++;
	skb_pull(skb, sizeof(*icmph));
	reason = SKB_DROP_REASON_UNHANDLED_PROTO;
	if (type > NR_ICMP_TYPES)
		goto error;
	reason = SKB_DROP_REASON_INVALID_PROTO;
	if (icmp_to_broadcast(skb)) {
		if ((type == ICMP_ECHO || type == ICMP_TIMESTAMP) &&
		    sysctl_icmp_echo_ignore_broadcasts)
			goto error;
		if (type != ICMP_ECHO && type != ICMP_TIMESTAMP &&
		    type != ICMP_ADDRESS && type != ICMP_ADDRESSREPLY)
			goto error;
	}
	reason = icmp_pointers[type].handler(skb);
	if (reason != SKB_NOT_DROPPED_YET)
		goto error;
	consume_skb(skb);
	return 0;
error:
	ICMP_INC_STATS(ICMP_MIB_INERRORS);
	kfree_skb_reason(skb, reason);
	return 0;
}

/* ================= boot ================= */

static int int_show(char *buf, int len, int v)
{
	return proc_printf(buf, len, 0, "%d\n", v);
}

/* A decimal in [min, max] (Linux: proc_dointvec_minmax); else -EINVAL. */
static int icmp_parse_int(const char *buf, unsigned long min, unsigned long max,
			  int *out)
{
	unsigned long v;

	if (kstrtoul(buf, 10, &v) || v < min || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

#define ICMP_SYSCTL(name, min, max)                                   \
	static int name##_show(char *buf, int len)                    \
	{                                                             \
		return int_show(buf, len, sysctl_##name);              \
	}                                                             \
	static int name##_store(const char *buf, int len)             \
	{                                                             \
		return icmp_parse_int(buf, min, max, &sysctl_##name);  \
	}

ICMP_SYSCTL(icmp_ratelimit, 0, 0x7fffffff)
ICMP_SYSCTL(icmp_ratemask, 0, 0x7fffffff)
ICMP_SYSCTL(icmp_msgs_per_sec, 0, 0x7fffffff)
ICMP_SYSCTL(icmp_msgs_burst, 0, 0x7fffffff)
ICMP_SYSCTL(icmp_echo_ignore_broadcasts, 0, 1)

/*
 * Boot, process context, from inet_init (Linux: icmp_init makes the
 * per-CPU ICMP sockets; the sysctls come from sysctl_net_ipv4.c).
 * Registering the IPPROTO_ICMP handler is inet_init's job, as in Linux.
 */
void icmp_init(void)
{
	proc_create_rw("sys/net/ipv4/icmp_ratelimit", icmp_ratelimit_show,
		       icmp_ratelimit_store);
	proc_create_rw("sys/net/ipv4/icmp_ratemask", icmp_ratemask_show,
		       icmp_ratemask_store);
	proc_create_rw("sys/net/ipv4/icmp_msgs_per_sec",
		       icmp_msgs_per_sec_show, icmp_msgs_per_sec_store);
	proc_create_rw("sys/net/ipv4/icmp_msgs_burst", icmp_msgs_burst_show,
		       icmp_msgs_burst_store);
	proc_create_rw("sys/net/ipv4/icmp_echo_ignore_broadcasts",
		       icmp_echo_ignore_broadcasts_show,
		       icmp_echo_ignore_broadcasts_store);
}
