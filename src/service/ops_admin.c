/* ops_admin — accountability through the service (hr): the audit trail (pages of it, its
 * verification, a console's own lines), the retention purge, backups in the service's own
 * directory and the safe swap of a restore, and a person's data for an access request. */
#include "autoconfig.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/jobs.h"
#include "service/records.h"
#include "store/lib.h"

/* A page of the audit trail: small enough that a reply stays far below WIRE_FRAME_MAX
 * (a line is at most a few KiB), large enough that a long trail takes few requests. */
#define AUDIT_PAGE_LINES 2000
#define AUDIT_PAGE_BYTES (4u << 20)
#define AUDIT_TEXT_MAX 1024
#define BACKUP_LIST_MAX 10000
#define BACKUP_TRIES 20        /* names tried when the service picks one */

/* ------------------------------------------------------------------ the audit trail */

/* A page of lines copied out of the store's walk: the scalars of record 0 (done, last id)
 * are known only at its end, and record 0 comes first in a reply. */
struct page {
	struct audit_line *lines;
	char **bufs;
	size_t n, lines_cap, bufs_cap, bytes;
	bool full, failed;
};

static char *copy_into(char *p, const char *s, const char **field)
{
	size_t n = strlen(s ? s : "") + 1;
	memcpy(p, s ? s : "", n);
	*field = p;
	return p + n;
}

static int take_line(const struct audit_line *l, void *arg)
{
	struct page *p = arg;
	if (p->n >= AUDIT_PAGE_LINES || p->bytes >= AUDIT_PAGE_BYTES) {
		p->full = true;
		return 1;
	}
	const char *f[] = {l->at, l->actor, l->terminal, l->action, l->object, l->result,
			   l->detail};
	size_t len = 0;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		len += strlen(f[i] ? f[i] : "") + 1;
	if (!grow_array(&p->lines, &p->lines_cap, p->n + 1, sizeof *p->lines, 64) ||
	    !grow_array(&p->bufs, &p->bufs_cap, p->n + 1, sizeof *p->bufs, 64)) {
		p->failed = true;
		return 1;
	}
	char *buf = malloc(len);
	if (!buf) {
		p->failed = true;
		return 1;
	}
	struct audit_line *c = &p->lines[p->n];
	memset(c, 0, sizeof *c);
	c->id = l->id;
	char *w = copy_into(buf, l->at, &c->at);
	w = copy_into(w, l->actor, &c->actor);
	w = copy_into(w, l->terminal, &c->terminal);
	w = copy_into(w, l->action, &c->action);
	w = copy_into(w, l->object, &c->object);
	w = copy_into(w, l->result, &c->result);
	(void)copy_into(w, l->detail, &c->detail);
	p->bufs[p->n++] = buf;
	p->bytes += len;
	return 0;
}

static void page_free(struct page *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->bufs[i]);
	free(p->bufs);
	free(p->lines);
}

/* "since=... actor=..." of the filter given, for the audit line of the look itself. */
static void filter_text(const struct audit_filter *f, char *out, size_t outsz)
{
	const char *name[] = {"since", "actor", "action", "object"};
	const char *value[] = {f->since, f->actor, f->action, f->object};
	size_t len = 0;
	*out = '\0';
	for (size_t i = 0; i < sizeof name / sizeof *name; i++) {
		if (!value[i] || !*value[i] || len >= outsz)
			continue;
		int n = snprintf(out + len, outsz - len, "%s%s=%s", len ? " " : "", name[i],
				 value[i]);
		if (n > 0)
			len += (size_t)n;
	}
	if (f->after_id > 0 && len < outsz)
		(void)snprintf(out + len, outsz - len, "%safter=%lld", len ? " " : "",
			       (long long)f->after_id);
}

static enum store_status audit_list(struct svc_call *c)
{
	struct audit_filter f = {0};
	const char *since = NULL;
	enum store_status r;
	if ((r = svc_text(c, F_SINCE, _("since"), DATES_UTC_LEN - 1, false, &since)) != STORE_OK ||
	    (r = svc_text(c, F_ACTOR, _("actor"), AUDIT_TEXT_MAX, false, &f.actor)) != STORE_OK ||
	    (r = svc_text(c, F_ACTION, _("action"), AUDIT_TEXT_MAX, false, &f.action)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_OBJECT, _("object"), AUDIT_TEXT_MAX, false, &f.object)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_AFTER_ID, _("after"), 0, INT64_MAX, false, &f.after_id)) != STORE_OK)
		return r;
	time_t t;
	if (since && *since && dates_parse_utc(since, &t) != 0)
		return svc_fail(c, STORE_INVALID, _("since: \"%s\" is not a UTC instant"), since);
	f.since = since;
	struct page p = {0};
	r = store_audit_each(c->st, &f, take_line, &p);
	if (r == STORE_OK && p.failed)
		r = svc_fail(c, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (r != STORE_OK)
		r = svc_store_failed(c, r);
	if (r == STORE_OK) {
		wire_put_bool(c->reply, F_DONE, !p.full);
		wire_put_int(c->reply, F_LAST_ID, p.n ? p.lines[p.n - 1].id : f.after_id);
		svc_put_records(c, records_audit_line, records_audit_line_n,
				p.lines, sizeof *p.lines, p.n);
		/* The look itself is a line: who read which part of the trail. */
		char count[32], detail[sizeof c->detail];
		snprintf(count, sizeof count, "%zu", p.n);
		filter_text(&f, detail, sizeof detail);
		svc_audit_set(c, "audit", count, detail);
	}
	page_free(&p);
	return r;
}

static bool is_hex_hash(const char *s)
{
	if (strlen(s) != SHA256_HEX_LEN - 1)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

/* The verification as a job (jobs.h): on balied's worker, as PRAGMA integrity_check reads
 * every page and index (4 s at 300 000 bans) and the desks must not wait for it. */
struct verify_job {
	struct service *svc;
	int64_t head_id;
	char head_hash[SHA256_HEX_LEN];
	bool whole;
	char why[256];
	struct audit_verify v;
};

static enum store_status verify_work(struct svc_job *job, struct store *st)
{
	struct verify_job *j = svc_job_data(job);
	/* The pages first (PRAGMA integrity_check): a chain read from a damaged file proves
	 * nothing. A whole file clears a damage mark an I/O error may have left. */
	enum store_status r = store_integrity_check(st, &j->whole, j->why, sizeof j->why);
	if (r != STORE_OK || !j->whole)
		return r;
	return store_audit_verify_head(st, j->head_id, j->head_id ? j->head_hash : NULL, &j->v);
}

/* On the loop: the service's own connection takes the verdict over (damage found makes it
 * refuse writes, a whole file clears a mark), then the answer and its audit line. */
static enum store_status verify_answer(struct svc_job *job, struct wire_out *reply)
{
	struct verify_job *j = svc_job_data(job);
	struct store *st = service_store(j->svc);
	if (!st)
		return svc_job_fail(job, STORE_ERROR, svc_degraded(j->svc));
	store_check_adopt(st, j->whole, true, j->why);
	if (!j->whole && store_writable_check(st) != STORE_OK)
		return svc_job_fail(job, STORE_ERROR, store_error(st));
	struct audit_verify *v = &j->v;
	wire_put_record(reply, records_audit_verify, records_audit_verify_n, v);
	char detail[128];
	if (v->first_bad)
		snprintf(detail, sizeof detail, "broken at line %lld", (long long)v->first_bad);
	else
		snprintf(detail, sizeof detail, "%zu lines, head %lld%s", v->lines,
			 (long long)v->head_id, v->noted_checked ? ", noted head fits" : "");
	svc_job_audit_set(job, "audit", v->first_bad ? "broken" : "intact", detail);
	return STORE_OK;
}

/* The request's noted head, checked as before the work. */
static enum store_status verify_fields(struct svc_call *c, void *data)
{
	struct verify_job *j = data;
	const char *head_hash = NULL;
	enum store_status r;
	if ((r = svc_int(c, F_HEAD_ID, _("noted line"), 1, INT64_MAX, false, &j->head_id)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_HEAD_HASH, _("noted hash"), SHA256_HEX_LEN - 1, j->head_id > 0,
			  &head_hash)) != STORE_OK)
		return r;
	if (head_hash && !j->head_id)
		return svc_fail(c, STORE_INVALID, "%s", _("noted hash: given without the line"));
	if (head_hash && !is_hex_hash(head_hash))
		return svc_fail(c, STORE_INVALID, _("noted hash: \"%s\" is not a SHA-256 hash (64 "
						    "hex digits)"), head_hash);
	if (head_hash)
		memcpy(j->head_hash, head_hash, SHA256_HEX_LEN); /* checked: 64 digits */
	j->svc = c->svc;
	return STORE_OK;
}

static enum store_status audit_verify(struct svc_call *c)
{
	return svc_job_request(c, N_("verification"), false, 0, verify_work, verify_answer,
			       sizeof(struct verify_job), verify_fields);
}

/* The actions a console records itself, while it still reads through the store: a
 * client names one of these, never an action of its own choosing. */
static const char *const note_actions[] = {"visitor.check", "ban.open", "denied", NULL};

static enum store_status audit_note(struct svc_call *c)
{
	const char *action = NULL, *object = "", *result = "", *detail = "";
	enum store_status r;
	if ((r = svc_text(c, F_ACTION, _("action"), 64, true, &action)) != STORE_OK ||
	    (r = svc_text(c, F_OBJECT, _("object"), AUDIT_TEXT_MAX, false, &object)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_RESULT, _("result"), 64, false, &result)) != STORE_OK ||
	    (r = svc_text(c, F_DETAIL, _("detail"), AUDIT_TEXT_MAX, false, &detail)) != STORE_OK)
		return r;
	size_t i = 0;
	while (note_actions[i] && strcmp(note_actions[i], action) != 0)
		i++;
	if (!note_actions[i])
		return svc_fail(c, STORE_INVALID, _("action: \"%s\" is not one a console records "
						    "(visitor.check, ban.open, denied)"), action);
	return svc_stored(c, store_audit(c->st, note_actions[i], object, result, detail));
}

static enum store_status audit_recent(struct svc_call *c)
{
	int64_t limit = 0;
	enum store_status r = svc_int(c, F_LIMIT, _("limit"), 1, 1000, true, &limit);
	if (r != STORE_OK)
		return r;
	struct audit_entry *e = NULL;
	size_t n = 0;
	r = store_audit_list(c->st, (size_t)limit, &e, &n);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	for (size_t i = 0; i < n; i++) {
		/* What changed, never who did it or to whom: any role may ask this. */
		e[i].actor[0] = e[i].terminal[0] = e[i].object[0] = '\0';
		e[i].result[0] = e[i].detail[0] = '\0';
		svc_put_record(c, records_audit_entry, records_audit_entry_n, &e[i]);
	}
	free(e);
	return STORE_OK;
}

/* ------------------------------------------------------------------ purge */

/* The purge as a job (jobs.h): on balied's worker, as removing a large register's lapsed
 * bans takes minutes (227 s for 700 000); alarms meanwhile go to the alarm journal. */
struct purge_job {
	struct purge_policy pp;
	char today[DATES_DATE_LEN];
	bool dry_run;
	struct purge_report rep;
};

static enum store_status purge_work(struct svc_job *job, struct store *st)
{
	struct purge_job *p = svc_job_data(job);
	return store_purge(st, &p->pp, p->today, p->dry_run, &p->rep);
}

static enum store_status purge_answer(struct svc_job *job, struct wire_out *reply)
{
	struct purge_job *p = svc_job_data(job);
	wire_put_record(reply, records_purge_report, records_purge_report_n, &p->rep);
	return STORE_OK;
}

/* The request says only whether it is a dry run. */
static enum store_status purge_fields(struct svc_call *c, void *data)
{
	struct purge_job *p = data;
	return svc_bool(c, F_DRY_RUN, _("dry run"), &p->dry_run);
}

static enum store_status purge(struct svc_call *c)
{
	enum store_status r;
	struct purge_job *p = svc_job_data_new(c, sizeof *p, purge_fields, &r);
	if (!p)
		return r;
	/* The service's own configuration and clock decide: never the client's. */
	purge_policy_of_config(c->cfg, &p->pp);
	dates_local_date(clock_now(), p->today);
	return svc_job_start(c, N_("purge"), !p->dry_run, p->dry_run ? 0 : CHANGE_ALL,
			     purge_work, purge_answer, p, free);
}

/* ------------------------------------------------------------------ backups */

/* The service's backup directory: "backups" beside the database, made 0700 when missing.
 * Anything else there (a symbolic link, a directory of another account or open to
 * others) is refused rather than used. */
static enum store_status backup_dir(struct svc_call *c, char *out, size_t outsz)
{
	char *copy = strdup(store_path(c->st));
	if (!copy)
		return svc_fail(c, STORE_ERROR, "%s", strerror(ENOMEM));
	int n = snprintf(out, outsz, "%s/backups", dirname(copy));
	free(copy);
	if (n < 0 || (size_t)n >= outsz)
		return svc_fail(c, STORE_ERROR, "%s", strerror(ENAMETOOLONG));
	if (mkdir(out, 0700) != 0 && errno != EEXIST)
		return svc_fail(c, STORE_ERROR, "%s: %s", out, strerror(errno));
	struct stat sb;
	if (lstat(out, &sb) != 0)
		return svc_fail(c, STORE_ERROR, "%s: %s", out, strerror(errno));
	if (!S_ISDIR(sb.st_mode) || sb.st_uid != geteuid() || (sb.st_mode & 022))
		return svc_fail(c, STORE_ERROR, _("%s: refused: the backup directory must be a "
						  "directory of the service's own account that "
						  "nobody else may write"), out);
	return STORE_OK;
}

/* What a backup or restore request names: *path set to a file in the backup directory
 * (from F_NAME) or, in direct mode only, to the file F_PATH names. name_out gets the
 * name (or the path) for the reply. *named is false when neither was given. */
static enum store_status backup_target(struct svc_call *c, char *path, size_t pathsz,
				       bool *named)
{
	const char *name = NULL, *file = NULL;
	enum store_status r;
	if ((r = svc_text(c, F_NAME, _("backup name"), 1024, false, &name)) != STORE_OK ||
	    (r = svc_text(c, F_PATH, _("file"), PATH_MAX - 1, false, &file)) != STORE_OK)
		return r;
	*named = name || file;
	if (name && file)
		return svc_fail(c, STORE_INVALID, "%s", _("give a backup's name or a file, not "
							  "both"));
	if (file) {
		/* A path is the operator's own business only on a file of their own. */
		if (!c->sess->direct)
			return svc_fail(c, STORE_DENIED,
					_("%s: refused: the service keeps backups in its own "
					  "directory and opens no file a client names; give a "
					  "backup's name (see 'balie backup --list')"), file);
		snprintf(path, pathsz, "%s", file);
		return STORE_OK;
	}
	char dir[PATH_MAX];
	if ((r = backup_dir(c, dir, sizeof dir)) != STORE_OK)
		return r;
	if (!name) {
		*path = '\0';
		snprintf(path, pathsz, "%s", dir);
		return STORE_OK;
	}
	enum backups_name_problem p = backups_name_check(name);
	if (p != BACKUPS_NAME_OK)
		return svc_fail(c, STORE_INVALID, "\"%s\": %s", name, backups_name_message(p));
	if ((size_t)snprintf(path, pathsz, "%s/%s", dir, name) >= pathsz)
		return svc_fail(c, STORE_ERROR, "%s", strerror(ENAMETOOLONG));
	return STORE_OK;
}

/* A backup as a job (jobs.h): on balied's worker from one snapshot, so the desks go on
 * writing meanwhile; in direct mode at once, in steps as before. */
struct backup_job {
	char path[PATH_MAX + BACKUPS_NAME_MAX + 2]; /* the file, or the directory (!named) */
	bool named, force, in_dir;
	time_t now;
	char written[PATH_MAX + BACKUPS_NAME_MAX + 2]; /* the name (or path) for the reply */
};

static enum store_status backup_work(struct svc_job *job, struct store *st)
{
	struct backup_job *b = svc_job_data(job);
	enum store_status (*copy)(struct store *, const char *, bool) =
		svc_job_on_worker(job) ? store_backup_snapshot : store_backup;
	enum store_status r;
	if (b->named) {
		if ((r = copy(st, b->path, b->force)) != STORE_OK)
			return r;
		const char *slash = strrchr(b->path, '/');
		snprintf(b->written, sizeof b->written, "%s",
			 b->in_dir && slash ? slash + 1 : b->path);
		return STORE_OK;
	}
	/* A name of the service's choosing: the time, and a number when that is taken. */
	char path[sizeof b->path + BACKUPS_NAME_MAX + 2], name[BACKUPS_NAME_MAX + 1];
	r = STORE_ERROR;
	for (unsigned n = 1; n <= BACKUP_TRIES; n++) {
		backups_default_name("balie", b->now, n, name);
		snprintf(path, sizeof path, "%s/%s", b->path, name);
		r = copy(st, path, false);
		if (r == STORE_OK) {
			snprintf(b->written, sizeof b->written, "%s", name);
			return STORE_OK;
		}
		if (r != STORE_CONFLICT)
			break;
	}
	return r;
}

static enum store_status backup_answer(struct svc_job *job, struct wire_out *reply)
{
	struct backup_job *b = svc_job_data(job);
	wire_put_text(reply, !b->named || b->in_dir ? F_NAME : F_PATH, b->written);
	return STORE_OK;
}

/* The request's target (backup_target) and whether an existing file may be replaced. */
static enum store_status backup_fields(struct svc_call *c, void *data)
{
	struct backup_job *b = data;
	enum store_status r;
	if ((r = svc_bool(c, F_FORCE, _("force"), &b->force)) != STORE_OK ||
	    (r = backup_target(c, b->path, sizeof b->path, &b->named)) != STORE_OK)
		return r;
	if (!b->named && strlen(b->path) >= PATH_MAX)
		return svc_fail(c, STORE_ERROR, "%s", strerror(ENAMETOOLONG));
	b->in_dir = wire_find(c->req, 0, F_NAME) != NULL;
	b->now = clock_now();
	return STORE_OK;
}

static enum store_status backup(struct svc_call *c)
{
	return svc_job_request(c, N_("backup"), false, 0, backup_work, backup_answer,
			       sizeof(struct backup_job), backup_fields);
}

static int by_time(const void *a, const void *b)
{
	const struct backup_file *x = a, *y = b;
	if (x->modified != y->modified)
		return x->modified < y->modified ? -1 : 1;
	return strcmp(x->name, y->name);
}

static enum store_status backup_list(struct svc_call *c)
{
	char dir[PATH_MAX];
	enum store_status r = backup_dir(c, dir, sizeof dir);
	if (r != STORE_OK)
		return r;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (!d) {
		r = svc_fail(c, STORE_ERROR, "%s: %s", dir, strerror(errno));
		if (dfd >= 0)
			(void)close(dfd);
		return r;
	}
	struct backup_file *files = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	errno = 0;
	while (r == STORE_OK && n < BACKUP_LIST_MAX && (e = readdir(d))) {
		struct stat sb;
		/* Only what a restore would take: a plain file with a backup's name. */
		if (backups_name_check(e->d_name) != BACKUPS_NAME_OK ||
		    fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode))
			continue;
		if (!grow_array(&files, &cap, n + 1, sizeof *files, 16)) {
			r = svc_fail(c, STORE_ERROR, "%s", strerror(ENOMEM));
			break;
		}
		struct backup_file *f = &files[n++];
		memset(f, 0, sizeof *f);
		memcpy(f->name, e->d_name, strlen(e->d_name) + 1); /* checked: fits */
		f->size = (int64_t)sb.st_size;
		f->modified = sb.st_mtime;
	}
	(void)closedir(d); /* closes dfd */
	if (r == STORE_OK) {
		if (n > 1)
			qsort(files, n, sizeof *files, by_time);
		svc_put_records(c, records_backup_file, records_backup_file_n,
				files, sizeof *files, n);
	}
	free(files);
	return r;
}

static enum store_status restore(struct svc_call *c)
{
	/* One long task at a time (jobs.h). */
	if (svc_job_none_running(c) != STORE_OK)
		return STORE_BUSY;
	bool named = false;
	char path[PATH_MAX + BACKUPS_NAME_MAX + 2];
	enum store_status r = backup_target(c, path, sizeof path, &named);
	if (r != STORE_OK)
		return r;
	if (!named)
		return svc_fail(c, STORE_INVALID, "%s", _("restore: which backup? (see 'balie "
							  "backup --list')"));
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return svc_fail(c, STORE_NOT_FOUND, "%s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return svc_fail(c, STORE_INVALID, _("%s: not a regular file; nothing restored"),
				path);
	if (c->sess->direct) {
		/* Other consoles may have the file open: SQLite's own locking replaces its
		 * pages in one transaction under them. */
		return svc_stored(c, store_restore(c->st, path));
	}
	/* The service alone has the database: swap it for a checked copy, keeping the one
	 * it replaces as a backup of its own. */
	char dir[PATH_MAX], keep[PATH_MAX + BACKUPS_NAME_MAX + 2], name[BACKUPS_NAME_MAX + 1];
	if ((r = backup_dir(c, dir, sizeof dir)) != STORE_OK)
		return r;
	time_t now = clock_now();
	unsigned n = 1;
	for (; n <= BACKUP_TRIES; n++) {
		backups_default_name("before-restore", now, n, name);
		snprintf(keep, sizeof keep, "%s/%s", dir, name);
		if (lstat(keep, &sb) != 0 && errno == ENOENT)
			break;
	}
	if (n > BACKUP_TRIES)
		return svc_fail(c, STORE_CONFLICT, _("%s: no free name for the copy to keep"), dir);
	r = store_restore_swap(c->st, path, keep);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	wire_put_text(c->reply, F_KEPT, name);
	return STORE_OK;
}

/* ------------------------------------------------------------------ person export */

static enum store_status person_of_ban(struct svc_call *c)
{
	int64_t ban = 0, person = 0;
	enum store_status r = svc_id(c, F_BAN_ID, _("ban id"), &ban);
	if (r != STORE_OK)
		return r;
	r = store_person_of_ban(c->st, ban, &person);
	return svc_reply_int(c, r, F_ID, person);
}

struct export_state {
	struct svc_call *c;
	size_t records;
};

static int put_record(const char *section, int ncols, const char *const *names,
		      const char *const *values, void *arg)
{
	struct export_state *e = arg;
	struct wire_out *w = e->c->reply;
	wire_put_rec(w);
	wire_put_text(w, 1, section);
	wire_put_int(w, 2, ncols);
	for (int i = 0; i < ncols; i++) {
		wire_put_text(w, (uint16_t)(3 + 2 * i), names[i]);
		wire_put_text(w, (uint16_t)(4 + 2 * i), values[i]);
	}
	e->records++;
	return w->failed ? 1 : 0;
}

static enum store_status person_export(struct svc_call *c)
{
	struct export_state e = {.c = c};
	enum store_status r = store_person_export(c->st, c->id, put_record, &e);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	char count[32];
	snprintf(count, sizeof count, "%zu", e.records);
	svc_audit_record(c, "person", c->id, "ok", count);
	return STORE_OK;
}

const struct svc_op_def svc_ops_admin[] = {
	{OP_AUDIT_LIST, "audit.list", PERM_ADMIN, SVC_AUDIT_VIEW, 0, NULL, audit_list},
	{OP_AUDIT_VERIFY, "audit.verify", PERM_ADMIN, SVC_AUDIT_VIEW, 0, NULL, audit_verify},
	{OP_AUDIT_NOTE, "audit.note", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, 0, NULL, audit_note},
	{OP_AUDIT_RECENT, "audit.recent", PERM_CHECK_VISITOR, SVC_AUDIT_NONE, 0, NULL,
	 audit_recent},
	{OP_PURGE, "retention.purge", PERM_ADMIN, SVC_AUDIT_STORE, 0, NULL, purge},
	{OP_BACKUP, "database.backup", PERM_ADMIN, SVC_AUDIT_STORE, 0, NULL, backup},
	{OP_BACKUP_LIST, "database.backups", PERM_ADMIN, SVC_AUDIT_NONE, 0, NULL, backup_list},
	{OP_RESTORE, "database.restore", PERM_ADMIN, SVC_AUDIT_STORE, CHANGE_ALL, NULL, restore},
	{OP_PERSON_OF_BAN, "person.of_ban", PERM_ADMIN, SVC_AUDIT_NONE, 0, NULL, person_of_ban},
	{OP_PERSON_EXPORT, "person.export", PERM_ADMIN, SVC_AUDIT_VIEW, 0, N_("person id"),
	 person_export},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
