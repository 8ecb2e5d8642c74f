/* journal — the alarm journal next to the database: one line per alarm, appended under an
 * flock and fsync'ed, each line with its own checksum, merged into the table idempotently. */
/* fallocate(2) with FALLOC_FL_KEEP_SIZE is Linux's: */
#define _GNU_SOURCE
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/internal.h"
#include "store/journal.h"

/* A line: "A1", uid, raised_at, kind, actor, terminal, location, check; tab-separated,
 * fields escaped (\\ \t \n \r), check = the first 16 hex digits of SHA-256 over the line
 * up to its last tab. A line that does not check out was cut short by a crash before it
 * was synced, so it was never acknowledged. */
#define RECORD_TAG "A1"
#define FIELDS 8
#define CHECK_LEN 16
#define OPEN_TRIES 8
/* Disk space kept allocated for the journal (fallocate, beyond its end), so that alarms
 * can still be appended when the disk is full: about 500 alarms. */
#define RESERVE_BYTES (64 * 1024)

static const char *const kind_db[ALARM_KIND_COUNT] = {"panic", "robbery", "test", "fire"};

static void journal_path(const char *db_path, char *out, size_t outsz)
{
	store_side_path(db_path, STORE_JOURNAL_SUFFIX, out, outsz);
}

/* Append s escaped to buf (with room for it: 2 bytes per input byte). */
static char *put_escaped(char *p, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		default: *p++ = *s; break;
		}
	}
	*p = '\0';
	return p;
}

/* Undo put_escaped in place; -1 on a bad escape. */
static int unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		switch (*++r) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default: return -1;
		}
	}
	*w = '\0';
	return 0;
}

static void line_check(const char *text, size_t len, char out[CHECK_LEN + 1])
{
	struct sha256 c;
	char hex[SHA256_HEX_LEN];
	sha256_init(&c);
	sha256_update(&c, text, len);
	sha256_final_hex(&c, hex);
	memcpy(out, hex, CHECK_LEN);
	out[CHECK_LEN] = '\0';
}

static void new_uid(char uid[ALARM_UID_LEN])
{
	unsigned char r[8];
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		/* No entropy yet (early boot): time, process and address still separate records. */
		struct timespec ts = {0, 0};
		(void)clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long v = ((unsigned long long)ts.tv_sec << 30) ^
				       (unsigned long long)ts.tv_nsec ^
				       ((unsigned long long)getpid() << 44) ^ (uintptr_t)uid;
		memcpy(r, &v, sizeof r);
	}
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(uid + 2 * i, 3, "%02x", r[i]);
}

/* The record line for one alarm (malloc'd), or NULL on out-of-memory. */
static char *record_line(const char *uid, const char *at, enum alarm_kind kind,
			 const char *actor, const char *terminal, const char *location)
{
	const char *f[] = {RECORD_TAG, uid, at, kind_db[kind], actor, terminal, location};
	size_t cap = CHECK_LEN + 4;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		cap += 2 * strlen(f[i] ? f[i] : "") + 1;
	char *line = malloc(cap);
	if (!line)
		return NULL;
	char *p = line;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		p = put_escaped(p, f[i]);
		*p++ = '\t';
	}
	line_check(line, (size_t)(p - line - 1), p);
	p += CHECK_LEN;
	*p++ = '\n';
	*p = '\0';
	return line;
}

/* Write all of buf at the end of fd; -1 with errno. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* fsync the directory holding path, so a new file's name survives a power cut. */
static int sync_dir(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return -1;
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(copy);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int saved = errno;
	if (close(fd) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

/* Keep RESERVE_BYTES allocated beyond the end of the journal open as fd. Not every file
 * system can (then a full disk also stops the journal, and alarm raise says so). */
static void reserve(int fd)
{
	struct stat sb;
	if (fstat(fd, &sb) == 0 && (off_t)sb.st_blocks * 512 < sb.st_size + RESERVE_BYTES / 2)
		(void)fallocate(fd, FALLOC_FL_KEEP_SIZE, sb.st_size, RESERVE_BYTES);
}

/* Open the journal for appending, creating it with the database's mode; the fd is locked
 * (LOCK_EX) and still linked. -1 with errno. */
static int open_locked(const char *p, mode_t mode, bool *created)
{
	for (int i = 0; i < OPEN_TRIES; i++) {
		*created = true;
		int fd = open(p, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			      0600);
		if (fd < 0 && errno == EEXIST) {
			*created = false;
			fd = open(p, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0 && errno == ENOENT)
				continue; /* merged and removed meanwhile */
		}
		if (fd < 0)
			return -1;
		struct stat sb;
		if ((*created && fchmod(fd, mode) != 0) || flock(fd, LOCK_EX) != 0 ||
		    fstat(fd, &sb) != 0) {
			int saved = errno;
			(void)close(fd);
			errno = saved;
			return -1;
		}
		if (sb.st_nlink > 0 && S_ISREG(sb.st_mode))
			return fd;
		(void)close(fd); /* merged and removed while we waited for the lock */
	}
	errno = EAGAIN;
	return -1;
}

enum store_status store_journal_raise(const char *db_path, const char *actor,
				      const char *terminal, const char *location,
				      enum alarm_kind kind, time_t at, char uid[ALARM_UID_LEN],
				      char *err, size_t errsz)
{
	char p[4096];
	journal_path(db_path, p, sizeof p);
	if (!location || !*location || (int)kind < 0 || kind >= ALARM_KIND_COUNT) {
		snprintf(err, errsz, "%s: %s", p, _("no location or kind"));
		return STORE_INVALID;
	}
	struct stat db;
	/* Next to an existing database only: a journal for a wrong path would be read by
	 * nobody. */
	if (lstat(db_path, &db) != 0 || !S_ISREG(db.st_mode)) {
		snprintf(err, errsz, "%s: %s", db_path, strerror(errno ? errno : ENOENT));
		return STORE_ERROR;
	}
	char when[DATES_UTC_LEN];
	dates_format_utc(at, when);
	new_uid(uid);
	char *line = record_line(uid, when, kind, actor, terminal, location);
	if (!line) {
		snprintf(err, errsz, "%s: %s", p, strerror(ENOMEM));
		return STORE_ERROR;
	}
	bool created = false;
	int fd = open_locked(p, (db.st_mode & 0660) | 0600, &created);
	int saved = errno;
	enum store_status r = STORE_OK;
	if (fd < 0) {
		r = STORE_ERROR;
	} else {
		struct stat sb;
		char last = '\n';
		off_t size = fstat(fd, &sb) == 0 ? sb.st_size : -1;
		/* A line cut short by a crash must not swallow this one: end it first. */
		if (size > 0 && pread(fd, &last, 1, size - 1) != 1)
			last = '\0';
		if (size < 0 || (last != '\n' && write_all(fd, "\n", 1) != 0) ||
		    write_all(fd, line, strlen(line)) != 0 || fsync(fd) != 0 ||
		    (created && sync_dir(p) != 0)) {
			saved = errno;
			r = STORE_ERROR;
			/* Take a half-written line back: it was never acknowledged. */
			if (size >= 0)
				(void)ftruncate(fd, size);
		}
		if (close(fd) != 0 && r == STORE_OK) {
			saved = errno;
			r = STORE_ERROR;
		}
	}
	free(line);
	if (r != STORE_OK) {
		char env[4700];
		if (!store_env_message(p, SQLITE_IOERR, saved, env, sizeof env))
			snprintf(env, sizeof env, "%s: %s", p, strerror(saved));
		snprintf(err, errsz, "%s", env);
		uid[0] = '\0';
	}
	return r;
}

/* Parse one line (modified in place) into a; 0, or -1 when it does not check out. */
static int parse_line(char *line, size_t len, struct alarm *a)
{
	char *f[FIELDS];
	size_t nf = 0;
	char *last_tab = NULL;
	f[nf++] = line;
	for (char *c = line; c < line + len; c++) {
		if (*c != '\t')
			continue;
		if (nf == FIELDS)
			return -1;
		last_tab = c;
		*c = '\0';
		f[nf++] = c + 1;
	}
	if (nf != FIELDS || !last_tab)
		return -1;
	char want[CHECK_LEN + 1];
	/* The check covers the line with its tabs: put them back for the hash. */
	for (size_t i = 1; i < FIELDS; i++)
		f[i][-1] = '\t';
	line_check(line, (size_t)(last_tab - line), want);
	for (size_t i = 1; i < FIELDS; i++)
		f[i][-1] = '\0';
	if (strcmp(f[0], RECORD_TAG) != 0 || strcmp(f[7], want) != 0)
		return -1;
	for (size_t i = 1; i < 7; i++)
		if (unescape(f[i]) != 0)
			return -1;
	memset(a, 0, sizeof *a);
	if (strlen(f[1]) != ALARM_UID_LEN - 1 || strspn(f[1], "0123456789abcdef") != ALARM_UID_LEN - 1 ||
	    dates_parse_utc(f[2], &a->raised_at) != 0 || !*f[6] || strlen(f[6]) >= ALARM_TEXT_MAX)
		return -1;
	int kind = -1;
	for (int k = 0; k < ALARM_KIND_COUNT; k++)
		if (strcmp(f[3], kind_db[k]) == 0)
			kind = k;
	if (kind < 0)
		return -1;
	a->kind = (enum alarm_kind)kind;
	snprintf(a->journal_uid, sizeof a->journal_uid, "%s", f[1]);
	snprintf(a->raised_by, sizeof a->raised_by, "%s", f[4]);
	snprintf(a->location, sizeof a->location, "%s", f[6]);
	a->outcome = ALARM_OPEN;
	a->journaled = true;
	return 0;
}

static int by_raised(const void *x, const void *y)
{
	const struct alarm *a = x, *b = y;
	return (a->raised_at > b->raised_at) - (a->raised_at < b->raised_at);
}

/* Read and parse the journal held open as fd (locked by the caller). */
static enum store_status read_journal(int fd, const char *p, struct alarm **out, size_t *n,
				      size_t *bad, off_t *size_out, char *err, size_t errsz)
{
	*out = NULL;
	*n = 0;
	*bad = 0;
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		snprintf(err, errsz, "%s: %s", p, strerror(errno));
		return STORE_ERROR;
	}
	*size_out = sb.st_size;
	size_t size = (size_t)sb.st_size;
	char *buf = malloc(size + 1);
	if (!buf) {
		snprintf(err, errsz, "%s: %s", p, strerror(ENOMEM));
		return STORE_ERROR;
	}
	size_t got = 0;
	while (got < size) {
		ssize_t r = pread(fd, buf + got, size - got, (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got < size) {
		snprintf(err, errsz, "%s: %s", p, strerror(errno ? errno : EIO));
		free(buf);
		return STORE_ERROR;
	}
	buf[size] = '\0';
	struct alarm *items = NULL;
	size_t count = 0, cap = 0;
	char *line = buf;
	char *nl;
	/* Only whole lines: the last one without its newline was never synced. */
	while (line < buf + size && (nl = memchr(line, '\n', size - (size_t)(line - buf))) != NULL) {
		struct alarm a;
		*nl = '\0';
		if (parse_line(line, (size_t)(nl - line), &a) == 0) {
			if (!grow_array(&items, &cap, count + 1, sizeof *items, 8)) {
				free(items);
				free(buf);
				snprintf(err, errsz, "%s: %s", p, strerror(ENOMEM));
				return STORE_ERROR;
			}
			items[count++] = a;
		} else {
			(*bad)++;
		}
		line = nl + 1;
	}
	free(buf);
	if (count > 1)
		qsort(items, count, sizeof *items, by_raised);
	*out = items;
	*n = count;
	return STORE_OK;
}

enum store_status store_journal_alarms(const char *db_path, struct alarm **out, size_t *n,
				       char *err, size_t errsz)
{
	char p[4096];
	journal_path(db_path, p, sizeof p);
	*out = NULL;
	*n = 0;
	int fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return STORE_OK;
		snprintf(err, errsz, "%s: %s", p, strerror(errno));
		return STORE_ERROR;
	}
	off_t size;
	size_t bad;
	enum store_status r;
	if (flock(fd, LOCK_SH) != 0) {
		snprintf(err, errsz, "%s: %s", p, strerror(errno));
		r = STORE_ERROR;
	} else {
		r = read_journal(fd, p, out, n, &bad, &size, err, errsz);
	}
	(void)close(fd); /* read-only; closing drops the lock */
	return r;
}

/* Insert one journal alarm unless it is in already; *added tells whether it was added. */
static enum store_status merge_one(struct store *st, const struct alarm *a, bool *added)
{
	static const char sql[] =
		"INSERT INTO alarm (location, kind, raised_at, raised_by, journal_uid)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
	*added = false;
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, a->location) || store_bind_text(s, 2, kind_db[a->kind]) ||
	    store_bind_time(s, 3, a->raised_at) || store_bind_text(s, 4, a->raised_by) ||
	    store_bind_text(s, 5, a->journal_uid)) {
		store_done(s);
		return store_fail(st, _("moving the alarm journal into the database"));
	}
	enum store_status r = store_step_done(st, s, _("moving the alarm journal into the database"));
	if (r != STORE_OK || sqlite3_changes(st->db) == 0)
		return r;
	*added = true;
	int64_t id = sqlite3_last_insert_rowid(st->db);
	char object[32], detail[ALARM_TEXT_MAX * 2 + ALARM_UID_LEN + DATES_UTC_LEN + 64];
	char when[DATES_UTC_LEN];
	snprintf(object, sizeof object, "alarm:%lld", (long long)id);
	dates_format_utc(a->raised_at, when);
	snprintf(detail, sizeof detail, "%s at %s (alarm journal %s: raised by %s at %s)",
		 kind_db[a->kind], a->location, a->journal_uid, a->raised_by, when);
	return store_audit_write(st, "alarm.raise", object, "ok", detail);
}

enum store_status store_journal_merge(struct store *st, size_t *merged)
{
	char p[4096], err[512];
	size_t added = 0;
	if (merged)
		*merged = 0;
	journal_path(st->path, p, sizeof p);
	int fd = open(p, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? STORE_OK : store_failf(st, STORE_ERROR, "%s: %s", p,
								  strerror(errno));
	struct alarm *a = NULL;
	size_t n = 0, bad = 0;
	off_t size = 0;
	/* Read under a shared lock and write the database without holding it, so an alarm
	 * being raised never waits for the database. */
	enum store_status r = flock(fd, LOCK_SH) == 0
				      ? read_journal(fd, p, &a, &n, &bad, &size, err, sizeof err)
				      : STORE_ERROR;
	if (r != STORE_OK)
		r = store_failf(st, STORE_ERROR, "%s", err);
	(void)flock(fd, LOCK_UN); /* released by close at the latest */
	if (r == STORE_OK && (n > 0 || bad > 0) && (r = store_begin(st)) == STORE_OK) {
		for (size_t i = 0; i < n && r == STORE_OK; i++) {
			bool one;
			r = merge_one(st, &a[i], &one);
			added += one;
		}
		char detail[96];
		snprintf(detail, sizeof detail, "%zu unreadable lines kept in %s", bad,
			 STORE_JOURNAL_SUFFIX ".unreadable");
		if (r == STORE_OK && bad > 0)
			r = store_audit_write(st, "alarm.journal", "alarms", "unreadable", detail);
		if (r == STORE_OK)
			r = store_commit(st);
		else
			store_rollback(st);
	}
	free(a);
	/* Empty the journal only when the commit holds everything in it: a line appended
	 * since the read keeps it for the next merge. Emptied, not removed: its disk space
	 * stays reserved for the next full disk. */
	struct stat sb;
	char keep[4200];
	/* Lines that do not check out are kept aside for a person to look at, not deleted. */
	snprintf(keep, sizeof keep, "%s.unreadable", p);
	if (r == STORE_OK && flock(fd, LOCK_EX) == 0 && fstat(fd, &sb) == 0 && sb.st_nlink > 0 &&
	    sb.st_size == size && size > 0) {
		if (bad > 0 ? rename(p, keep) != 0 : ftruncate(fd, 0) != 0 || fsync(fd) != 0)
			r = store_failf(st, STORE_ERROR, "%s: %s", p, strerror(errno));
		else if (bad == 0)
			reserve(fd);
	}
	(void)close(fd); /* nothing buffered; closing drops the lock */
	if (merged)
		*merged = r == STORE_OK ? added : 0;
	return r;
}

enum store_status store_journal_merge_pending(struct store *st)
{
	char p[4096];
	struct stat sb;
	journal_path(st->path, p, sizeof p);
	if (st->readonly || st->damaged || lstat(p, &sb) != 0 || sb.st_size == 0)
		return STORE_OK;
	return store_journal_merge(st, NULL);
}

void store_journal_prepare(struct store *st)
{
	(void)store_journal_merge_pending(st); /* failing, it stays listed from the file */
	char p[4096];
	struct stat sb, db;
	journal_path(st->path, p, sizeof p);
	if (st->readonly || st->damaged || stat(st->path, &db) != 0 ||
	    (lstat(p, &sb) == 0 && (off_t)sb.st_blocks * 512 >= RESERVE_BYTES / 2))
		return;
	/* No journal yet, or one without its reserve: make it now, while there is room. */
	bool created;
	int fd = open_locked(p, (db.st_mode & 0660) | 0600, &created);
	if (fd < 0)
		return; /* no room or no rights: alarm raise says so when it comes to that */
	reserve(fd);
	if (created)
		(void)sync_dir(p);
	(void)close(fd); /* nothing written; closing drops the lock */
}
