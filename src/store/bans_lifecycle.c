/* bans_lifecycle — the life cycle of a ban: activate a draft, extend, lift, with a history
 * row, an audit line and a notice per change; the history itself and the earlier-ban count. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/incidents.h"
#include "store/internal.h"

/* ------------------------------------------------------------------ lift */

/* The end of a one-ban change by an UPDATE (r its status): no row changed means a missing
 * ban or the conflict; then the history row (action, detail), the notice, the audit line
 * "ban.<action>" and the commit. */
static enum store_status changed(struct store *st, enum store_status r, int64_t id,
				 const char *conflict, const char *action, const char *detail,
				 enum ban_notice_event notice, const char *now)
{
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = bans_missing_or_conflict(st, id, conflict);
	if (r == STORE_OK)
		r = bans_history_write(st, id, action, detail, now);
	if (r == STORE_OK)
		r = bans_notice_write(st, id, notice, now);
	char audit[32];
	snprintf(audit, sizeof audit, "ban.%s", action);
	return bans_finish(st, r, audit, id, detail);
}

static const char ban_lift_sql[] =
	"UPDATE ban SET lifted_at = ?1, lifted_by = ?2, lifted_reason = ?3, version = version + 1"
	" WHERE id = ?4 AND lifted_at = '' AND (?5 < 0 OR version = ?5)";

enum store_status store_ban_lift(struct store *st, int64_t id, const char *reason,
				 int expected_version)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, store_required(st, "reason", reason), now);
	if (r != STORE_OK)
		return r;
	r = store_run(st, ban_lift_sql, _("lifting the ban"), STORE_TEXT(now),
		      STORE_TEXT(st->actor), STORE_TEXT(reason), STORE_INT(id),
		      STORE_INT(expected_version));
	return changed(st, r, id, _("already lifted or changed meanwhile"), "lift", reason,
		       BAN_NOTICE_LIFTED, now);
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
	r = store_run(st, activate_sql, _("activating the ban"), STORE_INT(id),
		      STORE_INT(expected_version));
	return changed(st, r, id, _("active already or changed meanwhile"), "activate", "",
		       BAN_NOTICE_ACTIVE, now);
}

enum store_status store_ban_extend(struct store *st, int64_t id, const char *ends,
				   const char *reason, const char *justification,
				   int expected_version)
{
	enum store_status r = bans_check_date(st, "ends", ends, false);
	if (r != STORE_OK)
		return r;
	if ((r = store_required(st, "reason", reason)) != STORE_OK ||
	    (r = bans_check_text(st, "reason", reason, 2000)) != STORE_OK ||
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
	if ((r = store_begin_now(st, now)) != STORE_OK)
		return r;
	r = store_run(st, extend_sql, _("extending the ban"), STORE_INT(id), STORE_TEXT(ends),
		      STORE_TEXT(justification), STORE_INT(expected_version));
	char detail[2100];
	snprintf(detail, sizeof detail, "%s -> %s: %s", old, ends, reason);
	return changed(st, r, id, _("lifted, extended or changed meanwhile"), "extend", detail,
		       BAN_NOTICE_EXTENDED, now);
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
	int64_t count = 0;
	enum store_status r = store_row(st, earlier_sql, _("counting earlier bans"),
					store_first_int, &count, STORE_TEXT(given),
					STORE_TEXT(prefix), STORE_TEXT(surname), STORE_TEXT(born),
					STORE_INT(exclude_ban));
	if (r == STORE_OK)
		*out = (size_t)count;
	/* Issue 13: the purge keeps a trace of the bans it removed; they still count. */
	size_t kept = 0;
	if (r == STORE_OK && (r = store_offences_kept(st, given, prefix, surname, born, 0,
						      &kept)) == STORE_OK)
		*out += kept;
	return r;
}

/* The given names, prefix, surname and born of a person, and the ban to leave out. */
struct person_row {
	char *f[4];
	int64_t exclude;
};

static void person_from_row(sqlite3_stmt *s, void *item)
{
	struct person_row *p = item;
	for (int i = 0; i < 4; i++)
		p->f[i] = store_col_dup(s, i);
	p->exclude = sqlite3_column_int64(s, 4);
}

/* Count for the person read by sql (?1 = id); the row's fifth column is the ban to leave out. */
static enum store_status earlier_by(struct store *st, const char *sql, int64_t id,
				    const char *what, size_t *out)
{
	*out = 0;
	struct person_row p = { { NULL, NULL, NULL, NULL }, 0 };
	enum store_status r = store_get(st, sql, id, person_from_row, &p, _("counting earlier bans"),
					"%s %lld: %s", what, (long long)id, _("not found"));
	if (r == STORE_OK && (!p.f[0] || !p.f[1] || !p.f[2] || !p.f[3]))
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (r == STORE_OK)
		r = store_ban_earlier(st, p.f[0], p.f[1], p.f[2], p.f[3], p.exclude, out);
	for (int i = 0; i < 4; i++)
		free(p.f[i]);
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

void store_ban_history_clear(struct ban_history *h)
{
	char *f[] = {h->at, h->actor, h->action, h->detail, h->starts, h->ends,
		     h->scope, h->imposed_by, h->letter_sent, h->enforcement,
		     h->justification, h->lifted_at};
	for (size_t j = 0; j < sizeof f / sizeof *f; j++)
		free(f[j]);
	memset(h, 0, sizeof *h);
}

void store_ban_history_free(struct ban_history *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++)
		store_ban_history_clear(&h[i]);
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

/* history_from_row for store_collect: out of memory leaves an empty row (no action). */
static void history_or_empty(sqlite3_stmt *s, void *item)
{
	if (history_from_row(s, item) != 0)
		store_ban_history_clear(item);
}

static void history_clear_item(void *item)
{
	store_ban_history_clear(item);
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
	sqlite3_stmt *s;
	r = store_prepare(st, &s, history_sql, _("reading the ban's history"), STORE_INT(ban_id));
	if (r == STORE_OK)
		r = store_collect_owned(st, s, sizeof **out, history_or_empty, history_clear_item,
					(void **)out, n, _("reading the ban's history"));
	for (size_t i = 0; r == STORE_OK && i < *n; i++)
		if (!(*out)[i].action)
			r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	if (r != STORE_OK) {
		store_ban_history_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}
