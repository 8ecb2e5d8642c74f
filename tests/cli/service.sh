#!/bin/sh
# service.sh — issue 11: the shared set-up. balied alone opens the database; balie runs as
# the operator and asks it over the socket. Who asks is the kernel's word (SO_PEERCRED),
# the role the service's configuration; raising an alarm is never refused; the role table
# holds through the socket for every role, "no role" included.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

svc_start

# --- the database is the service's alone
if [ "$(stat -c %u "$SVC_DB")" = "$SVC_UID" ]; then ok "the service owns the database"
else not_ok "the service owns the database"; fi
if setpriv --reuid=$UID_HR --regid=$UID_HR --clear-groups cat "$SVC_DB" >/dev/null 2>&1; then
	not_ok "hr cannot read the file itself"
else ok "hr cannot read the file itself"; fi

# --- raising an alarm: every account, with or without a role
for u in $UID_RECEPTIONIST $UID_NOBODY; do
	as $u alarm raise "Balie 1"
	expect_rc 0 "uid $u raises an alarm"
done
as $UID_PORTER alarm list --tsv
if [ "$(grep -c . "$tmp/out")" -eq 2 ]; then ok "both alarms are listed"; else not_ok "both alarms are listed"; fi
if grep -q "	#$UID_NOBODY	\|Balie 1" "$tmp/out"; then ok "the list shows the alarms"; else not_ok "the list shows the alarms"; fi
if [ "$(svc_sql "SELECT raised_by FROM alarm ORDER BY id")" = "#$UID_RECEPTIONIST
#$UID_NOBODY" ]; then ok "raised_by is the kernel's uid, not a name the client chose"
else not_ok "raised_by: $(svc_sql "SELECT raised_by FROM alarm")"; fi

# --- the role table through the socket (alarm part; the other groups add theirs)
as $UID_RECEPTIONIST alarm ack 1
expect_rc 2 "a receptionist may not acknowledge"
expect_err_has "alarm ack: permission denied: role receptionist may not handle alarms" \
	"the refusal names role and right"
as $UID_NOBODY alarm list
expect_rc 2 "no role: no alarm list"
expect_err_has "has no role in $SVC_CONF" "no role: told where roles are given"
as $UID_PORTER alarm ack 1
expect_rc 0 "a porter acknowledges"
as $UID_MANAGER alarm false 2
expect_rc 0 "a manager closes a false alarm"
expect_out_has "Then record it: balie alarm cancelled 2" "... and is told to cancel it at the alarm centre"
as $UID_RECEPTIONIST alarm cancelled 2
expect_rc 2 "a receptionist does not record the cancellation"
expect_err_has "alarm cancelled: permission denied: role receptionist may not handle alarms" \
	"the refusal names role and right"
as $UID_PORTER alarm cancelled 2
expect_rc 0 "a porter records that the false alarm was cancelled at the alarm centre"
if [ "$(svc_sql "SELECT cancelled_by FROM alarm WHERE id = 2")" = "#$UID_PORTER" ]; then
	ok "who cancelled is the caller the kernel vouches for"
else not_ok "cancelled_by: $(svc_sql "SELECT cancelled_by FROM alarm WHERE id = 2")"; fi
as $UID_PORTER alarm list --all --tsv
if grep -q "^2${TAB}.*${TAB}false${TAB}.*${TAB}#$UID_PORTER\$" "$tmp/out"; then
	ok "the list shows who cancelled"; else not_ok "the list shows who cancelled"; fi
probe $UID_NOBODY request 16 2=i:2
if grep -q "^status 6: " "$tmp/out"; then ok "no role: an alarm is not read"
else not_ok "no role reads an alarm: $(cat "$tmp/out")"; fi
as $UID_HR alarm resolve --all
expect_rc 0 "hr resets every alarm"
if [ "$(svc_sql "SELECT count(*) FROM audit WHERE action='denied'")" -ge 2 ]; then
	ok "denials are in the audit trail"; else not_ok "denials are in the audit trail"; fi

# --- acting as a lesser role, never a greater one
as $UID_PORTER --role receptionist alarm ack 1
expect_rc 2 "a porter acting as receptionist cannot acknowledge"
as $UID_RECEPTIONIST --role hr alarm list
expect_rc 2 "a receptionist cannot act as hr"
expect_err_has "role receptionist may not act as hr" "told why"

# --- a hostile client: the service refuses what balie would never send
probe $UID_HR request --no-hello 14
if grep -q "^status 6: the session has not been opened" "$tmp/out"; then
	ok "no request before the greeting"; else not_ok "no request before the greeting: $(cat "$tmp/out")"; fi
probe $UID_RECEPTIONIST request 10 "12=t:$(printf 'Balie\033[2J')"
if grep -q "^status 4: location: contains a control character" "$tmp/out"; then
	ok "an escape sequence in a location is refused"; else not_ok "escape in a location: $(cat "$tmp/out")"; fi
probe $UID_RECEPTIONIST request 10 "12=t:$(printf 'Balie\342\200\213 1')"
if grep -q "^status 4: location: contains an invisible character" "$tmp/out"; then
	ok "a zero-width space in a location is refused"; else not_ok "zero-width: $(cat "$tmp/out")"; fi
probe $UID_HR request 12 "2=i:1" "14=i:9"
if grep -q "^status 4: outcome: out of range" "$tmp/out"; then
	ok "an outcome out of range is refused"; else not_ok "outcome range: $(cat "$tmp/out")"; fi
probe $UID_HR request 999
if grep -q "^status 4: unknown request 999" "$tmp/out"; then
	ok "an unknown request is refused"; else not_ok "unknown request: $(cat "$tmp/out")"; fi
probe $UID_HR oversize
if grep -q "^closed" "$tmp/out"; then ok "an oversized frame ends the session"
else not_ok "oversized frame: $(cat "$tmp/out")"; fi

# A client that stalls half-way through a request, or is stopped, holds no lock: alarms
# are raised and listed meanwhile.
setpriv --reuid=$UID_NOBODY --regid=$UID_NOBODY --clear-groups \
	"$WIREPROBE" "$SVC_SOCK" stall 5 >/dev/null 2>&1 &
stall_pid=$!
as $UID_NOBODY --role receptionist alarm raise "Balie 2"
sleep 0.3
kill -STOP $stall_pid 2>/dev/null
as $UID_RECEPTIONIST alarm raise "Balie 2"
expect_rc 0 "an alarm is raised while another client is stalled and stopped"
kill -CONT $stall_pid 2>/dev/null
kill $stall_pid 2>/dev/null
wait $stall_pid 2>/dev/null

# Too many sessions of one account cannot lock the others out.
i=0
holders=""
while [ $i -lt 40 ]; do
	setpriv --reuid=$UID_NOBODY --regid=$UID_NOBODY --clear-groups \
		"$WIREPROBE" "$SVC_SOCK" hold 4 >/dev/null 2>&1 &
	holders="$holders $!"
	i=$((i + 1))
done
sleep 1
as $UID_RECEPTIONIST alarm raise "Balie 1"
expect_rc 0 "40 idle sessions of one account do not keep an alarm out"
# shellcheck disable=SC2086 # a list of pids
kill $holders 2>/dev/null
for p in $holders; do wait "$p" 2>/dev/null; done

svc_stop
if [ "$svc_rc" -eq 0 ]; then ok "balied stops cleanly on SIGTERM"; else not_ok "balied exit $svc_rc"; fi
if [ -e "$SVC_SOCK" ]; then not_ok "the socket is removed"; else ok "the socket is removed"; fi
finish
