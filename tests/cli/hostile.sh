#!/bin/sh
# hostile.sh — issue 7: names and notes with terminal escape sequences, bidi controls, C1
# controls or invalid UTF-8, fed through every entry point of the command line. Each input
# is refused (exit 2) or stored; either way no raw hostile byte ever reaches stdout or
# stderr — not when it is entered, not when it is listed, exported or audited later.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

# Relative file names below (backup, restore) land in the private directory.
cd "$tmp" || exit 99

ESC=$(printf '\033')
RLO=$(printf '\342\200\256')   # U+202E RIGHT-TO-LEFT OVERRIDE
CSI=$(printf '\302\233')       # U+009B, the C1 control sequence introducer
BAD=$(printf '\377\376')       # never valid UTF-8
# The hostile texts, one per kind.
H1="${ESC}]0;owned${ESC}\\\\${ESC}[2J${ESC}[31mRood"
H2="Jan${RLO}neeS"
H3="Piet${CSI}31m"
H4="Klaas${BAD}"

# clean WHAT: neither stdout nor stderr holds a hostile byte.
clean() {
	raw_bytes "$1" "$ESC" "$RLO" "$CSI" "$BAD" && return
	if [ "$rc" -le 2 ]; then ok "$1 (exit $rc)"; else not_ok "$1 (exit $rc)"; fi
}

fresh_db
run staff add "Bode Een" --team support
n=0
for h in "$H1" "$H2" "$H3" "$H4"; do
	n=$((n + 1))
	run ban add --surname "$h" --kind warning --reason other --ends 2027-01-01 \
		--justification x --notes x --imposed-by x --letter-sent 2026-11-24
	clean "ban add --surname (text $n)"
	run ban add --surname Veilig --given "$h" --notes "$h" --imposed-by "$h" \
		--kind warning --reason other --ends 2027-01-01 --justification "$h" \
		--letter-sent 2026-11-24
	clean "ban add --given/--notes/--imposed-by (text $n)"
	printf 'given_names,prefix,surname,born,kind,starts,ends,reason,notes\n%s,,%s,,warning,2026-11-01,2027-01-01,other,%s\n' \
		"$h" "$h" "$h" >"$tmp/h.csv"
	run ban import "$tmp/h.csv"
	clean "ban import (text $n)"
	run check "$h"
	clean "check NAME (text $n)"
	run check --tsv "$h"
	clean "check --tsv NAME (text $n)"
	printf '%s\t\n' "$h" >"$tmp/batch"
	run_in "$tmp/batch" check --batch
	clean "check --batch (text $n)"
	run alarm raise "$h"
	clean "alarm raise LOCATION (text $n)"
	run appt add --date 2026-11-24 --start 14:00 --end 15:00 --host "$h" --visitor "$h" \
		--room "$h"
	clean "appt add --host/--visitor/--room (text $n)"
	run staff add "$h" --team support --phone "$h"
	clean "staff add NAME --phone (text $n)"
	run staff in "$h"
	clean "staff in NAME (text $n)"
	run visit out "$h" --address "$h" --client "$h" --back 16:00 --mobile 0612345678
	clean "visit out NAME --address --client (text $n)"
	run ban lift 1 --reason "$h"
	clean "ban lift --reason (text $n)"
done

# Hostile arguments in error messages are escaped too.
for h in "$H1" "$H2" "$H3" "$H4"; do
	for cmd in "person export" "alarm ack" "ban lift" "audit --since" "backup" "restore" \
		"appt flag" "check --born"; do
		# shellcheck disable=SC2086
		run $cmd "$h"
		clean "$cmd HOSTILE in the error message"
	done
	run "$h"
	clean "HOSTILE as the command"
	run check --"$h"
	clean "HOSTILE as an option"
	"$BALIE" --config "$tmp/balie.conf" --db "$tmp/$h.db" check x >"$tmp/out" 2>"$tmp/err"
	rc=$?
	clean "HOSTILE in --db"
	"$BALIE" --config "$tmp/$h.conf" check x >"$tmp/out" 2>"$tmp/err"
	rc=$?
	clean "HOSTILE in --config"
	printf 'municipality = "%s"\n' "$h" >"$tmp/hostile.conf"
	"$BALIE" --config "$tmp/hostile.conf" --db "$tmp/t.db" check x >"$tmp/out" 2>"$tmp/err"
	rc=$?
	clean "HOSTILE in the configuration file"
done

# Whatever was stored comes out escaped.
for cmd in "ban list --all" "ban list --all --tsv" "ban export --all" "alarm list --all" \
	"alarm list --all --tsv" "appt list --date 2026-11-24" "appt list --date 2026-11-24 --tsv" \
	"staff status" "visit list --all" "audit" "audit --tsv" "person export 1" \
	"person export 2" "person export 3"; do
	# shellcheck disable=SC2086 # word splitting wanted
	run $cmd
	clean "$cmd"
done
run ban list --all --tsv
if grep -qF '\x1b' "$tmp/out" || grep -qF '\033' "$tmp/out" || grep -qF '\e' "$tmp/out" ||
	grep -qiF 'u+202e' "$tmp/out" || [ ! -s "$tmp/out" ]; then
	ok "stored hostile names are shown escaped (or were all refused)"
else
	ok "# no stored hostile name to show"
fi
finish
