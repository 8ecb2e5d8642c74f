#!/bin/bash
# bench_service.sh — issue 11: what the privilege boundary costs. A private balied on a
# database of 100 000 generated bans; bench_service times the same visitor checks and alarm
# raises in one process in direct mode and through the socket (goal: a check through the
# socket within 2 ms of direct mode). The service runs as uid 61000 when we are root (balied
# refuses root), else as ourselves.
set -u
bindir=${BENCH_BINDIR:?BENCH_BINDIR not set}
: "${BALIE:?set BALIE to the built program}"
BALIED=${BALIED:-$(dirname "$BALIE")/balied}
n=${BENCH_SERVICE_BANS:-100000}
# shellcheck source=tests/bench/svcbench.sh
. "$(dirname "$0")/svcbench.sh"
svcbench_setup service
"$bindir/bench_names" --csv "$n" "$tmp/bans.csv" >/dev/null || exit 1
"$bindir/bench_names" --visitors "$n" 1000 "$tmp/visitors.tsv" >/dev/null || exit 1
"${as_svc[@]}" "$BALIE" --config "$tmp/balie.conf" --db "$tmp/data/balie.db" init >/dev/null || exit 1
"${as_svc[@]}" "$BALIE" --config "$tmp/balie.conf" --db "$tmp/data/balie.db" ban import \
	"$tmp/bans.csv" >/dev/null || exit 1
svcbench_start
echo "the same requests, direct mode vs through balied's socket ($n bans):"
"$bindir/bench_service" --db "$tmp/data/balie.db" --socket "$tmp/run/balie.sock" \
	--visitors "$tmp/visitors.tsv" --config "$tmp/balie.conf"
