#!/bin/sh
# staffing.sh — issue 6 on the console, at a fixed Thursday evening (18:30 in Amsterdam, the
# evening opening 18:00-20:00 running): one support member in of the two required shows the
# shortage and the protocol on every console; "nobody reachable" turns it into "police (112)";
# an overdue home visit shows on the notice strip with its mobile number until it is back;
# the roster, stale check-ins and the visit forms work from the keyboard.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
BALIE_NOW=2026-11-19T17:30:00Z
export TZ BALIE_NOW
NOW="TZ=$TZ BALIE_NOW=$BALIE_NOW"

e2e_config
e2e_init
e2e_cli staff add "Kees de Boer" --team support >/dev/null || e2e_fail "staff add failed"
e2e_cli staff in "Piet Bakker" >/dev/null || e2e_fail "staff in failed"
# A check-in left open since yesterday: shown, not counted.
(BALIE_NOW=2026-11-18T08:00:00Z; export BALIE_NOW; e2e_cli staff in "Kees de Boer" >/dev/null) ||
	e2e_fail "yesterday's check-in failed"
sed -e "s/porter = {\"$E2E_USER\"}/manager = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/mgr.conf"

e2e_start one 100 30 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_start two 80 24 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_TMP/mgr.conf" --db "$E2E_DB"

# The shortage now, in words, with the protocol; on the strip of both consoles.
e2e_expect one 'Now 18:00-20:00: !! TOO FEW \(1 of 2 present\)' "one: the shortage now is not shown"
e2e_expect one 'Too few members of the support team' "one: the protocol is not shown"
e2e_expect_all '!! Support team short now: 1 of 2 present' "no staffing warning on the strip" \
	one two
e2e_expect one '\[!\] Kees de Boer.*NO CHECKOUT since 18-11 09:00' "one: yesterday's check-in is not marked"

# A manager records on the command line that nobody can be reached: police (112) everywhere.
e2e_cli staff unreachable 2026-11-19 --period evening --note "Tried Kees and Jan" >/dev/null ||
	e2e_fail "staff unreachable failed"
for c in one two; do
	e2e_expect $c '!! Aggression → police \(112\)' "$c: no police (112) on the strip"
	e2e_wait_gone $c 'Support team short now' || e2e_fail "$c: the plain warning stays"
done
e2e_expect one 'AGGRESSION → POLICE \(112\)' "one: the staffing panel does not say police (112)"
e2e_expect one 'recorded by .*Tried Kees and Jan' "one: the record's note is not shown"

# A home visit whose expected return passed (recorded at 17:00, back at 18:00).
id=$( (BALIE_NOW=2026-11-19T16:00:00Z; export BALIE_NOW
	e2e_cli visit out "Fatma Yilmaz" --address "Dorpsstraat 1" --client "J. Jansen" \
		--back 18:00 --mobile 0611223344 --risk normal) ) || e2e_fail "visit out failed"
for c in one two; do
	e2e_expect $c '!! Visit OVERDUE: Fatma Yilmaz, mobile 0611223344' \
		"$c: the overdue visit is not on the strip with its mobile number"
done
e2e_expect one '!! OVERDUE Fatma Yilmaz +mobile 0611223344' "one: the visits panel does not say OVERDUE"
e2e_cli visit back "$id" --outcome "all well" >/dev/null || e2e_fail "visit back failed"
for c in one two; do
	e2e_wait_gone $c 'OVERDUE' || e2e_fail "$c: the visit stays overdue after 'visit back'"
done

# From the keyboard: a visit out (F4) and back (F5) in the home-visit panel, with the forms.
e2e_keys two Tab Tab Tab F4
e2e_expect two 'Home visit out' "two: F4 opened no form"
e2e_keys two -l "Sanne Bos"
e2e_keys two Tab
e2e_keys two -l "Laan 5"
e2e_keys two Tab
e2e_keys two -l "M. Kok"
e2e_keys two Tab
e2e_keys two -l "21:15"
e2e_keys two Tab F10
e2e_expect two 'Mobile: is required' "two: a visit without a mobile number was not refused"
e2e_keys two -l "0655555555"
e2e_keys two Tab Tab
e2e_keys two -l "normal"
e2e_keys two F10
e2e_expect one 'on a visit +Sanne Bos +mobile 0655555555' "one: the visit recorded in two is not listed"
e2e_keys two F5
e2e_expect two 'Back from the visit: Sanne Bos' "two: F5 opened no form"
e2e_keys two Enter
e2e_wait_gone one 'Sanne Bos' || e2e_fail "one: the visit stays after F5 in two"

# The porter puts Kees on tonight's roster (F6 in the staffing panel) and closes yesterday's
# check-in (F5).
e2e_keys one F2 Tab Tab Tab Home F6
e2e_expect one 'Evenings Kees de Boer works' "one: F6 opened no roster checklist"
e2e_keys one Space Enter
e2e_expect one 'Evening roster of Kees de Boer saved' "one: the roster was not saved"
e2e_keys one F5
e2e_expect one 'Close the check-in of Kees de Boer' "one: F5 on a stale check-in opened no form"
e2e_keys one Tab
e2e_keys one -l "forgot; closed by reception"
e2e_keys one Enter
e2e_expect one '\[ \] Kees de Boer +support \+evening out' "one: the stale check-in was not closed"
# A porter may not record "nobody reachable"; the manager withdraws it from the console.
e2e_keys one F7
e2e_expect one 'Only a manager records' "one: a porter was offered 'nobody reachable'"
e2e_keys two BTab F7
e2e_expect two 'Withdraw: 19-11 evening' "two: the record is not offered for withdrawal"
e2e_keys two Enter
e2e_expect two 'Withdraw "nobody reachable"' "two: no confirmation before withdrawing"
e2e_keys two y
for c in one two; do
	e2e_wait_gone $c 'police \(112\)' || e2e_fail "$c: police (112) stays after the withdrawal"
done
e2e_expect one '!! Support team short now: 1 of 2 present' "one: the warning did not come back"
# ... and records it again from the console (F7, the short period, a note).
e2e_keys two F7
e2e_expect two 'Record for Thu 19-11 18:00-20:00' "two: the short period is not offered"
e2e_keys two Enter
e2e_expect two 'Nobody of the support team reachable: Thu 19-11' "two: no form for the note"
e2e_keys two Enter
e2e_expect two 'Note: who was tried' "two: an empty note was accepted"
e2e_keys two -l "Called the standby list"
e2e_keys two Enter
e2e_expect_all '!! Aggression → police \(112\)' "the console's record shows no police (112)" one two
e2e_cli staff status >"$E2E_TMP/status" 2>&1
grep -q 'Called the standby list' "$E2E_TMP/status" || e2e_fail "the console's record is not in staff status"

# Every panel fits at 80x24; the help lists the new keys.
e2e_expect two 'Home visits' "two: no home-visit panel at 80x24"
e2e_keys one F1
e2e_expect one 'Help: keys' "one: F1 shows no help"
# Scrolled to the end when the keys do not fit at once.
e2e_keys one PgDn PgDn PgDn
e2e_expect one 'F4 +Record a home visit leaving now' "one: the help lacks the home-visit keys"
e2e_keys one Escape
e2e_wait_gone one 'Help: keys' || e2e_fail "one: the help does not close"

for c in one two; do
	e2e_quit $c
done
e2e_done
