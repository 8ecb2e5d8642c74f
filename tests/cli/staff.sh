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

finish
