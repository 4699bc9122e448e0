/*
 * sh - a small POSIX-style shell: the console shell that init starts.
 *
 *   sh                   interactive when standard input is a terminal
 *   sh -c 'CMD' [name [args]]
 *   sh SCRIPT [args]
 *
 * One line goes through four steps, each a group of functions below:
 *
 *   read_line -> lex (tokens, words kept raw) -> parse (lists, and-or
 *   chains, pipelines, simple commands) -> run (expand words, fork, exec,
 *   wait)
 *
 * Supported: pipelines, < > >> N> N< N>&M N>&- redirections, & background
 * jobs, ; && ||, single and double quotes, backslash escapes, $VAR ${VAR}
 * $? $$ $! $# $0..$9, ~, # comments, PATH search, NAME=value (alone or
 * before a command), builtins cd exit export unset pwd wait jobs fg bg.
 * Not supported: globbing, here-documents, functions, control structures
 * (if/while/for), command substitution.
 *
 * Job control (interactive only, as in every shell): each pipeline gets
 * its own process group, led by its first process; the foreground group
 * is given the terminal with TIOCSPGRP (tcsetpgrp), so the tty's ^C
 * (SIGINT) and ^Z (SIGTSTP) reach the job, never the shell, which ignores
 * SIGINT, SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU. A kernel without these
 * ioctls (ENOTTY, ENOSYS) just leaves job control off.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MAX_JOBS 32
#define MAX_JOB_PIDS 16
#define SAVED_FD_BASE 10 /* fds the shell keeps for itself start here */

/* ---- memory: everything for one line comes from an arena ------------- */

struct arena_block {
	struct arena_block *next;
	long long data[]; /* aligned for any object */
};

static struct arena_block *arena;

static void *aalloc(size_t n)
{
	struct arena_block *b = malloc(sizeof(*b) + n);

	if (!b) {
		fprintf(stderr, "sh: out of memory\n");
		exit(2);
	}
	b->next = arena;
	arena = b;
	return b->data;
}

/* Free everything allocated since the line was read. */
static void arena_free(void)
{
	while (arena) {
		struct arena_block *next = arena->next;
		free(arena);
		arena = next;
	}
}

static char *astrndup(const char *s, size_t n)
{
	char *d = aalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Room for element n of an arena vector; capacities go 4, 8, 16, ... */
static void *vgrow(void *v, int n, size_t size)
{
	void *nv;

	if (n < 4 ? n > 0 : (n & (n - 1)) != 0)
		return v;
	nv = aalloc((size_t)(n < 4 ? 4 : 2 * n) * size);
	if (n)
		memcpy(nv, v, (size_t)n * size);
	return nv;
}

#define VPUSH(vec, n) ((vec) = vgrow((vec), (n), sizeof(*(vec))), &(vec)[(n)++])

struct strbuf {
	char *s;
	size_t len, cap;
};

static void sb_putc(struct strbuf *b, char c)
{
	if (b->len + 1 >= b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		char *s = aalloc(cap);
		if (b->len)
			memcpy(s, b->s, b->len);
		b->s = s;
		b->cap = cap;
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static void sb_puts(struct strbuf *b, const char *s)
{
	while (*s)
		sb_putc(b, *s++);
}

/* ---- shell state -------------------------------------------------------- */

struct var {
	char *name, *value; /* malloc'd */
	int exported;
	struct var *next;
};

struct job {
	int id;            /* 0: slot free */
	pid_t pgid;
	pid_t pids[MAX_JOB_PIDS];
	int npids, nalive;
	int status;        /* of the last process */
	int stopped;
	char *text;        /* malloc'd command text */
};

static struct var *vars;
static struct job jobs[MAX_JOBS];
static int last_status;
static pid_t last_bg_pid;
static pid_t shell_pid;   /* $$: stays the same in forked children */
static int interactive;
static int tty_fd = -1;  /* job control is on when this is >= 0 */
static pid_t shell_pgid;
static char **pos_args;  /* $0, $1, ... */
static int pos_count;

/* ---- variables ---------------------------------------------------------- */

static struct var *var_find(const char *name)
{
	for (struct var *v = vars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static const char *var_get(const char *name)
{
	struct var *v = var_find(name);

	return v ? v->value : NULL;
}

/* Set (or with value NULL just export) a variable; export: 1 yes, 0 keep. */
static void var_set(const char *name, const char *value, int export)
{
	struct var *v = var_find(name);

	if (!v) {
		v = calloc(1, sizeof(*v));
		if (!v || !(v->name = strdup(name)))
			return;
		v->value = strdup("");
		v->next = vars;
		vars = v;
	}
	if (value) {
		char *nv = strdup(value);
		if (!nv)
			return;
		free(v->value);
		v->value = nv;
	}
	v->exported |= export;
}

static void var_unset(const char *name)
{
	for (struct var **pp = &vars; *pp; pp = &(*pp)->next) {
		struct var *v = *pp;
		if (!strcmp(v->name, name)) {
			*pp = v->next;
			free(v->name);
			free(v->value);
			free(v);
			return;
		}
	}
}

static int is_name_char(char c, int first)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

static int is_name(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_name_char(s[i], i == 0))
			return 0;
	return len > 0;
}

/* "NAME=value": the length of NAME, or 0 if s is not an assignment. */
static size_t assignment_name_len(const char *s)
{
	const char *eq = strchr(s, '=');

	return eq && is_name(s, (size_t)(eq - s)) ? (size_t)(eq - s) : 0;
}

static void import_environment(char **env)
{
	for (; env && *env; env++) {
		size_t n = assignment_name_len(*env);
		if (n) {
			char *name = astrndup(*env, n);
			var_set(name, *env + n + 1, 1);
		}
	}
}

/* The exported variables plus `extra` ("NAME=value", overriding). */
static char **build_env(char **extra, int nextra)
{
	char **env = NULL;
	int n = 0;

	for (int i = 0; i < nextra; i++) /* first: getenv finds the first */
		*VPUSH(env, n) = extra[i];
	for (struct var *v = vars; v; v = v->next) {
		struct strbuf b = { NULL, 0, 0 };
		if (!v->exported)
			continue;
		sb_puts(&b, v->name);
		sb_putc(&b, '=');
		sb_puts(&b, v->value);
		*VPUSH(env, n) = b.s;
	}
	*VPUSH(env, n) = NULL;
	return env;
}

/* ---- input -------------------------------------------------------------- */

/*
 * One line from fd, without its '\n', malloc'd; NULL at end of input.
 * Byte by byte: a command run from this line may read the same fd (a
 * script on stdin), so nothing past the newline may be consumed.
 */
static char *read_line(int fd)
{
	size_t len = 0, cap = 128;
	char *line = malloc(cap), c;
	ssize_t n = 0;

	while (line && (n = read(fd, &c, 1)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (c == '\n')
			break;
		if (len + 2 > cap) {
			char *nl = realloc(line, cap *= 2);
			if (!nl)
				break;
			line = nl;
		}
		line[len++] = c;
	}
	if (line && len == 0 && n <= 0) {
		free(line);
		return NULL;
	}
	if (line)
		line[len] = '\0';
	return line;
}

/* ---- lexer -------------------------------------------------------------- */

enum tok_type {
	T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_NEWLINE, T_AMP, T_REDIR, T_END
};

enum redir_type { R_IN, R_OUT, R_APPEND, R_DUPIN, R_DUPOUT };

struct token {
	enum tok_type type;
	char *word;       /* T_WORD: raw text, quotes still in */
	enum redir_type redir;
	int fd;           /* T_REDIR: the fd redirected */
	int start, end;   /* offsets in the line, for job texts */
};

/* Lexer results: LEX_MORE = the line is incomplete (open quote, trailing
 * backslash or operator), the caller reads another line and retries. */
enum { LEX_OK, LEX_MORE };

static int is_operator_char(char c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	       c == '\n';
}

/* The end of the raw word at p, or NULL if a quote is left open. */
static const char *scan_word(const char *p)
{
	while (*p && *p != ' ' && *p != '\t' && !is_operator_char(*p)) {
		if (*p == '\\') {
			if (!p[1])
				return NULL;
			p += 2;
		} else if (*p == '\'') {
			p = strchr(p + 1, '\'');
			if (!p)
				return NULL;
			p++;
		} else if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				return NULL;
			p++;
		} else {
			p++;
		}
	}
	return p;
}

/* An operator at p into t; returns its length. */
static int lex_operator(const char *p, struct token *t)
{
	static const struct {
		const char *text;
		enum tok_type type;
		enum redir_type redir;
		int fd;
	} ops[] = {
		{ "&&", T_AND, 0, 0 }, { "||", T_OR, 0, 0 },
		{ ">>", T_REDIR, R_APPEND, 1 }, { ">&", T_REDIR, R_DUPOUT, 1 },
		{ "<&", T_REDIR, R_DUPIN, 0 }, { "|", T_PIPE, 0, 0 },
		{ "&", T_AMP, 0, 0 }, { ";", T_SEMI, 0, 0 },
		{ "\n", T_NEWLINE, 0, 0 }, { "<", T_REDIR, R_IN, 0 },
		{ ">", T_REDIR, R_OUT, 1 },
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i].text);
		if (!strncmp(p, ops[i].text, n)) {
			t->type = ops[i].type;
			t->redir = ops[i].redir;
			t->fd = ops[i].fd;
			return (int)n;
		}
	}
	return 0;
}

/* "2>" : a word of digits right before < or > names the fd. */
static int io_number(const char *start, const char *end)
{
	if (!(*end == '<' || *end == '>') || end - start > 3)
		return -1;
	for (const char *p = start; p < end; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atoi(start);
}

static int lex(const char *line, struct token **toks, int *ntoks)
{
	const char *p = line;
	int n = 0;

	*toks = NULL;
	for (;;) {
		struct token *t;
		const char *end;
		int fd;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#')
			p += strcspn(p, "\n");
		t = VPUSH(*toks, n);
		memset(t, 0, sizeof(*t));
		t->start = (int)(p - line);
		if (!*p) {
			t->type = T_END;
			break;
		}
		if (is_operator_char(*p)) {
			p += lex_operator(p, t);
		} else {
			end = scan_word(p);
			if (!end)
				return LEX_MORE;
			fd = io_number(p, end);
			if (fd >= 0) {
				end += lex_operator(end, t);
				t->fd = fd;
			} else {
				t->type = T_WORD;
				t->word = astrndup(p, (size_t)(end - p));
			}
			p = end;
		}
		t->end = (int)(p - line);
	}
	*ntoks = n;
	/* A line ending in | && || continues on the next one. */
	if (n >= 2) {
		enum tok_type last = (*toks)[n - 2].type;
		if (last == T_PIPE || last == T_AND || last == T_OR)
			return LEX_MORE;
	}
	return LEX_OK;
}

/* ---- parser ------------------------------------------------------------- */

/*
 *   list     := and_or { (';' | '&' | newline) and_or } [';' | '&']
 *   and_or   := pipeline { ('&&' | '||') newline* pipeline }
 *   pipeline := command { '|' newline* command }
 *   command  := { WORD | REDIR WORD }+
 */

struct redir {
	enum redir_type type;
	int fd;
	char *word; /* raw; expanded when the command runs */
};

struct command {
	char **words;
	int nwords;
	struct redir *redirs;
	int nredirs;
};

struct pipeline {
	struct command *cmds;
	int ncmds;
};

struct and_or {
	struct pipeline *pipes;
	enum tok_type *ops; /* ops[i] joins pipes[i] and pipes[i + 1] */
	int npipes;
	int background;
	int start, end;     /* its text in the line */
};

struct parser {
	struct token *t;    /* the next token */
	const char *error;  /* the token text a syntax error is near */
};

static const char *token_text(const struct token *t)
{
	static const char *const names[] = {
		[T_PIPE] = "|", [T_AND] = "&&", [T_OR] = "||", [T_SEMI] = ";",
		[T_NEWLINE] = "newline", [T_AMP] = "&", [T_REDIR] = "redirection",
		[T_END] = "newline",
	};
	return t->type == T_WORD ? t->word : names[t->type];
}

static int syntax_error(struct parser *ps)
{
	if (!ps->error)
		ps->error = token_text(ps->t);
	return -1;
}

static int report_syntax_error(struct parser *ps)
{
	syntax_error(ps);
	fprintf(stderr, "sh: syntax error near unexpected token `%s'\n", ps->error);
	return -1;
}

static void skip_newlines(struct parser *ps)
{
	while (ps->t->type == T_NEWLINE)
		ps->t++;
}

static int parse_command(struct parser *ps, struct command *c)
{
	memset(c, 0, sizeof(*c));
	for (;; ps->t++) {
		struct token *t = ps->t;
		struct redir *r;

		if (t->type == T_WORD) {
			*VPUSH(c->words, c->nwords) = t->word;
			continue;
		}
		if (t->type != T_REDIR)
			break;
		if (t[1].type != T_WORD) {
			ps->t++;
			return syntax_error(ps);
		}
		r = VPUSH(c->redirs, c->nredirs);
		r->type = t->redir;
		r->fd = t->fd;
		r->word = t[1].word;
		ps->t++;
	}
	if (!c->nwords && !c->nredirs)
		return syntax_error(ps);
	*VPUSH(c->words, c->nwords) = NULL;
	c->nwords--; /* argv-style: NULL-terminated, not counted */
	return 0;
}

static int parse_pipeline(struct parser *ps, struct pipeline *p)
{
	memset(p, 0, sizeof(*p));
	for (;;) {
		struct command *c = VPUSH(p->cmds, p->ncmds);

		if (parse_command(ps, c) < 0)
			return -1;
		if (ps->t->type != T_PIPE)
			return 0;
		ps->t++;
		skip_newlines(ps);
	}
}

static int parse_and_or(struct parser *ps, struct and_or *ao)
{
	memset(ao, 0, sizeof(*ao));
	ao->start = ps->t->start;
	for (;;) {
		struct pipeline *p = VPUSH(ao->pipes, ao->npipes);
		int nops = ao->npipes - 1;

		if (parse_pipeline(ps, p) < 0)
			return -1;
		ao->end = ps->t[-1].end;
		if (ps->t->type != T_AND && ps->t->type != T_OR)
			return 0;
		*VPUSH(ao->ops, nops) = ps->t->type;
		ps->t++;
		skip_newlines(ps);
	}
}

/* Parse the whole token array into and-or items; -1 on a syntax error. */
static int parse(struct token *toks, struct and_or **items, int *nitems)
{
	struct parser ps = { toks, NULL };
	int n = 0;

	*items = NULL;
	for (skip_newlines(&ps); ps.t->type != T_END; skip_newlines(&ps)) {
		struct and_or *ao = VPUSH(*items, n);

		if (parse_and_or(&ps, ao) < 0)
			return report_syntax_error(&ps);
		if (ps.t->type == T_AMP)
			ao->background = 1;
		if (ps.t->type == T_AMP || ps.t->type == T_SEMI)
			ps.t++;
		else if (ps.t->type != T_NEWLINE && ps.t->type != T_END)
			return report_syntax_error(&ps);
	}
	*nitems = n;
	return 0;
}

/* ---- expansion ---------------------------------------------------------- */

/*
 * A raw word becomes zero or more fields: quotes are removed, backslashes
 * escape, $-expansions are substituted, and the results of unquoted
 * expansions are split at blanks (IFS is fixed to " \t\n"). A quoted empty
 * string still makes a field; an unquoted empty expansion makes none.
 */

struct fields {
	char **v;
	int n;
};

struct expander {
	struct strbuf cur;  /* the field being built */
	int have;           /* cur is a field even if empty ("") */
	struct fields *out;
	int split;          /* 0 for redirection targets and assignments */
};

static void end_field(struct expander *x)
{
	if (x->have)
		*VPUSH(x->out->v, x->out->n) = x->cur.s ? x->cur.s : astrndup("", 0);
	memset(&x->cur, 0, sizeof(x->cur));
	x->have = 0;
}

static void add_char(struct expander *x, char c)
{
	sb_putc(&x->cur, c);
	x->have = 1;
}

/* Expansion text, split at blanks unless quoted or splitting is off. */
static void add_expansion(struct expander *x, const char *val, int quoted)
{
	for (; *val; val++) {
		if (!quoted && x->split && strchr(" \t\n", *val))
			end_field(x);
		else
			add_char(x, *val);
	}
	if (quoted)
		x->have = 1;
}

static const char *special_param(char c, char *buf, size_t size)
{
	switch (c) {
	case '?':
		snprintf(buf, size, "%d", last_status);
		return buf;
	case '$':
		snprintf(buf, size, "%d", (int)shell_pid);
		return buf;
	case '!':
		if (!last_bg_pid)
			return "";
		snprintf(buf, size, "%d", (int)last_bg_pid);
		return buf;
	case '#':
		snprintf(buf, size, "%d", pos_count > 0 ? pos_count - 1 : 0);
		return buf;
	}
	if (c >= '0' && c <= '9')
		return c - '0' < pos_count ? pos_args[c - '0'] : "";
	return NULL;
}

/* "$@" and "$*": the arguments joined by spaces (no separate fields). */
static const char *all_args(void)
{
	struct strbuf b = { NULL, 0, 0 };

	for (int i = 1; i < pos_count; i++) {
		if (i > 1)
			sb_putc(&b, ' ');
		sb_puts(&b, pos_args[i]);
	}
	return b.s ? b.s : "";
}

/* The $-expansion at p (just after '$'); *len gets the bytes consumed.
 * NULL means the '$' is literal. */
static const char *dollar_value(const char *p, int *len)
{
	static char buf[32];
	const char *v;
	int n = 0;

	*len = 1;
	if (*p == '@' || *p == '*')
		return all_args();
	if ((v = special_param(*p, buf, sizeof(buf))))
		return v;
	if (*p == '{') {
		const char *close = strchr(p, '}');
		if (!close || !is_name(p + 1, (size_t)(close - p - 1)))
			return NULL;
		*len = (int)(close - p + 1);
		v = var_get(astrndup(p + 1, (size_t)(close - p - 1)));
		return v ? v : "";
	}
	while (is_name_char(p[n], n == 0))
		n++;
	if (!n)
		return NULL;
	*len = n;
	v = var_get(astrndup(p, (size_t)n));
	return v ? v : "";
}

/* Backslash at p (not in single quotes); returns the bytes consumed. */
static int add_escape(struct expander *x, const char *p, int dquote)
{
	if (!p[1]) {
		add_char(x, '\\');
		return 1;
	}
	if (dquote && !strchr("$`\"\\", p[1])) {
		add_char(x, '\\'); /* in "...", \ escapes only these */
		return 1;
	}
	add_char(x, p[1]);
	return 2;
}

static void expand_word(const char *w, struct fields *out, int split)
{
	struct expander x = { { NULL, 0, 0 }, 0, out, split };
	int dquote = 0, len;
	const char *home = var_get("HOME"), *v;

	if (w[0] == '~' && (w[1] == '/' || !w[1]) && home) {
		add_expansion(&x, home, 1);
		w++;
	}
	while (*w) {
		if (*w == '\'' && !dquote) {
			const char *close = strchr(w + 1, '\'');
			for (w++; w < close; w++)
				add_char(&x, *w);
			x.have = 1;
			w++;
		} else if (*w == '"') {
			dquote = !dquote;
			x.have = 1;
			w++;
		} else if (*w == '\\') {
			w += add_escape(&x, w, dquote);
		} else if (*w == '$' && (v = dollar_value(w + 1, &len))) {
			add_expansion(&x, v, dquote);
			w += 1 + len;
		} else {
			add_char(&x, *w++);
		}
	}
	end_field(&x);
}

/* Expand all words of a command into a NULL-terminated argv. */
static char **expand_words(char **words, int nwords, int *argc)
{
	struct fields f = { NULL, 0 };

	for (int i = 0; i < nwords; i++)
		expand_word(words[i], &f, 1);
	*VPUSH(f.v, f.n) = NULL;
	*argc = f.n - 1;
	return f.v;
}

/* A redirection target or assignment value: exactly one field. */
static char *expand_one(const char *w)
{
	struct fields f = { NULL, 0 };

	expand_word(w, &f, 0);
	return f.n == 1 ? f.v[0] : astrndup("", 0);
}

/* ---- redirections ------------------------------------------------------- */

/* fds a builtin's redirections replaced, to put back afterwards. */
struct saved_fd {
	int fd, copy; /* copy -1: fd was closed before */
};

static int save_fd(int fd, struct saved_fd **saved, int *nsaved)
{
	struct saved_fd *s;

	if (!saved)
		return 0;
	s = VPUSH(*saved, *nsaved);
	s->fd = fd;
	s->copy = fcntl(fd, F_DUPFD_CLOEXEC, SAVED_FD_BASE);
	return 0;
}

static void restore_fds(struct saved_fd *saved, int nsaved)
{
	while (nsaved-- > 0) {
		struct saved_fd *s = &saved[nsaved];
		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
	}
}

/* "N>&M" / "N<&M" / "N>&-": copy or close. */
static int redirect_dup(const struct redir *r, const char *target)
{
	char *end;
	long from;

	if (!strcmp(target, "-")) {
		close(r->fd);
		return 0;
	}
	from = strtol(target, &end, 10);
	if (!*target || *end || from < 0) {
		fprintf(stderr, "sh: %s: ambiguous redirect\n", target);
		return -1;
	}
	if (from != r->fd && dup2((int)from, r->fd) < 0) {
		fprintf(stderr, "sh: %ld: %s\n", from, strerror(errno));
		return -1;
	}
	return 0;
}

static int redirect_file(const struct redir *r, const char *path)
{
	int flags = r->type == R_IN       ? O_RDONLY
		    : r->type == R_APPEND ? O_WRONLY | O_CREAT | O_APPEND
					  : O_WRONLY | O_CREAT | O_TRUNC;
	int fd = open(path, flags, 0666);

	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fd != r->fd) {
		dup2(fd, r->fd);
		close(fd);
	}
	return 0;
}

/* Apply a command's redirections in order; with `saved`, remember what
 * they replaced (builtins run in the shell itself). */
static int apply_redirs(const struct command *c, struct saved_fd **saved,
			int *nsaved)
{
	for (int i = 0; i < c->nredirs; i++) {
		const struct redir *r = &c->redirs[i];
		char *target = expand_one(r->word);
		int err;

		save_fd(r->fd, saved, nsaved);
		if (r->type == R_DUPIN || r->type == R_DUPOUT)
			err = redirect_dup(r, target);
		else
			err = redirect_file(r, target);
		if (err < 0)
			return -1;
	}
	return 0;
}

/* ---- running programs --------------------------------------------------- */

/* execve, running a file without #! (ENOEXEC) as a shell script. */
static void try_exec(const char *path, char **argv, char **env)
{
	execve(path, argv, env);
	if (errno == ENOEXEC) {
		int argc = 0;
		char **nargv;

		while (argv[argc])
			argc++;
		nargv = aalloc((size_t)(argc + 2) * sizeof(char *));
		nargv[0] = "sh";
		nargv[1] = (char *)path;
		memcpy(nargv + 2, argv + 1, (size_t)argc * sizeof(char *));
		execve("/bin/sh", nargv, env);
		errno = ENOEXEC;
	}
}

#define DEFAULT_PATH "/bin:/sbin:/usr/bin:/usr/sbin"

/* Try argv[0] in each $PATH directory; the errno that tells most. */
static int exec_search(char **argv, char **env)
{
	const char *path = var_get("PATH");
	char *dirs = astrndup(path ? path : DEFAULT_PATH,
			      strlen(path ? path : DEFAULT_PATH));
	int err = ENOENT;

	for (char *d; (d = strsep(&dirs, ":"));) {
		struct strbuf b = { NULL, 0, 0 };

		sb_puts(&b, *d ? d : ".");
		sb_putc(&b, '/');
		sb_puts(&b, argv[0]);
		try_exec(b.s, argv, env);
		if (errno != ENOENT && errno != ENOTDIR)
			err = errno; /* found, but could not run it */
	}
	return err;
}

/* In a child: exec argv[0], searching $PATH unless it has a '/'. */
static void exec_command(char **argv, char **env)
{
	int has_slash = strchr(argv[0], '/') != NULL, err;

	if (has_slash) {
		try_exec(argv[0], argv, env);
		err = errno;
	} else {
		err = exec_search(argv, env);
	}
	if (err == ENOENT && !has_slash)
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
	else
		fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

/* Exit status of a wait() status, as $? shows it. */
static int status_code(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 128 + WSTOPSIG(st);
}

/* Like bash: say why a foreground job died, except for ^C and pipes. */
static void report_signal(int st)
{
	int sig;

	if (!WIFSIGNALED(st))
		return;
	sig = WTERMSIG(st);
	if (sig == SIGINT) {
		if (interactive)
			fputc('\n', stderr);
		return;
	}
	if (sig != SIGPIPE)
		fprintf(stderr, "%s%s\n", strsignal(sig),
			WCOREDUMP(st) ? " (core dumped)" : "");
}

/* ---- jobs --------------------------------------------------------------- */

/* The job slot holding process pid, or NULL. */
static struct job *job_of(pid_t pid, int *index)
{
	for (int i = 0; i < MAX_JOBS; i++)
		for (int k = 0; jobs[i].id && k < jobs[i].npids; k++)
			if (jobs[i].pids[k] == pid) {
				*index = k;
				return &jobs[i];
			}
	return NULL;
}

/* Record what waitpid said about one process of job j. */
static void job_update(struct job *j, int k, int st)
{
	if (WIFSTOPPED(st)) {
		j->stopped = 1;
		return;
	}
	if (j->pids[k] > 0) {
		j->pids[k] = -j->pids[k]; /* negative: exited */
		j->nalive--;
	}
	if (k == j->npids - 1)
		j->status = st;
}

static int is_alive(const struct job *j, int k)
{
	return j->pids[k] > 0;
}

/* Put a started job in the table; its id is the lowest free number. */
static struct job *job_add(const struct job *src, const char *text)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		int id = 1;
		if (jobs[i].id)
			continue;
		for (int k = 0; k < MAX_JOBS; k++)
			if (jobs[k].id >= id)
				id = jobs[k].id + 1;
		jobs[i] = *src;
		jobs[i].id = id;
		jobs[i].text = strdup(text);
		return &jobs[i];
	}
	fprintf(stderr, "sh: too many jobs\n");
	return NULL;
}

static void job_remove(struct job *j)
{
	free(j->text);
	memset(j, 0, sizeof(*j));
}

/* Collect exited children without blocking; report finished jobs. */
static void jobs_reap(int report)
{
	int st, k;
	pid_t pid;
	struct job *j;

	while ((pid = waitpid(-1, &st, WNOHANG | WUNTRACED)) > 0)
		if ((j = job_of(pid, &k)))
			job_update(j, k, st);
	for (int i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].id || jobs[i].nalive)
			continue;
		if (report)
			fprintf(stderr, "[%d]+  Done\t\t%s\n", jobs[i].id, jobs[i].text);
		job_remove(&jobs[i]);
	}
}

/* Wait for a foreground job until it ends or stops; its $? value. */
static int wait_job(struct job *j)
{
	for (int k = 0; k < j->npids && !j->stopped; k++) {
		int st;
		pid_t r;

		if (!is_alive(j, k))
			continue;
		r = waitpid(j->pids[k], &st, tty_fd >= 0 ? WUNTRACED : 0);
		if (r < 0 && errno == EINTR) {
			k--;
			continue;
		}
		if (r < 0)
			st = 0; /* already collected elsewhere */
		job_update(j, k, st);
	}
	return j->stopped ? 128 + SIGTSTP : status_code(j->status);
}

/* ---- job control: who owns the terminal ---------------------------------- */

static void give_terminal(pid_t pgid)
{
	if (tty_fd >= 0)
		tcsetpgrp(tty_fd, pgid);
}

/* Job control for an interactive shell, if the terminal supports it. */
static void setup_job_control(void)
{
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	tty_fd = fcntl(0, F_DUPFD_CLOEXEC, SAVED_FD_BASE);
	if (tty_fd < 0)
		return;
	if (getpgrp() != getpid())
		setpgid(0, 0); /* lead our own group (fails harmlessly if we lead a session) */
	shell_pgid = getpgrp();
	if (tcsetpgrp(tty_fd, shell_pgid) < 0) { /* ENOTTY, ENOSYS: no job control */
		close(tty_fd);
		tty_fd = -1;
	}
}

/* In a new child: its process group, the terminal, default signals. */
static void child_setup(pid_t pgid, int foreground)
{
	if (tty_fd >= 0) {
		setpgid(0, pgid);
		if (foreground)
			tcsetpgrp(tty_fd, getpgrp()); /* SIGTTOU still ignored here */
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGTTIN, SIG_DFL);
	signal(SIGTTOU, SIG_DFL);
	if (!foreground && tty_fd < 0) { /* POSIX: async lists ignore ^C */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
}

/* Wait for the foreground job, then take the terminal back. */
static int run_foreground(struct job *j, const char *text)
{
	int status;

	give_terminal(j->pgid);
	status = wait_job(j);
	give_terminal(shell_pgid);
	if (j->stopped) {
		struct job *added = job_add(j, text);
		if (added)
			fprintf(stderr, "\n[%d]+  Stopped\t\t%s\n", added->id, text);
		return status;
	}
	report_signal(j->status);
	return status;
}

/* ---- builtins ----------------------------------------------------------- */

static int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char cwd[4096];

	if (!dir || !*dir)
		dir = "/";
	if (!strcmp(dir, "-")) {
		dir = var_get("OLDPWD");
		if (!dir) {
			fprintf(stderr, "sh: cd: OLDPWD not set\n");
			return 1;
		}
		printf("%s\n", dir);
	}
	dir = astrndup(dir, strlen(dir)); /* OLDPWD may be replaced below */
	if (getcwd(cwd, sizeof(cwd)))
		var_set("OLDPWD", cwd, 0);
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(cwd, sizeof(cwd)))
		var_set("PWD", cwd, 0);
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	char cwd[4096];

	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}

static int bi_exit(int argc, char **argv)
{
	fflush(stdout);
	exit(argc > 1 ? atoi(argv[1]) & 255 : last_status);
}

static int bi_export(int argc, char **argv)
{
	if (argc == 1) {
		for (struct var *v = vars; v; v = v->next)
			if (v->exported)
				printf("export %s=\"%s\"\n", v->name, v->value);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		size_t n = assignment_name_len(argv[i]);

		if (n)
			var_set(astrndup(argv[i], n), argv[i] + n + 1, 1);
		else if (is_name(argv[i], strlen(argv[i])))
			var_set(argv[i], NULL, 1);
		else
			fprintf(stderr, "sh: export: `%s': not a valid identifier\n", argv[i]);
	}
	return 0;
}

static int bi_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

/* "%N" or a pid: the job it names (NULL: the most recent one). */
static struct job *find_job(const char *arg)
{
	struct job *best = NULL;
	int k;

	if (arg && arg[0] != '%')
		return job_of((pid_t)atoi(arg), &k);
	for (int i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].id)
			continue;
		if (arg ? jobs[i].id == atoi(arg + 1) : !best || jobs[i].id > best->id)
			best = &jobs[i];
	}
	return best;
}

/* wait [pid|%N]: all background jobs, or one; its exit status. */
static int bi_wait(int argc, char **argv)
{
	struct job *j;
	int status;

	if (argc < 2) {
		for (int i = 0; i < MAX_JOBS; i++)
			if (jobs[i].id && !jobs[i].stopped)
				wait_job(&jobs[i]);
		jobs_reap(0);
		return 0;
	}
	j = find_job(argv[1]);
	if (!j) {
		fprintf(stderr, "sh: wait: %s: no such job\n", argv[1]);
		return 127;
	}
	status = wait_job(j);
	if (!j->nalive)
		job_remove(j);
	return status;
}

static int bi_jobs(int argc, char **argv)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id)
			printf("[%d]  %s\t\t%s\n", jobs[i].id,
			       jobs[i].stopped ? "Stopped" : "Running", jobs[i].text);
	return 0;
}

/* fg/bg: continue a job (SIGCONT to its group), in front or behind. */
static int bi_fg_bg(int argc, char **argv)
{
	struct job *j = find_job(argc > 1 ? argv[1] : NULL);
	int foreground = argv[0][0] == 'f', status;

	if (!j) {
		fprintf(stderr, "sh: %s: no current job\n", argv[0]);
		return 1;
	}
	if (foreground)
		printf("%s\n", j->text);
	else
		printf("[%d]+ %s &\n", j->id, j->text);
	fflush(stdout);
	j->stopped = 0;
	if (foreground)
		give_terminal(j->pgid);
	kill(-j->pgid, SIGCONT);
	if (!foreground)
		return 0;
	status = wait_job(j);
	give_terminal(shell_pgid);
	if (j->stopped) {
		fprintf(stderr, "\n[%d]+  Stopped\t\t%s\n", j->id, j->text);
		return status;
	}
	report_signal(j->status);
	job_remove(j);
	return status;
}

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ "cd", bi_cd }, { "pwd", bi_pwd }, { "exit", bi_exit },
	{ "export", bi_export }, { "unset", bi_unset }, { "wait", bi_wait },
	{ "jobs", bi_jobs }, { "fg", bi_fg_bg }, { "bg", bi_fg_bg },
};

static const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

/* ---- simple commands and pipelines -------------------------------------- */

/* Leading NAME=value words; returns how many. */
static int count_assignments(char **argv, int argc)
{
	int n = 0;

	while (n < argc && assignment_name_len(argv[n]))
		n++;
	return n;
}

/*
 * A single foreground command that must run inside the shell: a builtin,
 * or assignments alone. Redirections apply for its duration only.
 * Returns 1 and sets *status if it ran here, 0 if it needs a child.
 */
static int run_in_shell(const struct command *c, int *status)
{
	struct saved_fd *saved = NULL;
	int nsaved = 0, argc, nassign;
	char **argv = expand_words(c->words, c->nwords, &argc);
	const struct builtin *b;

	nassign = count_assignments(argv, argc);
	b = nassign < argc ? find_builtin(argv[nassign]) : NULL;
	if (nassign < argc && !b)
		return 0;
	if (apply_redirs(c, &saved, &nsaved) < 0) {
		*status = 1;
	} else if (b) {
		*status = b->fn(argc - nassign, argv + nassign);
	} else {
		for (int i = 0; i < nassign; i++) {
			size_t n = assignment_name_len(argv[i]);
			var_set(astrndup(argv[i], n), argv[i] + n + 1, 0);
		}
		*status = 0;
	}
	fflush(stdout);
	restore_fds(saved, nsaved);
	return 1;
}

/* The child side of one pipeline element; never returns. */
static void run_child(const struct command *c, int in, const int pipefd[2],
		      pid_t pgid, int foreground)
{
	int argc, nassign;
	char **argv;
	const struct builtin *b;

	child_setup(pgid, foreground);
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	if (pipefd[1] >= 0) {
		dup2(pipefd[1], 1);
		close(pipefd[1]);
		close(pipefd[0]);
	}
	argv = expand_words(c->words, c->nwords, &argc);
	if (apply_redirs(c, NULL, NULL) < 0)
		_exit(1);
	nassign = count_assignments(argv, argc);
	if (nassign == argc)
		_exit(0);
	b = find_builtin(argv[nassign]);
	if (b) {
		int st = b->fn(argc - nassign, argv + nassign);
		fflush(stdout);
		_exit(st);
	}
	exec_command(argv + nassign, build_env(argv, nassign));
}

/* Fork one process per command, joined by pipes, in one process group. */
static int start_pipeline(const struct pipeline *p, struct job *j, int foreground)
{
	int in = -1;

	memset(j, 0, sizeof(*j));
	fflush(stdout); /* or the children would inherit and repeat it */
	for (int i = 0; i < p->ncmds && i < MAX_JOB_PIDS; i++) {
		int pipefd[2] = { -1, -1 };
		pid_t pid;

		if (i + 1 < p->ncmds && pipe(pipefd) < 0) {
			perror("sh: pipe");
			break;
		}
		pid = fork();
		if (pid == 0)
			run_child(&p->cmds[i], in, pipefd, j->pgid, foreground);
		if (pid < 0) {
			perror("sh: fork");
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		if (!j->pgid)
			j->pgid = pid;
		if (tty_fd >= 0)
			setpgid(pid, j->pgid); /* as the child does: no race */
		j->pids[j->npids++] = pid;
		j->nalive++;
		if (in >= 0)
			close(in);
		if (pipefd[1] >= 0)
			close(pipefd[1]);
		in = pipefd[0];
	}
	if (in >= 0)
		close(in);
	return j->npids ? 0 : -1;
}

static int run_pipeline(const struct pipeline *p, int background, const char *text)
{
	struct job j;
	int status;

	if (p->ncmds == 1 && !background && run_in_shell(&p->cmds[0], &status))
		return status;
	if (p->ncmds > MAX_JOB_PIDS) {
		fprintf(stderr, "sh: pipeline too long\n");
		return 1;
	}
	if (start_pipeline(p, &j, !background) < 0)
		return 1;
	if (!background)
		return run_foreground(&j, text);
	last_bg_pid = j.pids[j.npids - 1];
	if (job_add(&j, text) && interactive)
		fprintf(stderr, "[%d] %d\n", find_job(NULL)->id, (int)last_bg_pid);
	return 0;
}

static int run_and_or(const struct and_or *ao, const char *text)
{
	last_status = run_pipeline(&ao->pipes[0], 0, text);
	for (int i = 1; i < ao->npipes; i++)
		if ((ao->ops[i - 1] == T_AND) == (last_status == 0))
			last_status = run_pipeline(&ao->pipes[i], 0, text);
	return last_status;
}

/* "a && b &": the whole chain runs in a forked copy of the shell. */
static int run_background_chain(const struct and_or *ao, const char *text)
{
	struct job j;
	pid_t pid;

	if (ao->npipes == 1)
		return run_pipeline(&ao->pipes[0], 1, text);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("sh: fork");
		return 1;
	}
	if (pid == 0) {
		child_setup(0, 0);
		tty_fd = -1; /* no job control inside */
		interactive = 0;
		exit(run_and_or(ao, text));
	}
	if (tty_fd >= 0)
		setpgid(pid, pid);
	memset(&j, 0, sizeof(j));
	j.pgid = last_bg_pid = j.pids[0] = pid;
	j.npids = j.nalive = 1;
	if (job_add(&j, text) && interactive)
		fprintf(stderr, "[%d] %d\n", find_job(NULL)->id, (int)pid);
	return 0;
}

/* ---- the main loop ------------------------------------------------------ */

/* Lex, parse and run a complete text; LEX_MORE if it is incomplete. */
static int run_text(const char *text)
{
	struct token *toks;
	struct and_or *items;
	int ntoks, nitems;

	if (lex(text, &toks, &ntoks) == LEX_MORE)
		return LEX_MORE;
	if (parse(toks, &items, &nitems) < 0) {
		last_status = 2;
		return LEX_OK;
	}
	for (int i = 0; i < nitems; i++) {
		const struct and_or *ao = &items[i];
		char *t = astrndup(text + ao->start, (size_t)(ao->end - ao->start));

		if (ao->background)
			last_status = run_background_chain(ao, t);
		else
			run_and_or(ao, t);
	}
	return LEX_OK;
}

static void prompt(const char *fallback)
{
	const char *ps1 = var_get("PS1");

	if (fallback[0] == '>')
		fputs(fallback, stderr);
	else
		fputs(ps1 ? ps1 : geteuid() == 0 ? "# " : "$ ", stderr);
}

/* Join a continuation line: "\<newline>" vanishes, else a newline. */
static char *join_lines(char *a, char *b)
{
	size_t la = strlen(a);
	int drop = la > 0 && a[la - 1] == '\\';
	char *r = malloc(la + strlen(b) + 2);

	if (r) {
		memcpy(r, a, la - (size_t)drop);
		strcpy(r + la - drop, drop ? "" : "\n");
		strcat(r, b);
	}
	free(a);
	free(b);
	return r;
}

/* Read and run commands from fd until end of input. */
static void command_loop(int fd)
{
	for (;;) {
		char *line;

		jobs_reap(interactive);
		if (interactive)
			prompt("");
		line = read_line(fd);
		if (!line)
			break;
		while (line && run_text(line) == LEX_MORE) {
			char *more;

			if (interactive)
				prompt("> ");
			more = read_line(fd);
			if (!more) {
				fprintf(stderr, "sh: syntax error: unexpected end of file\n");
				last_status = 2;
				break;
			}
			line = join_lines(line, more);
		}
		free(line);
		arena_free();
	}
	if (interactive)
		fputs("exit\n", stderr);
}

int main(int argc, char **argv)
{
	int argi = 1, force_interactive = 0, fd = 0;

	shell_pid = getpid();
	import_environment(environ);
	arena_free(); /* names were copied by var_set */
	if (argi < argc && !strcmp(argv[argi], "-i"))
		force_interactive = 1, argi++;
	if (argi + 1 < argc && !strcmp(argv[argi], "-c")) {
		pos_args = argv + argi + 2; /* sh -c CMD [$0 [$1 ...]] */
		pos_count = argc - argi - 2;
		if (!pos_count)
			pos_args = argv, pos_count = 1;
		if (run_text(argv[argi + 1]) == LEX_MORE) {
			fprintf(stderr, "sh: syntax error: unexpected end of file\n");
			return 2;
		}
		return last_status;
	}
	pos_args = argv + (argi < argc ? argi : 0);
	pos_count = argc - (argi < argc ? argi : 0);
	if (argi < argc) {
		fd = open(argv[argi], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[argi], strerror(errno));
			return 127;
		}
	} else {
		interactive = force_interactive || isatty(0);
	}
	if (interactive)
		setup_job_control();
	command_loop(fd);
	return last_status;
}
