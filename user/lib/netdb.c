/*
 * netdb.c - name lookup without a resolver: numeric IPv4 addresses and
 * "localhost" for hosts, numeric ports for services. Enough for the
 * network programs here; Linux systems ask DNS via /etc/resolv.conf.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

static int host_to_addr(const char *node, int flags, struct in_addr *a)
{
	if (!node) {
		a->s_addr = htonl(flags & AI_PASSIVE ? INADDR_ANY : INADDR_LOOPBACK);
		return 0;
	}
	if (inet_aton(node, a))
		return 0;
	if (!(flags & AI_NUMERICHOST) && !strcmp(node, "localhost")) {
		a->s_addr = htonl(INADDR_LOOPBACK);
		return 0;
	}
	return EAI_NONAME;
}

static int service_to_port(const char *service, in_port_t *port)
{
	char *end;
	unsigned long v;

	*port = 0;
	if (!service)
		return 0;
	v = strtoul(service, &end, 10);
	if (!*service || *end || v > 65535)
		return EAI_SERVICE;
	*port = htons((in_port_t)v);
	return 0;
}

/* One result: IPv4, with the caller's socket type (0 means any). */
int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	int flags = hints ? hints->ai_flags : 0, err;
	struct {
		struct addrinfo ai;
		struct sockaddr_in sin;
	} *r;

	if (hints && hints->ai_family != AF_UNSPEC && hints->ai_family != AF_INET)
		return EAI_FAMILY;
	if (!node && !service)
		return EAI_NONAME;
	r = calloc(1, sizeof(*r));
	if (!r)
		return EAI_MEMORY;
	err = host_to_addr(node, flags, &r->sin.sin_addr);
	if (!err)
		err = service_to_port(service, &r->sin.sin_port);
	if (err) {
		free(r);
		return err;
	}
	r->sin.sin_family = AF_INET;
	r->ai.ai_family = AF_INET;
	r->ai.ai_socktype = hints ? hints->ai_socktype : 0;
	r->ai.ai_protocol = hints ? hints->ai_protocol : 0;
	r->ai.ai_addrlen = sizeof(r->sin);
	r->ai.ai_addr = (struct sockaddr *)&r->sin;
	*res = &r->ai;
	return 0;
}

/* The address lives in the same allocation as the addrinfo. */
void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;
		free(ai);
		ai = next;
	}
}

const char *gai_strerror(int err)
{
	switch (err) {
	case EAI_NONAME: return "Name or service not known";
	case EAI_SERVICE: return "Servname not supported for ai_socktype";
	case EAI_FAMILY: return "ai_family not supported";
	case EAI_MEMORY: return "Memory allocation failure";
	}
	return "Unknown error";
}

struct hostent *gethostbyname(const char *name)
{
	static struct in_addr addr;
	static char *addrs[2] = { (char *)&addr, NULL };
	static char *aliases[1] = { NULL };
	static char hname[64];
	static struct hostent h = { hname, aliases, AF_INET, 4, addrs };

	if (host_to_addr(name, 0, &addr))
		return NULL;
	strncpy(hname, name, sizeof(hname) - 1);
	return &h;
}
