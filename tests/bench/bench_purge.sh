#!/bin/bash
# bench_purge.sh — what an alarm costs while balied runs the first daily purge after taking
# over a register of long-lapsed bans: N generated bans (300 000 by default) that ended in
# 2023 are imported in direct mode, then a private balied starts (its first tick purges
# them all) and `balie alarm raise` runs every 0.3 s until its log says the purge is done,
# each timed from just before the CLI starts until it exits. With the purge in the loop an
# alarm waited for the whole purge; on the worker it is answered into the alarm journal.
# Compare with another build: BALIED=/path/to/old/balied bash tests/bench/bench_purge.sh
# Usage: BALIE=src/balie bash tests/bench/bench_purge.sh   (BENCH_PURGE_BANS=300000)
set -u
n=${BENCH_PURGE_BANS:-300000}
# shellcheck source=tests/bench/svcbench.sh
. "$(dirname "$0")/svcbench.sh"
svcbench_setup purge
# The generator's bans start in January 2026 and end in 2027: move them to 2022-2023, long
# past the default twelve months' retention.
"$bindir/bench_names" --csv "$n" "$tmp/active.csv" >/dev/null || exit 1
sed -E 's/,2026-01-([0-9]{2}),2027-/,2022-01-\1,2023-/' "$tmp/active.csv" >"$tmp/bans.csv"
chmod 644 "$tmp/bans.csv"
svcbench_direct init >/dev/null || exit 1
svcbench_direct ban import "$tmp/bans.csv" >/dev/null || exit 1

echo "alarm raise every 0.3 s while balied's first daily purge removes $n lapsed bans:"
t0=$EPOCHREALTIME
svcbench_start
bans() { "${as_svc[@]}" sqlite3 "$tmp/data/balie.db" "SELECT count(*) FROM ban"; }
# Done when the purge's transaction is committed (any build: the count is read beside it).
purged() { [ "$(bans)" = 0 ]; }
until purged; do
	svcbench_raise
	sleep 0.3
done >"$tmp/during"
t1=$EPOCHREALTIME
us=$(( (${t1/./} - ${t0/./}) ))
echo "  purge: $((us / 1000000)).$(( (us / 100000) % 10 )) s from balied's start, $(bans) bans left"
svcbench_raises "$tmp/during" purge
sed -n 's/^/  /p' "$tmp/balied.log" | grep -i "purge\|worker" | head -5
