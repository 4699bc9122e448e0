/*
 * nf_sockopt.c - socket options owned by netfilter tables (Linux:
 * net/netfilter/nf_sockopt.c).
 *
 * ip_setsockopt/ip_getsockopt hand option numbers they do not know to
 * nf_setsockopt/nf_getsockopt; iptables' table code registers the range
 * it answers (IPT_SO_SET_REPLACE ...). Process context only.
 */
#include "net/netfilter/netfilter.h"
#include "kernel/errno.h"

static LIST_HEAD(nf_sockopts);

static bool overlaps(int min1, int max1, int min2, int max2)
{
	return max1 > min2 && min1 < max2;
}

int nf_register_sockopt(struct nf_sockopt_ops *reg)
{
	struct nf_sockopt_ops *ops;

	list_for_each_entry(ops, &nf_sockopts, list) {
		if (ops->pf == reg->pf &&
		    (overlaps(ops->set_optmin, ops->set_optmax,
			      reg->set_optmin, reg->set_optmax) ||
		     overlaps(ops->get_optmin, ops->get_optmax,
			      reg->get_optmin, reg->get_optmax)))
			return -EBUSY;
	}
	list_add(&reg->list, &nf_sockopts);
	return 0;
}

void nf_unregister_sockopt(struct nf_sockopt_ops *reg)
{
	list_del_init(&reg->list);
}

static struct nf_sockopt_ops *nf_sockopt_find(uint8_t pf, int val, bool get)
{
	struct nf_sockopt_ops *ops;

	list_for_each_entry(ops, &nf_sockopts, list) {
		if (ops->pf != pf)
			continue;
		if (get ? (val >= ops->get_optmin && val < ops->get_optmax &&
			   ops->get)
			: (val >= ops->set_optmin && val < ops->set_optmax &&
			   ops->set))
			return ops;
	}
	return NULL;
}

int nf_setsockopt(struct sock *sk, uint8_t pf, int val, void __user *opt,
		  unsigned int len)
{
	struct nf_sockopt_ops *ops = nf_sockopt_find(pf, val, false);

	return ops ? ops->set(sk, val, opt, len) : -ENOPROTOOPT;
}

int nf_getsockopt(struct sock *sk, uint8_t pf, int val, void __user *opt,
		  int *len)
{
	struct nf_sockopt_ops *ops = nf_sockopt_find(pf, val, true);

	return ops ? ops->get(sk, val, opt, len) : -ENOPROTOOPT;
}
