#!/bin/sh
# check.sh — 'balie check': verdicts, the exact --tsv format, --batch blocks, exit statuses
# like diff (0 clear, 1 candidate, 2 error) and the audit record.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

# The score column depends on the matcher; every other column is fixed by the fixture.
noscore() { cut -f1,3- "$tmp/out"; }

fresh_db bans

# --- invalid input first
run check
expect_rc 2 "check without a name is an error"
run check --born 2027-02-30 Jan de Vries
expect_rc 2 "check with 2027-02-30 as date of birth is an error"
expect_err_has 'check: --born: "2027-02-30" is not a date (such as 3-2-1980 or 1980-02-03)' \
	"bad --born message"
run check --born
expect_rc 2 "--born without a value is an error"
expect_err_has "check: option '--born' needs an argument" "missing argument message"
run check --frobnicate Jan
expect_rc 2 "unknown option is an error"
run check "$(printf 'Jan\033[2J')"
expect_rc 2 "a name with a control character is an error"
run check --batch Jan
expect_rc 2 "--batch with a name is an error"

# --- a match
run check --tsv --born 1980-05-01 Jan de Vries
expect_rc 1 "a banned visitor gives exit 1"
printf 'MATCH\t1\tJan de Vries\t1980-05-01\tbuilding\t2027-02-28\n' >"$tmp/want"
if noscore | cmp -s - "$tmp/want"; then ok "--tsv line for Jan de Vries"; else
	not_ok "--tsv line for Jan de Vries"; noscore | diff "$tmp/want" - | sed 's/^/#   /'; fi
printf 'MATCH\t100\t1\tJan de Vries\t1980-05-01\tbuilding\t2027-02-28\n' >"$tmp/want"
expect_out "$tmp/want" "an identical name and date of birth score 100"
score=$(head -n 1 "$tmp/out" | cut -f2)
case $score in
''|*[!0-9]*) not_ok "score is a number ($score)" ;;
*) if [ "$score" -ge 0 ] && [ "$score" -le 100 ]; then ok "score is 0..100"; else not_ok "score is 0..100 ($score)"; fi ;;
esac

run check --tsv --born 1980-05-01 -- Vries, Jan de
expect_rc 1 "'Vries, Jan de' after -- is found"
if [ "$(head -n 1 "$tmp/out" | cut -f1,3)" = "MATCH${TAB}1" ]; then ok "surname-first order matches"; else not_ok "surname-first order matches"; fi

run check --born 1980-05-01 Jan de Vries
expect_rc 1 "human output exits 1"
expect_out_has "MATCH" "human output shows the verdict"
expect_out_has "Jan de Vries, born 1980-05-01" "human output shows name and birth date"
expect_out_has "until 2027-02-28" "human output shows the end date"
expect_out_has "Entry ban:" "human output shows the protocol text"

# --- every form of the date of birth, read as the console and the forms read it
printf 'MATCH\t1\tJan de Vries\t1980-05-01\tbuilding\t2027-02-28\n' >"$tmp/want"
for born in 1-5-1980 01-05-1980 1-5-80 1980-05-01 01051980 1/5/1980 1.5.1980; do
	run check --tsv --born "$born" Jan de Vries
	if noscore | cmp -s - "$tmp/want"; then ok "--born $born"; else
		not_ok "--born $born"; noscore | diff "$tmp/want" - | sed 's/^/#   /'; fi
done
for born in 31-02-1980 1-13-80 29-02-1981 1980 3-2-198 0-1-1980; do
	run check --born "$born" Jan de Vries
	expect_rc 2 "--born $born is refused, not ignored"
done
# A common name without a date of birth: ask for it before refusing the wrong namesake.
run check Jan de Vries
expect_out_has "what to do: ASK DATE OF BIRTH" "a common name asks for the date of birth"
expect_out_has "The name is common: ask for the date of birth" "the advice says why"
run check --born 1-5-80 Jan de Vries
expect_out_has "what to do: REFUSE ENTRY" "with the date of birth: refuse entry"

# --- diacritics typed without them
run check --tsv Ayse Celik
expect_rc 1 "Ayse Celik finds Ayşe Çelik"
if cut -f3,4 "$tmp/out" | grep -q "^2${TAB}Ayşe Çelik\$"; then ok "display name keeps its diacritics"; else
	not_ok "display name keeps its diacritics"; sed 's/^/#   /' "$tmp/out"; fi
run check --tsv Mehmet Yilmaz
expect_rc 1 "Yilmaz finds Yılmaz"

# --- clear visitors, expired and future bans
run check --tsv Willem Alexander
expect_rc 0 "a clear visitor gives exit 0"
expect_empty "$tmp/out" "--tsv prints nothing when clear"
run check Willem Alexander
expect_rc 0 "human output when clear exits 0"
expect_out_has "no ban found" "human output says clear"
run check --tsv --born 1965-01-01 Piet Jansen
expect_rc 0 "an expired ban does not count"
run check --tsv --born 1970-02-02 Kees van der Berg
expect_rc 0 "a ban that starts later does not count yet"

# --- a lifted ban no longer counts
run ban lift 1 --reason 'Apology received'
run check --tsv --born 1980-05-01 Jan de Vries
expect_rc 0 "a lifted ban does not count"

# --- batch
fresh_db bans
printf 'Jan de Vries\t1980-05-01\nWillem Alexander\t\nAyşe Çelik\t1975-03-12\n' >"$tmp/batch"
run_in "$tmp/batch" check --batch --tsv
expect_rc 1 "batch with a hit gives exit 1"
awk -F '\t' 'BEGIN { b = 1 } /^$/ { b++; next } { print b ": " $1 " " $3 }' "$tmp/out" >"$tmp/blocks"
printf '1: MATCH 1\n3: MATCH 2\n' >"$tmp/want"
if cmp -s "$tmp/blocks" "$tmp/want"; then ok "batch blocks hold each line's candidates"; else
	not_ok "batch blocks hold each line's candidates"; sed 's/^/#   /' "$tmp/out"; fi
if [ "$(grep -c '^$' "$tmp/out")" -eq 3 ]; then ok "one empty line per input line"; else not_ok "one empty line per input line"; fi

printf 'Willem Alexander\nMáxima Zorreguieta\t\n' >"$tmp/clear"
run_in "$tmp/clear" check --batch --tsv
expect_rc 0 "batch of clear visitors gives exit 0"
printf '\n\n' >"$tmp/want"
expect_out "$tmp/want" "clear batch prints only the empty lines"

printf 'Jan de Vries\t2027-02-30\n\377bad\t\nAyşe Çelik\t1975-03-12\n' >"$tmp/badbatch"
run_in "$tmp/badbatch" check --batch --tsv
expect_rc 2 "batch with bad lines gives exit 2"
expect_err_has 'stdin:1: born: "2027-02-30" is not a date (such as 3-2-1980 or 1980-02-03)' \
	"bad date named by line"
expect_err_has 'stdin:2: name: is not valid UTF-8' "invalid UTF-8 named by line"
awk -F '\t' 'BEGIN { b = 1 } /^$/ { b++; next } { print b ": " $1 " " $3 }' "$tmp/out" >"$tmp/blocks"
printf '3: MATCH 2\n' >"$tmp/want"
if cmp -s "$tmp/blocks" "$tmp/want"; then ok "bad lines get empty blocks, the rest is checked"; else
	not_ok "bad lines get empty blocks, the rest is checked"; sed 's/^/#   /' "$tmp/out"; fi

# --- audit: one line per check, one per batch run
if command -v sqlite3 >/dev/null 2>&1; then
	fresh_db bans
	run check Willem Alexander
	run check --born 1980-05-01 Jan de Vries
	run_in "$tmp/batch" check --batch
	n=$(sqlite3 "$tmp/t.db" "SELECT count(*) FROM audit WHERE action = 'visitor.check'")
	if [ "$n" -eq 3 ]; then ok "one audit line per check and per batch"; else not_ok "audit lines ($n, wanted 3)"; fi
	r=$(sqlite3 "$tmp/t.db" "SELECT group_concat(result, ' ') FROM audit
		WHERE action = 'visitor.check' ORDER BY id")
	if [ "$r" = "0 1 2" ]; then ok "audit records the candidate count"; else not_ok "audit counts ($r)"; fi

	# A name that reached the database around the import checks is still shown escaped.
	sqlite3 "$tmp/t.db" "INSERT INTO person (id, given_names, surname, created_at)
		VALUES (100, 'Jan', 'Vr' || char(27) || '[31mies', '2026-01-01T00:00:00Z');
		INSERT INTO ban (id, person_id, kind, reason, starts, ends, created_at, created_by)
		VALUES (100, 100, 'building', 'threat', '2026-01-01', '2027-01-01',
		        '2026-01-01T00:00:00Z', 'test');" || exit 99
	run check --tsv Jan Vr
	if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "no raw escape in --tsv output"; else ok "no raw escape in --tsv output"; fi
	run check Jan Vr
	if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "no raw escape in human output"; else ok "no raw escape in human output"; fi
else
	echo "# sqlite3 not installed: audit not inspected"
fi

# --- where the ban applies: the hit protocol only for a ban that stops the visitor here
fresh_db
run ban add --given Henk --surname Milieu --born 1970-01-01 --kind building --reason threat \
	--starts 2026-11-01 --ends 2027-01-31 --scope milieustraat --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-02 --notes 'Dreigde' --justification 'test'
expect_rc 0 "a ban for the Milieustraat only"
run check --born 1970-01-01 Henk Milieu
expect_rc 1 "a ban for another building is still a candidate"
expect_out_has "MATCH" "the ban for another building is shown"
expect_out_has "does NOT apply to this building (Stadhuis): only for milieustraat" \
	"the other building is named"
expect_out_has "None of these bans stops the visitor at this building (Stadhuis)" \
	"the 'applies elsewhere' line replaces the protocol"
if grep -q "Entry ban:" "$tmp/out"; then not_ok "no hit protocol for a ban elsewhere"; else
	ok "no hit protocol for a ban elsewhere"; fi
run ban add --given Tineke --surname Telefoon --kind phone --reason threat \
	--starts 2026-11-01 --ends 2027-01-31 --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-02 --notes 'Belde dreigend' --justification 'test'
run check Tineke Telefoon
expect_out_has "phone ban only: the visitor may come in" "a phone ban says the visitor may come in"
if grep -q "Entry ban:" "$tmp/out"; then not_ok "no hit protocol for a phone ban"; else
	ok "no hit protocol for a phone ban"; fi
run ban add --given Stijn --surname Stadhuis --kind building --reason threat \
	--starts 2026-11-01 --ends 2027-01-31 --scope stadhuis --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-02 --notes 'Dreigde' --justification 'test'
run check Stijn Stadhuis
expect_out_has "applies to this building (Stadhuis)" "a ban for this building applies here"
expect_out_has "Entry ban:" "the hit protocol for a ban that applies here"
if grep -q "None of these bans" "$tmp/out"; then not_ok "no 'applies elsewhere' line for a ban here"; else
	ok "no 'applies elsewhere' line for a ban here"; fi
# An appointment arranged by phone allows today's visit: no protocol then.
run ban exception add 3 --kind appointment --date 2026-11-24 \
	--detail '14:30 Spreekkamer 006, mw. Bos'
expect_rc 0 "an appointment exception for today"
run check Stijn Stadhuis
expect_out_has "allowed: appointment arranged" "the appointment is shown"
if grep -q "Entry ban:" "$tmp/out"; then not_ok "no hit protocol for an arranged appointment"; else
	ok "no hit protocol for an arranged appointment"; fi

# --- a check that cannot be done never reads as clear (damaged name keys: exit 2, and a
# batch stops at the first visitor it cannot check)
if command -v sqlite3 >/dev/null 2>&1; then
	fresh_db bans
	sqlite3 "$tmp/t.db" "UPDATE name_key SET data = x'00'" || exit 99
	run check Jan de Vries
	expect_rc 2 "a check on damaged name keys is an error"
	expect_err_has "the name keys are damaged or of another version; run: balie init" \
		"the message says what to do"
	if grep -q "CLEAR" "$tmp/out"; then not_ok "no CLEAR on a failed check"; else
		ok "no CLEAR on a failed check"; fi
	printf 'Jan de Vries\t\nPiet Jansen\t\n' >"$tmp/in"
	run_in "$tmp/in" check --batch --tsv
	expect_rc 2 "a batch on damaged name keys is an error"
	expect_err_has "stdin:1: ban list:" "the batch names the line it stopped at"
	expect_empty "$tmp/out" "nothing is printed for visitors that were not checked"
else
	echo "# sqlite3 not installed: damaged-keys cases skipped"
fi

finish
