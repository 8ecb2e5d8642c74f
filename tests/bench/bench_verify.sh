#!/bin/bash
# bench_verify.sh — what an alarm costs while balied answers HR's `balie audit --verify`
# (PRAGMA integrity_check of every page and index, then the audit chain) on a large
# database: N generated bans (300 000 by default) are imported in direct mode, a private
# balied starts and does its daily check, then `balie audit --verify` runs in the
# background as hr and `balie alarm raise` every 0.2 s until it ends, each timed from just
# before the CLI starts until it exits. With the verification in the loop an alarm waited
# for all of it; on the worker it is answered at once.
# Compare with another build: BALIED=/path/to/old/balied bash tests/bench/bench_verify.sh
# Usage: BALIE=src/balie bash tests/bench/bench_verify.sh   (BENCH_VERIFY_BANS=300000)
set -u
n=${BENCH_VERIFY_BANS:-300000}
# shellcheck source=tests/bench/svcbench.sh
. "$(dirname "$0")/svcbench.sh"
svcbench_setup verify
"$bindir/bench_names" --csv "$n" "$tmp/bans.csv" >/dev/null || exit 1
chmod 644 "$tmp/bans.csv"
svcbench_direct init >/dev/null || exit 1
svcbench_direct ban import "$tmp/bans.csv" >/dev/null || exit 1
mb=$(( $(stat -c %s "$tmp/data/balie.db") / 1000000 ))

svcbench_start
# The first tick's daily purge and check of every page come first (on the worker).
for _ in $(seq 1 1200); do
	grep -q "database.check by balied: done\|database.check by balied: failed" \
		"$tmp/balied.log" && break
	sleep 0.1
done
for _ in 1 2 3 4 5 6 7 8 9 10; do svcbench_raise; sleep 0.1; done >"$tmp/idle"
svcbench_raises "$tmp/idle" idle

echo "alarm raise every 0.2 s while balied verifies the audit trail of $n bans ($mb MB):"
svcbench_during 0.2 verify "$BALIE" --config "$tmp/balie.conf" audit --verify
echo "  audit --verify: $took, exit $rc: $(cat "$tmp/verify.out" "$tmp/verify.err" | head -1)"
svcbench_raises "$tmp/during" verification
sed -n 's/^/  /p' "$tmp/balied.log" | grep "audit.verify" | head -3
