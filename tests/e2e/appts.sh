#!/bin/sh
# appts.sh — risky appointments in the console: a manager flags one within public hours at
# once; outside public hours (domain rule: never planned then) the console asks for the
# manager's reason, flags nothing without one, and keeps the reason with the appointment.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
BALIE_NOW=2026-11-26T09:00:00Z # Thursday 10:00; public 08:30-17:00 and 18:00-20:00
export TZ BALIE_NOW

e2e_config
e2e_init
e2e_cli appt add --date 2026-11-26 --start 11:00 --end 12:00 --host "Annet de Boer" \
	--visitor "Karel Peeters" --room "Spreekkamer 006" >/dev/null || e2e_fail "appt add (day) failed"
e2e_cli appt add --date 2026-11-26 --start 19:30 --end 20:30 --host "Annet de Boer" \
	--visitor "Wim Smits" --room "Spreekkamer 008" >/dev/null || e2e_fail "appt add (late) failed"
sed -e "s/porter = {\"$E2E_USER\"}/manager = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/mgr.conf"

e2e_start desk 100 30 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_TMP/mgr.conf" --db "$E2E_DB"
e2e_expect desk 'Karel Peeters' "the day's appointment is not shown"
e2e_keys desk Tab # to the appointments

# Within public hours: F5, Enter flags it.
e2e_keys desk F5
e2e_expect desk 'risky appointment' "F5 opened no checklist"
e2e_keys desk Enter
e2e_expect desk 'Appointment flagged as risky' "the appointment within hours was not flagged"

# Outside public hours (19:30-20:30 runs past 20:00): a reason is asked for.
e2e_keys desk Down
e2e_keys desk F5
e2e_expect desk 'risky appointment' "F5 opened no checklist for the late appointment"
e2e_keys desk Enter
e2e_expect desk 'Outside public opening hours' "no override asked for outside public hours"
e2e_keys desk Escape
e2e_expect desk 'Not flagged' "cancelling the override did not say it flagged nothing"
e2e_cli appt list --date 2026-11-26 --tsv | grep 'Wim Smits' | grep -q '	1	' &&
	e2e_fail "the late appointment was flagged without a reason"

e2e_keys desk F5
e2e_keys desk Enter
e2e_expect desk 'Outside public opening hours' "no override asked for the second time"
e2e_keys desk Enter
e2e_expect desk 'Reason: is required' "an override without a reason was not refused"
e2e_keys desk -l 'Police asked for an evening meeting'
e2e_keys desk Enter
e2e_expect desk 'Appointment flagged as risky' "the override did not flag it"
e2e_cli appt list --date 2026-11-26 | grep 'Wim Smits' |
	grep -q 'outside public hours, allowed by .*: Police asked for an evening meeting' ||
	e2e_fail "the override reason is not kept with the appointment"

# Issue 13: the precaution "safe room" needs a safe interview room; Kamer 3 is none.
e2e_cli appt add --date 2026-11-26 --start 14:00 --end 15:00 --host "Annet de Boer" \
	--visitor "Els Kamer" --room "Kamer 3" >/dev/null || e2e_fail "appt add (Kamer 3) failed"
e2e_expect desk 'Els Kamer' "the third appointment is not shown"
e2e_keys desk Home Down Down
e2e_keys desk F5
e2e_expect desk 'with Annet de Boer' "F5 opened no checklist for the third appointment"
e2e_keys desk Down Space Enter
e2e_expect desk 'Not flagged: Kamer 3 is not a safe interview room' \
	"a safe room precaution in a room that is none was not refused"
e2e_cli appt list --date 2026-11-26 --tsv | grep 'Els Kamer' | grep -q '	yes	' &&
	e2e_fail "the appointment in Kamer 3 was flagged with a safe room"
e2e_quit desk

e2e_done
