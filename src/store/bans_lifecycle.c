/* bans_lifecycle — the life cycle of a ban: activate a draft, extend, lift, with a history
 * row, an audit line and a notice per change; the history itself and the earlier-ban count. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/incidents.h"
#include "store/internal.h"

/* ------------------------------------------------------------------ lift */

static const char ban_lift_sql[] =
	"UPDATE ban SET lifted_at = ?1, lifted_by = ?2, lifted_reason = ?3, version = version + 1"
	" WHERE id = ?4 AND lifted_at = '' AND (?5 < 0 OR version = ?5)";

enum store_status store_ban_lift(struct store *st, int64_t id, const char *reason,
				 int expected_version)
{
	if (!reason || !*reason)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "reason");
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, ban_lift_sql);
	if (!s) {
		store_rollback(st);
		return STORE_ERROR;
	}
	if (store_bind_text(s, 1, now) || store_bind_text(s, 2, st->actor) ||
	    store_bind_text(s, 3, reason) || store_bind_int(s, 4, id) ||
	    store_bind_int(s, 5, expected_version)) {
		store_done(s);
		r = store_fail(st, _("lifting the ban"));
	} else {
		r = store_step_done(st, s, _("lifting the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = bans_missing_or_conflict(st, id, _("already lifted or changed meanwhile"));
	if (r == STORE_OK)
		r = bans_history_write(st, id, "lift", reason, now);
	if (r == STORE_OK)
		r = bans_notice_write(st, id, BAN_NOTICE_LIFTED, now);
	return bans_finish(st, r, "ban.lift", id, reason);
}

/* ------------------------------------------------------------------ life cycle (issue 5) */

static const char activate_sql[] =
	"UPDATE ban SET status = 'active', version = version + 1"
	" WHERE id = ?1 AND status = 'draft' AND (?2 < 0 OR version = ?2)";
static const char extend_sql[] =
	"UPDATE ban SET ends = ?2, version = version + 1,"
	" justification = CASE WHEN ?3 = '' THEN justification"
	"  WHEN justification = '' THEN ?3 ELSE justification || char(10) || ?3 END"
	" WHERE id = ?1 AND lifted_at = '' AND ends < ?2 AND (?4 < 0 OR version = ?4)";

enum store_status store_ban_activate(struct store *st, int64_t id, int expected_version)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	/* Read outside the write lock, checked again by the UPDATE's conditions. */
	struct ban b;
	enum store_status r = store_ban_get(st, id, &b);
	if (r != STORE_OK)
		return r;
	if (b.status == BAN_STATUS_ACTIVE) {
		store_ban_clear(&b);
		return store_failf(st, STORE_CONFLICT, _("ban %lld: is active already"),
				   (long long)id);
	}
	struct ban_new v = {
		.notes = b.notes, .starts = b.starts, .ends = b.ends, .imposed_by = b.imposed_by,
		.letter_sent = b.letter_sent,
	};
	if (!bans_answers_complete(&v))
		r = bans_missing_answers(st, id, &v);
	store_ban_clear(&b);
	if (r != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, activate_sql);
	if (!s)
		r = STORE_ERROR;
	else if (store_bind_int(s, 1, id) || store_bind_int(s, 2, expected_version)) {
		store_done(s);
		r = store_fail(st, _("activating the ban"));
	} else {
		r = store_step_done(st, s, _("activating the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = bans_missing_or_conflict(st, id, _("active already or changed meanwhile"));
	if (r == STORE_OK)
		r = bans_history_write(st, id, "activate", "", now);
	if (r == STORE_OK)
		r = bans_notice_write(st, id, BAN_NOTICE_ACTIVE, now);
	return bans_finish(st, r, "ban.activate", id, "");
}

enum store_status store_ban_extend(struct store *st, int64_t id, const char *ends,
				   const char *reason, const char *justification,
				   int expected_version)
{
	enum store_status r = bans_check_date(st, "ends", ends, false);
	if (r != STORE_OK)
		return r;
	if (!reason || !*reason)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "reason");
	if ((r = bans_check_text(st, "reason", reason, 2000)) != STORE_OK ||
	    (r = bans_check_text(st, "justification", justification, 2000)) != STORE_OK)
		return r;
	struct ban b;
	if ((r = store_ban_get(st, id, &b)) != STORE_OK)
		return r;
	bool later = strcmp(ends, b.ends) > 0, lifted = *b.lifted_at != '\0';
	char old[DATES_DATE_LEN];
	snprintf(old, sizeof old, "%s", b.ends);
	store_ban_clear(&b);
	if (lifted)
		return store_failf(st, STORE_CONFLICT, _("ban %lld: lifted; it cannot be extended"),
				   (long long)id);
	if (!later)
		return store_failf(st, STORE_INVALID,
				   _("%s: %s is not later than the current end %s"), "ends", ends,
				   old);
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, extend_sql);
	if (!s)
		r = STORE_ERROR;
	else if (store_bind_int(s, 1, id) || store_bind_text(s, 2, ends) ||
		 store_bind_text(s, 3, justification) || store_bind_int(s, 4, expected_version)) {
		store_done(s);
		r = store_fail(st, _("extending the ban"));
	} else {
		r = store_step_done(st, s, _("extending the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = bans_missing_or_conflict(st, id, _("lifted, extended or changed meanwhile"));
	char detail[2100];
	snprintf(detail, sizeof detail, "%s -> %s: %s", old, ends, reason);
	if (r == STORE_OK)
		r = bans_history_write(st, id, "extend", detail, now);
	if (r == STORE_OK)
		r = bans_notice_write(st, id, BAN_NOTICE_EXTENDED, now);
	return bans_finish(st, r, "ban.extend", id, detail);
}

static const char earlier_sql[] =
	"SELECT count(*) FROM ban b JOIN person p ON p.id = b.person_id"
	" WHERE b.status = 'active' AND b.id <> ?5 AND"
	STORE_SAME_PERSON("p.given_names", "p.prefix", "p.surname", "p.born");
static const char person_of_ban_sql[] =
	"SELECT p.given_names, p.prefix, p.surname, p.born, b.id FROM ban b"
	" JOIN person p ON p.id = b.person_id WHERE b.id = ?1";
static const char person_sql[] =
	"SELECT given_names, prefix, surname, born, 0 FROM person WHERE id = ?1";

enum store_status store_ban_earlier(struct store *st, const char *given, const char *prefix,
				    const char *surname, const char *born, int64_t exclude_ban,
				    size_t *out)
{
	*out = 0;
	if (!surname || !*surname)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "surname");
	sqlite3_stmt *s = store_stmt(st, earlier_sql);
	if (!s)
		return STORE_ERROR;
	enum store_status r = STORE_OK;
	if (store_bind_text(s, 1, given) || store_bind_text(s, 2, prefix) ||
	    store_bind_text(s, 3, surname) || store_bind_text(s, 4, born) ||
	    store_bind_int(s, 5, exclude_ban) || sqlite3_step(s) != SQLITE_ROW)
		r = store_fail(st, _("counting earlier bans"));
	else
		*out = (size_t)sqlite3_column_int64(s, 0);
	store_done(s);
	/* Issue 13: the purge keeps a trace of the bans it removed; they still count. */
	size_t kept = 0;
	if (r == STORE_OK && (r = store_offences_kept(st, given, prefix, surname, born, 0,
						      &kept)) == STORE_OK)
		*out += kept;
	return r;
}

/* Count for the person read by sql (?1 = id); the row's fifth column is the ban to leave out. */
static enum store_status earlier_by(struct store *st, const char *sql, int64_t id,
				    const char *what, size_t *out)
{
	*out = 0;
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, id)) {
		store_done(s);
		return store_fail(st, _("counting earlier bans"));
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		store_done(s);
		return store_failf(st, STORE_NOT_FOUND, "%s %lld: %s", what, (long long)id,
				   _("not found"));
	}
	if (rc != SQLITE_ROW) {
		store_done(s);
		return store_fail(st, _("counting earlier bans"));
	}
	char *f[4];
	bool oom = false;
	for (int i = 0; i < 4; i++)
		oom |= !(f[i] = store_col_dup(s, i));
	int64_t exclude = sqlite3_column_int64(s, 4);
	store_done(s);
	enum store_status r = oom ? store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM))
				  : store_ban_earlier(st, f[0], f[1], f[2], f[3], exclude, out);
	for (int i = 0; i < 4; i++)
		free(f[i]);
	return r;
}

enum store_status store_ban_earlier_for_ban(struct store *st, int64_t ban_id, size_t *out)
{
	return earlier_by(st, person_of_ban_sql, ban_id, "ban", out);
}

enum store_status store_ban_earlier_for_person(struct store *st, int64_t person_id,
					       size_t *out)
{
	return earlier_by(st, person_sql, person_id, "person", out);
}

/* ------------------------------------------------------------------ history */

static const char history_sql[] =
	"SELECT id, ban_id, at, actor, action, detail, status, kind, reason, starts, ends, scope,"
	" imposed_by, letter_sent, police_informed, enforcement, justification,"
	" until_conversation, lifted_at, version FROM ban_history WHERE ban_id = ?1 ORDER BY id";

void store_ban_history_free(struct ban_history *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++) {
		char *f[] = {h[i].at, h[i].actor, h[i].action, h[i].detail, h[i].starts, h[i].ends,
			     h[i].scope, h[i].imposed_by, h[i].letter_sent, h[i].enforcement,
			     h[i].justification, h[i].lifted_at};
		for (size_t j = 0; j < sizeof f / sizeof *f; j++)
			free(f[j]);
	}
	free(h);
}

static int history_from_row(sqlite3_stmt *s, struct ban_history *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(s, 0);
	h->ban_id = sqlite3_column_int64(s, 1);
	h->status = strcmp(bans_col_str(s, 6), "draft") == 0 ? BAN_STATUS_DRAFT : BAN_STATUS_ACTIVE;
	h->kind = bans_kind_from_db(bans_col_str(s, 7));
	h->reason = bans_reason_from_db(bans_col_str(s, 8));
	h->police_informed = sqlite3_column_int(s, 14) != 0;
	h->until_conversation = sqlite3_column_int(s, 17) != 0;
	h->version = sqlite3_column_int(s, 19);
	struct { char **f; int col; } t[] = {
		{&h->at, 2}, {&h->actor, 3}, {&h->action, 4}, {&h->detail, 5}, {&h->starts, 9},
		{&h->ends, 10}, {&h->scope, 11}, {&h->imposed_by, 12}, {&h->letter_sent, 13},
		{&h->enforcement, 15}, {&h->justification, 16}, {&h->lifted_at, 18},
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (!(*t[i].f = store_col_dup(s, t[i].col)))
			rc = -1;
	return rc;
}

enum store_status store_ban_history(struct store *st, int64_t ban_id, struct ban_history **out,
				    size_t *n)
{
	*out = NULL;
	*n = 0;
	enum ban_status dummy;
	/* Outside a transaction: a plain read of the ban tells a missing one apart. */
	enum store_status r = bans_status_locked(st, ban_id, &dummy);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, history_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id)) {
		store_done(s);
		return store_fail(st, _("reading the ban's history"));
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct ban_history *nh = realloc(*out, ncap * sizeof *nh);
			if (!nh)
				break;
			*out = nh;
			cap = ncap;
		}
		int bad = history_from_row(s, &(*out)[*n]);
		(*n)++;
		if (bad)
			break;
	}
	if (rc == SQLITE_ROW)
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (rc != SQLITE_DONE)
		r = store_fail(st, _("reading the ban's history"));
	store_done(s);
	if (r != STORE_OK) {
		store_ban_history_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}
