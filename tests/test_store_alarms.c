/* test_store_alarms — the alarm queue in the store: raise, acknowledge (first porter kept),
 * close with an outcome, resolve all, the two lists and the audit lines of each step. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "store/lib.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-11-25T09:00:00Z");
}

static int64_t raise_at(const char *now, const char *location, enum alarm_kind kind)
{
	setenv("BALIE_NOW", now, 1);
	int64_t id = 0;
	ck_assert_msg(store_alarm_raise(st, location, kind, &id) == STORE_OK, "%s",
		      store_error(st));
	ck_assert_int_gt(id, 0);
	return id;
}

static struct alarm get(int64_t id)
{
	struct alarm *a, found = { 0 };
	size_t n;
	ck_assert_int_eq(store_alarm_list(st, 0, 0, &a, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (a[i].id == id)
			found = a[i];
	free(a);
	ck_assert_int_eq(found.id, id);
	return found;
}

static void last_audit(const char *action, const char *result)
{
	struct audit_entry *e;
	size_t n;
	ck_assert_int_eq(store_audit_list(st, 1, &e, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(e[0].action, action);
	ck_assert_str_eq(e[0].result, result);
	free(e);
}

/* The locations store_alarm_list(open_only, limit) gives, in its order, separated by "; ". */
static const char *listed(int open_only, size_t limit)
{
	static char buf[512];
	struct alarm *a = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_alarm_list(st, open_only, limit, &a, &n), STORE_OK);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		testutil_append(buf, sizeof buf, "; ", a[i].location);
	free(a);
	return buf;
}

TEST(test_store_alarms__kind_names)
{
	static const char *const bad[] = { "flood", "" };
	static const char *const names[] = { "panic", "robbery", "test", "fire" }; /* English */
	TESTUTIL_PARSE_REJECTS(enum alarm_kind, ALARM_FIRE, store_alarm_kind_parse, bad);
	TESTUTIL_NAMES_PARSE_BACK(enum alarm_kind, ALARM_KIND_COUNT, names, store_alarm_kind_name,
				  store_alarm_kind_parse);
}
END_TEST

/* A fire alarm is stored as such (migration 4 widened the kinds). */
TEST(test_store_alarms__fire_kind)
{
	int64_t id;
	ck_assert_int_eq(store_alarm_raise(st, "Hal", ALARM_FIRE, &id), STORE_OK);
	struct alarm *a = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_alarm_list(st, 1, 0, &a, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(a[0].kind, ALARM_FIRE);
	free(a);
}
END_TEST

TEST(test_store_alarms__refuses_invalid_input)
{
	ck_assert_int_eq(store_alarm_raise(st, "", ALARM_PANIC, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "location"));
	ck_assert_int_eq(store_alarm_raise(st, NULL, ALARM_PANIC, NULL), STORE_INVALID);
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_KIND_COUNT, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "kind"));
	ck_assert_int_eq(store_alarm_ack(st, 77), STORE_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(store_error(st), "77"));
	ck_assert_int_eq(store_alarm_close(st, 77, ALARM_RESOLVED), STORE_NOT_FOUND);
	int64_t id = raise_at("2026-11-25T09:00:00Z", "counter 1", ALARM_PANIC);
	ck_assert_int_eq(store_alarm_close(st, id, ALARM_OPEN), STORE_INVALID);
	ck_assert_int_eq(store_alarm_close(st, id, ALARM_TESTED), STORE_INVALID);
	ck_assert_int_eq(get(id).outcome, ALARM_OPEN);
	ck_assert_str_eq(listed(1, 0), "counter 1");
}
END_TEST

TEST(test_store_alarms__raise_ack_resolve)
{
	store_set_actor(st, "desk", "tty1");
	int64_t id = raise_at("2026-11-25T09:00:00Z", "spreekkamer 006", ALARM_PANIC);
	last_audit("alarm.raise", "ok");
	struct alarm a = get(id);
	ck_assert_str_eq(a.location, "spreekkamer 006");
	ck_assert_int_eq(a.kind, ALARM_PANIC);
	ck_assert_int_eq(a.raised_at, 1795597200);
	ck_assert_str_eq(a.raised_by, "desk");
	ck_assert_int_eq(a.acked_at, 0);
	ck_assert_int_eq(a.resolved_at, 0);
	ck_assert_int_eq(a.outcome, ALARM_OPEN);

	store_set_actor(st, "piet", "pts/1");
	setenv("BALIE_NOW", "2026-11-25T09:00:20Z", 1);
	ck_assert_int_eq(store_alarm_ack(st, id), STORE_OK);
	last_audit("alarm.ack", "ok");
	store_set_actor(st, "klaas", "pts/2");
	setenv("BALIE_NOW", "2026-11-25T09:00:30Z", 1);
	ck_assert_int_eq(store_alarm_ack(st, id), STORE_OK); /* twice is fine */
	last_audit("alarm.ack", "already acknowledged");
	a = get(id);
	ck_assert_str_eq(a.acked_by, "piet");
	ck_assert_int_eq(a.acked_at, 1795597220);
	ck_assert_int_eq(a.outcome, ALARM_OPEN);

	setenv("BALIE_NOW", "2026-11-25T09:05:00Z", 1);
	ck_assert_int_eq(store_alarm_close(st, id, ALARM_RESOLVED), STORE_OK);
	last_audit("alarm.close", "ok");
	a = get(id);
	ck_assert_int_eq(a.outcome, ALARM_RESOLVED);
	ck_assert_str_eq(a.resolved_by, "klaas");
	ck_assert_int_eq(a.resolved_at, 1795597500);

	ck_assert_int_eq(store_alarm_close(st, id, ALARM_FALSE), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "closed"));
	ck_assert_int_eq(store_alarm_ack(st, id), STORE_CONFLICT);
	a = get(id);
	ck_assert_int_eq(a.outcome, ALARM_RESOLVED);
	ck_assert_str_eq(a.acked_by, "piet");
}
END_TEST

TEST(test_store_alarms__false_and_test_outcomes)
{
	int64_t f = raise_at("2026-11-25T09:00:00Z", "counter 2", ALARM_ROBBERY);
	int64_t t = raise_at("2026-11-25T09:01:00Z", "counter 3", ALARM_TEST);
	ck_assert_int_eq(store_alarm_close(st, f, ALARM_FALSE), STORE_OK);
	ck_assert_int_eq(get(f).outcome, ALARM_FALSE);
	ck_assert_int_eq(get(f).acked_at, 0); /* closing needs no acknowledgement first */
	ck_assert_int_eq(store_alarm_close(st, t, ALARM_FALSE), STORE_OK);
	ck_assert_int_eq(get(t).outcome, ALARM_TESTED);
	ck_assert_int_eq(store_alarm_close(st, t, ALARM_RESOLVED), STORE_CONFLICT);
}
END_TEST

TEST(test_store_alarms__resolve_all_counts)
{
	int count = -1;
	ck_assert_int_eq(store_alarm_resolve_all(st, &count), STORE_OK);
	ck_assert_int_eq(count, 0);
	int64_t a = raise_at("2026-11-25T09:00:00Z", "a", ALARM_PANIC);
	int64_t b = raise_at("2026-11-25T09:00:01Z", "b", ALARM_TEST);
	int64_t c = raise_at("2026-11-25T09:00:02Z", "c", ALARM_ROBBERY);
	int64_t d = raise_at("2026-11-25T09:00:03Z", "d", ALARM_PANIC);
	ck_assert_int_eq(store_alarm_close(st, d, ALARM_FALSE), STORE_OK);
	store_set_actor(st, "manager", "");
	ck_assert_int_eq(store_alarm_resolve_all(st, &count), STORE_OK);
	ck_assert_int_eq(count, 3);
	last_audit("alarm.resolve_all", "ok");
	ck_assert_int_eq(get(a).outcome, ALARM_RESOLVED);
	ck_assert_str_eq(get(a).resolved_by, "manager");
	ck_assert_int_eq(get(b).outcome, ALARM_TESTED);
	ck_assert_int_eq(get(c).outcome, ALARM_RESOLVED);
	ck_assert_int_eq(get(d).outcome, ALARM_FALSE);
	ck_assert_int_eq(store_alarm_resolve_all(st, &count), STORE_OK);
	ck_assert_int_eq(count, 0);
	ck_assert_int_eq(store_alarm_resolve_all(st, NULL), STORE_OK);
}
END_TEST

TEST(test_store_alarms__lists)
{
	ck_assert_str_eq(listed(1, 0), "");
	/* Raised out of id order, to show the lists go by time. */
	int64_t late = raise_at("2026-11-25T10:00:00Z", "late", ALARM_PANIC);
	int64_t early = raise_at("2026-11-25T08:00:00Z", "early", ALARM_PANIC);
	int64_t mid = raise_at("2026-11-25T09:00:00Z", "mid", ALARM_PANIC);
	int64_t closed = raise_at("2026-11-25T11:00:00Z", "closed", ALARM_PANIC);
	ck_assert_int_eq(store_alarm_close(st, closed, ALARM_RESOLVED), STORE_OK);

	ck_assert_int_gt(early, late);
	ck_assert_int_gt(mid, early);
	ck_assert_int_gt(closed, mid);
	/* Open ones oldest first; a limit never hides an open alarm. */
	ck_assert_str_eq(listed(1, 0), "early; mid; late");
	ck_assert_str_eq(listed(1, 1), "early; mid; late");
	/* All of them newest first. */
	ck_assert_str_eq(listed(0, 2), "closed; late");
	ck_assert_str_eq(listed(0, 0), "closed; late; mid; early");
}
END_TEST

TEST(test_store_alarms__raise_at_given_instant)
{
	ck_assert_int_eq(store_alarm_raise_at(st, "", ALARM_PANIC, 1795597200, NULL),
			 STORE_INVALID);
	int64_t id = 0;
	/* A minute before "now" (2026-11-25T09:00:00Z), as the demo does. */
	ck_assert_int_eq(store_alarm_raise_at(st, "hal", ALARM_TEST, 1795597140, &id), STORE_OK);
	struct alarm a = get(id);
	ck_assert_int_eq(a.raised_at, 1795597140);
	ck_assert_int_eq(a.kind, ALARM_TEST);
	ck_assert_str_eq(a.raised_by, "tester");
	last_audit("alarm.raise", "ok");
}
END_TEST

Suite *store_alarms_suite(void)
{
	return testutil_suite("store_alarms", setup, testutil_store_teardown);
}
