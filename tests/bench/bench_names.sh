#!/bin/sh
# bench_names.sh — the visitor check's speed: the name index in-process (bench_names: 100 000
# and 1 000 000 generated bans), then `balie check --batch` over 1 000 visitors against a naive
# sqlite3 scan (surname LIKE '%x%') over the same database, timed in one run, with the ratio.
# Environment: BENCH_BINDIR (build's tests/bench), BALIE (the program), BENCH_NAMES_SIZES
# (in-process sizes, default "100000 1000000"), BENCH_NAMES_BANS (CLI database size, 100000).
set -e
bin=${BENCH_BINDIR:?BENCH_BINDIR not set}/bench_names
sizes=${BENCH_NAMES_SIZES:-100000 1000000}
nbans=${BENCH_NAMES_BANS:-100000}
nvisitors=1000

# shellcheck disable=SC2086 # sizes is a list on purpose
"$bin" $sizes

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

if [ -z "$BALIE" ] || [ ! -x "$BALIE" ]; then
	echo "bench_names: BALIE not set: CLI batch comparison skipped"
	exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "bench_names: sqlite3 not installed: CLI batch comparison skipped"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/balie.db
# the generated bans run from January 2026 into 2027: all of them are in force on this day
BALIE_NOW=2026-11-25T12:00:00Z
export BALIE_NOW

"$bin" --csv "$nbans" "$tmp/bans.csv"
"$bin" --visitors "$nbans" "$nvisitors" "$tmp/visitors.tsv"
"$bin" --surnames "$nbans" "$nvisitors" "$tmp/surnames.txt"

"$BALIE" --db "$db" init >/dev/null
t0=$(now)
if ! "$BALIE" --db "$db" ban import "$tmp/bans.csv" >"$tmp/import.out" 2>&1; then
	echo "bench_names: balie ban import failed (is the CLI finished?):"
	head -5 "$tmp/import.out"
	exit 1
fi
t1=$(now)
echo "balie ban import, $nbans bans: $(elapsed "$t0" "$t1") s"

# the naive way: one sqlite3 process, one full-table LIKE scan per visitor
{
	echo ".output /dev/null"
	sed -e "s/'/''/g" \
	    -e "s/.*/SELECT id, given_names, prefix, surname, born FROM person WHERE surname LIKE '%&%';/" \
	    "$tmp/surnames.txt"
} >"$tmp/naive.sql"

t0=$(now)
rc=0
"$BALIE" --db "$db" check --batch --tsv <"$tmp/visitors.tsv" >"$tmp/check.out" || rc=$?
t1=$(now)
if [ "$rc" -gt 1 ]; then
	echo "bench_names: balie check --batch failed (exit $rc)"
	exit 1
fi
t2=$(now)
sqlite3 "$db" <"$tmp/naive.sql"
t3=$(now)

check_s=$(elapsed "$t0" "$t1")
naive_s=$(elapsed "$t2" "$t3")
candidates=$(grep -c . "$tmp/check.out" || true)
echo "balie check --batch, $nvisitors visitors over $nbans bans: $check_s s" \
     "($candidates candidate lines, index build included)"
echo "sqlite3 surname LIKE '%x%' scan, same $nvisitors surnames: $naive_s s"
awk -v a="$check_s" -v b="$naive_s" \
    'BEGIN { if (a > 0) printf "ratio naive/balie: %.1fx (goal: at least 10x)\n", b / a }'

# The console's resident memory over the same 100 000 bans, after searching (goal < 50 MB).
if command -v tmux >/dev/null 2>&1; then
	sock=bench-names-$$
	tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
		"env LANG=C.UTF-8 TERM=xterm-256color BALIE_NOW=$BALIE_NOW '$BALIE' --db '$db'"
	sleep 3
	for q in / J a n ' ' d e ' ' V r i e s; do
		tmux -L "$sock" send-keys -l -- "$q"
	done
	sleep 2
	pid=$(tmux -L "$sock" list-panes -F '#{pane_pid}' | head -1)
	rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
	tmux -L "$sock" kill-server 2>/dev/null || true
	echo "console resident memory, $nbans bans, after a search: $rss kB (goal: under 51200 kB)"
fi

# 1 000 000 bans through the CLI: import (goal under 60 s) and a batch check; the naive scan
# is left out here (it takes minutes). BENCH_NAMES_BIG=0 skips this part.
big=${BENCH_NAMES_BIG:-1000000}
if [ "$big" -gt 0 ]; then
	bigdb=$tmp/big.db
	"$bin" --csv "$big" "$tmp/big.csv"
	"$bin" --visitors "$big" "$nvisitors" "$tmp/bigvisitors.tsv"
	"$BALIE" --db "$bigdb" init >/dev/null
	t0=$(now)
	"$BALIE" --db "$bigdb" ban import "$tmp/big.csv" >/dev/null
	t1=$(now)
	echo "balie ban import, $big bans: $(elapsed "$t0" "$t1") s (goal: under 60 s)"
	rm -f "$tmp/big.csv"
	t0=$(now)
	rc=0
	"$BALIE" --db "$bigdb" check --batch --tsv <"$tmp/bigvisitors.tsv" >/dev/null || rc=$?
	t1=$(now)
	[ "$rc" -le 1 ] || { echo "bench_names: check --batch on $big bans failed"; exit 1; }
	echo "balie check --batch, $nvisitors visitors over $big bans: $(elapsed "$t0" "$t1") s"
fi
