#!/bin/sh
# service_degraded.sh — issues 11 and 15: when balied's database cannot be opened (here: its
# first page overwritten), balied still starts and takes alarms into the alarm journal beside
# it, lists them, and refuses everything else with the reason; once the database is restored
# it opens it by itself, moves the journal's alarms in, and serves as before.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

# A database with one alarm, a copy of it, then its first page destroyed.
svc_start
as $UID_RECEPTIONIST alarm raise "Balie 1"
expect_rc 0 "an alarm before the damage"
svc_stop
setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups cp "$SVC_DB" "$tmp/data/good.db"
setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups \
	dd if=/dev/zero of="$SVC_DB" bs=1024 count=4 conv=notrunc status=none

svc_start
if grep -q "serving alarms only" "$tmp/balied.log"; then ok "balied starts degraded and says so"
else not_ok "balied starts degraded and says so"; sed 's/^/#   /' "$tmp/balied.log"; fi
as $UID_NOBODY alarm raise "Balie 2"
expect_rc 0 "an alarm is taken while the database cannot be opened"
expect_out_has "J" "the alarm went to the journal"
as $UID_PORTER alarm list --tsv
expect_rc 2 "the list says it is not the whole truth (exit 2)"
expect_err_has "not a balie database" "and why"
expect_out_has "Balie 2" "the journaled alarm is listed"
as $UID_HR ban list
expect_rc 2 "everything else is refused"
expect_err_has "takes only alarms" "with the reason"

# Restored by the service's account (balied(8): balie --db as that account), while balied
# runs: it opens the database by itself and moves the journal in.
setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups "$BALIE" --config "$SVC_CONF" \
	--db "$SVC_DB" restore "$tmp/data/good.db" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "the damaged database is restored in direct mode"
i=0
while [ $i -lt 80 ]; do
	as $UID_HR ban list
	[ "$rc" -eq 0 ] && break
	sleep 0.1
	i=$((i + 1))
done
expect_rc 0 "after the restore the service is back to normal"
as $UID_PORTER alarm list --tsv
if [ "$(grep -c 'Balie' "$tmp/out")" -eq 2 ] && ! grep -q "^0	" "$tmp/out"; then
	ok "both alarms are in the table, the journaled one with an id of its own"
else
	not_ok "both alarms in the table"; sed 's/^/#   /' "$tmp/out"
fi
svc_stop
finish
