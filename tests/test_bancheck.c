/* test_bancheck — the field rules of a ban as the command line and the service both apply
 * them: limits and hygiene, dates, the buildings of a scope, a combination of reasons. */
#include "autoconfig.h"

#include <string.h>

#include "core/lib.h"
#include "sanctions_conf.h"
#include "tests.h"

static char why[512];

/* A valid ban's fields as text, for one rule at a time to break. */
static void valid(const char *v[BANF_COUNT])
{
	for (int i = 0; i < BANF_COUNT; i++)
		v[i] = NULL;
	v[BANF_SURNAME] = "Vries";
	v[BANF_BORN] = "1980-05-01";
	v[BANF_STARTS] = "2026-11-01";
	v[BANF_ENDS] = "2027-02-28";
}

TEST(test_bancheck__text_refuses_what_no_field_may_hold)
{
	ck_assert_int_eq(bancheck_text(BANF_COUNT, "x", why, sizeof why), -1);
	ck_assert_int_eq(bancheck_text(BANF_SURNAME, "", why, sizeof why), -1);
	ck_assert_int_eq(bancheck_text(BANF_SURNAME, NULL, why, sizeof why), -1);
	ck_assert_int_eq(bancheck_text(BANF_SURNAME, "Vr\xe2\x80\x8bies", why, sizeof why), -1);
	ck_assert_str_eq(why, "contains an invisible character (zero-width, tag or format)");
	ck_assert_int_eq(bancheck_text(BANF_GIVEN, "Ja\tn", why, sizeof why), -1);
	ck_assert_int_eq(bancheck_text(BANF_NOTES, "one\ntwo", why, sizeof why), -1);
	char big[202];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(bancheck_text(BANF_SURNAME, big, why, sizeof why), -1);
	big[200] = '\0';
	ck_assert_int_eq(bancheck_text(BANF_SURNAME, big, why, sizeof why), 0);
	/* A justification grows a line per extension; the others are one line. */
	ck_assert_int_eq(bancheck_text(BANF_JUSTIFICATION, "one\ntwo", why, sizeof why), 0);
	ck_assert_int_eq(bancheck_text(BANF_GIVEN, "", why, sizeof why), 0);
	ck_assert_str_eq(bancheck_name(BANF_POLICE), "police_informed");
	ck_assert(bancheck_required(BANF_ENDS) && !bancheck_required(BANF_BORN));
	ck_assert_uint_eq(bancheck_max(BANF_NOTES), 2000);
}
END_TEST

TEST(test_bancheck__dates)
{
	const char *v[BANF_COUNT];
	enum banf bad;
	valid(v);
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), 0);
	v[BANF_ENDS] = "2027-02-30";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_ENDS);
	ck_assert_str_eq(why, "\"2027-02-30\" is not a date (YYYY-MM-DD)");
	valid(v);
	v[BANF_ENDS] = "2026-10-01";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_str_eq(why, "\"2026-10-01\" is before the start (2026-11-01)");
	valid(v);
	v[BANF_BORN] = "2030-01-01";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_BORN);
	ck_assert_str_eq(why, "\"2030-01-01\" is in the future");
	valid(v);
	v[BANF_STARTS] = NULL;
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_STARTS);
	/* Half a lifting is refused, not guessed. */
	valid(v);
	v[BANF_LIFTED_AT] = "2026-11-01";
	v[BANF_LIFTED_BY] = "A. Hoofd";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_LIFTED_REASON);
	v[BANF_LIFTED_REASON] = "Excuses";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), 0);
	v[BANF_LIFTED_AT] = "2026-11-25";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_LIFTED_AT);
	v[BANF_LIFTED_AT] = "";
	ck_assert_int_eq(bancheck_dates(v, "2026-11-24", &bad, why, sizeof why), -1);
	ck_assert_int_eq(bad, BANF_LIFTED_BY);
	ck_assert_str_eq(why, "given without lifted_at");
}
END_TEST

TEST(test_bancheck__scope)
{
	const char *known[] = {"stadhuis", "milieustraat"};
	char norm[64];
	ck_assert_int_eq(bancheck_scope("gym", known, 2, norm, sizeof norm, why, sizeof why), -1);
	ck_assert_str_eq(why, "unknown building \"gym\" (configured: stadhuis, milieustraat)");
	ck_assert_int_eq(bancheck_scope("stadhuis,,x", known, 2, norm, sizeof norm, why,
					sizeof why), -1);
	ck_assert_int_eq(bancheck_scope("stadhuis, stadhuis", known, 2, norm, sizeof norm, why,
					sizeof why), -1);
	ck_assert_str_eq(why, "building \"stadhuis\" is listed twice");
	ck_assert_int_eq(bancheck_scope(" milieustraat , stadhuis", known, 2, norm, sizeof norm,
					why, sizeof why), 0);
	ck_assert_str_eq(norm, "milieustraat,stadhuis");
	ck_assert_int_eq(bancheck_scope("", known, 2, norm, sizeof norm, why, sizeof why), 0);
	ck_assert_str_eq(norm, "");
	/* Without configured buildings any id goes; a list too long for norm does not. */
	ck_assert_int_eq(bancheck_scope("gym", NULL, 0, norm, sizeof norm, why, sizeof why), 0);
	ck_assert_int_eq(bancheck_scope("aaaaaaaaaa,bbbbbbbbbb", NULL, 0, norm, 12, why,
					sizeof why), -1);
}
END_TEST

TEST(test_bancheck__reasons)
{
	struct sanction_table t;
	char err[256], norm[64];
	enum ban_reason most;
	ck_assert_msg(sanctions_default(&t, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(bancheck_reasons(&t, "", &most, norm, sizeof norm, why, sizeof why), -1);
	ck_assert_str_eq(why, "no reason given");
	ck_assert_int_eq(bancheck_reasons(&t, "threat,punch", &most, norm, sizeof norm, why,
					  sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "unknown reason \"punch\""));
	ck_assert_int_eq(bancheck_reasons(&t, "threat,", &most, norm, sizeof norm, why,
					  sizeof why), -1);
	ck_assert_int_eq(bancheck_reasons(&t, "verbal, physical,threat,verbal", &most, norm,
					  sizeof norm, why, sizeof why), 0);
	ck_assert_int_eq(most, REASON_PHYSICAL);
	ck_assert_str_eq(norm, "verbal,physical,threat");
	ck_assert_int_eq(bancheck_reasons(&t, "threat", &most, norm, sizeof norm, why,
					  sizeof why), 0);
	ck_assert_int_eq(most, REASON_THREAT);
	ck_assert_str_eq(norm, "");
}
END_TEST

Suite *bancheck_suite(void)
{
	return testutil_suite("bancheck", NULL, NULL);
}
