# svclib.sh — a private balied for the tests of the shared set-up (sourced after
# testlib.sh). The service runs as an unprivileged uid, each client as another: root starts
# them with setpriv, so these tests need root (CI runs as root) and skip otherwise. No
# accounts are created: the configuration names the uids as "#UID".
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "# needs root and setpriv to run the service and its clients as other uids; skipped"
	exit 77
fi
BALIED=${BALIED:-$(dirname "$BALIE")/balied}
WIREPROBE=${WIREPROBE:-${BALIE_BUILDDIR:-$(dirname "$BALIE")/..}/tests/tools/wireprobe}
SVC_UID=61000
# The uids of the roles, and one the configuration does not name.
UID_RECEPTIONIST=61001 UID_PORTER=61002 UID_MANAGER=61003 UID_HR=61004 UID_NOBODY=61009

# Everyone must reach the socket's directory; the data directory is the service's alone.
chmod 755 "$tmp"
mkdir -p "$tmp/run" "$tmp/data"
chown "$SVC_UID:$SVC_UID" "$tmp/run" "$tmp/data"
chmod 755 "$tmp/run"
chmod 700 "$tmp/data"
SVC_SOCK=$tmp/run/balie.sock
SVC_DB=$tmp/data/balie.db
SVC_CONF=$tmp/svc.conf
{
	sed '/^database = /d' "$tmp/balie.conf"
	cat <<CONF
database = "$SVC_DB"
socket = "$SVC_SOCK"
roles {
  receptionist = {"#$UID_RECEPTIONIST"}
  porter = {"#$UID_PORTER"}
  manager = {"#$UID_MANAGER"}
  hr = {"#$UID_HR"}
}
CONF
} >"$SVC_CONF"
chmod 644 "$SVC_CONF"

# svc_start [BALIED-ARGS...]: start the service and wait for its socket.
svc_start() {
	setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups \
		"$BALIED" --config "$SVC_CONF" --init "$@" 2>>"$tmp/balied.log" &
	svc_pid=$!
	if ! poll 100 test -S "$SVC_SOCK"; then
		echo "# balied did not start:"
		sed 's/^/#   /' "$tmp/balied.log"
		exit 99
	fi
}

svc_stop() {
	kill -TERM "$svc_pid" 2>/dev/null
	wait "$svc_pid" 2>/dev/null
	svc_rc=$?
}

# svc_stop_clean: stop the service and show that it ended well: exit 0, and no sanitizer
# report (a --enable-sanitizers build) in its log, which the tests do not otherwise read.
svc_stop_clean() {
	svc_stop
	if [ "$svc_rc" -eq 0 ] && ! grep -q "runtime error\|Sanitizer" "$tmp/balied.log"; then
		ok "balied ends cleanly"
	else
		not_ok "balied ended with $svc_rc"
		grep -A5 "runtime error\|Sanitizer" "$tmp/balied.log" | head -20 | sed 's/^/#   /'
	fi
}

# as UID ARGS...: balie as that uid through the service; stdout in $tmp/out, stderr in
# $tmp/err, exit status in $rc.
as() {
	_uid=$1
	shift
	setpriv --reuid="$_uid" --regid="$_uid" --clear-groups \
		"$BALIE" --config "$SVC_CONF" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# probe UID ARGS...: the hostile client as that uid; its output in $tmp/out.
probe() {
	_uid=$1
	shift
	setpriv --reuid="$_uid" --regid="$_uid" --clear-groups \
		"$WIREPROBE" "$SVC_SOCK" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# wait_line FILE TEXT: wait (at most 5 s) until a background client wrote TEXT to FILE.
wait_line() {
	poll 100 grep -qs "$2" "$1"
}

# The service's database as its owner sees it (for checking that nothing changed).
svc_sql() {
	setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups sqlite3 "$SVC_DB" "$@"
}

trap 'svc_stop; [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
