#!/bin/sh
# staff.sh — 'balie staff': add, check in/out, evening roster, and the status with the
# support-team minimum now and for the evening opening.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db

# --- invalid input first
run staff add 'Piet Bakker'
expect_rc 2 "add without --team is an error"
run staff add 'Piet Bakker' --team chef
expect_rc 2 "add with an unknown team is an error"
expect_err_has 'staff add: --team: unknown team "chef"' "unknown team message"
run staff add --team support
expect_rc 2 "add without a name is an error"
run staff in 'Nobody Known'
expect_rc 2 "check-in of an unknown person is an error"
run staff roster 'Piet Bakker' 2026-02-30
expect_rc 2 "roster with 2026-02-30 is an error"
run staff roster 'Piet Bakker'
expect_rc 2 "roster without a date is an error"
run staff status --date someday
expect_rc 2 "status with a bad date is an error"
run staff status extra
expect_rc 2 "status with an argument is an error"

# --- add
run staff add 'Piet Bakker' --team support --phone '06-12345678'
expect_rc 0 "add a porter"
run staff add Ali Yıldız --team support
expect_rc 0 "add a porter with a two-word name given as two arguments"
run staff add 'Sanne Visser' --team counter
expect_rc 0 "add a counter clerk"
run staff add 'Piet Bakker' --team counter
expect_rc 2 "adding a name twice is an error"

# --- nobody in while open (Tuesday 14:00)
run staff status
expect_rc 0 "status exits 0"
expect_out_has "open to the public" "open on Tuesday afternoon"
expect_out_has "Support team present: 0 (minimum 2 while open)" "nobody of the support team"
expect_out_has "WARNING: support team short now: 0 of 2 present." "short warning"

# --- check in
run staff in 'Piet Bakker'
expect_rc 0 "check in"
run staff in 'Piet Bakker'
expect_rc 2 "checking in twice is an error"
run staff in 'Sanne Visser'
run staff status
expect_out_has "Support team present: 1 (minimum 2 while open)" "one of the support team in"
expect_out_has "Piet Bakker (since 14:00)" "who is in, since when"
expect_out_has "Counter staff present: 1" "counter staff counted apart"
expect_out_has "WARNING: support team short now: 1 of 2 present." "still short with one"
run staff in Ali Yıldız
run staff status
if grep -q "short now" "$tmp/out"; then not_ok "no warning with two in"; else ok "no warning with two in"; fi
run staff out 'Piet Bakker'
expect_rc 0 "check out"
run staff out 'Piet Bakker'
expect_rc 2 "checking out twice is an error"
run staff status
expect_out_has "WARNING: support team short now: 1 of 2 present." "short again after check-out"

# --- evening roster (Thursday 2026-11-26 has an evening opening 18:00-20:00)
run staff status --date 2026-11-24
expect_out_has "Evening opening 2026-11-24: none" "no evening opening on Tuesday"
run staff roster 'Piet Bakker' 2026-11-26
expect_rc 0 "put on the evening roster"
run staff status --date 2026-11-26
expect_out_has "Evening opening 2026-11-26 18:00-20:00: 1 scheduled of the support team (minimum 2)" \
	"evening opening with one scheduled"
expect_out_has "WARNING: evening opening 2026-11-26 short: 1 of 2 scheduled" "evening short warning"
run staff roster Ali Yıldız 2026-11-26
run staff status --date 2026-11-26
if grep -q "evening opening 2026-11-26 short" "$tmp/out"; then not_ok "no evening warning with two"; else
	ok "no evening warning with two scheduled"; fi
run staff roster Ali Yıldız 2026-11-26 --off
expect_rc 0 "roster --off"
run staff status --date 2026-11-26
expect_out_has "WARNING: evening opening 2026-11-26 short: 1 of 2 scheduled" "short again after --off"

# --- closed: Sunday, no minimum applies
BALIE_NOW=2026-11-29T13:00:00Z
export BALIE_NOW
run staff status
expect_out_has "closed to the public (no minimum)" "closed on Sunday"
if grep -q "short now" "$tmp/out"; then not_ok "no minimum while closed"; else ok "no minimum while closed"; fi

# --- the coming 7 days, the next period today, holidays and extra evenings (issue 6)
cat >>"$tmp/balie.conf" <<'CONF'
staffing_warning_before = 120
CONF
sed -i 's/^  evening_from = "17:00"$/  evening_from = "17:00"\n  closed = {"2026-12-24", "2026-12-25"}\n  extra = {"2026-12-23 18:00-20:00 evening", "2026-12-24 08:30-12:30"}/' "$tmp/balie.conf"
BALIE_NOW=2026-11-24T13:00:00Z
export BALIE_NOW
run staff status
expect_out_has "Now (2026-11-24 14:00): open to the public (08:30-17:00)" "now names the running period"
expect_out_has "Next public period today: none" "no second period on Tuesday"
expect_out_has "Evening opening 2026-11-26 18:00-20:00: 1 scheduled of the support team (minimum 2)" \
	"this Thursday's evening in the 7-day list"
if grep -q "2026-12-03" "$tmp/out"; then not_ok "next Thursday is beyond 7 days"; else
	ok "next Thursday is beyond 7 days"; fi
# Thursday 17:30: between the periods; the evening is next, warned within two hours.
BALIE_NOW=2026-11-26T16:30:00Z
run staff status
expect_out_has "closed to the public (no minimum)" "closed between the periods"
expect_out_has "Next public period today 18:00-20:00 (evening): 1 of the support team scheduled (minimum 2)" \
	"the evening is the next period, counted by the roster"
expect_out_has "WARNING: short for the period from 18:00: 1 of 2." "warned 30 minutes ahead"
# Thursday 14:00: four hours ahead, no warning yet for the evening.
BALIE_NOW=2026-11-26T13:00:00Z
run staff status
if grep -q "short for the period from 18:00" "$tmp/out"; then not_ok "no warning 4 hours ahead"; else
	ok "no warning 4 hours ahead"; fi
# During the evening, those present count, not the roster.
BALIE_NOW=2026-11-26T17:10:00Z
run staff in 'Piet Bakker'
BALIE_NOW=2026-11-26T17:30:00Z
run staff status
expect_out_has "Now (2026-11-26 18:30): open to the public (18:00-20:00)" "open in the evening"
expect_out_has "WARNING: evening opening 2026-11-26 short now: 1 of 2 present." \
	"the running evening counts those present"
# Christmas week: the extra Wednesday evening, Thursday the 24th mornings only, the 25th closed.
BALIE_NOW=2026-12-21T09:00:00Z
run staff status
expect_out_has "Evening opening 2026-12-23 18:00-20:00: 0 scheduled" "extra evening listed"
if grep -q "Evening opening 2026-12-24" "$tmp/out"; then not_ok "no evening on the 24th"; else
	ok "no evening on the 24th"; fi
BALIE_NOW=2026-12-25T10:00:00Z
run staff status
expect_out_has "closed to the public (no minimum)" "closed on Christmas Day"
run staff status --date 2026-12-24
expect_out_has "Evening opening 2026-12-24: none" "--date: no evening on the 24th"

# --- nobody reachable: a manager's record, shown with the police rule
BALIE_NOW=2026-11-24T13:00:00Z
run staff unreachable 2026-11-26 --period night --note x
expect_rc 2 "unreachable with an unknown period is an error"
run staff unreachable 2026-11-26 --period evening
expect_rc 2 "unreachable without --note is an error"
run staff unreachable 2026-11-23 --period evening --note x
expect_rc 2 "unreachable for a past date is an error"
run staff unreachable 2026-11-24 --period evening --note x
expect_rc 2 "unreachable for an evening that does not exist is an error"
expect_err_has "not open to the public then" "the closed period is named"
run staff unreachable 2026-11-26 --period evening --note 'Piet alone; reception told at 12:00'
expect_rc 0 "record nobody reachable for Thursday evening"
run staff unreachable 2026-11-26 --period evening --note again
expect_rc 2 "recording the same period twice is an error"
BALIE_NOW=2026-11-26T16:30:00Z
run staff status
expect_out_has "NOBODY REACHABLE, reception informed" "the record is shown"
expect_out_has "Any aggression: call the police at once (112)." "with the police rule"
run staff unreachable --withdraw 1
expect_rc 0 "withdraw the record"
run staff status
if grep -q "NOBODY REACHABLE" "$tmp/out"; then not_ok "withdrawn record not shown"; else
	ok "withdrawn record not shown"; fi
# A porter may check in, but not record this: only a manager.
cp "$tmp/balie.conf" "$tmp/porter.conf"
printf 'roles {\n  porter = {"%s"}\n}\n' "$(id -un)" >>"$tmp/porter.conf"
"$BALIE" --config "$tmp/porter.conf" --db "$tmp/t.db" staff unreachable 2026-11-26 \
	--period evening --note x >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "a porter may not record nobody reachable"
expect_err_has "only a manager" "the refusal names the role"

# --- stale check-ins: shown, not counted, closed only with a record
BALIE_NOW=2026-11-26T20:00:00Z
run staff status
expect_out_has "Check-ins to verify (still checked in):" "stale check-ins listed"
expect_out_has "still in after closing" "after closing"
BALIE_NOW=2026-11-27T08:00:00Z
run staff status
expect_out_has "and never checked out (not counted)" "from yesterday, not counted"
expect_out_has "Support team present: 0" "yesterday's check-in does not count"
run staff out Ali Yıldız --at '2026-11-26 20:00'
expect_rc 2 "out --at without --note is an error"
run staff out Ali Yıldız --at 'yesterday' --note x
expect_rc 2 "out --at with a bad time is an error"
run staff out Ali Yıldız --at '2026-11-23 20:00' --note x
expect_rc 2 "out --at before the check-in is an error"
run staff out Ali Yıldız --at '2026-11-26 20:00' --note 'left after the evening, forgot'
expect_rc 0 "close yesterday's check-in with a note"
run staff status
if grep -q "Ali Yıldız: checked in" "$tmp/out"; then not_ok "closed check-in gone"; else
	ok "closed check-in gone"; fi

finish
