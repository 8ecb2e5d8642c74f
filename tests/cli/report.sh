#!/bin/sh
# report.sh — 'balie report': the half-yearly incident report. The TSV counts at the
# boundaries of the period (local midnight, both days included), every month, the tallies in
# their own section; the text with bars and the previous half year; the HTML page with every
# stored text escaped and no names; and the errors. Expected counts are written by hand.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db
inc() {
	run incident add --at "$1" --category "$2" --channel "$3" --place "$4" \
		--employee 'Joke Dekker' --perpetrator 'Kees Geheim'
	[ "$rc" -eq 0 ] || { echo "# could not add: $(cat "$tmp/err")"; exit 99; }
}
# A place whose configured name holds markup, to see the HTML escape it.
cat >>"$tmp/balie.conf" <<'CONF'
incidents {
  places = {"Hal <script>alert('x')</script> & \"co\"", "Huisbezoek"}
}
CONF

# --- invalid input first
run report --to 2026-06-30
expect_rc 2 "report without --from"
expect_err_has "report: missing --from" "missing --from named"
run report --from 2026-01-01
expect_err_has "report: missing --to" "missing --to named"
run report --from 2026-01-01 --to 2026-06-31
expect_err_has 'report: --to: "2026-06-31" is not a date (such as 3-2-2027 or 2027-02-03)' \
	"a day that does not exist"
run report --from 2026-07-01 --to 2026-06-30
expect_err_has "report: --to: 2026-06-30 is before --from 2026-07-01" "an inverted period"
run report --from 2026-01-01 --to 2026-06-30 --tsv --html "$tmp/r.html"
expect_err_has "report: --tsv and --html exclude each other" "--tsv with --html"
run report --from 2026-01-01 --to 2026-06-30 extra
expect_err_has "report: unexpected argument 'extra'" "an extra argument"
run report --from 2026-01-01 --to 2026-06-30 --html "$tmp/nodir/r.html"
expect_rc 2 "an HTML file in a directory that does not exist"
if [ ! -e "$tmp/nodir" ]; then ok "nothing created"; else not_ok "nothing created"; fi

# --- incidents at the boundaries (local time; the first half of 2026 is the period)
inc '2025-12-31 23:59' verbal counter 'Balie 1'          # before: previous half year
inc '2026-01-01 00:00' verbal counter 'Balie 1'          # first minute of the period
inc '2026-02-14 10:00' threat phone 'Balie 2'
inc '2026-02-20 10:00' threat phone 'Balie 2'
inc '2026-03-29 03:30' physical counter 'Balie 1'        # the morning the clocks go forward
inc '2026-06-30 23:59' discrimination home-visit Huisbezoek  # last minute of the period
inc '2026-07-01 00:00' robbery counter 'Balie 1'         # after
inc '2025-07-01 00:00' threat phone 'Balie 2'            # first minute of the previous half
inc '2025-06-30 23:59' threat phone 'Balie 2'            # before the previous half
inc '2026-04-02 09:00' other online "Hal <script>alert('x')</script> & \"co\""
run incident tally --channel counter --category verbal --at '2025-12-31 23:59'
run incident tally --channel counter --category verbal --at '2026-01-01 00:00'
run incident tally --channel counter --category verbal --at '2026-05-05 12:00'
run incident tally --channel phone --category verbal --at '2026-06-30 23:59'
run incident tally --channel counter --category discrimination --at '2026-07-01 00:00'

# --- TSV: section, key, count
run report --from 2026-01-01 --to 2026-06-30 --tsv
expect_rc 0 "report --tsv"
cat >"$tmp/want" <<TSV
total${TAB}all${TAB}6
category${TAB}verbal${TAB}1
category${TAB}discrimination${TAB}1
category${TAB}sexual${TAB}0
category${TAB}threat${TAB}2
category${TAB}obstruction${TAB}0
category${TAB}property${TAB}0
category${TAB}attempt${TAB}0
category${TAB}physical${TAB}1
category${TAB}robbery${TAB}0
category${TAB}other${TAB}1
channel${TAB}counter${TAB}2
channel${TAB}phone${TAB}2
channel${TAB}outside${TAB}0
channel${TAB}home-visit${TAB}1
channel${TAB}written${TAB}0
channel${TAB}online${TAB}1
place${TAB}Balie 1${TAB}2
place${TAB}Balie 2${TAB}2
place${TAB}Hal <script>alert('x')</script> & "co"${TAB}1
place${TAB}Huisbezoek${TAB}1
month${TAB}2026-01${TAB}1
month${TAB}2026-02${TAB}2
month${TAB}2026-03${TAB}1
month${TAB}2026-04${TAB}1
month${TAB}2026-05${TAB}0
month${TAB}2026-06${TAB}1
tally${TAB}all${TAB}3
tally${TAB}counter/verbal${TAB}2
tally${TAB}phone/verbal${TAB}1
TSV
expect_out "$tmp/want" "TSV counts: both boundary days in, the days around them out"
run report --from 2026-06-30 --to 2026-07-01 --tsv
if grep -q "^total${TAB}all${TAB}2\$" "$tmp/out" && grep -q "^month${TAB}2026-07${TAB}1\$" "$tmp/out" &&
	grep -q "^tally${TAB}all${TAB}2\$" "$tmp/out"; then
	ok "a two-day period across the half years"
else not_ok "two-day period"; sed 's/^/#   /' "$tmp/out"; fi
run report --from 2030-01-01 --to 2030-01-31 --tsv
if grep -q "^total${TAB}all${TAB}0\$" "$tmp/out" && grep -q "^month${TAB}2030-01${TAB}0\$" "$tmp/out" &&
	! grep -q "^place" "$tmp/out"; then
	ok "an empty period: zeros, the month listed, no places"
else not_ok "empty period"; fi

# --- text: bars and the previous half year
run report --from 2026-01-01 --to 2026-06-30
expect_rc 0 "report as text"
expect_out_has "Compared with the previous period of the same length: 2025-07-01 to 2025-12-31" \
	"the previous half year, not 181 days"
expect_out_has "Incidents: 6 (before: 2). Tally marks of small misbehaviour: 3 (before: 1)." \
	"the totals of both periods"
expect_out_has "  personal threat                      2  ########################      1  +100%" \
	"a category row: count, bar, before, change"
expect_out_has "  verbal aggression                    1  ############                  1  +0%" \
	"a half bar for half the count"
expect_out_has "  sexual intimidation                  0                                0  " \
	"an empty row has no bar and no change"

# --- no names in any form of the report
for form in "--tsv" "" "--html -"; do
	# shellcheck disable=SC2086
	run report --from 2026-01-01 --to 2026-06-30 $form
	if grep -q "Geheim\|Joke\|Dekker" "$tmp/out"; then not_ok "no names in report $form"
	else ok "no names in report $form"; fi
done

# --- HTML: one self-contained page, stored text escaped
run report --from 2026-01-01 --to 2026-06-30 --html "$tmp/r.html"
expect_rc 0 "report --html"
expect_empty "$tmp/out" "nothing on stdout"
if [ -f "$tmp/r.html" ] && [ ! -e "$tmp/r.html.tmp" ]; then ok "the page is written, no temp file left"
else not_ok "page written"; fi
if grep -qF "Hal &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;" "$tmp/r.html"; then
	ok "a stored place name is HTML-escaped"
else not_ok "HTML escape"; grep -F "Hal" "$tmp/r.html" | sed 's/^/#   /'; fi
if grep -q "<script" "$tmp/r.html"; then not_ok "no raw <script> in the page"
else ok "no raw <script> in the page"; fi
if grep -q "src=\|href=\|@import\|url(" "$tmp/r.html"; then not_ok "self-contained"
else ok "self-contained: nothing loaded from elsewhere"; fi
if head -1 "$tmp/r.html" | grep -q "^<!DOCTYPE html>" && tail -1 "$tmp/r.html" | grep -q "</html>"; then
	ok "a complete document"
else not_ok "complete document"; fi
run report --from 2026-01-01 --to 2026-06-30 --html "$tmp/r.html"
expect_rc 0 "an existing page is replaced"

# --- in Dutch
sed 's/^language = "en"/language = "nl"/' "$tmp/balie.conf" >"$tmp/nl.conf"
"$BALIE" --config "$tmp/nl.conf" --db "$tmp/t.db" report --from 2026-01-01 --to 2026-06-30 \
	>"$tmp/out" 2>"$tmp/err"
expect_out_has "Vergeleken met de vorige periode van dezelfde lengte: 2025-07-01 tot en met 2025-12-31" \
	"the report in Dutch"
expect_out_has "  persoonlijke bedreiging" "the Dutch category labels"

# --- the look is audited
run audit --tsv
if grep -q "${TAB}report${TAB}incidents${TAB}[0-9]*${TAB}2025-07-01..2026-06-30" "$tmp/out"; then
	ok "the report is audited with its period"
else not_ok "report audited"; fi

finish
