# svcbench.sh — a private balied for the benchmarks (sourced by bench_service.sh and
# bench_jobs.sh, bash): svcbench_setup NAME makes $tmp (removed on exit, with the service
# stopped), the data and socket directories, $tmp/balie.conf giving us the role hr, and
# as_svc: the command prefix that runs as the service's account (uid 61000 when we are
# root, as balied refuses root; else ourselves). svcbench_start starts balied ($pid).
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

svcbench_start() {
	"${as_svc[@]}" "$BALIED" --config "$tmp/balie.conf" 2>"$tmp/balied.log" &
	pid=$!
	for _ in $(seq 1 100); do [ -S "$tmp/run/balie.sock" ] && break; sleep 0.05; done
}
