#!/bin/sh
# shared.sh — issue 11: the console in the shared set-up. balied runs as its own uid and
# alone opens the database; two consoles run as a porter and a receptionist (other uids,
# started with setpriv) and reach the data only through its socket. An alarm raised by an
# account without a role appears on both without a key press; the porter's acknowledgement
# shows on the receptionist's console; the receptionist's console cannot acknowledge; when
# balied restarts the consoles carry on. Needs root (setpriv to other uids).
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "shared.sh needs root and setpriv to run balied and the consoles as other uids; skipped"
	exit 77
fi
BALIED=${BALIED:-$(dirname "$BALIE")/balied}
SVC=61000 PORTER=61002 RECEPTIONIST=61001 NOBODY=61009

chmod 755 "$E2E_TMP"
mkdir -p "$E2E_TMP/run" "$E2E_TMP/data"
chown "$SVC:$SVC" "$E2E_TMP/run" "$E2E_TMP/data"
chmod 700 "$E2E_TMP/data"
SOCK=$E2E_TMP/run/balie.sock
e2e_config
sed -i -e "s|^database = .*|database = \"$E2E_TMP/data/balie.db\"|" \
	-e "s|^  porter = {.*|  porter = {\"#$PORTER\"}\n  receptionist = {\"#$RECEPTIONIST\"}|" "$E2E_CONF"
echo "socket = \"$SOCK\"" >>"$E2E_CONF"
chmod 644 "$E2E_CONF"

svc_start() {
	setpriv --reuid=$SVC --regid=$SVC --clear-groups \
		"$BALIED" --config "$E2E_CONF" --init 2>>"$E2E_TMP/balied.log" &
	svc_pid=$!
	if ! e2e_until test -S "$SOCK"; then
		e2e_fail "balied did not start"
		cat "$E2E_TMP/balied.log" >&2
		exit 1
	fi
}
svc_stop() {
	kill -TERM "$svc_pid" 2>/dev/null
	wait "$svc_pid" 2>/dev/null
}
trap 'svc_stop; e2e_cleanup' EXIT

# A wrapper per uid: the console and the commands run as that account, nothing more.
for who in PORTER RECEPTIONIST NOBODY; do
	eval "uid=\$$who"
	cat >"$E2E_TMP/as_$who" <<EOF
#!/bin/sh
exec setpriv --reuid=$uid --regid=$uid --clear-groups env HOME=$E2E_TMP "$BALIE" "\$@"
EOF
	chmod 755 "$E2E_TMP/as_$who"
done
as() {
	_who=$1
	shift
	LANGUAGE=en "$E2E_TMP/as_$_who" --config "$E2E_CONF" "$@"
}

svc_start
BALIE=$E2E_TMP/as_PORTER e2e_start porter 100 30 -- --config "$E2E_CONF"
BALIE=$E2E_TMP/as_RECEPTIONIST e2e_start desk 100 30 -- --config "$E2E_CONF"
e2e_expect porter '\(porter\)|porter ' "the porter's console did not start through the service"
e2e_expect desk 'receptionist' "the receptionist's console did not start through the service"
e2e_expect_all 'ALARMS +none open' "not quiet at the start" porter desk

# An account without a role raises an alarm (the alarm hardware's): both consoles show it.
as NOBODY alarm raise "Balie 2" >/dev/null || e2e_fail "alarm raise by an account without a role failed"
e2e_expect_all '!! NEW +Balie 2' "the alarm did not appear" porter desk

# The receptionist's console cannot acknowledge: the keys are not there, nothing changes.
e2e_keys desk F5
sleep 0.3
e2e_expect desk '!! NEW +Balie 2' "desk: the alarm changed after a receptionist's F5"

# The porter acknowledges: both consoles show who is on the way.
e2e_keys porter Escape F2
e2e_keys porter F5
e2e_expect_all "ON THE WAY: #$PORTER +Balie 2" "the acknowledgement did not show" porter desk
[ "$(as PORTER alarm list --tsv | cut -f5)" = acknowledged ] ||
	e2e_fail "the service did not record the acknowledgement"

# balied restarts: the consoles carry on and show what happened meanwhile.
svc_stop
e2e_expect_all 'NO CONNECTION to the service' "the lost service is not said" porter desk
as NOBODY alarm raise "Balie 1" >/dev/null 2>&1 && e2e_fail "an alarm was raised with no service"
svc_start
as NOBODY alarm raise "Balie 1" >/dev/null || e2e_fail "alarm raise after the restart failed"
e2e_expect_all '!! NEW +Balie 1' "no alarm after balied restarted" porter desk
for c in porter desk; do
	e2e_expect_not $c 'NO CONNECTION' "$c: still says the service is lost"
done

# The database is destroyed under the service: balied comes back for alarms alone (the
# alarm journal), and every console says the database takes no writes while alarms still
# arrive.
svc_stop
setpriv --reuid=$SVC --regid=$SVC --clear-groups \
	dd if=/dev/zero of="$E2E_TMP/data/balie.db" bs=1024 count=4 conv=notrunc status=none
svc_start
as NOBODY alarm raise "Spreekkamer 006" >/dev/null || e2e_fail "no alarm raise with a damaged database"
e2e_expect_all 'DATABASE NOT WRITABLE' "the damaged database is not said" porter desk
e2e_expect_all '!! NEW +Spreekkamer 006' "the journaled alarm did not appear" porter desk

for c in porter desk; do
	e2e_quit $c
done
e2e_done
