#!/bin/sh
# midnight.sh — a console left running over midnight shows the new day: the appointments of
# the new day come in and yesterday's go, without a key pressed or a record changed (the
# console reloads every panel at a new day; the panels no longer do it themselves).
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
# Thursday 23:59:52 local time; the trailing '+' lets this clock run, so midnight comes
# about eight seconds after the console first reads it.
BALIE_NOW=2026-11-26T22:59:52Z+
export TZ BALIE_NOW
E2E_TIMEOUT=20 # midnight comes eight seconds after the start, later on a loaded machine

e2e_config
e2e_init
e2e_cli appt add --date 2026-11-26 --start 11:00 --end 12:00 --host "Annet de Boer" \
	--visitor "Karel Donderdag" --room "Spreekkamer 006" >/dev/null ||
	e2e_fail "appt add (Thursday) failed"
e2e_cli appt add --date 2026-11-27 --start 09:00 --end 10:00 --host "Annet de Boer" \
	--visitor "Vera Vrijdag" --room "Spreekkamer 008" >/dev/null ||
	e2e_fail "appt add (Friday) failed"

e2e_start desk 100 30 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect desk 'Karel Donderdag' "Thursday's appointment is not shown on Thursday"
e2e_expect_not desk 'Vera Vrijdag' "Friday's appointment is shown on Thursday"

# Past midnight: nothing typed, nothing written.
e2e_expect desk 'Vera Vrijdag' "Friday's appointment did not come in after midnight"
e2e_wait_gone desk 'Karel Donderdag' || e2e_fail "Thursday's appointment stayed after midnight"

e2e_quit desk
e2e_done
