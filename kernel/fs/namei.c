/*
 * namei.c - from a path name to an inode, and the calls that add or remove
 * names (Linux: fs/namei.c).
 *
 * The walk (link_path_walk in Linux) takes one component at a time:
 *
 *   "/usr//bin/./sh/"   start at "/" (or cwd if relative), skip repeated
 *                       slashes; "." stays; ".." goes to i_parent, first
 *                       leaving a mounted root for its mountpoint; any other
 *                       name is looked up with the directory's ->lookup and,
 *                       if a file system is mounted there, replaced by the
 *                       mounted root (follow_mount).
 *
 * A symlink in the middle of a path is always followed; in the last
 * component only with LOOKUP_FOLLOW or a trailing slash. A walk follows at
 * most MAXSYMLINKS links in all (-ELOOP). A trailing slash, or
 * LOOKUP_DIRECTORY, demands that the result be a directory (-ENOTDIR).
 *
 * Creating and removing calls walk to the parent (path_parentat) and look
 * at the last component themselves. Errors as Linux: -ENOENT, -ENOTDIR,
 * -ENAMETOOLONG (a component > NAME_MAX or a path >= PATH_MAX), -ELOOP,
 * -EEXIST, -EISDIR, -ENOTEMPTY, -EBUSY (a mountpoint), -EPERM (the file
 * system cannot do it, e.g. mkdir in /proc).
 *
 * Process context. Every inode a function holds is referenced; each exit
 * path drops what it took. Recursion only for symlinks (depth <= 40).
 */
#include "kernel/errno.h"
#include "kernel/fs/internal.h"
#include "lib/string.h"

struct walk {
	struct inode *root; /* "/" for this walk, referenced */
	int links;	    /* symlinks followed so far */
};

static int path_check(const char *path)
{
	size_t len = strnlen(path, PATH_MAX);

	if (len == 0)
		return -ENOENT;
	return len >= PATH_MAX ? -ENAMETOOLONG : 0;
}

static int is_dot(const struct qstr *n)
{
	return n->len == 1 && n->name[0] == '.';
}

static int is_dotdot(const struct qstr *n)
{
	return n->len == 2 && n->name[0] == '.' && n->name[1] == '.';
}

/* Next component in [*p, end): skips slashes, fills name, moves *p after it. */
static int next_component(const char **p, const char *end, struct qstr *name)
{
	const char *s = *p;

	while (s < end && *s == '/')
		s++;
	name->name = s;
	while (s < end && *s != '/')
		s++;
	name->len = s - name->name;
	*p = s;
	return name->len != 0;
}

static int only_slashes(const char *p, const char *end)
{
	while (p < end && *p == '/')
		p++;
	return p == end;
}

/* Replace *cur (referenced) by next (referenced). */
static void step(struct inode **cur, struct inode *next)
{
	iput(*cur);
	*cur = next;
}

/* "..": leave mounted roots for their mountpoints, then go up one. */
static int step_dotdot(struct walk *w, struct inode **cur)
{
	struct vfsmount *mnt;

	while (*cur != w->root && (mnt = mnt_of_root(*cur)) &&
	       mnt->mnt_mountpoint)
		step(cur, ihold(mnt->mnt_mountpoint));
	if (*cur == w->root)
		return 0; /* "/.." is "/" */
	if (!(*cur)->i_parent)
		return -ENOENT; /* a removed directory */
	step(cur, follow_mount(ihold((*cur)->i_parent)));
	return 0;
}

/* Look `name` up in dir without following mounts or links. */
static int lookup_raw(struct inode *dir, const struct qstr *name,
		      struct inode **res)
{
	if (!S_ISDIR(dir->i_mode) || !dir->i_op || !dir->i_op->lookup)
		return -ENOTDIR;
	if (name->len > NAME_MAX)
		return -ENAMETOOLONG;
	return dir->i_op->lookup(dir, name, res);
}

static int walk_path(struct walk *w, const char *path, const char *end,
		     struct inode *cwd, unsigned int flags, struct inode **res);

/* Replace *link (referenced) by what it points to, read from dir. */
static int follow_link(struct walk *w, struct inode *dir, struct inode **link)
{
	const char *target;
	struct inode *to;
	int err;

	if (++w->links > MAXSYMLINKS)
		return -ELOOP;
	if (!(*link)->i_op || !(*link)->i_op->get_link)
		return -EINVAL;
	target = (*link)->i_op->get_link(*link);
	if (!target || !*target)
		return -ENOENT;
	err = walk_path(w, target, target + strlen(target), dir, LOOKUP_FOLLOW,
			&to);
	if (!err)
		step(link, to);
	return err;
}

/* One component: *cur becomes what `name` names inside it. */
static int walk_component(struct walk *w, struct inode **cur,
			  const struct qstr *name, int follow)
{
	struct inode *next;
	int err;

	if (!S_ISDIR((*cur)->i_mode))
		return -ENOTDIR;
	if (is_dot(name))
		return 0;
	if (is_dotdot(name))
		return step_dotdot(w, cur);
	err = lookup_raw(*cur, name, &next);
	if (err)
		return err;
	next = follow_mount(next);
	if (follow && S_ISLNK(next->i_mode))
		err = follow_link(w, *cur, &next);
	if (err)
		iput(next);
	else
		step(cur, next);
	return err;
}

static int walk_path(struct walk *w, const char *path, const char *end,
		     struct inode *cwd, unsigned int flags, struct inode **res)
{
	struct inode *cur = ihold(*path == '/' ? w->root : cwd);
	const char *p = path;
	struct qstr name;
	int err = 0;

	if (end > path && end[-1] == '/')
		flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
	while (!err && next_component(&p, end, &name)) {
		int last = only_slashes(p, end);

		err = walk_component(w, &cur, &name,
				     !last || (flags & LOOKUP_FOLLOW));
	}
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(cur->i_mode))
		err = -ENOTDIR;
	if (err) {
		iput(cur);
		return err;
	}
	*res = cur;
	return 0;
}

static int walk_begin(struct walk *w, const char *path)
{
	int err = path_check(path);

	if (err)
		return err;
	w->links = 0;
	w->root = get_root_inode();
	return w->root ? 0 : -ENOENT;
}

/*
 * Resolve `path` to a referenced inode in *res (iput it when done).
 * flags: LOOKUP_FOLLOW (follow a symlink in the last component, as stat and
 * open do), LOOKUP_DIRECTORY (it must be a directory, as chdir wants).
 */
int kern_path(const char *path, unsigned int flags, struct inode *cwd,
	      struct inode **res)
{
	struct walk w;
	int err = walk_begin(&w, path);

	if (err)
		return err;
	err = walk_path(&w, path, path + strlen(path), cwd ? cwd : w.root,
			flags, res);
	iput(w.root);
	return err;
}

/* The last component of path: where it starts and what kind it is. */
static void split_last(const char *path, struct nameidata *nd, size_t *dirlen)
{
	size_t end = strlen(path), start;

	nd->trailing_slash = path[end - 1] == '/';
	while (end > 0 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	nd->last.name = path + start;
	nd->last.len = end - start;
	*dirlen = start;
	if (end == 0)
		nd->last_type = LAST_ROOT;
	else if (is_dot(&nd->last))
		nd->last_type = LAST_DOT;
	else if (is_dotdot(&nd->last))
		nd->last_type = LAST_DOTDOT;
	else
		nd->last_type = LAST_NORM;
}

/*
 * Walk to the directory that holds the last component of `path`; nd->dir
 * gets a reference, nd->last points into path (Linux: filename_parentat).
 */
int path_parentat(const char *path, struct inode *cwd, struct nameidata *nd)
{
	struct walk w;
	size_t dirlen;
	int err = walk_begin(&w, path);

	if (err)
		return err;
	split_last(path, nd, &dirlen);
	if (nd->last.len > NAME_MAX)
		err = -ENAMETOOLONG;
	else if (dirlen == 0)
		nd->dir = ihold(cwd ? cwd : w.root);
	else
		err = walk_path(&w, path, path + dirlen, cwd ? cwd : w.root,
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &nd->dir);
	iput(w.root);
	return err;
}

/* The inode named by nd->last itself: no mount or symlink following. */
int lookup_last(struct nameidata *nd, struct inode **res)
{
	return lookup_raw(nd->dir, &nd->last, res);
}

/* For mkdir, mknod, symlink: the parent, and -EEXIST if the name is taken. */
static int create_prepare(const char *path, struct inode *cwd,
			  struct nameidata *nd)
{
	struct inode *old;
	int err = path_parentat(path, cwd, nd);

	if (err)
		return err;
	if (nd->last_type != LAST_NORM)
		err = -EEXIST;
	else if (!nd->dir->i_nlink)
		err = -ENOENT; /* the directory was removed */
	else if (!(err = lookup_last(nd, &old))) {
		iput(old);
		err = -EEXIST;
	} else if (err == -ENOENT) {
		err = 0;
	}
	if (err)
		iput(nd->dir);
	return err;
}

int vfs_mkdir(const char *path, umode_t mode, struct inode *cwd)
{
	struct nameidata nd;
	int err = create_prepare(path, cwd, &nd);

	if (err)
		return err;
	if (nd.dir->i_op->mkdir)
		err = nd.dir->i_op->mkdir(nd.dir, &nd.last,
					  S_IFDIR | (mode & S_IALLUGO));
	else
		err = -EPERM;
	iput(nd.dir);
	return err;
}

/* A device node, FIFO or socket name (mode carries the type). */
int vfs_mknod(const char *path, umode_t mode, dev_t dev, struct inode *cwd)
{
	struct nameidata nd;
	int err = create_prepare(path, cwd, &nd);

	if (err)
		return err;
	if (nd.trailing_slash || S_ISDIR(mode) || S_ISLNK(mode))
		err = nd.trailing_slash ? -ENOENT : -EINVAL;
	else if (!nd.dir->i_op->mknod)
		err = -EPERM;
	else
		err = nd.dir->i_op->mknod(nd.dir, &nd.last, mode, dev);
	iput(nd.dir);
	return err;
}

int vfs_symlink(const char *target, const char *path, struct inode *cwd)
{
	struct nameidata nd;
	int err = path_check(target);

	if (!err)
		err = create_prepare(path, cwd, &nd);
	if (err)
		return err;
	if (nd.trailing_slash)
		err = -ENOENT;
	else if (!nd.dir->i_op->symlink)
		err = -EPERM;
	else
		err = nd.dir->i_op->symlink(nd.dir, &nd.last, target);
	iput(nd.dir);
	return err;
}

/*
 * For unlink and rmdir: nd->dir and the victim, both referenced. A path
 * ending in "/", "." or ".." fails with special[nd->last_type].
 */
static int remove_prepare(const char *path, struct inode *cwd,
			  struct nameidata *nd, struct inode **victim,
			  const int *special)
{
	int err = path_parentat(path, cwd, nd);

	if (err)
		return err;
	if (nd->last_type == LAST_NORM)
		err = lookup_last(nd, victim);
	else
		err = special[nd->last_type];
	if (err)
		iput(nd->dir);
	return err;
}

static void remove_finish(struct nameidata *nd, struct inode *victim)
{
	iput(victim);
	iput(nd->dir);
}

static const int unlink_special[] = {
	[LAST_ROOT] = -EISDIR,
	[LAST_DOT] = -EISDIR,
	[LAST_DOTDOT] = -EISDIR,
};
static const int rmdir_special[] = {
	[LAST_ROOT] = -EBUSY,
	[LAST_DOT] = -EINVAL,
	[LAST_DOTDOT] = -ENOTEMPTY,
};

int vfs_unlink(const char *path, struct inode *cwd)
{
	struct nameidata nd;
	struct inode *victim;
	int err = remove_prepare(path, cwd, &nd, &victim, unlink_special);

	if (err)
		return err;
	if (S_ISDIR(victim->i_mode))
		err = -EISDIR;
	else if (nd.trailing_slash)
		err = -ENOTDIR;
	else if (!nd.dir->i_op->unlink)
		err = -EPERM;
	else
		err = nd.dir->i_op->unlink(nd.dir, &nd.last, victim);
	remove_finish(&nd, victim);
	return err;
}

int vfs_rmdir(const char *path, struct inode *cwd)
{
	struct nameidata nd;
	struct inode *victim;
	int err = remove_prepare(path, cwd, &nd, &victim, rmdir_special);

	if (err)
		return err;
	if (!S_ISDIR(victim->i_mode))
		err = -ENOTDIR;
	else if (lookup_mnt(victim))
		err = -EBUSY;
	else if (!nd.dir->i_op->rmdir)
		err = -EPERM;
	else
		err = nd.dir->i_op->rmdir(nd.dir, &nd.last, victim);
	remove_finish(&nd, victim);
	return err;
}

/* readlink(2): the target, not NUL-terminated, cut at buflen. */
int vfs_readlink(const char *path, struct inode *cwd, char *buf, int buflen)
{
	struct inode *inode;
	const char *target;
	int err = kern_path(path, 0, cwd, &inode);
	int len;

	if (err)
		return err;
	target = S_ISLNK(inode->i_mode) && inode->i_op->get_link ?
			 inode->i_op->get_link(inode) :
			 NULL;
	len = target ? (int)strlen(target) : -EINVAL;
	if (len > buflen)
		len = buflen;
	if (len > 0)
		memcpy(buf, target, len);
	iput(inode);
	return len;
}
