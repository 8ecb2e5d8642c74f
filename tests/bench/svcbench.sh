# svcbench.sh — a private balied for the benchmarks (sourced by bench_service.sh and
# bench_jobs.sh, bash): svcbench_setup NAME makes $tmp (removed on exit, with the service
# stopped), the data and socket directories, $tmp/balie.conf giving us the role hr, and
# as_svc: the command prefix that runs as the service's account (uid 61000 when we are
# root, as balied refuses root; else ourselves). svcbench_start starts balied ($pid).
# The programs: BALIE (else from BENCH_BINDIR, as `make bench` runs them), BALIED beside
# it unless given, and bindir, where the bench programs are built.
: "${BALIE:=${BENCH_BINDIR:+$BENCH_BINDIR/../../src/balie}}"
: "${BALIE:?set BALIE to the built program}"
bindir=${BENCH_BINDIR:-$(dirname "$BALIE")/../tests/bench}
BALIED=${BALIED:-$(dirname "$BALIE")/balied}

svcbench_setup() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/balie-bench-$1.XXXXXX") || exit 1
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
}

# svcbench_direct ARGS...: balie in direct mode on the bench's database, as the service's
# account (before balied runs, or beside it).
svcbench_direct() {
	"${as_svc[@]}" "$BALIE" --config "$tmp/balie.conf" --db "$tmp/data/balie.db" "$@"
}

svcbench_start() {
	"${as_svc[@]}" "$BALIED" --config "$tmp/balie.conf" 2>"$tmp/balied.log" &
	pid=$!
	for _ in $(seq 1 100); do [ -S "$tmp/run/balie.sock" ] && break; sleep 0.05; done
}

# svcbench_raise: one alarm through the socket; prints its latency in ms (process start to
# exit) and the first letter of the answer (J: into the alarm journal).
svcbench_raise() {
	local t0=$EPOCHREALTIME out
	out=$("$BALIE" --config "$tmp/balie.conf" alarm raise --kind test "Bench" 2>/dev/null)
	local t1=$EPOCHREALTIME
	local us=$(( (${t1/./} - ${t0/./}) ))
	printf '%d.%03d %s\n' $((us / 1000)) $((us % 1000)) "${out:0:1}"
}

# svcbench_during SECONDS NAME CMD...: CMD in the background (output in $tmp/NAME.out and
# $tmp/NAME.err) and svcbench_raise every SECONDS while it runs (into $tmp/during); sets rc
# (its exit status) and took ("12.3 s", from its start to its end).
svcbench_during() {
	local every=$1 name=$2
	shift 2
	local t0=$EPOCHREALTIME
	"$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	local p=$!
	while kill -0 "$p" 2>/dev/null; do
		svcbench_raise
		sleep "$every"
	done >"$tmp/during"
	wait "$p"
	rc=$?
	local t1=$EPOCHREALTIME
	local us=$(( ${t1/./} - ${t0/./} ))
	took="$((us / 1000000)).$(( (us / 100000) % 10 )) s"
}

# svcbench_raises FILE WHILE: of the raises in FILE (svcbench_raise lines), how many, how
# many journaled (raised while a job held the write lock), and their spread.
svcbench_raises() {
	local j
	j=$(awk '$2 == "J"' "$1" | wc -l)
	sort -n "$1" | awk -v j="$j" -v what="$2" '{v[NR] = $1}
		END {
			printf "  %d raises, %d of them during the %s (journaled); p50 %s ms, p99 %s ms, max %s ms\n",
				NR, j, what, v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.999)], v[NR]
		}'
}

