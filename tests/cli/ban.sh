#!/bin/sh
# ban.sh — 'balie ban': CSV import validation (all or nothing), add, list, lift, export and
# the export | import round trip with diacritics.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

header='given_names,prefix,surname,born,kind,starts,ends,reason'

# bad_import NAME DESCRIPTION EXPECTED-STDERR ROW: a header plus ROW must be refused.
bad_import() {
	printf '%s\n%s\n' "$header" "$4" >"$tmp/$1.csv"
	run ban import "$tmp/$1.csv"
	expect_rc 2 "$2: exit 2"
	expect_err_has "$3" "$2: message"
	expect_err_has "$tmp/$1.csv: 1 bad row: nothing imported" "$2: nothing imported"
}

fresh_db

# --- invalid input first
bad_import date30 "2027-02-30 refused" \
	"date30.csv:2: ends (column 7): \"2027-02-30\" is not a date (YYYY-MM-DD)" \
	'Jan,,Vries,,building,2026-01-01,2027-02-30,threat'
bad_import born "malformed born refused" \
	"born.csv:2: born (column 4): \"1.5.1980\" is not a date" \
	'Jan,,Vries,1.5.1980,building,2026-01-01,2027-01-30,threat'
bad_import future "born in the future refused" \
	"future.csv:2: born (column 4): \"2030-01-01\" is in the future" \
	'Jan,,Vries,2030-01-01,building,2026-01-01,2027-01-30,threat'
bad_import kind "unknown kind refused" \
	"kind.csv:2: kind (column 5): unknown kind \"castle\"" \
	'Jan,,Vries,,castle,2026-01-01,2027-01-30,threat'
bad_import reason "unknown reason refused" \
	"reason.csv:2: reason (column 8): unknown reason \"rudeness\"" \
	'Jan,,Vries,,building,2026-01-01,2027-01-30,rudeness'
bad_import order "end before start refused" \
	"order.csv:2: ends (column 7): \"2026-01-01\" is before the start (2026-02-01)" \
	'Jan,,Vries,,building,2026-02-01,2026-01-01,threat'
bad_import nosurname "missing surname refused" \
	"nosurname.csv:2: surname (column 3): is empty" \
	'Jan,de,,,building,2026-01-01,2027-01-30,threat'
bad_import nostart "missing start refused" \
	"nostart.csv:2: starts (column 6): is empty" \
	'Jan,de,Vries,,building,,2027-01-30,threat'
bad_import fields "wrong number of fields refused" \
	"fields.csv:2: 7 fields, but the header has 8" \
	'Jan,de,Vries,,building,2026-01-01,2027-01-30'
esc=$(printf '\033')
bad_import control "control character refused" \
	"control.csv:2: surname (column 3): contains a control character" \
	"Jan,,Vr${esc}[31mies,,building,2026-01-01,2027-01-30,threat"
bad_import tab "tab in a name refused" \
	"tab.csv:2: given_names (column 1): contains a control character" \
	"Ja${TAB}n,,Vries,,building,2026-01-01,2027-01-30,threat"
rlo=$(printf '\342\200\256')
bad_import bidi "bidi override refused" \
	"bidi.csv:2: surname (column 3): contains a bidirectional control character" \
	"Jan,,${rlo}seirV,,building,2026-01-01,2027-01-30,threat"
bad=$(printf '\377')
bad_import utf8 "invalid UTF-8 refused" \
	"utf8.csv:2: surname (column 3): is not valid UTF-8" \
	"Jan,,Vr${bad}ies,,building,2026-01-01,2027-01-30,threat"
long=$(printf '%0201d' 0 | tr 0 x)
bad_import long "a 201-byte name refused" \
	"long.csv:2: surname (column 3): is too long" \
	"Jan,,$long,,building,2026-01-01,2027-01-30,threat"

printf '%s,police_informed\n%s\n' "$header" 'Jan,,Vries,,building,2026-01-01,2027-01-30,threat,maybe' \
	>"$tmp/police.csv"
run ban import "$tmp/police.csv"
expect_rc 2 "police_informed 'maybe' refused"
expect_err_has 'police.csv:2: police_informed (column 9): "maybe" is not yes or no' \
	"police_informed message"

printf '%s,scope\n%s\n' "$header" 'Jan,,Vries,,building,2026-01-01,2027-01-30,threat,stadhuis;gym' \
	>"$tmp/scope.csv"
run ban import "$tmp/scope.csv"
expect_rc 2 "unknown building in scope refused"
expect_err_has 'scope.csv:2: scope (column 9): unknown building "stadhuis;gym"' "scope message"

printf '%s\n' 'Jan,de,Vries,1980-05-01,building,2026-01-01,2027-01-30,threat' >"$tmp/nohead.csv"
run ban import "$tmp/nohead.csv"
expect_rc 2 "missing header refused"
expect_err_has 'nohead.csv:1: unknown column "Jan" (column 1); the first line must be the header' \
	"missing header message"
expect_err_has 'nohead.csv: nothing imported' "missing header: nothing imported"

printf 'given_names,prefix,surname,kind,starts,ends,reason\n' >"$tmp/nocol.csv"
run ban import "$tmp/nocol.csv"
expect_rc 2 "missing column refused"
expect_err_has 'nocol.csv:1: missing column born' "missing column message"

printf '%s,surname\n' "$header" >"$tmp/dup.csv"
run ban import "$tmp/dup.csv"
expect_rc 2 "duplicate column refused"
expect_err_has 'dup.csv:1: column surname appears twice (columns 3 and 9)' "duplicate column message"

: >"$tmp/empty.csv"
run ban import "$tmp/empty.csv"
expect_rc 2 "empty file refused"
expect_err_has 'empty.csv: empty file: the first line must be the header' "empty file message"

printf '%s\n"Jan,de,Vries\n' "$header" >"$tmp/quote.csv"
run ban import "$tmp/quote.csv"
expect_rc 2 "unterminated quote refused"
expect_err_has 'quote.csv:2:' "unterminated quote names the line"

run ban import "$tmp/does-not-exist.csv"
expect_rc 2 "missing file refused"
expect_err_has "does-not-exist.csv: No such file or directory" "missing file message"

# --- a failed import leaves the database unchanged
fresh_db bans
run ban export --all
cp "$tmp/out" "$tmp/before.csv"
{
	printf '%s\n' "$header"
	printf '%s\n' 'Good,,Person,,building,2026-01-01,2027-01-30,threat'
	i=0
	while [ $i -lt 25 ]; do
		printf '%s\n' "Bad$i,,Row,,building,2026-01-01,2027-02-30,threat"
		i=$((i + 1))
	done
	printf '%s\n' 'Also,,Good,,phone,2026-01-01,2027-01-30,verbal'
} >"$tmp/mixed.csv"
run ban import "$tmp/mixed.csv"
expect_rc 2 "mixed good and bad rows refused"
n=$(grep -c 'mixed.csv:[0-9]*: ends (column 7)' "$tmp/err")
if [ "$n" -eq 20 ]; then ok "at most 20 bad rows reported"; else not_ok "20 bad rows reported (got $n)"; fi
expect_err_has 'mixed.csv: 5 more bad rows not shown' "the rest counted"
expect_err_has 'mixed.csv: 25 bad rows: nothing imported' "nothing imported"
expect_err_has 'mixed.csv:3: ends (column 7)' "first bad row is line 3"
run ban export --all
expect_out "$tmp/before.csv" "database unchanged after a failed import"

# --- import, export and the round trip
fresh_db
run ban import "$DATA/cli_bans.csv"
expect_rc 0 "fixture imported"
printf 'imported 6 bans\n' >"$tmp/want"
expect_out "$tmp/want" "import reports the count"

run ban export
expect_rc 0 "export exits 0"
if tr -d '\r' <"$tmp/out" | cmp -s - "$DATA/cli_bans_export.csv"; then
	ok "export has the expected CSV (current bans, soonest-ending first, normalised)"
else
	not_ok "export differs from tests/data/cli_bans_export.csv"
	tr -d '\r' <"$tmp/out" | diff "$DATA/cli_bans_export.csv" - | sed 's/^/#   /'
fi
if [ "$(grep -c "$(printf '\r')\$" "$tmp/out")" -eq "$(wc -l <"$tmp/out")" ]; then
	ok "export lines end in CRLF (RFC 4180)"
else
	not_ok "export lines end in CRLF"
fi
if grep -q 'Ayşe,,Çelik' "$tmp/out" && grep -q 'Marie,,Geëlen' "$tmp/out" &&
	grep -q 'Mehmet,,Yılmaz' "$tmp/out"; then
	ok "diacritics exported exactly"
else
	not_ok "diacritics exported exactly"
fi
cp "$tmp/out" "$tmp/export1.csv"

run ban export --all "$tmp/all.csv"
expect_rc 0 "export --all to a file"
expect_empty "$tmp/out" "export to a file writes nothing on stdout"
if [ "$(grep -c . "$tmp/all.csv")" -eq 7 ]; then ok "export --all has every ban"; else not_ok "export --all has every ban"; fi
# shellcheck disable=SC2012 # ls -l is the portable way to read a mode
perm=$(ls -l "$tmp/all.csv" | cut -c1-10)
if [ "$perm" = "-rw-------" ]; then ok "exported file is mode 0600"; else not_ok "exported file mode ($perm)"; fi
if ls "$tmp"/all.csv.* >/dev/null 2>&1; then not_ok "no temporary file left"; else ok "no temporary file left"; fi

rm -f "$tmp/t.db"*
run init
run_in "$tmp/export1.csv" ban import -
expect_rc 0 "export re-imported from stdin"
run ban export
if cmp -s "$tmp/export1.csv" "$tmp/out"; then ok "export | import | export round-trips exactly"; else
	not_ok "export | import | export round-trips exactly"; diff "$tmp/export1.csv" "$tmp/out" | sed 's/^/#   /'; fi

# --- a spreadsheet's byte order mark and CRLF line ends are accepted
fresh_db
printf '\357\273\277%s,police_informed\r\n%s\r\n' "$header" \
	'Łukasz,,Kowalski,1985-04-04,warning,2026-11-01,2027-05-01,verbal,TRUE' >"$tmp/bom.csv"
run ban import "$tmp/bom.csv"
expect_rc 0 "a header with a byte order mark and CRLF imports"
run ban list --tsv
if grep -q "^1${TAB}Łukasz Kowalski${TAB}1985-04-04${TAB}warning${TAB}" "$tmp/out"; then ok "imported as written"; else
	not_ok "imported as written"; fi

# --- add, list, lift
fresh_db bans
run ban add --surname Bakker --kind building --reason threat
expect_rc 2 "add without --ends refused"
expect_err_has "ban add: missing --ends" "add names the missing option"
run ban add --surname Bakker --kind building --reason threat --ends 2027-02-30
expect_rc 2 "add with 2027-02-30 refused"
expect_err_has 'ban add: --ends: "2027-02-30" is not a date' "add date message"
run ban add --surname Bakker --kind moat --reason threat --ends 2027-01-30
expect_rc 2 "add with unknown kind refused"
run ban add --surname Bakker --kind building --reason threat --ends 2027-01-30 --scope gym
expect_rc 2 "add with unknown building refused"
run ban add --surname Bakker --kind building --reason threat --ends 2027-01-30 --bogus
expect_rc 2 "add with an unknown option refused"
expect_err_has "ban add: unknown option '--bogus'" "unknown option message"
run ban add --surname Bakker --kind building --reason threat --ends 2027-01-30 extra
expect_rc 2 "add with an extra argument refused"

run ban add --given 'Łukasz' --surname 'Müller' --born 1988-08-08 --kind building+phone \
	--reason physical --ends 2027-01-10 --scope stadhuis --imposed-by 'C. Chef' --police \
	--letter-sent 2026-11-24 --notes 'Hit a porter'
expect_rc 2 "a ban shorter than the sanction table is refused"
expect_err_has 'ban add: building+phone 2026-11-24..2027-01-10: shorter than the sanction table allows (physical violence, first offence' \
	"the refusal names the table's rule"
expect_err_has 'may end from 2027-02-23 to 2027-05-24); a justification is required' \
	"the refusal names the allowed end dates and the way out"
run ban add --given 'Łukasz' --surname 'Müller' --born 1988-08-08 --kind building+phone \
	--reason physical --ends 2027-01-10 --scope stadhuis --imposed-by 'C. Chef' --police \
	--letter-sent 2026-11-24 --notes 'Hit a porter' --justification 'Short: first incident in years'
expect_rc 0 "add a ban"
printf '7\n' >"$tmp/want"
expect_out "$tmp/want" "add prints the new id"

run ban list --tsv
expect_rc 0 "list --tsv"
cat >"$tmp/want" <<TSV
3${TAB}Marie Geëlen${TAB}${TAB}phone${TAB}verbal${TAB}2026-06-01${TAB}2026-12-31${TAB}${TAB}
7${TAB}Łukasz Müller${TAB}1988-08-08${TAB}building+phone${TAB}physical${TAB}2026-11-24${TAB}2027-01-10${TAB}stadhuis${TAB}
4${TAB}Mehmet Yılmaz${TAB}1990-07-20${TAB}service${TAB}obstruction${TAB}2026-11-01${TAB}2027-01-15${TAB}milieustraat,stadhuis${TAB}
1${TAB}Jan de Vries${TAB}1980-05-01${TAB}building${TAB}threat${TAB}2026-09-01${TAB}2027-02-28${TAB}${TAB}
2${TAB}Ayşe Çelik${TAB}1975-03-12${TAB}building+phone${TAB}physical${TAB}2026-10-01${TAB}2027-03-31${TAB}stadhuis${TAB}
TSV
expect_out "$tmp/want" "list shows active bans, soonest-ending first"

run ban list --current --tsv
if [ "$(wc -l <"$tmp/out")" -eq 6 ] && tail -n 1 "$tmp/out" | grep -q '^6'; then
	ok "list --current adds the future ban"; else not_ok "list --current adds the future ban"; fi
run ban list --all --tsv
if [ "$(wc -l <"$tmp/out")" -eq 7 ]; then ok "list --all has every ban"; else not_ok "list --all has every ban"; fi
run ban list --all --current
expect_rc 0 "list human output"

run ban lift 7
expect_rc 2 "lift without --reason refused"
run ban lift x7 --reason apology
expect_rc 2 "lift of a malformed id refused"
run ban lift 99 --reason apology
expect_rc 2 "lift of an unknown ban refused"
expect_err_has "ban 99: no such ban" "unknown ban message"
run ban lift 7 --reason 'Written apology received'
expect_rc 0 "lift a ban"
run ban lift 7 --reason again
expect_rc 2 "lifting twice refused"
run ban list --tsv
if grep -q '^7' "$tmp/out"; then not_ok "lifted ban gone from the list"; else ok "lifted ban gone from the list"; fi
run ban list --all --tsv
if grep "^7${TAB}" "$tmp/out" | grep -q "${TAB}2026-11-24\$"; then ok "list --all shows the lifting date"; else
	not_ok "list --all shows the lifting date"; fi

# --- export --all | import keeps drafts drafts and lifted bans lifted
run ban add --surname Ontwerp --given Olga --kind warning --reason verbal --ends 2027-05-01
expect_rc 0 "a draft added next to the lifted ban 7"
run ban list --tsv
cut -f2- "$tmp/out" >"$tmp/active1.tsv"
run ban export --all "$tmp/roundtrip.csv"
expect_rc 0 "export --all with an active, a draft and a lifted ban"
if grep -q "^Łukasz,,Müller,.*,active,2026-11-24,[^,]*,Written apology received,,$(printf '\r')\$" \
	"$tmp/roundtrip.csv"; then ok "export writes the lifting"; else
	not_ok "export writes the lifting"; sed 's/^/#   /' "$tmp/roundtrip.csv"; fi
if grep -q "^Olga,,Ontwerp,.*,draft,,,,,$(printf '\r')\$" "$tmp/roundtrip.csv"; then
	ok "export writes the draft status"; else not_ok "export writes the draft status"; fi
fresh_db
run ban import "$tmp/roundtrip.csv"
expect_rc 0 "export --all re-imported into a fresh database"
run ban export --all
if cmp -s "$tmp/out" "$tmp/roundtrip.csv"; then
	ok "export --all | import | export --all round-trips status and lifting"; else
	not_ok "export --all | import | export --all round-trips status and lifting"
	diff "$tmp/roundtrip.csv" "$tmp/out" | sed 's/^/#   /'; fi
run ban list --tsv
if cut -f2- "$tmp/out" | cmp -s - "$tmp/active1.tsv"; then
	ok "the same bans are active after the round trip"; else
	not_ok "the same bans are active after the round trip"; sed 's/^/#   /' "$tmp/out"; fi
if grep -q 'Müller\|Ontwerp' "$tmp/out"; then not_ok "lifted and draft bans stay off the list"; else
	ok "lifted and draft bans stay off the list"; fi
run check Łukasz Müller
expect_rc 0 "the re-imported lifted ban does not stop a visitor"
run check Olga Ontwerp
expect_rc 0 "the re-imported draft does not stop a visitor"
run ban list --drafts
expect_out_has "Olga Ontwerp" "the draft is still a draft"
run ban list --all --tsv
if grep "Müller" "$tmp/out" | grep -q "${TAB}2026-11-24\$"; then ok "the lifting date survives"; else
	not_ok "the lifting date survives"; fi

# --- the new columns are validated
fresh_db
lheader="$header,status,lifted_at,lifted_by,lifted_reason"
# bad_lift NAME DESCRIPTION EXPECTED-STDERR TAIL: a row ending in TAIL (the four new columns).
bad_lift() {
	printf '%s\n%s\n' "$lheader" "Jan,,Vries,,building,2026-01-01,2027-01-30,threat,$4" \
		>"$tmp/$1.csv"
	run ban import "$tmp/$1.csv"
	expect_rc 2 "$2: exit 2"
	expect_err_has "$3" "$2: message"
	expect_err_has "$tmp/$1.csv: 1 bad row: nothing imported" "$2: nothing imported"
}
bad_lift status "unknown status refused" \
	'status.csv:2: status (column 9): unknown status "lifted" (one of: active, draft)' 'lifted,,,'
bad_lift liftdate "malformed lifted_at refused" \
	'liftdate.csv:2: lifted_at (column 10): "2026-02-30" is not a date' 'active,2026-02-30,A,why'
bad_lift liftfuture "lifted_at in the future refused" \
	'liftfuture.csv:2: lifted_at (column 10): "2026-11-25" is in the future' ',2026-11-25,A,why'
bad_lift liftby "lifted_at without lifted_by refused" \
	'liftby.csv:2: lifted_by (column 11): must not be empty when lifted_at is given' \
	'active,2026-11-01,,why'
bad_lift liftwhy "lifted_at without lifted_reason refused" \
	'liftwhy.csv:2: lifted_reason (column 12): must not be empty when lifted_at is given' \
	'active,2026-11-01,A,'
bad_lift liftonly "lifted_by without lifted_at refused" \
	'liftonly.csv:2: lifted_by (column 11): given without lifted_at' 'active,,A,why'
bad_lift liftctl "control character in lifted_reason refused" \
	'liftctl.csv:2: lifted_reason (column 12): contains a control character' \
	"active,2026-11-01,A,wh${esc}y"
run ban list --all --tsv
expect_empty "$tmp/out" "nothing imported from the bad rows"
printf '%s\n%s\n' "$lheader" 'Jan,,Vries,,building,2026-01-01,2027-01-30,threat,,2026-11-01,A. Hoofd,Apology' \
	>"$tmp/lifted.csv"
run ban import "$tmp/lifted.csv"
expect_rc 0 "a lifted row with an empty status imports"
run ban list --tsv
expect_empty "$tmp/out" "the imported lifted ban is not active"
run ban list --all --tsv
if grep -q "Vries.*${TAB}2026-11-01\$" "$tmp/out"; then ok "imported lifting date listed"; else
	not_ok "imported lifting date listed"; fi
# A draft that was lifted (discarded) comes back as a lifted draft, never as a ban in force.
printf '%s\n%s\n' "$lheader" 'Piet,,Draft,,building,2026-01-01,2027-01-30,threat,draft,2026-11-02,A. Hoofd,Dropped' \
	>"$tmp/liftdraft.csv"
run ban import "$tmp/liftdraft.csv"
expect_rc 0 "a lifted draft imports"
run ban list --tsv
if grep -q "Draft" "$tmp/out"; then not_ok "the lifted draft is not active"; else
	ok "the lifted draft is not active"; fi
run ban list --drafts --tsv
if grep -q "Draft" "$tmp/out"; then ok "the lifted draft is still a draft"; else
	not_ok "the lifted draft is still a draft"; fi

. "$BALIE_SRCDIR/tests/cli/ban_policy.sh"

finish
