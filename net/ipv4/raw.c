/*
 * raw.c - raw IPv4 sockets (Linux: net/ipv4/raw.c).
 *
 *   socket(AF_INET, SOCK_RAW, proto)      proto = the IP protocol number
 *
 *   ip_local_deliver_finish -> ip_protocol_deliver_rcu
 *        |-- raw_local_deliver: a CLONE to every matching raw socket
 *        |                      (sock_queue_rcv_skb, data at the IP header)
 *        `-- the protocol handler (icmp_rcv, udp_rcv) as before
 *   sendto --inet_sendmsg--> raw_sendmsg --> ip_route_output_key
 *        --> ip_build_and_send_pkt (we build the IP header)
 *         or ip_local_out (IP_HDRINCL / IPPROTO_RAW: the user built it)
 *
 * Every raw socket is on raw_table from socket() to close (Linux hashes
 * them by protocol, raw_v4_hashinfo). The table is changed in process
 * context with bottom halves disabled and read in softirq.
 *
 * What Linux adds: ICMP_FILTER, IP options, the error queue (IP_RECVERR),
 * cmsg, multicast/bound-device checks, /proc/net/raw drops per socket.
 */
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/printk.h"
#include "kernel/fs/proc_fs.h"
#include "lib/vsprintf.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/core/sock.h"
#include "net/ipv4/inet_common.h"
#include "net/ipv4/inet_sock.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"
#include "net/ipv4/tcp_states.h"
#include "net/ipv4/raw.h"
#include "net/ipv4/udp.h"

static LIST_HEAD(raw_table);

static int raw_hash_sk(struct sock *sk)
{
	local_bh_disable();
	if (!sk->sk_hashed) {
		sock_hold(sk);
		list_add_tail(&sk->sk_node, &raw_table);
		sk->sk_hashed = true;
	}
	local_bh_enable();
	return 0;
}

static void raw_unhash_sk(struct sock *sk)
{
	local_bh_disable();
	if (sk->sk_hashed) {
		list_del_init(&sk->sk_node);
		sk->sk_hashed = false;
		local_bh_enable();
		sock_put(sk);
		return;
	}
	local_bh_enable();
}

/* Linux's raw_v4_match: protocol, bound address, connected peer. */
static bool raw_v4_match(struct sock *sk, uint8_t num, __be32 raddr,
			 __be32 laddr)
{
	struct inet_sock *inet = inet_sk(sk);

	return inet->inet_num == num &&
	       (!inet->inet_daddr || inet->inet_daddr == raddr) &&
	       (!inet->inet_rcv_saddr || inet->inet_rcv_saddr == laddr);
}

/*
 * raw_local_deliver - give every matching raw socket a clone of skb.
 *
 * Context: softirq, from ip_protocol_deliver_rcu before the protocol
 * handler. skb->data is at the transport header; the clone is pushed back
 * to the IP header, as raw readers get the whole datagram. skb itself is
 * not consumed: the caller goes on to the handler. Returns how many
 * sockets matched (Linux: raw_local_deliver / raw_v4_input).
 */
int raw_local_deliver(struct sk_buff *skb, int protocol)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct sock *sk;
	int delivered = 0;

	list_for_each_entry(sk, &raw_table, sk_node) {
		struct sk_buff *clone;

		if (!raw_v4_match(sk, protocol, iph->saddr, iph->daddr))
			continue;
		delivered++;
		clone = skb_clone(skb, GFP_ATOMIC);
		if (!clone)
			continue;
		skb_push(clone, clone->data - skb_network_header(clone));
		/* a full receive buffer: freed there (SOCKET_RCVBUFF) and
		 * counted in sk_drops (/proc/net/raw's drops column) */
		sock_queue_rcv_skb(sk, clone);
	}
	return delivered;
}

/* bind(): a local address only; raw sockets have no ports. */
static int raw_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	unsigned int type;

	if (sk->sk_state != TCP_CLOSE || addr_len < (int)sizeof(*addr))
		return -EINVAL;
	type = inet_addr_type(addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr && type != RTN_LOCAL &&
	    type != RTN_MULTICAST && type != RTN_BROADCAST)
		return -EADDRNOTAVAIL;
	local_bh_disable();
	inet->inet_rcv_saddr = inet->inet_saddr = addr->sin_addr.s_addr;
	if (type == RTN_MULTICAST || type == RTN_BROADCAST)
		inet->inet_saddr = 0;
	local_bh_enable();
	return 0;
}

/*
 * raw_recvmsg - one datagram, from its IP header. Process context, may
 * sleep (MSG_DONTWAIT: -EAGAIN). Longer than len: cut, MSG_TRUNC in
 * msg_flags (and the full length returned when flags has MSG_TRUNC).
 * MSG_PEEK leaves it queued. The source address goes to msg_name.
 */
static int raw_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
		       int flags, int *addr_len)
{
	struct sockaddr_in *sin = msg->msg_name;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & (MSG_OOB | MSG_ERRQUEUE))
		return flags & MSG_OOB ? -EOPNOTSUPP : -EAGAIN;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = len < skb->len ? len : skb->len;
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (!err && sin) {
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		*addr_len = sizeof(*sin);
	}
	if (!err && (flags & MSG_TRUNC))
		copied = skb->len;
	skb_free_datagram(sk, skb);
	return err ? err : (int)copied;
}

/* Where it goes: msg_name, or the connected peer. */
static int raw_dest(struct sock *sk, struct msghdr *msg, __be32 *daddr)
{
	struct sockaddr_in *usin = msg->msg_name;

	if (!usin) {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		*daddr = inet_sk(sk)->inet_daddr;
		return 0;
	}
	if (msg->msg_namelen < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET && usin->sin_family != AF_UNSPEC)
		return -EAFNOSUPPORT;
	*daddr = usin->sin_addr.s_addr;
	return 0;
}

/*
 * IP_HDRINCL: the user's bytes are the whole datagram. As Linux
 * (raw_send_hdrinc) the kernel still fills tot_len and the checksum
 * (in __ip_local_out) and the source if 0. Linux also picks an ID
 * when it is 0 (ip_select_ident); rxos sends the user's.
 */
static int raw_send_hdrinc(struct sk_buff *skb, struct flowi4 *fl4)
{
	struct iphdr *iph;

	if (skb->len < sizeof(struct iphdr)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return -EINVAL;
	}
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	if (iph->ihl < 5 || iph->ihl * 4u > skb->len) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return -EINVAL;
	}
	skb->transport_header = skb->network_header + iph->ihl * 4;
	if (!iph->saddr)
		iph->saddr = fl4->saddr;
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	return ip_local_out(skb);
}

/*
 * raw_sendmsg - send len bytes as one IP datagram (fragmented by
 * ip_output above the MTU). Process context. Errors: -EMSGSIZE above
 * 65535 (with the IP header), -EINVAL bad address length,
 * -EDESTADDRREQ no destination, -ENETUNREACH, -EACCES (broadcast
 * without SO_BROADCAST), -EFAULT, -EAGAIN. Returns len.
 */
static int raw_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	unsigned int hh = MAX_HEADER + sizeof(struct iphdr);
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	struct sk_buff *skb;
	int err;

	if (len > 0xffff || (!inet->hdrincl && len > 0xffff - 20))
		return -EMSGSIZE;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	err = raw_dest(sk, msg, &fl4.daddr);
	if (err)
		return err;
	fl4.saddr = inet->inet_saddr;
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_tos = inet->tos;
	fl4.flowi4_proto = inet->hdrincl ? IPPROTO_RAW : sk->sk_protocol;
	rt = ip_route_output_key(&fl4);
	if (IS_ERR(rt)) {
		if (PTR_ERR(rt) == -ENETUNREACH)
			IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		return PTR_ERR(rt);
	}
	if ((rt->rt_flags & RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST)) {
		ip_rt_put(rt);
		return -EACCES;
	}
	skb = sock_alloc_send_skb(sk, hh + len, msg->msg_flags & MSG_DONTWAIT,
				  &err);
	if (!skb) {
		ip_rt_put(rt);
		return err;
	}
	skb_reserve(skb, hh);
	if (copy_from_iter(skb_put(skb, len), len, &msg->msg_iter) != len) {
		ip_rt_put(rt);
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_UCOPY_FAULT);
		return -EFAULT;
	}
	skb_dst_set(skb, &rt->dst); /* the skb takes our route reference */
	if (inet->hdrincl)
		err = raw_send_hdrinc(skb, &fl4);
	else
		err = ip_build_and_send_pkt(skb, fl4.saddr, fl4.daddr,
					    sk->sk_protocol, fl4.flowi4_tos);
	if (err == -ENOBUFS)
		err = 0; /* as Linux without IP_RECVERR */
	return err ? err : (int)len;
}

static int raw_disconnect(struct sock *sk, int flags)
{
	struct inet_sock *inet = inet_sk(sk);

	local_bh_disable();
	sk->sk_state = TCP_CLOSE;
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	local_bh_enable();
	return 0;
}

static void raw_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

/* SIOCINQ: the next datagram's size (with its IP header). */
static int raw_ioctl(struct sock *sk, int cmd, int *karg)
{
	return datagram_ioctl(sk, cmd, karg);
}

static int raw_setsockopt(struct sock *sk, int level, int optname,
			  void __user *optval, unsigned int optlen)
{
	if (level == SOL_RAW)
		return -ENOPROTOOPT; /* ICMP_FILTER: not in rxos */
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

static int raw_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	if (level == SOL_RAW)
		return -ENOPROTOOPT;
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

struct proto raw_prot = {
	.name = "RAW",
	.obj_size = sizeof(struct inet_sock),
	.close = raw_close,
	.disconnect = raw_disconnect,
	.connect = ip4_datagram_connect,
	.bind = raw_bind,
	.ioctl = raw_ioctl,
	.setsockopt = raw_setsockopt,
	.getsockopt = raw_getsockopt,
	.sendmsg = raw_sendmsg,
	.recvmsg = raw_recvmsg,
	.hash = raw_hash_sk,
	.unhash = raw_unhash_sk,
};

/* ---- /proc/net/raw: Linux's raw_sock_seq_show layout ---- */

static int raw_seq_show(char *buf, int len)
{
	struct sock *sk;
	int pos;

	pos = proc_printf(buf, len, 0,
			  "  sl  local_address rem_address   st tx_queue "
			  "rx_queue tr tm->when retrnsmt   uid  timeout "
			  "inode ref pointer drops\n");
	local_bh_disable();
	list_for_each_entry(sk, &raw_table, sk_node) {
		struct inet_sock *inet = inet_sk(sk);

		pos = proc_printf(buf, len, pos,
				  "%4d: %08X:%04X %08X:%04X %02X %08X:%08X "
				  "%02X:%08lX %08X %5u %8d %lu %d %08lx %u\n",
				  inet->inet_num, inet->inet_rcv_saddr,
				  inet->inet_num, inet->inet_daddr, 0,
				  sk->sk_state, sk_wmem_alloc_get(sk),
				  sk_rmem_alloc_get(sk), 0, 0UL, 0, sk->sk_uid,
				  0, sk->sk_ino, atomic_read(&sk->sk_refcnt),
				  0UL, atomic_read(&sk->sk_drops));
	}
	local_bh_enable();
	return pos;
}

/* Linux's inetsw_array SOCK_RAW entry: IPPROTO_IP = any protocol. */
static struct inet_protosw raw_protosw = {
	.type = SOCK_RAW,
	.protocol = IPPROTO_IP,
	.prot = &raw_prot,
	.ops = &inet_dgram_ops,
	.flags = INET_PROTOSW_REUSE,
};

/* From inet_sock_init at boot, process context. */
void raw_init(void)
{
	inet_register_protosw(&raw_protosw);
	proc_create_single("net/raw", raw_seq_show);
}
