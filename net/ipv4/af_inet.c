/*
 * af_inet.c - the AF_INET protocol family (Linux: net/ipv4/af_inet.c).
 *
 * inet_init() brings the IPv4 stack up at boot, in the order Linux's
 * inet_init (fs_initcall) does it: the ICMP protocol handler, ARP, the
 * IP layer (routing, the packet_type for ETH_P_IP), reassembly, ICMP's
 * sysctls, /proc/net/snmp; then, as Linux's late_initcall
 * ip_auto_config does, applies ip= from the command line.
 *
 * Context: process, boot, interrupts on, called once from start_kernel()
 * after net_drivers_init() so the NICs exist. The socket-family half of
 * this file (inet_create, inet_ioctl, ...) belongs to the socket layer.
 */
#include "net/ipv4/af_inet.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/printk.h"
#include "net/ipv4/arp.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/ipconfig.h"
#include "net/ipv4/inet_common.h"

/* IPPROTO_ICMP's entry in inet_protos (Linux: icmp_protocol, here too). */
static const struct net_protocol icmp_protocol = {
	.handler = icmp_rcv,
};

void inet_init(void)
{
	inet_sock_init(); /* sock_register prints "NET: Registered PF_INET ..." */
	if (inet_add_protocol(&icmp_protocol, IPPROTO_ICMP) < 0)
		pr_err("inet_init: Cannot add ICMP protocol\n");
	arp_init();
	ip_init(); /* ip_rt_init, the ETH_P_IP packet_type */
	devinet_init();
	ipfrag_init();
	icmp_init();
	ip_forward_sysctl_init(); /* /proc/sys/net/ipv4/ip_forward */
	if (ip_misc_proc_init())  /* /proc/net/snmp, /proc/net/netstat */
		pr_warn("IPv4: could not create /proc/net/snmp\n");
	if (proc_create_single("net/arp", arp_seq_show))
		pr_warn("IPv4: could not create /proc/net/arp\n");
	ip_auto_config();
}

/* ==== The AF_INET socket family (the socket layer's half of this file) ====
 *
 * socket(AF_INET, ...) -> inet_create: find (type, protocol) in inetsw,
 * make the protocol's sock, and point sock->ops at the protocol's
 * proto_ops. The inet_* functions below are the ops every AF_INET
 * datagram socket shares (inet_dgram_ops); they check what is common to
 * IPv4 and hand the rest to sk->sk_prot (udp_prot, raw_prot).
 * Process context, may sleep.
 */
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/list.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/if.h"
#include "net/ipv4/inet_common.h"
#include "net/ipv4/inet_sock.h"
#include "net/ipv4/route.h"
#include "net/ipv4/tcp_states.h"
#include "net/ipv4/raw.h"
#include "net/ipv4/udp.h"

void tcp_init(void); /* net/ipv4/tcp.c (tcp.h's TCP_* clash with the defines below) */

/* Ports below this need CAP_NET_BIND_SERVICE (everyone is root here). */
#define PROT_SOCK 1024

/* ---- inetsw: which proto answers socket(AF_INET, type, protocol) ---- */

#define SOCK_MAX (SOCK_PACKET + 1)
static struct list_head inetsw[SOCK_MAX];
static bool inetsw_ready;

static void inetsw_init(void)
{
	for (int i = 0; i < SOCK_MAX; i++)
		INIT_LIST_HEAD(&inetsw[i]);
	inetsw_ready = true;
}

/* Permanent entries go last, so a later registration can override. */
void inet_register_protosw(struct inet_protosw *p)
{
	if (!inetsw_ready)
		inetsw_init();
	if (p->type >= SOCK_MAX) {
		pr_err("inet_register_protosw: type %d out of range\n", p->type);
		return;
	}
	list_add_tail(&p->list, &inetsw[p->type]);
}

void inet_unregister_protosw(struct inet_protosw *p)
{
	if (!(p->flags & INET_PROTOSW_PERMANENT))
		list_del(&p->list);
}

/*
 * Linux's matching rule: an exact protocol match wins; protocol 0 asks for
 * the type's default (the first entry's protocol); an entry registered with
 * IPPROTO_IP takes any protocol (raw). *protocol gets the one chosen.
 */
static struct inet_protosw *inetsw_lookup(int type, int *protocol, int *err)
{
	struct inet_protosw *answer;

	*err = -ESOCKTNOSUPPORT;
	if (!inetsw_ready)
		return NULL;
	list_for_each_entry(answer, &inetsw[type], list) {
		*err = 0;
		if (*protocol == answer->protocol) {
			if (*protocol != IPPROTO_IP)
				return answer;
		} else {
			if (*protocol == IPPROTO_IP) {
				*protocol = answer->protocol;
				return answer;
			}
			if (answer->protocol == IPPROTO_IP)
				return answer;
		}
		*err = -EPROTONOSUPPORT;
	}
	return NULL;
}

static int inet_create(struct socket *sock, int protocol, int kern)
{
	struct inet_protosw *answer;
	struct inet_sock *inet;
	struct sock *sk;
	int err;

	if (protocol < 0 || protocol >= IPPROTO_MAX)
		return -EINVAL;
	sock->state = SS_UNCONNECTED;
	answer = inetsw_lookup(sock->type, &protocol, &err);
	if (!answer)
		return err;
	sock->ops = answer->ops;
	sk = sk_alloc(PF_INET, GFP_KERNEL, answer->prot);
	if (!sk)
		return -ENOBUFS;
	if (answer->flags & INET_PROTOSW_REUSE)
		sk->sk_reuse = SK_CAN_REUSE;
	inet = inet_sk(sk);
	if (sock->type == SOCK_RAW) {
		inet->inet_num = protocol; /* raw sockets are "bound" to it */
		if (protocol == IPPROTO_RAW)
			inet->hdrincl = 1;
	}
	sock_init_data(sock, sk);
	sk->sk_protocol = protocol;
	inet->uc_ttl = -1;
	if (inet->inet_num) {
		inet->inet_sport = htons(inet->inet_num);
		err = sk->sk_prot->hash ? sk->sk_prot->hash(sk) : 0;
		if (err)
			goto out_release;
	}
	if (sk->sk_prot->init) {
		err = sk->sk_prot->init(sk);
		if (err)
			goto out_release;
	}
	return 0;
out_release:
	sock->sk = NULL;
	sk_common_release(sk);
	return err;
}

static const struct net_proto_family inet_family_ops = {
	.family = PF_INET,
	.create = inet_create,
};

/* ---- the proto_ops --------------------------------------------------------- */

int inet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (sk) {
		sock->sk = NULL;
		sk->sk_prot->close(sk, 0);
	}
	return 0;
}

int inet_autobind(struct sock *sk)
{
	struct inet_sock *inet = inet_sk(sk);

	int err = 0;

	if (inet->inet_num)
		return 0;
	local_bh_disable(); /* udp_rcv reads the port table in softirq */
	if (!sk->sk_prot->get_port || sk->sk_prot->get_port(sk, 0))
		err = -EAGAIN;
	else
		inet->inet_sport = htons(inet->inet_num);
	local_bh_enable();
	return err;
}

/*
 * bind(): Linux's __inet_bind. AF_UNSPEC is accepted for INADDR_ANY only
 * (old programs); the address must be one of ours, a broadcast or a
 * multicast one (-EADDRNOTAVAIL); a socket binds once (-EINVAL); the port
 * must be free unless both sockets set SO_REUSEADDR (-EADDRINUSE).
 */
int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	struct sock *sk = sock->sk;
	struct inet_sock *inet = inet_sk(sk);
	unsigned int chk_addr_ret;
	unsigned short snum;
	int err;

	if (sk->sk_prot->bind)
		return sk->sk_prot->bind(sk, uaddr, addr_len);
	if (addr_len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	if (addr->sin_family != AF_INET &&
	    (addr->sin_family != AF_UNSPEC ||
	     addr->sin_addr.s_addr != htonl(INADDR_ANY)))
		return -EAFNOSUPPORT;
	chk_addr_ret = inet_addr_type(addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr != htonl(INADDR_ANY) &&
	    chk_addr_ret != RTN_LOCAL && chk_addr_ret != RTN_MULTICAST &&
	    chk_addr_ret != RTN_BROADCAST)
		return -EADDRNOTAVAIL;
	snum = ntohs(addr->sin_port);
	/* snum < PROT_SOCK needs CAP_NET_BIND_SERVICE: -EACCES; all are root. */
	local_bh_disable();
	err = -EINVAL;
	if (sk->sk_state != TCP_CLOSE || inet->inet_num)
		goto out;
	inet->inet_rcv_saddr = inet->inet_saddr = addr->sin_addr.s_addr;
	if (chk_addr_ret == RTN_MULTICAST || chk_addr_ret == RTN_BROADCAST)
		inet->inet_saddr = 0; /* send from the device's address */
	err = sk->sk_prot->get_port(sk, snum);
	if (err) {
		inet->inet_saddr = inet->inet_rcv_saddr = 0;
		err = -EADDRINUSE;
		goto out;
	}
	if (inet->inet_rcv_saddr)
		sk->sk_userlocks |= SOCK_BINDADDR_LOCK;
	if (snum)
		sk->sk_userlocks |= SOCK_BINDPORT_LOCK;
	inet->inet_sport = htons(inet->inet_num);
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
out:
	local_bh_enable();
	return err;
}

/* connect() on a datagram socket: remember the peer (or forget it). */
int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr,
		       int addr_len, int flags)
{
	struct sock *sk = sock->sk;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	if (uaddr->sa_family == AF_UNSPEC)
		return sk->sk_prot->disconnect(sk, flags);
	if (!sk->sk_prot->connect)
		return -EOPNOTSUPP;
	if (inet_autobind(sk))
		return -EAGAIN;
	return sk->sk_prot->connect(sk, uaddr, addr_len);
}

/* getsockname (peer 0) / getpeername (peer 1): a sockaddr_in. */
int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *sin = (struct sockaddr_in *)uaddr;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (peer) {
		if (!inet->inet_dport ||
		    (sk->sk_state == TCP_CLOSE && peer == 1))
			return -ENOTCONN;
		sin->sin_port = inet->inet_dport;
		sin->sin_addr.s_addr = inet->inet_daddr;
	} else {
		__be32 addr = inet->inet_rcv_saddr;

		sin->sin_port = inet->inet_sport;
		sin->sin_addr.s_addr = addr ? addr : inet->inet_saddr;
	}
	return sizeof(*sin);
}

/* An ifreq in, devinet_ioctl, and (for the SIOCGIF* reads) out again. */
static int inet_ifreq_ioctl(unsigned int cmd, void __user *p, bool copyout)
{
	struct ifreq ifr;
	int err;

	if (copy_from_user(&ifr, p, sizeof(ifr)))
		return -EFAULT;
	ifr.ifr_name[IFNAMSIZ - 1] = 0;
	err = devinet_ioctl(cmd, &ifr);
	if (!err && copyout && copy_to_user(p, &ifr, sizeof(ifr)))
		err = -EFAULT;
	return err;
}

static int inet_rt_ioctl(unsigned int cmd, void __user *p)
{
	struct rtentry rt;

	if (copy_from_user(&rt, p, sizeof(rt)))
		return -EFAULT;
	return ip_rt_ioctl(cmd, &rt);
}

/* The protocol's own ioctls (SIOCINQ, SIOCOUTQ): an int result. */
static int sk_ioctl(struct sock *sk, unsigned int cmd, void __user *p)
{
	int karg = 0, err;

	if (!sk->sk_prot->ioctl)
		return -ENOIOCTLCMD;
	err = sk->sk_prot->ioctl(sk, cmd, &karg);
	if (err)
		return err;
	return put_user(karg, (int __user *)p);
}

/*
 * ioctl() on an AF_INET socket: routes, ARP, interface addresses here;
 * -ENOIOCTLCMD for the rest, which sock_ioctl then gives to the device
 * layer (dev_ioctl: flags, MTU, hardware address, SIOCETHTOOL ...).
 */
int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case SIOCADDRT:
	case SIOCDELRT:
		return inet_rt_ioctl(cmd, p);
	case SIOCDARP:
	case SIOCGARP:
	case SIOCSARP:
		return arp_ioctl(cmd, p);
	case SIOCGIFADDR:
	case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFDSTADDR:
		return inet_ifreq_ioctl(cmd, p, true);
	case SIOCSIFADDR:
	case SIOCSIFBRDADDR:
	case SIOCSIFNETMASK:
	case SIOCSIFDSTADDR:
		return inet_ifreq_ioctl(cmd, p, false);
	default:
		return sk_ioctl(sock->sk, cmd, p);
	}
}

/*
 * shutdown(how): SHUT_RD/WR/RDWR become RCV/SEND_SHUTDOWN bits. An
 * unconnected socket answers -ENOTCONN but is still shut down (Linux keeps
 * this so poll waiters on UDP sockets get woken).
 */
int inet_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;
	int err = 0;

	how++; /* 0,1,2 -> RCV_SHUTDOWN, SEND_SHUTDOWN, both */
	if ((how & ~SHUTDOWN_MASK) || !how)
		return -EINVAL;
	if (sk->sk_state == TCP_CLOSE)
		err = -ENOTCONN;
	sk->sk_shutdown |= how;
	if (sk->sk_prot->shutdown)
		sk->sk_prot->shutdown(sk, how);
	sk->sk_state_change(sk);
	return err;
}

int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
	struct sock *sk = sock->sk;

	if (!sk->sk_prot->sendmsg)
		return -EOPNOTSUPP;
	if (inet_autobind(sk))
		return -EAGAIN;
	return sk->sk_prot->sendmsg(sk, msg, size);
}

int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size,
		 int flags)
{
	struct sock *sk = sock->sk;
	int addr_len = 0, err;

	if (!sk->sk_prot->recvmsg)
		return -EOPNOTSUPP;
	err = sk->sk_prot->recvmsg(sk, msg, size, flags, &addr_len);
	if (err >= 0)
		msg->msg_namelen = addr_len;
	return err;
}

/* Linux's sock_common_setsockopt: the protocol's, which passes SOL_IP on
 * to ip_setsockopt. */
int inet_setsockopt(struct socket *sock, int level, int optname,
		    void __user *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;

	if (sk->sk_prot->setsockopt)
		return sk->sk_prot->setsockopt(sk, level, optname, optval,
					       optlen);
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

int inet_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen)
{
	struct sock *sk = sock->sk;

	if (sk->sk_prot->getsockopt)
		return sk->sk_prot->getsockopt(sk, level, optname, optval,
					       optlen);
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

static __poll_t inet_dgram_poll(struct file *file, struct socket *sock,
				poll_table *wait)
{
	return datagram_poll(file, sock, wait);
}

const struct proto_ops inet_dgram_ops = {
	.family = PF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_dgram_connect,
	.socketpair = sock_no_socketpair,
	.accept = sock_no_accept,
	.getname = inet_getname,
	.poll = inet_dgram_poll,
	.ioctl = inet_ioctl,
	.listen = sock_no_listen,
	.shutdown = inet_shutdown,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
};

/* Linux's inetsw_array: the protocols built into af_inet.c. TCP and the
 * ICMP "ping" sockets would go here; raw.c registers its own entry. */
static struct inet_protosw inetsw_array[] = {
	{
		.type = SOCK_DGRAM,
		.protocol = IPPROTO_UDP,
		.prot = &udp_prot,
		.ops = &inet_dgram_ops,
		.flags = INET_PROTOSW_PERMANENT,
	},
};

/* Called from inet_init: the family, its protocol switch, UDP. Linux does
 * this at the start of inet_init (sock_register prints the
 * "NET: Registered PF_INET protocol family" line). */
void inet_sock_init(void)
{
	if (!inetsw_ready)
		inetsw_init();
	sock_register(&inet_family_ops);
	for (unsigned int i = 0; i < ARRAY_SIZE(inetsw_array); i++)
		inet_register_protosw(&inetsw_array[i]);
	raw_init();
	udp_init();
	tcp_init(); /* tcp.c: SOCK_STREAM, IPPROTO_TCP */
}
