#!/bin/sh
# demo.sh — `balie --demo` without a terminal prints a summary of each panel's fictional data
# (bans, alarm, risky appointments, staffing) and removes its temporary database afterwards.
set -u

: "${BALIE:?BALIE must name the balie program}"

failures=0
pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failures=$((failures + 1)); }
check() {
	what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/balie-demo-test-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
mkdir "$work/tmp" || exit 1

# Run the demo with stdout a pipe (not a terminal), English messages, a private TMPDIR.
# $1: name of the run; $2: the fixed time (BALIE_NOW) or "" for the real clock.
demo() {
	{ BALIE_NOW=$2 LANGUAGE=en LC_ALL=C.UTF-8 TMPDIR="$work/tmp" "$BALIE" --demo </dev/null \
		2>"$work/$1.err"; echo $? >"$work/$1.rc"; } | cat >"$work/$1.out"
}

# Number of lines of file $2 matching the basic regular expression $1.
count() { grep -c -- "$1" "$2" || true; }

# The assertions for one run named $1.
assert_summary() {
	out=$work/$1.out
	check "$1: exit status 0" test "$(cat "$work/$1.rc")" = 0
	check "$1: nothing on stderr" test ! -s "$work/$1.err"

	# Alarms: one open panic alarm at Balie 2, a minute old, not acknowledged.
	check "$1: one open alarm" grep -q '^ALARMS: 1 open' "$out"
	check "$1: the alarm is at Balie 2, a minute ago, unacknowledged" \
		grep -q 'alarm at Balie 2, raised 1 minute ago by demo, NOT acknowledged' "$out"

	# Bans: about thirty on record, two expired and not listed as active.
	head=$(grep '^BAN LIST: ' "$out")
	active=$(echo "$head" | sed -n 's/^BAN LIST: \([0-9]*\) active (of \([0-9]*\) on record; \([0-9]*\) expired.*/\1/p')
	total=$(echo "$head" | sed -n 's/^BAN LIST: \([0-9]*\) active (of \([0-9]*\) on record; \([0-9]*\) expired.*/\2/p')
	expired=$(echo "$head" | sed -n 's/^BAN LIST: \([0-9]*\) active (of \([0-9]*\) on record; \([0-9]*\) expired.*/\3/p')
	check "$1: about 30 persons on the ban list (saw '${total:-?}')" \
		test "${total:-0}" -ge 25 -a "${total:-0}" -le 35
	check "$1: two bans expired (saw '${expired:-?}')" test "${expired:-0}" -eq 2
	check "$1: the others are active (saw '${active:-?}')" \
		test "${active:-0}" -eq $((${total:-0} - 2))
	listed=$(count '^  [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]  ' "$out")
	check "$1: every active ban is listed, no more (saw $listed)" test "$listed" -eq "${active:-0}"
	check "$1: the expired bans are not listed" \
		sh -c '! grep -q "Bram de Jong\|Wilma Meijer" "$1"' sh "$out"
	soon=$(count 'ends in [0-7] days*$' "$out")
	check "$1: exactly one ban ends this week (saw $soon)" test "$soon" -eq 1
	for kind in 'building ban' 'phone ban' 'building and phone ban' 'service suspended' \
		'written warning'; do
		check "$1: a ban of kind '$kind'" grep -q " $kind, " "$out"
	done
	check "$1: names with tussenvoegsels, diacritics, IJ and a double name" \
		sh -c 'grep -q "Henk van '"'"'t Hof" "$1" && grep -q "Mehmet Çelik" "$1" &&
			grep -q "Gerrit IJzerman" "$1" && grep -q "Petra van Dijk-Jansen" "$1" &&
			grep -q "Łukasz Kowalczyk" "$1"' sh "$out"
	check "$1: only one Jan de Vries is banned" test "$(count 'Jan de Vries' "$out")" -eq 1

	# Appointments: six today, two risky, one of them a banned visitor in Spreekkamer 006.
	check "$1: two risky appointments of six" \
		grep -q "^TODAY'S RISKY APPOINTMENTS: 2 of 6 appointments" "$out"
	check "$1: two risky appointments listed" \
		test "$(count '^  [0-9][0-9]:[0-9][0-9]-[0-9][0-9]:[0-9][0-9]  ' "$out")" -eq 2
	check "$1: exactly one marked as on the ban list" \
		test "$(count 'ON THE BAN LIST' "$out")" -eq 1
	check "$1: the banned visitor is in Spreekkamer 006" \
		grep -q 'Spreekkamer 006.*visitor Mehmet Çelik (1979-11-02)  \*\* ON THE BAN LIST' "$out"

	# Staffing: the evening roster is one short of the minimum.
	check "$1: tonight's support team is one short" \
		grep -q '^  tonight [0-9:-]*: support team on the roster .*: SHORT (1 short)' "$out"
	# $2: how many of the support team are in now (day shift 2, evening crew 1), if known.
	if [ -n "${2:-}" ]; then
		check "$1: $2 of the support team present now" \
			grep -q "^  now: open, support team present $2/2: " "$out"
	fi

	# The temporary database is gone.
	check "$1: the temporary directory is removed" test -z "$(ls -A "$work/tmp")"
}

TZ=Europe/Amsterdam
export TZ

# A fixed Wednesday morning: the day shift is in, tonight's evening opening is one short.
demo wednesday 2026-11-25T09:00:00Z
assert_summary wednesday 2

# A fixed Sunday evening (closed by default: the demo opens the building today): the evening
# crew is in and one short now as well.
demo sunday 2026-11-22T18:30:00Z
assert_summary sunday 1
check "sunday: short now" grep -q '^  now: open, support team present 1/2: SHORT' "$work/sunday.out"

# Whatever today is.
demo today ""
assert_summary today

# The same moment again in the same place: it works again and makes the same data.
demo again 2026-11-25T09:00:00Z
assert_summary again 2
check "again: the same summary as the first time" cmp -s "$work/wednesday.out" "$work/again.out"

# --demo --db FILE keeps the demo in FILE: a second console (here its summary) joins the same
# data instead of adding more, and the commands work on it (the alarm hardware raises).
keep=$work/kept.db
run_kept() {
	{ BALIE_NOW=2026-11-25T09:00:00Z LANGUAGE=en LC_ALL=C.UTF-8 TMPDIR="$work/tmp" \
		XDG_CONFIG_HOME="$work/xdg" HOME="$work" "$BALIE" --demo --db "$keep" </dev/null \
		2>"$work/$1.err"; echo $? >"$work/$1.rc"; } | cat >"$work/$1.out"
}
cli() {
	BALIE_NOW=2026-11-25T09:00:00Z LANGUAGE=en LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$work/xdg" \
		HOME="$work" "$BALIE" --db "$keep" "$@"
}
cli_quiet() { cli "$@" >/dev/null; }
run_kept kept1
check "kept: the first run exits 0" test "$(cat "$work/kept1.rc")" = 0
check "kept: the file is kept" test -s "$keep"
bans1=$(cli ban list --tsv | wc -l)
run_kept kept2
check "kept: the second run joins (exit 0)" test "$(cat "$work/kept2.rc")" = 0
check "kept: nothing on stderr" test ! -s "$work/kept2.err"
check "kept: joining adds no second set of bans" test "$(cli ban list --tsv | wc -l)" = "$bans1"
check "kept: the command line raises an alarm on the demo" cli_quiet alarm raise "Balie 1"
check "kept: ... and lists it" sh -c "'$BALIE' --db '$keep' alarm list 2>/dev/null | grep -q 'Balie 1'"
if [ "$failures" -ne 0 ]; then
	echo "$failures failed" >&2
	exit 1
fi
exit 0
