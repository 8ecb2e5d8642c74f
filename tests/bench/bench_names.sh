#!/bin/bash
# bench_names.sh — the visitor check against its goals (issue 14), on generated Dutch bans
# (bench_names --csv: Zipf-distributed surnames, many namesakes), at 100 000 and 1 000 000:
#   - one `balie check` as a fresh process against one naive `sqlite3` process doing
#     surname LIKE '%x%' on the same rows, both timed here, interleaved, over the same
#     visitors (goal at 100 000: balie <= 1.0x naive);
#   - `balie check --batch` over 1 000 visitors against one sqlite3 process with 1 000 such
#     scans (goal at 100 000: <= 0.10x; the 1 000 000 scan takes minutes and is skipped);
#   - at 1 000 000: the slowest single check of the sample and its resident memory
#     (goals: <= 50 ms, <= 30 MB), and `balie ban import` of the whole list (goal <= 30 s);
#   - the console's first screen (bench_console: a pty, until the ban list's header is
#     drawn; the first start of a day includes the daily purge) (goal <= 150 ms);
#   - store_ban_check in one process: p50/p99 over 2 000 mixed queries (bench_names).
# Wall times depend on what else the machine does; CPU seconds are printed beside them.
# Environment: BENCH_BINDIR (build's tests/bench), BALIE (the program), BENCH_NAMES_SIZES
# ("100000 1000000"), BENCH_NAMES_SINGLE (fresh processes per size, 40),
# BENCH_NAMES_INPROC=0 skips the in-process figures (e.g. with an older BALIE).
set -u
bindir=${BENCH_BINDIR:?BENCH_BINDIR not set}
gen=$bindir/bench_names
console=$bindir/bench_console
sizes=${BENCH_NAMES_SIZES:-100000 1000000}
single=${BENCH_NAMES_SINGLE:-40}
nvisitors=1000

if [ -z "${BALIE:-}" ] || [ ! -x "$BALIE" ]; then
	echo "bench_names: BALIE not set: skipped"
	exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "bench_names: sqlite3 not installed: skipped"
	exit 0
fi
gnutime=
[ -x /usr/bin/time ] && gnutime=/usr/bin/time

tmp=$(mktemp -d "${TMPDIR:-/tmp}/balie-bench-names.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
# The generated bans run from January 2026 into 2027: all of them are in force on this day.
export BALIE_NOW=2026-11-25T12:00:00Z LANG=C.UTF-8

ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }'; }
sq() { printf "%s" "$1" | sed "s/'/''/g"; }

for n in $sizes; do
	echo "-- $n bans"
	db=$tmp/bans$n.db
	"$gen" --csv "$n" "$tmp/bans.csv" || exit 1
	"$gen" --visitors "$n" "$nvisitors" "$tmp/visitors.tsv" || exit 1
	"$gen" --surnames "$n" "$nvisitors" "$tmp/surnames.txt" || exit 1
	"$BALIE" --db "$db" init >/dev/null || exit 1

	t0=$EPOCHREALTIME
	if [ -n "$gnutime" ]; then
		$gnutime -f "%U %S" -o "$tmp/cpu" "$BALIE" --db "$db" ban import "$tmp/bans.csv" \
			>"$tmp/import.out" 2>&1
	else
		"$BALIE" --db "$db" ban import "$tmp/bans.csv" >"$tmp/import.out" 2>&1
	fi || { echo "bench_names: import failed:"; head -5 "$tmp/import.out"; exit 1; }
	t1=$EPOCHREALTIME
	cpu=$( [ -s "$tmp/cpu" ] && awk '{ printf ", %.1f s CPU", $1 + $2 }' "$tmp/cpu")
	echo "balie ban import, $n bans: $(ms "$t0" "$t1") ms$cpu (goal at 1 000 000: <= 30 s)"
	echo "database: $(du -k "$db" | cut -f1) kB"

	# One process each, interleaved, over the first visitors (with their date of birth
	# when the file gives one) and three common names; the naive one reads the rows too.
	head -n "$single" "$tmp/visitors.tsv" >"$tmp/sample.tsv"
	printf 'Jan Jansen\t\nJ. de Vries\t\nde Jong\t\n' >>"$tmp/sample.tsv"
	b_sum=0 s_sum=0 b_max=0 b_rss=0 count=0 slow=
	while IFS="$(printf '\t')" read -r name born; do
		surname=${name##* }
		args=(--db "$db" check --tsv)
		[ -n "$born" ] && args+=(--born "$born")
		t0=$EPOCHREALTIME
		if [ -n "$gnutime" ]; then
			$gnutime -f "%M" -o "$tmp/rss" "$BALIE" "${args[@]}" "$name" >/dev/null 2>&1
		else
			"$BALIE" "${args[@]}" "$name" >/dev/null 2>&1
		fi
		t1=$EPOCHREALTIME
		sqlite3 "$db" "SELECT id, given_names, prefix, surname, born FROM person WHERE surname LIKE '%$(sq "$surname")%';" >/dev/null
		t2=$EPOCHREALTIME
		b=$(ms "$t0" "$t1")
		b_sum=$(awk -v a="$b_sum" -v b="$b" 'BEGIN { print a + b }')
		s_sum=$(awk -v a="$s_sum" -v b="$(ms "$t1" "$t2")" 'BEGIN { print a + b }')
		if awk -v a="$b" -v m="$b_max" 'BEGIN { exit !(a > m) }'; then
			b_max=$b
			slow=$name
		fi
		if [ -s "$tmp/rss" ]; then
			r=$(tail -1 "$tmp/rss")
			[ "$r" -gt "$b_rss" ] 2>/dev/null && b_rss=$r
		fi
		count=$((count + 1))
	done <"$tmp/sample.tsv"
	b_avg=$(awk -v s="$b_sum" -v c="$count" 'BEGIN { printf "%.1f", s / c }')
	s_avg=$(awk -v s="$s_sum" -v c="$count" 'BEGIN { printf "%.1f", s / c }')
	echo "one balie check process: $b_avg ms on average over $count visitors;" \
	     "one sqlite3 LIKE process: $s_avg ms; ratio $(ratio "$b_avg" "$s_avg")" \
	     "(goal at 100 000: <= 1.0)"
	echo "slowest check: $b_max ms (\"$slow\"), largest resident memory: ${b_rss:-?} kB" \
	     "(goals at 1 000 000: <= 50 ms, <= 30720 kB)"

	t0=$EPOCHREALTIME
	rc=0
	"$BALIE" --db "$db" check --batch --tsv <"$tmp/visitors.tsv" >"$tmp/check.out" || rc=$?
	t1=$EPOCHREALTIME
	[ "$rc" -le 1 ] || { echo "bench_names: check --batch failed (exit $rc)"; exit 1; }
	batch=$(ms "$t0" "$t1")
	echo "balie check --batch, $nvisitors visitors: $batch ms" \
	     "($(grep -c . "$tmp/check.out") candidate lines)"
	if [ "$n" -le 100000 ]; then
		{
			echo ".output /dev/null"
			sed -e "s/'/''/g" \
			    -e "s/.*/SELECT id, given_names, prefix, surname, born FROM person WHERE surname LIKE '%&%';/" \
			    "$tmp/surnames.txt"
		} >"$tmp/naive.sql"
		t0=$EPOCHREALTIME
		sqlite3 "$db" <"$tmp/naive.sql"
		t1=$EPOCHREALTIME
		naive=$(ms "$t0" "$t1")
		echo "sqlite3, the same $nvisitors surnames LIKE '%x%': $naive ms;" \
		     "ratio $(ratio "$batch" "$naive") (goal: <= 0.10)"
	fi

	if [ -x "$console" ]; then
		firsts=
		for i in 1 2 3; do
			out=$("$console" "soonest-ending" "$BALIE" --db "$db") || out="? ?"
			firsts="$firsts ${out%% *} ms"
		done
		echo "console first screen (3 starts; the first runs the daily purge):$firsts" \
		     "(goal: <= 150 ms); resident ${out##* } kB"
	fi

	if [ "${BENCH_NAMES_INPROC:-1}" != 0 ]; then
		"$gen" --queries "$db" "$n" 2000 || exit 1
	fi
	rm -f "$db" "$db-wal" "$db-shm" "$tmp/bans.csv"
done
