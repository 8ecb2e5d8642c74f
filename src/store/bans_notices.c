/* bans_notices — one-line notices for reception (a ban became active, was extended, lifted
 * or ended), the daily sweep of ended bans, and who has seen which notice. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/internal.h"

static const char notice_insert_sql[] =
	"INSERT INTO ban_notice (ban_id, event, at) VALUES (?1, ?2, ?3)";

const char *const bans_notice_db[BAN_NOTICE_EVENT_COUNT] = {
	"active", "extended", "lifted", "ended"
};

/* A notice for reception, inside the caller's transaction. */
enum store_status bans_notice_write(struct store *st, int64_t ban_id,
				    enum ban_notice_event e, const char *now)
{
	return store_run(st, notice_insert_sql, _("saving the notice"), STORE_INT(ban_id),
			 STORE_TEXT(bans_notice_db[e]), STORE_TEXT(now));
}

static const char sweep_sql[] =
	"INSERT OR IGNORE INTO ban_notice (ban_id, event, at)"
	" SELECT id, 'ended', ?3 FROM ban WHERE status = 'active' AND lifted_at = ''"
	" AND ends < ?1 AND ends >= ?2";
static const char unseen_sql[] =
	"SELECT n.id, n.ban_id, n.event, n.at, p.given_names, p.prefix, p.surname, b.kind,"
	" b.starts, b.ends,"
	" coalesce((SELECT group_concat(sc.building, ',') FROM ban_scope sc"
	"  WHERE sc.ban_id = b.id), '')"
	" FROM ban_notice n JOIN ban b ON b.id = n.ban_id JOIN person p ON p.id = b.person_id"
	" WHERE n.at >= ?2 AND NOT EXISTS (SELECT 1 FROM ban_notice_seen s"
	"  WHERE s.notice_id = n.id AND (?1 = '' OR s.user = ?1))"
	" ORDER BY n.id";
static const char notice_exists_sql[] = "SELECT 1 FROM ban_notice WHERE id = ?1";
static const char seen_sql[] =
	"INSERT OR IGNORE INTO ban_notice_seen (notice_id, user, at) VALUES (?1, ?2, ?3)";

const char *store_ban_notice_event_name(enum ban_notice_event e)
{
	return (unsigned)e < BAN_NOTICE_EVENT_COUNT ? bans_notice_db[e] : "?";
}

enum store_status store_ban_notice_sweep(struct store *st, const char *today, size_t *added)
{
	if (added)
		*added = 0;
	enum store_status r = bans_check_date(st, "today", today, false);
	if (r != STORE_OK)
		return r;
	char week[DATES_DATE_LEN], now[DATES_UTC_LEN];
	if (dates_add_days(today, -7, week) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "today", today);
	if ((r = store_begin_now(st, now)) != STORE_OK)
		return r;
	r = store_run(st, sweep_sql, _("saving the notice"), STORE_TEXT(today), STORE_TEXT(week),
		      STORE_TEXT(now));
	size_t n = r == STORE_OK ? (size_t)sqlite3_changes(st->db) : 0;
	/* Nothing new: no audit line, so a sweep on every console every day stays quiet. */
	if (r == STORE_OK && n == 0) {
		r = store_commit(st);
		return r;
	}
	char detail[32];
	snprintf(detail, sizeof detail, "%zu", n);
	r = store_finish(st, r, "ban.notice.sweep", "bans", "ok", detail);
	if (r == STORE_OK && added)
		*added = n;
	return r;
}

static void notice_from_row(sqlite3_stmt *s, void *item)
{
	struct ban_notice *n = item;
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(s, 0);
	n->ban_id = sqlite3_column_int64(s, 1);
	n->event = BAN_NOTICE_ACTIVE;
	for (int i = 0; i < BAN_NOTICE_EVENT_COUNT; i++)
		if (strcmp(bans_col_str(s, 2), bans_notice_db[i]) == 0)
			n->event = (enum ban_notice_event)i;
	store_col_copy(s, 3, n->at, sizeof n->at);
	const char *parts[] = {bans_col_str(s, 4), bans_col_str(s, 5), bans_col_str(s, 6)};
	size_t len = 0;
	for (size_t i = 0; i < 3; i++) {
		if (!*parts[i])
			continue;
		int k = snprintf(n->name + len, sizeof n->name - len, "%s%s", len ? " " : "",
				 parts[i]);
		if (k < 0 || (size_t)k >= sizeof n->name - len)
			break;
		len += (size_t)k;
	}
	n->kind = bans_kind_from_db(bans_col_str(s, 7));
	store_col_copy(s, 8, n->starts, sizeof n->starts);
	store_col_copy(s, 9, n->ends, sizeof n->ends);
	store_col_copy(s, 10, n->scope, sizeof n->scope);
}

enum store_status store_ban_notice_unseen(struct store *st, const char *user, time_t since,
					  struct ban_notice **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char from[DATES_UTC_LEN] = "";
	if (since > 0)
		dates_format_utc(since, from);
	return store_list(st, unseen_sql, _("reading notices"), notice_from_row, out, n,
			  STORE_TEXT(user), STORE_TEXT(from));
}

enum store_status store_ban_notice_seen(struct store *st, int64_t notice_id, const char *user)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, store_required(st, "user", user), now);
	if (r != STORE_OK)
		return r;
	r = store_get(st, notice_exists_sql, notice_id, NULL, NULL, _("reading notices"),
		      _("notice %lld: not found"), (long long)notice_id);
	if (r == STORE_OK)
		r = store_run(st, seen_sql, _("saving the notice"), STORE_INT(notice_id),
			      STORE_TEXT(user), STORE_TEXT(now));
	return store_finish_id(st, r, "ban.notice.seen", "notice", notice_id, user);
}
