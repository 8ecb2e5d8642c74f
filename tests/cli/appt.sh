#!/bin/sh
# appt.sh — 'balie appt': add, flag risky with precautions, list a day with visitors on the
# ban list marked BANNED.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db bans
add() { run appt add --date 2026-11-24 --host 'Annet de Boer' "$@"; }
# The same risky appointment in the safe room, with a visitor who has an entry ban (ban 1).
add_banned() {
	add --start 14:00 --end 15:00 --visitor 'Jan de Vries' --born 1980-05-01 \
		--room 'Spreekkamer 006' --precautions safe_room,porter
}

# --- invalid input first
add --start 14:00 --end 15:00
expect_rc 2 "add without --visitor is an error"
expect_err_has "appt add: missing --visitor" "missing option named"
add --start 14:00 --end 13:00 --visitor 'Sanne Bakker'
expect_rc 2 "end before start is an error"
add --start 14:00 --end 25:00 --visitor 'Sanne Bakker'
expect_rc 2 "25:00 is an error"
expect_err_has 'appt add: --end: "25:00" is not a time (HH:MM)' "bad time message"
run appt add --date 2027-02-30 --start 14:00 --end 15:00 --host H --visitor V
expect_rc 2 "2027-02-30 is an error"
expect_err_has 'appt add: --date: "2027-02-30" is not a date (such as 3-2-2027 or 2027-02-03)' \
	"bad date message"
add --start 14:00 --end 15:00 --visitor V --precautions safe_room,bodyguard
expect_rc 2 "an unknown precaution is an error"
expect_err_has 'unknown precaution "bodyguard"' "unknown precaution message"
add --start 14:00 --end 15:00 --visitor "$(printf 'V\033x')"
expect_rc 2 "a control character in the visitor is an error"
run appt flag 99
expect_rc 2 "flag of an unknown appointment is an error"
run appt list --date tomorrow
expect_rc 2 "list with a bad date is an error"

# --- issue 13: a visitor with an entry ban here, and the safe room
add_banned
expect_rc 2 "an appointment with a banned visitor is refused"
expect_err_has "appt add: the visitor is on the ban list (ban 1, building ban until 2027-02-28): no appointment unless an exception is recorded first: balie ban exception add 1 --kind appointment --date 2026-11-24 --detail TEXT" \
	"the refusal names the ban and how to record an exception"
run appt list --tsv
expect_empty "$tmp/out" "nothing written"
add --start 14:00 --end 15:00 --visitor 'Sanne Bakker' --room 'Kamer 3' --precautions safe_room
expect_rc 2 "safe_room in a room that is not a safe room"
expect_err_has '"Kamer 3" is not a safe interview room (balie.conf, safe_rooms)' "named as such"
add --start 14:00 --end 15:00 --visitor 'Sanne Bakker' --precautions safe_room
expect_err_has "appt add: the precaution safe_room needs the room of the appointment" \
	"safe_room without a room"
run ban exception add 1 --kind appointment --date 2026-11-24 --detail '14:00 Spreekkamer 006, Annet de Boer'
expect_rc 0 "an exception for the appointment, arranged by phone"

# --- add and list
add_banned
expect_rc 0 "add a risky appointment with a banned visitor, exception recorded"
expect_err_has "appt add: warning: the visitor is on the ban list (ban 1); an exception is recorded for that day" \
	"the ban is shown with its exception"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "add prints the id"
add --start 10:00 --end 10:30 --visitor 'Sanne Bakker'
expect_rc 0 "add an ordinary appointment"
run appt add --date 2026-11-25 --start 09:00 --end 09:30 --host H --visitor 'Other Day'
expect_rc 0 "add an appointment on another day"
# Risky appointments outside public hours: refused unless a manager overrides with a reason
# (the test user created the database and so has every role).
add --start 18:30 --end 19:00 --visitor 'Kees Late' --risky
expect_rc 2 "a risky appointment after hours is refused"
expect_err_has "outside public opening hours is not allowed" "refusal names the rule"
add --start 18:30 --end 19:00 --visitor 'Kees Late' --risky \
	--override-reason 'Only possible after work; porter stays'
expect_rc 0 "a manager's override with a reason is accepted"
expect_empty "$tmp/err" "no warning with an override"

run appt list --tsv
cat >"$tmp/want" <<TSV
2${TAB}2026-11-24${TAB}10:00${TAB}10:30${TAB}Annet de Boer${TAB}Sanne Bakker${TAB}${TAB}${TAB}no${TAB}${TAB}
1${TAB}2026-11-24${TAB}14:00${TAB}15:00${TAB}Annet de Boer${TAB}Jan de Vries${TAB}1980-05-01${TAB}Spreekkamer 006${TAB}yes${TAB}safe_room,porter${TAB}BANNED
4${TAB}2026-11-24${TAB}18:30${TAB}19:00${TAB}Annet de Boer${TAB}Kees Late${TAB}${TAB}${TAB}yes${TAB}${TAB}
TSV
expect_out "$tmp/want" "list --tsv: today's appointments in local time, banned visitor marked"

run appt list --risky --tsv
if [ "$(cut -f1 "$tmp/out" | tr '\n' ' ')" = "1 4 " ]; then ok "list --risky shows only risky ones"; else
	not_ok "list --risky shows only risky ones"; fi
run appt list --date 2026-11-25 --tsv
if [ "$(cut -f1,6 "$tmp/out")" = "3${TAB}Other Day" ]; then ok "list --date picks the day"; else not_ok "list --date picks the day"; fi
run appt list
expect_out_has "BANNED" "human list marks the banned visitor"
expect_out_has "RISKY" "human list marks risky appointments"

# --- flag
run appt flag 2 --precautions colleague,police
expect_rc 0 "flag an appointment"
run appt list --tsv
if grep -q "^2${TAB}.*${TAB}yes${TAB}colleague,police${TAB}\$" "$tmp/out"; then ok "flag sets risky and precautions"; else
	not_ok "flag sets risky and precautions"; sed 's/^/#   /' "$tmp/out"; fi
run appt flag 2
expect_rc 0 "flag again without --precautions"
run appt list --tsv
if grep -q "^2${TAB}.*${TAB}yes${TAB}colleague,police${TAB}\$" "$tmp/out"; then ok "precautions kept"; else not_ok "precautions kept"; fi
run appt flag 2 --off
expect_rc 0 "flag --off"
run appt list --tsv
if grep -q "^2${TAB}.*${TAB}no${TAB}${TAB}\$" "$tmp/out"; then ok "--off clears the flag"; else not_ok "--off clears the flag"; fi
run appt flag 2 --off --precautions police
expect_rc 2 "--off with --precautions is an error"

# --- a reason that is not needed is not recorded, and the operator is told
add --start 11:00 --end 11:30 --visitor 'Piet Vroeg' --risky --override-reason 'just in case'
expect_rc 0 "a risky appointment within hours with a reason is added"
expect_err_has "not needed, the appointment lies within public opening hours (not recorded)" \
	"told the reason is not needed within hours"
add --start 11:30 --end 11:45 --visitor 'Piet Gewoon' --override-reason 'just in case'
expect_err_has "not needed for an appointment that is not risky (not recorded)" \
	"told the reason is not needed when not risky"
run appt list
if grep -q "Piet Vroeg  RISKY" "$tmp/out" && ! grep -q "Piet Vroeg.*allowed by" "$tmp/out"; then
	ok "the reason is not recorded"; else not_ok "the reason is not recorded"; fi
# Flagging the evening appointment again: the manager's reason of before still holds.
run appt flag 4 --precautions porter
expect_rc 0 "an appointment allowed after hours may get other precautions without a new reason"
run appt add --date 2026-11-24 --start 14:00 --end 15:00 --host H --visitor V --dat 2026-11-25
expect_rc 2 "an abbreviated option is an error"
expect_err_has "options are spelt out in full: did you mean --date?" "the option meant is named"

finish
