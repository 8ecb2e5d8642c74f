#!/bin/sh
# visit.sh — 'balie visit': the home-visit back-up board. Leaving, coming back, the list
# with overdue visits and their phone numbers, across midnight and the DST change.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db
out() { run visit out 'Anne de Vries' --address 'Dorpsstraat 1, Ermelo' --client 'J. Jansen' \
	--risk normal "$@"; }

# --- invalid input first (the clock: Tuesday 2026-11-24 14:00)
out --back 16:00
expect_rc 2 "out without --mobile is an error"
expect_err_has "visit out: missing --mobile" "missing option named"
out --mobile 06-11111111
expect_rc 2 "out without --back is an error"
out --back 4pm --mobile 06-11111111
expect_rc 2 "a malformed time is an error"
expect_err_has 'visit out: --back: "4pm" is not a time' "bad time message"
out --back 13:00 --mobile 06-11111111
expect_rc 2 "a return time in the past is an error"
expect_err_has "is not in the future" "past time message"
out --back 16:00 --call-at 17:00 --mobile 06-11111111
expect_rc 2 "a call time after the return is an error"
run visit out --address A --client C --back 16:00 --mobile M --risk normal
expect_rc 2 "out without a name is an error"
out --back 16:00 --mobile "$(printf '06\033x')"
expect_rc 2 "a control character in the mobile number is an error"
run visit back 1
expect_rc 2 "back of an unknown visit is an error"
run visit back x1
expect_rc 2 "a malformed id is an error"
run visit list extra
expect_rc 2 "list with an argument is an error"
run visit list
expect_rc 0 "an empty board exits 0"
expect_out_has "Nobody is out on a home visit." "empty board message"

# --- out and list
out --back 16:00 --call-at 15:00 --mobile 06-11111111
expect_rc 0 "record a home visit"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "out prints the id"
run visit out Piet Bakker --address 'Kerkplein 2' --client 'K. de Boer' --risk normal \
	--back '2026-11-24 17:30' --mobile 06-22222222
expect_rc 0 "a second visit, name in two words, back time with a date"
run visit list --tsv
expect_rc 0 "nobody overdue yet: exit 0"
cat >"$tmp/want" <<TSV
1${TAB}out${TAB}Anne de Vries${TAB}Dorpsstraat 1, Ermelo${TAB}J. Jansen${TAB}06-11111111${TAB}2026-11-24 14:00${TAB}2026-11-24 16:00${TAB}2026-11-24 15:00${TAB}${TAB}${TAB}normal${TAB}${TAB}
2${TAB}out${TAB}Piet Bakker${TAB}Kerkplein 2${TAB}K. de Boer${TAB}06-22222222${TAB}2026-11-24 14:00${TAB}2026-11-24 17:30${TAB}${TAB}${TAB}${TAB}normal${TAB}${TAB}
TSV
expect_out "$tmp/want" "list --tsv: both out, the first deadline first"

# --- the call time passes: overdue with the number to call
BALIE_NOW=2026-11-24T14:00:00Z
run visit list
expect_rc 1 "an overdue visit: exit 1"
expect_out_has "OVERDUE: no call since 15:00: call 06-11111111" "call time passed, phone shown"
# --- the return time passes
BALIE_NOW=2026-11-24T15:05:00Z
run visit list
expect_out_has "OVERDUE since 16:00: call 06-11111111" "return time passed, phone shown"
if grep -q "06-22222222  Piet" "$tmp/out"; then ok "Piet not yet overdue"; else
	if grep -q "OVERDUE.*06-22222222" "$tmp/out"; then not_ok "Piet not yet overdue"; else
		ok "Piet not yet overdue"; fi; fi
# --- back with an outcome ends it
run visit back 1 --outcome 'Back, all well'
expect_rc 0 "record the return"
run visit back 1
expect_rc 2 "back twice is an error"
expect_err_has "already back" "already back message"
run visit list --tsv
expect_rc 0 "nobody overdue after the return"
if grep -q "^1${TAB}" "$tmp/out"; then not_ok "a visit that is back leaves the board"; else
	ok "a visit that is back leaves the board"; fi
run visit list --all --tsv
if grep -q "^1${TAB}back${TAB}.*${TAB}2026-11-24 16:05${TAB}Back, all well${TAB}normal${TAB}${TAB}\$" "$tmp/out"; then
	ok "--all shows the return and outcome"; else not_ok "--all shows the return and outcome"
	sed 's/^/#   /' "$tmp/out"; fi

# --- across midnight: back tomorrow needs the date
BALIE_NOW=2026-11-24T22:30:00Z
run visit out Ria --address 'Nachtweg 3' --client X --back 00:30 --mobile 06-3 --risk normal
expect_rc 2 "00:30 at 23:30 is today's, in the past"
run visit out Ria --address 'Nachtweg 3' --client X --back '2026-11-25 00:30' --mobile 06-3 --risk normal
expect_rc 0 "back after midnight with the date"
BALIE_NOW=2026-11-24T23:31:00Z
run visit list
expect_out_has "OVERDUE since 00:30: call 06-3" "overdue after midnight"
expect_out_has "OVERDUE since 2026-11-24 17:30: call 06-22222222" "yesterday's visit still overdue, with its date"

# --- the DST change: 02:30 does not exist on 2026-03-29, happens twice on 2026-10-25
BALIE_NOW=2026-03-28T22:00:00Z
run visit out Kees --address A --client C --back '2026-03-29 02:30' --mobile 06-4 --risk normal
expect_rc 2 "a time skipped by the clock change is an error"
expect_err_has "does not exist" "skipped time message"
BALIE_NOW=2026-10-24T22:00:00Z
run visit out Kees --address A --client C --back '2026-10-25 02:30' --mobile 06-4 --risk normal
expect_rc 0 "a time that occurs twice is accepted"
run visit list --all --tsv
if grep -q "Kees.*${TAB}2026-10-25 02:30${TAB}" "$tmp/out"; then ok "shown as 02:30"; else
	not_ok "shown as 02:30"; sed 's/^/#   /' "$tmp/out"; fi
BALIE_NOW=2026-10-25T00:30:00Z
run visit list
expect_out_has "OVERDUE since 02:30: call 06-4" "overdue at the first 02:30"

# --- issue 13: the risk assessed, two go together, the client checked against the bans
anne() { run visit out 'Anne de Vries' --address 'Dorpsstraat 1, Ermelo' --client 'J. Jansen' "$@"; }
anne --back 16:00 --mobile 06-5 --risk high
expect_rc 2 "an unknown risk"
expect_err_has 'visit out: --risk: "high" is not one of normal or raised' "the risks are named"
run visit out Anne --address A --client C --back 16:00 --mobile 06-5
expect_err_has "visit out: missing --risk" "the risk must be assessed"
anne --back 16:00 --mobile 06-5 --risk raised
expect_rc 2 "a raised risk without a colleague"
expect_err_has "--with: two go together when the risk is raised" "two go together"
anne --back 16:00 --mobile 06-5 --risk raised --with 'Bas Smit'
expect_rc 0 "a raised risk with a colleague"
run visit list
expect_out_has "Anne de Vries with Bas Smit  RAISED RISK" "the list shows the colleague and the risk"
run ban add --surname Jansen --given Johan --kind building --reason threat --ends 2027-06-01 \
	--notes 'Dreigde' --imposed-by 'A. Hoofd' --letter-sent 2026-11-24 --justification test
run visit out Anne --address A --client 'Johan Jansen' --back 16:00 --mobile 06-6 --risk normal
expect_rc 2 "a client on the ban list, alone"
expect_err_has "visit out: the client is on the ban list (ban 1, building ban until 2027-06-01): two go together; name the colleague who goes along" \
	"the client's ban is shown"
run visit out Anne --address A --client 'Johan Jansen' --back 16:00 --mobile 06-6 --risk normal \
	--with 'Bas Smit'
expect_rc 0 "a client on the ban list, two together"
expect_err_has "visit out: warning: the client is on the ban list (ban 1); two go together" \
	"the ban is told when the visit is recorded"
id=$(cat "$tmp/out")
run visit list --tsv
if grep -q "^${id}${TAB}.*${TAB}normal${TAB}Bas Smit${TAB}1\$" "$tmp/out"; then
	ok "the ban is recorded with the visit"
else not_ok "ban recorded"; sed 's/^/#   /' "$tmp/out"; fi

finish
