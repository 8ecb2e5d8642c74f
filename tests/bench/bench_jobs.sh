#!/bin/bash
# bench_jobs.sh — what an alarm costs while balied commits a big import: a private balied on
# an empty database, `balie ban import` of N generated bans (1 000 000 by default) through
# its socket, and meanwhile `balie alarm raise` every 0.3 s, each timed from just before the
# CLI starts until it exits (so process start is included). Before the worker thread (one
# loop) an alarm raised during the commit waited for the whole commit; now it is answered
# into the alarm journal within the loop's short busy wait (store_set_busy_timeout, 50 ms).
# Compare with another build: BALIED=/path/to/old/balied bash tests/bench/bench_jobs.sh
# Usage: BALIE=src/balie bash tests/bench/bench_jobs.sh   (BENCH_JOBS_BANS=1000000)
set -u
n=${BENCH_JOBS_BANS:-1000000}
# shellcheck source=tests/bench/svcbench.sh
. "$(dirname "$0")/svcbench.sh"
svcbench_setup jobs
"$bindir/bench_names" --csv "$n" "$tmp/bans.csv" >/dev/null || exit 1
svcbench_direct init >/dev/null || exit 1
svcbench_start

echo "alarm raise through balied, idle (10 raises):"
for _ in $(seq 1 10); do svcbench_raise; done >"$tmp/idle"
sort -n "$tmp/idle" | awk '{a[NR]=$1} END {printf "  p50 %s ms, max %s ms\n", a[int((NR+1)/2)], a[NR]}'

echo "alarm raise every 0.3 s while $n bans are imported through balied:"
svcbench_during 0.3 import "$BALIE" --config "$tmp/balie.conf" ban import "$tmp/bans.csv"
echo "  import: exit $rc, $(cat "$tmp/import.out") rows, $took in all (read, stream, check, commit)"
[ "$rc" -eq 0 ] || sed 's/^/  import: /' "$tmp/import.err"
# The journaled ones were raised while the commit held the write lock.
svcbench_raises "$tmp/during" commit
sed -n 's/^/  /p' "$tmp/balied.log" | grep -i "import\|worker" | head -5
