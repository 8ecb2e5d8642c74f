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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/balie-bench-service.XXXXXX") || exit 1
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
chmod 755 "$tmp"
mkdir -p "$tmp/data" "$tmp/run"
as_svc=()
if [ "$(id -u)" -eq 0 ]; then
	chown 61000:61000 "$tmp/data" "$tmp/run"
	as_svc=(setpriv --reuid=61000 --regid=61000 --clear-groups)
fi
cat >"$tmp/balie.conf" <<CONF
database = "$tmp/data/balie.db"
socket = "$tmp/run/balie.sock"
roles {
  hr = {"$(id -un)"}
}
CONF
"$bindir/bench_names" --csv "$n" "$tmp/bans.csv" >/dev/null || exit 1
"$bindir/bench_names" --visitors "$n" 1000 "$tmp/visitors.tsv" >/dev/null || exit 1
"${as_svc[@]}" "$BALIE" --config "$tmp/balie.conf" --db "$tmp/data/balie.db" init >/dev/null || exit 1
"${as_svc[@]}" "$BALIE" --config "$tmp/balie.conf" --db "$tmp/data/balie.db" ban import \
	"$tmp/bans.csv" >/dev/null || exit 1
"${as_svc[@]}" "$BALIED" --config "$tmp/balie.conf" 2>"$tmp/balied.log" &
pid=$!
for _ in $(seq 1 100); do [ -S "$tmp/run/balie.sock" ] && break; sleep 0.05; done
echo "the same requests, direct mode vs through balied's socket ($n bans):"
"$bindir/bench_service" --db "$tmp/data/balie.db" --socket "$tmp/run/balie.sock" \
	--visitors "$tmp/visitors.tsv" --config "$tmp/balie.conf"
