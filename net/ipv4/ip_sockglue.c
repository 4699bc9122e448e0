/*
 * ip_sockglue.c - IP-level socket options, setsockopt(fd, SOL_IP, ...)
 * (Linux: net/ipv4/ip_sockglue.c).
 *
 * Called by every AF_INET protocol's setsockopt/getsockopt for level
 * SOL_IP (udp_setsockopt, raw's). What this file does not know goes to
 * netfilter: iptables talks to its tables with
 *   setsockopt(raw_fd, SOL_IP, IPT_SO_SET_REPLACE (64), blob, len)
 *   getsockopt(raw_fd, SOL_IP, IPT_SO_GET_INFO (64), info, &len)
 * which nf_setsockopt/nf_getsockopt hand to the range registered by the
 * table code (-ENOPROTOOPT if none). Linux asks for CAP_NET_ADMIN there;
 * every process is root here.
 *
 * Process context. optval/optlen are user pointers. Linux has dozens more
 * options (IP_PKTINFO, multicast membership, IP_MTU_DISCOVER, ...).
 */
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "lib/checksum.h" /* ip.h needs __sum16 */
#include "net/ipv4/inet_common.h"
#include "net/ipv4/inet_sock.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/ip_sockopt.h"
#include "net/netfilter/netfilter.h"

/* The low two bits of the TOS byte are ECN, which the stack owns. */
#define INET_ECN_MASK 3

/* An int option given as an int, or as a single byte (Linux accepts both
 * for the "char-sized" options). */
static int ip_get_int(void __user *optval, unsigned int optlen, int *val)
{
	unsigned char ucval;

	if (optlen >= sizeof(int))
		return get_user(*val, (int __user *)optval);
	if (optlen >= 1) {
		if (get_user(ucval, (unsigned char __user *)optval))
			return -EFAULT;
		*val = ucval;
		return 0;
	}
	return -EINVAL;
}

static int do_ip_setsockopt(struct sock *sk, int optname, void __user *optval,
			    unsigned int optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int val = 0, err;

	switch (optname) {
	case IP_TOS:
	case IP_TTL:
	case IP_HDRINCL:
	case IP_RECVERR:
		err = ip_get_int(optval, optlen, &val);
		if (err)
			return err;
		break;
	default:
		return -ENOPROTOOPT;
	}
	switch (optname) {
	case IP_TOS:
		inet->tos = (val & ~INET_ECN_MASK) |
			    (inet->tos & INET_ECN_MASK);
		sk->sk_priority = (val >> 1) &
				  7; /* rt_tos2priority, simplified */
		return 0;
	case IP_TTL:
		if (val != -1 && (val < 1 || val > 255))
			return -EINVAL;
		inet->uc_ttl = val;
		return 0;
	case IP_HDRINCL:
		if (sk->sk_type != SOCK_RAW)
			return -ENOPROTOOPT;
		inet->hdrincl = val ? 1 : 0;
		return 0;
	default: /* IP_RECVERR: kept; there is no error queue to read yet */
		inet->recverr = !!val;
		return 0;
	}
}

int ip_setsockopt(struct sock *sk, int level, int optname, void __user *optval,
		  unsigned int optlen)
{
	int err;

	if (level != SOL_IP)
		return -ENOPROTOOPT;
	err = do_ip_setsockopt(sk, optname, optval, optlen);
	if (err == -ENOPROTOOPT && optname != IP_HDRINCL)
		err = nf_setsockopt(sk, NFPROTO_IPV4, optname, optval, optlen);
	return err;
}

/* Linux's rule: a buffer shorter than an int gets one byte if the value
 * fits in it; otherwise up to sizeof(int) bytes. */
static int ip_put_int(int val, char __user *optval, int __user *optlen, int len)
{
	if (len < (int)sizeof(int) && len > 0 && val >= 0 && val <= 255) {
		unsigned char ucval = val;

		if (put_user(1, optlen) || copy_to_user(optval, &ucval, 1))
			return -EFAULT;
		return 0;
	}
	len = len < (int)sizeof(int) ? len : (int)sizeof(int);
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

static int do_ip_getsockopt(struct sock *sk, int optname, char __user *optval,
			    int __user *optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int len, val;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case IP_TOS:
		val = inet->tos;
		break;
	case IP_TTL:
		val = inet->uc_ttl == -1 ? IPDEFTTL : inet->uc_ttl;
		break;
	case IP_HDRINCL:
		val = inet->hdrincl;
		break;
	case IP_RECVERR:
		val = inet->recverr;
		break;
	default:
		return -ENOPROTOOPT;
	}
	return ip_put_int(val, optval, optlen, len);
}

int ip_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
		  int __user *optlen)
{
	int err, len;

	if (level != SOL_IP)
		return -EOPNOTSUPP;
	err = do_ip_getsockopt(sk, optname, optval, optlen);
	if (err != -ENOPROTOOPT)
		return err;
	if (get_user(len, optlen))
		return -EFAULT;
	err = nf_getsockopt(sk, NFPROTO_IPV4, optname, optval, &len);
	if (err >= 0)
		err = put_user(len, optlen);
	return err;
}
