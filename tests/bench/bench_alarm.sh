#!/bin/bash
# bench_alarm.sh — alarm propagation and idle cost of the console: 4 consoles in tmux on one
# database; N alarms raised by the CLI at random intervals; p50/p99 until each screen shows it.
# Twice: in direct mode (every process on the file, the change watch) and through balied
# (the consoles and the CLI on its socket, pushed notices). MODES="direct shared".
#
# How it measures: just before each `balie alarm raise` the script takes $EPOCHREALTIME
# (bash, no process start); four watchers, one per console, poll `tmux capture-pane` in a
# loop (a few ms a round; the round time is printed as the resolution) and note the moment
# their screen first shows the new alarm. So the figure includes starting the CLI, its commit,
# the console's wake-up, reload and redraw, and tmux's own processing: a pessimistic bound.
# Idle: a console left alone for IDLE_S seconds; CPU from utime+stime in /proc/PID/stat and
# wake-ups from voluntary context switches in /proc/PID/status.
# Usage: BALIE=src/balie bash tests/bench/bench_alarm.sh   (N=50 IDLE_S=30 by default)

set -u
: "${BALIE:=${BENCH_BINDIR:+$BENCH_BINDIR/../../src/balie}}"
: "${BALIE:?set BALIE to the built program}"
N=${N:-50}
IDLE_S=${IDLE_S:-30}
CONSOLES=4
MODES=${MODES:-direct shared}
BALIED=${BALIED:-$(dirname "$BALIE")/balied}
command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 0; }

bench_mode() {
tmp=$(mktemp -d "${TMPDIR:-/tmp}/balie-bench.XXXXXX") || exit 1
sock="balie-bench-$$"
db="$tmp/balie.db"
conf="$tmp/balie.conf"
t() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	t kill-server >/dev/null 2>&1
	[ -n "${svc_pid:-}" ] && kill "$svc_pid" 2>/dev/null && wait "$svc_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

chmod 755 "$tmp"
mkdir -p "$tmp/data" "$tmp/run"
db="$tmp/data/balie.db"
as_svc=()
[ "$(id -u)" -eq 0 ] && as_svc=(setpriv --reuid=61000 --regid=61000 --clear-groups) &&
	chown 61000:61000 "$tmp/data" "$tmp/run"
cat >"$conf" <<CONF
database = "$db"
socket = "$tmp/run/balie.sock"
realarm_interval = 30
building stadhuis {
  name = "Stadhuis"
  alarm_points = {"Balie 1", "Balie 2"}
}
roles {
  porter = {"$(id -un)"}
}
CONF
# The mode: direct (every process on the file) or shared (through balied's socket).
dbarg="--db $db"
svc_pid=
if [ "$MODE" = shared ]; then
	"${as_svc[@]}" "$BALIED" --config "$conf" --init 2>"$tmp/balied.log" &
	svc_pid=$!
	for _ in $(seq 1 100); do [ -S "$tmp/run/balie.sock" ] && break; sleep 0.05; done
	dbarg=""
fi
# shellcheck disable=SC2086 # dbarg is empty or two words
cli() { LANGUAGE=en LANG=C.UTF-8 "$BALIE" --config "$conf" $dbarg "$@"; }
[ "$MODE" = shared ] || "${as_svc[@]}" "$BALIE" --config "$conf" --db "$db" init >/dev/null || exit 1

for c in $(seq 1 $CONSOLES); do
	t new-session -d -s "c$c" -x 100 -y 30 \
		"env TERM=xterm-256color LANG=C.UTF-8 LANGUAGE=en '$BALIE' --config '$conf' $dbarg 2>/dev/null" ||
		exit 1
done
screen_has() { t capture-pane -p -t "$1" 2>/dev/null | grep -q -- "$2"; }
wait_all() { # pattern
	for c in $(seq 1 $CONSOLES); do
		local i=0
		until screen_has "c$c" "$1"; do
			sleep 0.01
			i=$((i + 1))
			[ $i -gt 1000 ] && { echo "console c$c never showed /$1/" >&2; exit 1; }
		done
	done
}
wait_all 'none open'

# One watcher per console: wait for "!! NEW", print the time it was seen and the rounds.
watch_console() { # console outfile
	local rounds=0
	until screen_has "$1" '!! NEW'; do
		rounds=$((rounds + 1))
		[ $rounds -gt 5000 ] && { echo "timeout $rounds" >"$2"; return; }
	done
	echo "$EPOCHREALTIME $((rounds + 1))" >"$2"
}

lat="$tmp/latencies"
rounds_total=0
: >"$lat"
start_all=$EPOCHREALTIME
for i in $(seq 1 "$N"); do
	watchers=()
	for c in $(seq 1 $CONSOLES); do
		watch_console "c$c" "$tmp/seen.$c" &
		watchers+=($!)
	done
	# Random pause 0.1..0.6 s: the alarm lands at any moment of the consoles' cycle.
	sleep "0.$((RANDOM % 5 + 1))"
	t0=$EPOCHREALTIME
	cli alarm raise "Balie 2" >/dev/null 2>&1 || { echo "raise failed" >&2; exit 1; }
	wait "${watchers[@]}"
	for c in $(seq 1 $CONSOLES); do
		read -r t1 r <"$tmp/seen.$c"
		[ "$t1" = timeout ] && { echo "console c$c missed alarm $i" >&2; exit 1; }
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }' >>"$lat"
		rounds_total=$((rounds_total + r))
	done
	cli alarm resolve --all >/dev/null 2>&1
	wait_all 'none open'
done
elapsed=$(awk -v a="$start_all" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')

echo "alarm propagation ($MODE), $N alarms x $CONSOLES consoles (ms from 'balie alarm raise' to screen):"
sort -n "$lat" | awk '
	{ v[NR] = $1; s += $1 }
	END {
		i50 = int(NR * 0.50 + 0.5); if (i50 < 1) i50 = 1
		i99 = int(NR * 0.99 + 0.5); if (i99 < 1) i99 = 1; if (i99 > NR) i99 = NR
		printf "  n=%d  min %.1f  p50 %.1f  p99 %.1f  max %.1f  mean %.1f\n",
			NR, v[1], v[i50], v[i99], v[NR], s / NR
	}'
# The watchers' resolution: one capture-pane round.
r0=$EPOCHREALTIME
for i in 1 2 3 4 5 6 7 8 9 10; do screen_has c1 'never there'; done
awk -v a="$r0" -v b="$EPOCHREALTIME" -v n="$rounds_total" 'BEGIN {
	printf "  resolution: one capture-pane round, %.1f ms (%d rounds in all)\n", (b - a) * 100, n
}'
echo "  (includes starting the CLI process and its fsync'ed commit)"

# ---------------------------------------------------------------- idle cost
panepid=$(t display-message -p -t c1 '#{pane_pid}')
pid=$(ps -o pid= --ppid "$panepid" | head -1 | tr -d ' ')
[ -n "$pid" ] || pid=$panepid
hz=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
switches() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }
sleep 1
c0=$(ticks "$pid") w0=$(switches "$pid")
sleep "$IDLE_S"
c1=$(ticks "$pid") w1=$(switches "$pid")
awk -v c0="$c0" -v c1="$c1" -v hz="$hz" -v s="$IDLE_S" -v w0="$w0" -v w1="$w1" 'BEGIN {
	printf "idle console, %d s: CPU %.3f%% (%d ticks of 1/%d s), %.1f wake-ups/s\n",
		s, (c1 - c0) / hz / s * 100, c1 - c0, hz, (w1 - w0) / s
}'
return 0
}

for MODE in $MODES; do
	bench_mode || exit 1
	cleanup
	svc_pid=
done
exit 0
