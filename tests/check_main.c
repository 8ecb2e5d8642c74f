/* check_main — the one Check runner: every suite, TAP-free plain summary, non-zero exit
 * on any failure. CK_RUN_SUITE / CK_RUN_CASE pick a part. */
#include "autoconfig.h"

#include <locale.h>
#include <stdlib.h>

#include "i18n.h"
#include "tests.h"

int main(void)
{
	/* Tests compare English messages unless a test switches language itself. */
	setenv("LANGUAGE", "en", 1);
	i18n_init();
	SRunner *sr = srunner_create(dates_suite());
	srunner_add_suite(sr, text_suite());
	srunner_add_suite(sr, csv_suite());
	srunner_add_suite(sr, policy_suite());
	srunner_add_suite(sr, sanctions_suite());
	srunner_add_suite(sr, roles_suite());
	srunner_add_suite(sr, names_suite());
	srunner_add_suite(sr, keys_suite());
	srunner_add_suite(sr, config_suite());
	srunner_add_suite(sr, store_db_suite());
	srunner_add_suite(sr, store_bans_suite());
	srunner_add_suite(sr, store_bans_life_suite());
	srunner_add_suite(sr, store_names_suite());
	srunner_add_suite(sr, store_changes_suite());
	srunner_add_suite(sr, store_alarms_suite());
	srunner_add_suite(sr, store_appts_suite());
	srunner_add_suite(sr, store_staff_suite());
	srunner_add_suite(sr, visits_suite());
	srunner_add_suite(sr, appts_suite());
	srunner_add_suite(sr, store_visits_suite());
	srunner_add_suite(sr, config_hours_suite());
	srunner_add_suite(sr, sha256_suite());
	srunner_add_suite(sr, store_admin_suite());
	srunner_add_suite(sr, notices_suite());
	srunner_add_suite(sr, wire_suite());
	srunner_add_suite(sr, backups_suite());
	srunner_add_suite(sr, client_admin_suite());
	srunner_add_suite(sr, visitor_suite());
	srunner_add_suite(sr, bancheck_suite());
	srunner_add_suite(sr, store_health_suite());
	srunner_add_suite(sr, incidents_suite());
	srunner_add_suite(sr, config_incidents_suite());
	srunner_add_suite(sr, store_incidents_suite());
	srunner_add_suite(sr, named_suite());
	srunner_add_suite(sr, grow_suite());
	srunner_add_suite(sr, man_suite());
	if (testutil_all_taken() != 0) {
		srunner_free(sr);
		return EXIT_FAILURE;
	}
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
