#!/bin/sh
# incidents.sh — issue 13 at the desk: an incident registered from a resolved alarm (F4 in
# the incidents panel: category, channel, one line; time, place and employee taken from the
# alarm), the follow-up steps a manager sees (a receptionist does not), a step marked done
# (F6) and an incident's details (F3, audited); a false alarm's 5 minutes to cancel it at
# the alarm centre, on every console's strip, and who cancelled it (F5; a receptionist may
# not). Every result is checked through the command line, not the screen alone.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
BALIE_NOW=2026-11-24T13:00:00Z # Tuesday 14:00
export TZ BALIE_NOW

e2e_config
e2e_init
sed "s/^  porter = {\"$E2E_USER\"}/  manager = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/mgr.conf"
sed "s/^  porter = {\"$E2E_USER\"}/  receptionist = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/rec.conf"

# Alarm 1 at Balie 2, resolved by the porters; alarm 2 at Balie 1, a false alarm.
e2e_cli alarm raise "Balie 2" >/dev/null || e2e_fail "alarm raise failed"
e2e_cli alarm resolve 1 >/dev/null || e2e_fail "alarm resolve failed"
e2e_cli alarm raise "Balie 1" >/dev/null || e2e_fail "alarm raise failed"
e2e_cli alarm false 2 >/dev/null || e2e_fail "alarm false failed"

e2e_start mgr 100 40 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_TMP/mgr.conf" --db "$E2E_DB"
e2e_start rec 100 40 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_TMP/rec.conf" --db "$E2E_DB"

# --- the false alarm: the countdown on every console, in the panel and on the strip
for c in mgr rec; do
	e2e_expect $c '14:00 Balie 1: FALSE ALARM - cancel it at the alarm centre: 5:00 left' \
		"$c: the false alarm's countdown is not in the incidents panel"
	e2e_expect $c '!! False alarm at Balie 1: cancel it at the alarm centre, 5:00 left' \
		"$c: the false alarm's countdown is not on the notice strip"
	e2e_expect $c '14:00 Balie 2: resolved by' "$c: the resolved alarm is not listed"
	e2e_expect $c 'F4 here: an incident that followed no alarm' "$c: no row for a new incident"
	# to the incidents panel: the fifth after the visitor check
	e2e_keys $c Tab Tab Tab Tab
	e2e_expect $c 'F4 Incident F5 Cancelled' "$c: the incidents keys are not on the key bar"
done

# A receptionist may not record the cancellation: refused, said, audited.
e2e_keys rec F5
e2e_expect rec 'may not handle alarms' "rec: the refusal was not told"
[ "$(e2e_cli alarm list --all --tsv | awk -F'\t' '$1 == 2 {print $8}')" = "" ] ||
	e2e_fail "a receptionist's F5 recorded a cancellation"

# The manager records it: both consoles show who did and when; the strip is calm again.
e2e_keys mgr F5
e2e_expect mgr 'Balie 1: cancelled at the alarm centre in time; recorded' \
	"mgr: the cancellation was not confirmed"
for c in mgr rec; do
	e2e_expect $c "Balie 1: false alarm, cancelled at the alarm centre at 14:00 by $E2E_USER" \
		"$c: who cancelled is not shown"
	e2e_wait_gone $c 'False alarm at Balie 1: cancel it' ||
		e2e_fail "$c: the countdown stayed on the strip"
done
line=$(e2e_cli alarm list --all --tsv | awk -F'\t' '$1 == 2 {print $8 "|" $9}')
[ "$line" = "2026-11-24 14:00|$E2E_USER" ] || e2e_fail "the cancellation in the database: $line"

# --- an incident from the resolved alarm (the third row): category, channel, one line
e2e_keys mgr Down Down
e2e_keys mgr F4
e2e_expect mgr 'Incident after alarm 1: what happened' "mgr: F4 did not start from alarm 1"
e2e_keys mgr Down Down Down Down Down Down Down Enter   # physical violence
e2e_expect mgr 'How did it take place' "mgr: no channel asked"
e2e_keys mgr Enter                                       # at the counter
e2e_expect mgr 'Incident: physical violence, at the counter' "mgr: no form"
e2e_expect mgr 'Place +: +Balie 2' "mgr: the place is not the alarm's point"
e2e_expect mgr 'When +: +2026-11-24 14:00' "mgr: the time is not the alarm's"
e2e_keys mgr Tab Tab Tab
e2e_keys mgr -l "Klant sloeg met de vuist op de balie en duwde de medewerker"
e2e_keys mgr F10
e2e_expect mgr 'Incident 1 registered \(physical violence\); a manager completes it' \
	"mgr: the registration was not confirmed"
e2e_cli incident list --tsv >"$E2E_TMP/list" 2>&1
grep -q "^1	2026-11-24 14:00	physical	counter	Balie 2	$E2E_USER	" "$E2E_TMP/list" ||
	{ e2e_fail "the incident in the database:"; cat "$E2E_TMP/list" >&2; }
e2e_cli incident show 1 >"$E2E_TMP/show" 2>&1
grep -q 'Klant sloeg met de vuist' "$E2E_TMP/show" || e2e_fail "the description was not saved"
grep -Eq "witnesses: +$E2E_USER\$" "$E2E_TMP/show" ||
	{ e2e_fail "who responded is not a witness:"; cat "$E2E_TMP/show" >&2; }
grep -Eq 'alarm: +1$' "$E2E_TMP/show" || { e2e_fail "the incident is not linked to alarm 1:"
	cat "$E2E_TMP/show" >&2; }

# --- the follow-up: the manager sees the steps, the receptionist does not
e2e_expect mgr 'due by 25-11 14:00: 1 physical violence, Balie 2: aftercare contact 1' \
	"mgr: the follow-up steps are not listed"
e2e_expect mgr 'steps to do, 0 overdue' "mgr: the count of steps is missing"
e2e_expect_not rec 'aftercare contact' "rec: a receptionist sees the follow-up"
e2e_keys rec F6
e2e_expect rec 'may not see, complete or follow up incidents' "rec: F6 was not refused"

# Details of the incident (F3) from its first step: a window with the form and the steps;
# the look is audited.
e2e_keys mgr Down F3
e2e_expect mgr 'Incident 1' "mgr: no details window"
e2e_expect mgr 'Follow-up:' "mgr: the details lack the steps"
e2e_keys mgr Escape
e2e_wait_gone mgr 'Follow-up:' || e2e_fail "mgr: the details window did not close"
e2e_cli audit --action incident.show --tsv >"$E2E_TMP/audit" 2>&1
grep -q 'incident:1' "$E2E_TMP/audit" || e2e_fail "the look at incident 1 was not audited"

# The first step marked done (F6), with a note: gone from the list, done in the database.
e2e_keys mgr F6
e2e_expect mgr 'Incident 1: aftercare contact 1 .* done, now, by you' "mgr: F6 opened no form"
e2e_keys mgr -l "Gebeld, gaat goed"
e2e_keys mgr F10
e2e_expect mgr 'Incident 1: aftercare contact 1 .* done' "mgr: the step was not confirmed"
e2e_wait_gone mgr 'due by 25-11 14:00: 1 physical' || e2e_fail "mgr: the step done stayed listed"
e2e_cli incident due --all --tsv >"$E2E_TMP/due" 2>&1
grep -q "^1	aftercare1	done	.*	$E2E_USER\$" "$E2E_TMP/due" ||
	{ e2e_fail "the step done in the database:"; cat "$E2E_TMP/due" >&2; }

# A receptionist registers one too, on the first row: not after an alarm (now, at the desk).
e2e_keys rec Home F4
e2e_expect rec 'Incident: what happened' "rec: F4 was refused to a receptionist"
e2e_keys rec Enter Enter    # verbal aggression, at the counter
e2e_expect rec 'Incident: verbal aggression, at the counter' "rec: no form"
e2e_keys rec F10
e2e_expect rec 'Place: .* is not a known place|What happened: one line is required' \
	"rec: an incomplete form was not refused"
e2e_keys rec -l "Scheldde de medewerker uit"   # the cursor is in the field named
e2e_keys rec F10
e2e_expect rec 'Incident 2 registered' "rec: the receptionist's incident was not saved"

e2e_quit mgr
e2e_quit rec
e2e_done
