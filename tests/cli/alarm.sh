#!/bin/sh
# alarm.sh — 'balie alarm': raise (never refused for an unknown place, but warned), the flow
# raise -> ack -> resolve, false alarms, resolve --all and the list.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

me=$(id -un)
fresh_db

# --- invalid input first
run alarm
expect_rc 2 "alarm without a command is an error"
run alarm ring 'Balie 1'
expect_rc 2 "unknown alarm command is an error"
run alarm raise
expect_rc 2 "raise without a location is an error"
run alarm raise --kind flood 'Balie 1'
expect_rc 2 "raise with an unknown kind is an error"
expect_err_has 'alarm raise: --kind: "flood" is not one of panic, robbery, test or fire' "unknown kind message"
run alarm raise "$(printf 'Balie\0331')"
expect_rc 2 "a location with a control character is an error"
# No service to reach: the one who raises is told plainly that no help is coming.
"$BALIE" --config "$tmp/balie.conf" --socket "$tmp/no-balied.sock" alarm raise 'Balie 1' \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "raise without a running service is an error"
expect_err_has "the service balied is not running" "raise without a service says why"
expect_err_has "alarm raise: the alarm was NOT raised; call the porters or the police by phone" \
	"raise without a service says the alarm was not raised and what to do"
run alarm ack
expect_rc 2 "ack without an id is an error"
run alarm ack one
expect_rc 2 "ack with a malformed id is an error"
run alarm ack 99
expect_rc 2 "ack of an unknown alarm is an error"
expect_err_has "alarm 99: no such alarm" "unknown alarm message"
run alarm resolve 1 2
expect_rc 2 "resolve with two ids is an error"
run alarm list --open
expect_rc 2 "list with an unknown option is an error"

# --- raise -> ack -> resolve
run alarm raise 'Balie 1'
expect_rc 0 "raise at a configured alarm point"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "raise prints the id"
expect_empty "$tmp/err" "no warning for a configured alarm point"

run alarm raise --kind robbery Hal bij de lift
expect_rc 0 "raise at an unknown place is accepted"
printf '2\n' >"$tmp/want"
expect_out "$tmp/want" "raise at an unknown place prints the id"
expect_err_has 'alarm raise: warning: "Hal bij de lift" is not a configured alarm point' \
	"unknown place gives a warning"

run alarm list --tsv
cat >"$tmp/want" <<TSV
1${TAB}2026-11-24 14:00${TAB}panic${TAB}Balie 1${TAB}new${TAB}${TAB}${TAB}${TAB}
2${TAB}2026-11-24 14:00${TAB}robbery${TAB}Hal bij de lift${TAB}new${TAB}${TAB}${TAB}${TAB}
TSV
expect_out "$tmp/want" "list shows the open alarms oldest first"

run alarm ack 1
expect_rc 0 "ack"
run alarm ack 1
expect_rc 0 "acking twice is fine"
run alarm list --tsv
if grep -q "^1${TAB}.*${TAB}acknowledged${TAB}${me}${TAB}${TAB}${TAB}\$" "$tmp/out"; then ok "acknowledged by the porter"; else
	not_ok "acknowledged by the porter"; sed 's/^/#   /' "$tmp/out"; fi
run alarm list
expect_out_has "on the way: $me" "human list shows who is on the way"

run alarm resolve 1
expect_rc 0 "resolve"
run alarm resolve 1
expect_rc 2 "resolving twice is an error"
run alarm ack 1
expect_rc 2 "acking a resolved alarm is an error"
run alarm cancelled 2
expect_rc 2 "an open alarm is not cancelled at the alarm centre"
expect_err_has "alarm 2: not a false alarm" "named as such"
# Raised at 14:00; marked false at 14:02: three minutes left to cancel (Veghel annex 10).
BALIE_NOW=2026-11-24T13:02:00Z
run alarm false 2
expect_rc 0 "false alarm"
expect_out_has "Cancel the alarm at the alarm centre now: 3:00 left (until 14:05). Then record it: balie alarm cancelled 2" \
	"the false alarm says to cancel within 5 minutes"
run alarm list --all
expect_out_has "false alarm (${me}); NOT cancelled at the alarm centre" "not cancelled yet"
BALIE_NOW=2026-11-24T13:04:00Z
run alarm cancelled 2
expect_rc 0 "cancelled at the alarm centre in time"
expect_empty "$tmp/err" "in time: no warning"
run alarm cancelled 2
expect_rc 2 "cancelled twice"
expect_err_has "its cancellation is recorded already" "twice named"
run alarm cancelled 99
expect_err_has "alarm 99: no such alarm" "an unknown alarm"
run alarm cancelled x
expect_err_has '"x" is not an alarm id' "a malformed id"
run alarm list --all
expect_out_has "false alarm (${me}); cancelled at the alarm centre at 14:04 by ${me}" \
	"the list shows who cancelled and when"
BALIE_NOW=2026-11-24T13:00:00Z
run alarm list --tsv
expect_empty "$tmp/out" "no open alarms left"
run alarm list
expect_out_has "No open alarms." "human list says so"

run alarm list --all --tsv
cat >"$tmp/want" <<TSV
2${TAB}2026-11-24 14:00${TAB}robbery${TAB}Hal bij de lift${TAB}false${TAB}${TAB}${me}${TAB}2026-11-24 14:04${TAB}${me}
1${TAB}2026-11-24 14:00${TAB}panic${TAB}Balie 1${TAB}resolved${TAB}${me}${TAB}${me}${TAB}${TAB}
TSV
expect_out "$tmp/want" "list --all shows closed alarms, newest first"

# --- resolve --all
run alarm resolve --all
expect_rc 0 "resolve --all with nothing open"
printf 'resolved 0 alarms\n' >"$tmp/want"
expect_out "$tmp/want" "resolve --all counts zero"
run alarm raise 'Balie 2'
run alarm raise --kind test 'Spreekkamer 006'
run alarm raise Weegbrug
run alarm ack 3
run alarm resolve --all
expect_rc 0 "resolve --all"
printf 'resolved 3 alarms\n' >"$tmp/want"
expect_out "$tmp/want" "resolve --all prints how many"
run alarm list --all --tsv
if grep -q "^4${TAB}.*${TAB}test${TAB}Spreekkamer 006${TAB}tested${TAB}" "$tmp/out"; then
	ok "a test alarm closes as tested"; else not_ok "a test alarm closes as tested"; fi
run alarm list --tsv
expect_empty "$tmp/out" "nothing open after resolve --all"
run alarm resolve --all 3
expect_rc 2 "resolve --all with an id is an error"

# --- a false alarm marked after the 5 minutes: cancel at once
run alarm raise 'Balie 1'
id=$(cat "$tmp/out")
BALIE_NOW=2026-11-24T13:06:00Z
run alarm false "$id"
expect_out_has "The 5 minutes to cancel at the alarm centre passed at 14:05: cancel it at once" \
	"late: cancel at once"
run alarm cancelled "$id"
expect_rc 0 "a late cancellation is recorded"
expect_err_has "recorded, but later than 5 minutes after the alarm" "and said to be late"
BALIE_NOW=2026-11-24T13:00:00Z

# --- the kind of a point comes from balie.conf: a robbery or fire point raises its own
sed 's/^  alarm_points = {"Balie 1", "Balie 2", "Spreekkamer 006"}$/&\
  robbery_points = {"Kassa burgerzaken"}\
  fire_points = {"Hal"}/' "$tmp/balie.conf" >"$tmp/points.conf"
mv "$tmp/points.conf" "$tmp/balie.conf"
run alarm raise 'Kassa burgerzaken'
expect_rc 0 "a robbery point raises"
expect_empty "$tmp/err" "a robbery point is a configured alarm point"
run alarm raise Hal
run alarm raise --kind test Hal
run alarm list --tsv
if grep -q "${TAB}robbery${TAB}Kassa burgerzaken${TAB}new" "$tmp/out" &&
   grep -q "${TAB}fire${TAB}Hal${TAB}new" "$tmp/out" && grep -q "${TAB}test${TAB}Hal${TAB}new" "$tmp/out"
then ok "robbery and fire points raise their kind; --kind still wins"; else
	not_ok "robbery and fire points raise their kind; --kind still wins"; sed 's/^/#   /' "$tmp/out"; fi
# a point in two lists is a configuration error naming the file and line
sed 's/^  fire_points = {"Hal"}$/  fire_points = {"Hal", "Balie 2"}/' "$tmp/balie.conf" >"$tmp/two.conf"
"$BALIE" --config "$tmp/two.conf" --db "$tmp/t.db" alarm list >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "an alarm point in two lists is refused"
expect_err_has "two.conf:" "the message names the file"
expect_err_has '"Balie 2" is in alarm_points as well' "the message names the point"

finish
