/*
 * raw.h - raw IPv4 sockets (Linux: include/net/raw.h). raw.c has the picture.
 */
#ifndef RXOS_NET_IPV4_RAW_H
#define RXOS_NET_IPV4_RAW_H

struct sk_buff;

/* Softirq, from ip_protocol_deliver_rcu: clones to matching raw sockets;
 * does not consume skb. Returns how many sockets matched. */
int raw_local_deliver(struct sk_buff *skb, int protocol);
void raw_init(void); /* from inet_sock_init */

#endif
