/*
 * ipt_LOG.c - the LOG target: one kernel log line per packet (Linux:
 * net/netfilter/xt_LOG.c, net/netfilter/nf_log_syslog.c).
 *
 * The line has Linux's layout, field for field, so it reads like the
 * `dmesg` of a Linux box:
 *
 *   <prefix>IN=eth0 OUT= MAC=<dst>:<src>:<type> SRC=10.0.0.1 DST=10.0.0.2
 *   LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=1234 DF PROTO=ICMP TYPE=8 CODE=0
 *   ID=1 SEQ=1
 *
 * (one line; MAC= only for packets that arrived on a device; every field
 * ends in a space, the last one too). An ICMP error also shows the packet
 * it quotes, in brackets. Linux adds IP/TCP options, the socket's UID,
 * MARK= and the bridge's PHYSIN= on request; rxos has the TCP sequence
 * numbers (--log-tcp-sequence) only.
 *
 * Context: ipt_do_table's (softirq or process, bottom halves off). It
 * only reads skb.
 */
#include <stdarg.h>

#include "net/ipv4/netfilter/x_tables.h"
#include "kernel/printk.h"
#include "lib/vsprintf.h"
#include "lib/checksum.h" /* ip.h, icmp.h use __sum16 */
#include "net/core/netdevice.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"

#define IPTOS_TOS_MASK 0x1E
#define IPTOS_PREC_MASK 0xE0

struct nf_log_buf {
	char buf[512];
	unsigned int len;
};

static void nf_log_buf_add(struct nf_log_buf *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	m->len += vscnprintf(m->buf + m->len, sizeof(m->buf) - m->len, fmt, ap);
	va_end(ap);
}

/* The packet's bytes from its IP header on; len of them. */
struct log_pkt {
	const unsigned char *p;
	unsigned int len;
	uint8_t logflags;
};

static uint16_t get16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static void log_addr(struct nf_log_buf *m, const char *name,
		     const unsigned char *a)
{
	nf_log_buf_add(m, "%s=%u.%u.%u.%u ", name, a[0], a[1], a[2], a[3]);
}

static void log_tcp(struct nf_log_buf *m, const struct log_pkt *lp,
		    unsigned int off)
{
	static const char *const flag_names[] = { "FIN ", "SYN ", "RST ",
						  "PSH ", "ACK ", "URG ",
						  "ECE ", "CWR " };
	const unsigned char *th = lp->p + off;

	if (off + 20 > lp->len) {
		nf_log_buf_add(m, "INCOMPLETE [%u bytes] ", lp->len - off);
		return;
	}
	nf_log_buf_add(m, "SPT=%u DPT=%u ", get16(th), get16(th + 2));
	if (lp->logflags & IPT_LOG_TCPSEQ)
		nf_log_buf_add(m, "SEQ=%u ACK=%u ", get32(th + 4),
			       get32(th + 8));
	nf_log_buf_add(m, "WINDOW=%u RES=0x%02x ", get16(th + 14),
		       (th[12] & 0x0E) >> 1);
	for (int i = 7; i >= 0; i--) /* Linux's order: CWR ECE URG ... FIN */
		if (th[13] & (1u << i))
			nf_log_buf_add(m, "%s", flag_names[i]);
	nf_log_buf_add(m, "URGP=%u ", get16(th + 18));
}

static void log_ipv4(struct nf_log_buf *m, const struct log_pkt *lp,
		     unsigned int iphoff);

static void log_icmp(struct nf_log_buf *m, const struct log_pkt *lp,
		     unsigned int iphoff, unsigned int off)
{
	const unsigned char *ih = lp->p + off;
	unsigned int left = lp->len > off ? lp->len - off : 0;
	bool error;

	if (left < 8) { /* Linux reads the 8-byte icmphdr first */
		nf_log_buf_add(m, "INCOMPLETE [%u bytes] ", left);
		return;
	}
	nf_log_buf_add(m, "TYPE=%u CODE=%u ", ih[0], ih[1]);
	error = ih[0] == ICMP_DEST_UNREACH || ih[0] == ICMP_SOURCE_QUENCH ||
		ih[0] == ICMP_REDIRECT || ih[0] == ICMP_TIME_EXCEEDED ||
		ih[0] == ICMP_PARAMETERPROB;
	if ((error && left < 8 + 20) ||
	    ((ih[0] == ICMP_ECHO || ih[0] == ICMP_ECHOREPLY) && left < 8)) {
		nf_log_buf_add(m, "INCOMPLETE [%u bytes] ", left);
		return;
	}
	if (ih[0] == ICMP_ECHO || ih[0] == ICMP_ECHOREPLY)
		nf_log_buf_add(m, "ID=%u SEQ=%u ", get16(ih + 4),
			       get16(ih + 6));
	else if (ih[0] == ICMP_PARAMETERPROB)
		nf_log_buf_add(m, "PARAMETER=%u ", ih[4]);
	if (ih[0] == ICMP_REDIRECT)
		log_addr(m, "GATEWAY", ih + 4);
	if (error && ih[0] != ICMP_PARAMETERPROB && iphoff == 0) {
		nf_log_buf_add(m, "[");
		log_ipv4(m, lp, off + 8); /* the packet it quotes */
		nf_log_buf_add(m, "] ");
	}
	if (ih[0] == ICMP_DEST_UNREACH && ih[1] == ICMP_FRAG_NEEDED)
		nf_log_buf_add(m, "MTU=%u ", get16(ih + 6));
}

/* Linux: dump_ipv4_packet. iphoff > 0: a quoted header inside an error. */
static void log_ipv4(struct nf_log_buf *m, const struct log_pkt *lp,
		     unsigned int iphoff)
{
	const unsigned char *ip = lp->p + iphoff;
	unsigned int frag, thoff;

	if (iphoff + 20 > lp->len) {
		nf_log_buf_add(m, "TRUNCATED");
		return;
	}
	log_addr(m, "SRC", ip + 12);
	log_addr(m, "DST", ip + 16);
	nf_log_buf_add(m, "LEN=%u TOS=0x%02X PREC=0x%02X TTL=%u ID=%u ",
		       get16(ip + 2), ip[1] & IPTOS_TOS_MASK,
		       ip[1] & IPTOS_PREC_MASK, ip[8], get16(ip + 4));
	frag = get16(ip + 6);
	if (frag & IP_CE)
		nf_log_buf_add(m, "CE ");
	if (frag & IP_DF)
		nf_log_buf_add(m, "DF ");
	if (frag & IP_MF)
		nf_log_buf_add(m, "MF ");
	if (frag & IP_OFFSET)
		nf_log_buf_add(m, "FRAG:%u ", frag & IP_OFFSET);
	thoff = iphoff + (ip[0] & 0x0F) * 4;
	switch (ip[9]) {
	case IPPROTO_TCP:
		nf_log_buf_add(m, "PROTO=TCP ");
		if (!(frag & IP_OFFSET))
			log_tcp(m, lp, thoff);
		break;
	case IPPROTO_UDP:
		nf_log_buf_add(m, "PROTO=UDP ");
		if (frag & IP_OFFSET)
			break;
		if (thoff + 8 > lp->len)
			nf_log_buf_add(m, "INCOMPLETE [%u bytes] ",
				       lp->len > thoff ? lp->len - thoff : 0);
		else
			nf_log_buf_add(m, "SPT=%u DPT=%u LEN=%u ",
				       get16(lp->p + thoff),
				       get16(lp->p + thoff + 2),
				       get16(lp->p + thoff + 4));
		break;
	case IPPROTO_ICMP:
		nf_log_buf_add(m, "PROTO=ICMP ");
		if (!(frag & IP_OFFSET))
			log_icmp(m, lp, iphoff, thoff);
		break;
	default:
		nf_log_buf_add(m, "PROTO=%u ", ip[9]);
	}
}

/* "MAC=" then the link-layer header bytes, as Linux's fallback prints. */
static void log_mac(struct nf_log_buf *m, const struct sk_buff *skb)
{
	const struct net_device *dev = skb->dev;

	nf_log_buf_add(m, "MAC=");
	if (dev && dev->hard_header_len && skb_mac_header_was_set(skb) &&
	    skb->mac_header != skb->network_header) {
		const unsigned char *p = skb_mac_header(skb);

		nf_log_buf_add(m, "%02x", p[0]);
		for (unsigned int i = 1; i < dev->hard_header_len; i++)
			nf_log_buf_add(m, ":%02x", p[i]);
	}
	nf_log_buf_add(m, " ");
}

/* printk wants the level in its format string. */
static const char *const log_fmt[8] = {
	KERN_EMERG "%s\n", KERN_ALERT "%s\n",	KERN_CRIT "%s\n",
	KERN_ERR "%s\n",   KERN_WARNING "%s\n", KERN_NOTICE "%s\n",
	KERN_INFO "%s\n",  KERN_DEBUG "%s\n",
};

/*
 * DOC: ipt_log_packet
 * Print one line about skb at info->level (checked <= 7 at replace).
 */
void ipt_log_packet(const struct sk_buff *skb,
		    const struct nf_hook_state *state,
		    const struct ipt_log_info *info)
{
	static struct nf_log_buf m; /* bottom halves off: one user at a time */
	const unsigned char *nh = skb_network_header(skb);
	struct log_pkt lp = {
		.p = nh,
		.len = skb_tail_pointer(skb) - nh,
		.logflags = info->logflags,
	};

	m.len = 0;
	nf_log_buf_add(&m, "%sIN=%s OUT=%s ", info->prefix,
		       state->in ? state->in->name : "",
		       state->out ? state->out->name : "");
	if (state->in)
		log_mac(&m, skb);
	log_ipv4(&m, &lp, 0);
	printk(log_fmt[info->level & 7], m.buf);
}
