#!/bin/sh
# service_jobs.sh — long work off balied's loop: while the commit of a big import runs on
# the service's worker, an alarm is still answered (into the alarm journal, merged into the
# table afterwards), alarm list shows it, another write is refused with a message naming
# the import, and a second import is refused; the import ends with every row. HR's purge
# and the daily purge run on the worker too, an alarm raised during a purge likewise
# answered from the journal. A client that goes away during its commit leaves the whole
# import (never a part). HR's audit --verify reads on the worker: an alarm meanwhile is
# answered, its audit line is written when it ends, and damage it finds (or a whole file)
# holds for the service's own connection too, as does damage the daily check finds. The
# order of events is checked, never a duration.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

svc_start
H=$UID_HR P=$UID_PORTER M=$UID_MANAGER
mkdir -p "$tmp/files"
chmod 1777 "$tmp/files"
F=$tmp/files
ROWS=${SERVICE_JOBS_ROWS:-200000}

# gen N START: N bans with distinct generated names (letters only), the first name
# numbered from START.
gen() {
	awk -v n="$1" -v start="$2" '
	function word(i,   s, k) {
		s = ""
		for (k = 0; k < 5; k++) { s = s sprintf("%c", 97 + i % 26); i = int(i / 26) }
		return toupper(substr(s, 1, 1)) substr(s, 2)
	}
	BEGIN {
		print "given_names,prefix,surname,born,kind,starts,ends,reason"
		for (i = start; i < start + n; i++)
			printf "%s,,%s,19%02d-%02d-%02d,building,2026-09-01,2027-02-28,threat\n",
				word(i), word(i * 7 + 3), 40 + i % 60, 1 + i % 12, 1 + i % 28
	}'
}
gen "$ROWS" 0 >"$F/big.csv"
GONE_ROWS=$((ROWS / 4))
gen "$GONE_ROWS" "$ROWS" >"$F/big2.csv"
gen 3 900000 >"$F/small.csv"
chmod 644 "$F"/*.csv

# bg NAME UID ARGS...: balie in the background as UID; output in $tmp/NAME.out/.err, exit
# status in $tmp/NAME.rc when it ends; its pid in $bg_pid.
bg() {
	_name=$1 _uid=$2
	shift 2
	rm -f "$tmp/$_name.rc"
	(
		setpriv --reuid="$_uid" --regid="$_uid" --clear-groups \
			"$BALIE" --config "$SVC_CONF" "$@" >"$tmp/$_name.out" 2>"$tmp/$_name.err"
		echo $? >"$tmp/$_name.rc"
	) &
	bg_pid=$!
}
# started N: the worker has started its Nth job (balied's log says so).
started() {
	[ "$(grep -c "ban.import by .*: started on the worker" "$tmp/balied.log")" -ge "$1" ]
}
ended() { [ -s "$tmp/$1.rc" ]; }
# ended_with NAME TEXT WHAT: the background balie NAME exited 0 and printed TEXT.
ended_with() {
	if [ "$(cat "$tmp/$1.rc")" = 0 ] && grep -q "$2" "$tmp/$1.out"; then ok "$3"
	else
		not_ok "$3 (exit $(cat "$tmp/$1.rc"))"
		sed 's/^/#   /' "$tmp/$1.out" "$tmp/$1.err"
	fi
}
# refused_while NAME TASK WHAT: the last command was refused while the background balie
# NAME runs, naming its long task TASK.
refused_while() {
	if [ "$rc" -eq 2 ] && grep -q "another long task ($2) is running, started [0-9:]* by #$H" "$tmp/err"
	then ok "$3"
	elif ended "$1"; then ok "# SKIP $1 ended before: $3"
	else not_ok "$3 (exit $rc)"; sed 's/^/#   /' "$tmp/err"; fi
}
# raise_during NAME LOCATION WHAT [J]: an alarm raised while the background balie NAME
# runs is answered before it ends (with J: into the alarm journal).
raise_during() {
	as $P alarm raise "$2"
	if [ "$rc" -eq 0 ] && { [ -z "${4:-}" ] || grep -q "J" "$tmp/out"; } && ! ended "$1"; then
		ok "$3"
	elif [ "$rc" -eq 0 ] && ended "$1"; then
		ok "# SKIP $1 ended before the alarm came (a very fast machine)"
	else
		not_ok "$3 (exit $rc)"
		sed 's/^/#   /' "$tmp/out" "$tmp/err"
	fi
}
# locked: a connection of its own cannot take the write lock now (the import holds it).
locked() {
	! setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups \
		sqlite3 -bail "$SVC_DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1
}
bans() { svc_sql "SELECT count(*) FROM ban"; }
# alarm_kept LOCATION WHAT: the one alarm raised at LOCATION is in the alarm table.
alarm_kept() {
	if [ "$(svc_sql "SELECT count(*) FROM alarm WHERE location = '$1'")" = 1 ]; then ok "$2"
	else not_ok "$2"; fi
}

# The daily check of every page runs on the worker too (at the first tick).
if poll 200 grep -q "database.check by balied: done" "$tmp/balied.log"; then
	ok "the daily check runs on the worker"
else not_ok "the daily check runs on the worker"; sed 's/^/#   /' "$tmp/balied.log"; fi

# ------------------------------------------------------------ alarms during an import
bg imp $H ban import "$F/big.csv"
imp=$bg_pid
# The rows are checked first; then the commit takes the write lock.
if ! poll 1200 started 1 || ! poll 1200 locked; then
	not_ok "the import's commit reached the worker and took the write lock"
	sed 's/^/#   /' "$tmp/balied.log" "$tmp/imp.err"
fi
# A console watches for change notices.
setpriv --reuid=$P --regid=$P --clear-groups "$WIREPROBE" "$SVC_SOCK" watch 60 \
	>"$tmp/watch.out" 2>&1 &
watcher=$!
wait_line "$tmp/watch.out" watching
# The commit holds the write lock now: a raised alarm is answered into the journal.
as $P alarm raise "Balie 1"
raise_rc=$rc
cp "$tmp/out" "$tmp/raise.out"
import_waiting=no
ended imp || import_waiting=yes
if [ "$raise_rc" -eq 0 ] && grep -q "J" "$tmp/raise.out"; then
	ok "an alarm raised during the commit is answered at once, into the journal"
elif ended imp; then
	ok "# SKIP the import ended before the alarm came (a very fast machine)"
else
	not_ok "an alarm raised during the commit is answered (exit $raise_rc)"
	sed 's/^/#   /' "$tmp/raise.out"
fi
if [ "$import_waiting" = yes ]; then ok "the import client was still waiting meanwhile"
else ok "# SKIP the import ended before the alarm's answer"; fi
wait "$watcher"
notice=$(sed -n 's/^notice //p' "$tmp/watch.out")
if [ -n "$notice" ] && [ $((notice & 1)) -eq 1 ]; then
	ok "the watching console is told of the new alarm"
else not_ok "the watching console is told of the new alarm"; sed 's/^/#   /' "$tmp/watch.out"; fi
as $P alarm list --tsv
if grep -q "Balie 1" "$tmp/out"; then ok "alarm list shows the alarm"
else not_ok "alarm list shows the alarm"; sed 's/^/#   /' "$tmp/out"; fi
# Another write: refused with a message naming the import (or, if the commit ended in
# between, done).
as $P staff add "Piet Portier" --team support
if [ "$rc" -eq 2 ] && grep -q "not done: a large import, started [0-9:]* by #$H, is being written to the database; try again shortly" "$tmp/err"
then ok "another write is refused while the import is written, and says why"
elif [ "$rc" -eq 0 ] && ended imp; then ok "# SKIP the import ended before the other write"
else not_ok "another write is refused while the import is written (exit $rc)"; fi
# A second import is refused at once, naming the first.
as $M ban import "$F/small.csv"
if [ "$rc" -eq 2 ] && grep -q "another long task (import) is running, started [0-9][0-9]:[0-9][0-9] by #$H" "$tmp/err"
then ok "a second import is refused, naming the one that runs"
elif ended imp; then ok "# SKIP the import ended before the second one"
else not_ok "a second import is refused (exit $rc)"; fi
as $H backup
refused_while imp import "a backup is refused while the import runs"
as $H audit --verify
refused_while imp import "audit --verify is refused while the import runs"
wait "$imp"
ended_with imp "$ROWS" "the import completes and says how many rows"
[ "$(bans)" -eq "$ROWS" ] && ok "every row is in the database" ||
	not_ok "every row is in the database ($(bans))"
# The journal's alarm moved into the table when the job ended.
alarm_kept "Balie 1" "the alarm is in the database after the import"
if grep -q "ban.import by #$H: done ($ROWS)" "$tmp/balied.log"; then ok "balied logs the job's end"
else not_ok "balied logs the job's end"; fi
if grep -q "staff.add: not done: a large import" "$tmp/balied.log" || ! [ "$import_waiting" = yes ]
then ok "the refused write is in balied's log"
else not_ok "the refused write is in balied's log"; sed 's/^/#   /' "$tmp/balied.log"; fi
as $P staff add "Piet Portier" --team support
expect_rc 0 "writes are taken again after the import"

# ------------------------------------------------------------ a client that goes away
before=$(bans)
setpriv --reuid="$H" --regid="$H" --clear-groups \
	"$BALIE" --config "$SVC_CONF" ban import "$F/big2.csv" >/dev/null 2>&1 &
gone=$!
if poll 1200 started 2; then
	kill -KILL "$gone"
	wait "$gone" 2>/dev/null
	ok "the client that asked went away during its commit"
else
	not_ok "the second import's commit reached the worker"
fi
# Its job still ends: the service logs it, and then the rows are all there.
finished() { [ "$(grep -c "ban.import by #$H: done\|ban.import by #$H: failed" "$tmp/balied.log")" -ge 2 ]; }
if poll 3000 finished; then
	ok "the job of the client that went away ends, and is logged"
else
	not_ok "the job of the client that went away ends, and is logged"
fi
after=$(bans)
if [ "$after" -eq $((before + GONE_ROWS)) ] || [ "$after" -eq "$before" ]; then
	ok "an import whose client went away is whole or absent ($((after - before)) rows)"
else
	not_ok "an import whose client went away is whole or absent ($((after - before)) rows)"
fi
as $P alarm raise "Balie 2"
expect_rc 0 "the service goes on serving"
# A backup is a job too; its reply comes from the worker.
as $H backup jobs-test.db
expect_rc 0 "a backup through the worker is written"
if svc_sql "SELECT count(*) FROM ban" >/dev/null &&
	[ "$(setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups sqlite3 \
		"$tmp/data/backups/jobs-test.db" "SELECT count(*) FROM ban")" -eq "$after" ]
then ok "the backup holds every ban"; else not_ok "the backup holds every ban"; fi

# ------------------------------------------------------------ the purge on the worker
# The daily purge ran at the first tick, on the worker too (nothing was old then).
if grep -q "retention.purge by balied: done" "$tmp/balied.log"; then
	ok "the daily purge runs on the worker"
else not_ok "the daily purge runs on the worker"; sed 's/^/#   /' "$tmp/balied.log"; fi
# Bans of an old register that ended in 2023: past their retention, for HR's purge.
LAPSED=$((ROWS / 4))
gen "$LAPSED" 2000000 | sed 's/,2026-09-01,2027-02-28,/,2023-01-01,2023-06-30,/' >"$F/old.csv"
chmod 644 "$F/old.csv"
as $H ban import "$F/old.csv"
expect_rc 0 "bans that ended in 2023 are taken over"
before=$(bans)
bg pur $H purge
purging() { grep -q "retention.purge by #$H: started on the worker" "$tmp/balied.log"; }
locked_or_ended() { locked || ended pur; }
if ! poll 1200 purging || ! poll 1200 locked_or_ended; then
	not_ok "the purge reached the worker"
	sed 's/^/#   /' "$tmp/balied.log" "$tmp/pur.err"
fi
raise_during pur "Balie 3" "an alarm raised during the purge is answered at once, into the journal" J
wait "$bg_pid"
if [ "$(cat "$tmp/pur.rc")" = 0 ]; then ok "the purge completes"
else not_ok "the purge completes (exit $(cat "$tmp/pur.rc"))"; sed 's/^/#   /' "$tmp/pur.err"; fi
[ "$(bans)" -eq $((before - LAPSED)) ] && ok "the purge removed the bans past their retention" ||
	not_ok "the purge removed the bans past their retention ($before before, $(bans) after)"
alarm_kept "Balie 3" "the alarm is in the database after the purge"
if grep -q "retention.purge by #$H: done" "$tmp/balied.log"; then ok "balied logs the purge's end"
else not_ok "balied logs the purge's end"; fi

# ------------------------------------------------------------ audit --verify on the worker
# integrity_check reads every page and index of some 250 000 bans: seconds, on the worker.
bg ver $H audit --verify
verifying() { grep -q "audit.verify by #$H: started on the worker" "$tmp/balied.log"; }
if poll 1200 verifying; then ok "audit --verify runs on the worker"
else not_ok "audit --verify runs on the worker"; sed 's/^/#   /' "$tmp/balied.log"; fi
raise_during ver "Balie 4" "an alarm raised during the verification is answered before it ends"
as $H backup
refused_while ver verification "a backup is refused while the verification runs, naming it"
wait "$bg_pid"
ended_with ver "The audit trail is intact" "the verification answers as before"
alarm_kept "Balie 4" "the alarm raised during the verification is in the database"
line=$(svc_sql "SELECT actor || ' ' || terminal || ' ' || result FROM audit
	WHERE action = 'audit.verify' ORDER BY id DESC LIMIT 1")
case $line in
"#$H "*" intact") ok "the verification's audit line names HR and the verdict" ;;
*) not_ok "the verification's audit line: $line" ;;
esac
if grep -q "audit.verify by #$H: done" "$tmp/balied.log"; then ok "balied logs the verification's end"
else not_ok "balied logs the verification's end"; fi

# Damage found on the worker holds for the service's own connection: writes are refused
# and alarms go to the journal. An index that no longer fits its table is what
# integrity_check finds and the cheap checks at open do not.
# index_on COLUMN: ban_ends said to index COLUMN; a new schema version, so that every
# connection reads it.
index_on() {
	_v=$(svc_sql "PRAGMA schema_version")
	svc_sql "PRAGMA writable_schema = ON;
		UPDATE sqlite_schema SET sql = 'CREATE INDEX ban_ends ON ban($1)' WHERE name = 'ban_ends';
		PRAGMA schema_version = $((_v + 1))"
}
index_on starts
as $H audit --verify
expect_rc 2 "audit --verify on the worker finds the damage"
expect_err_has "is damaged (row" "and says what it found"
if [ -e "$SVC_DB.damaged" ]; then ok "the damage is marked for every process"
else not_ok "no damage mark"; fi
as $P staff add "Kees Portier" --team support
expect_rc 2 "the service's own connection refuses writes after the worker found damage"
expect_err_has "is damaged" "with the damage message"
as $P alarm raise "Balie 5"
expect_rc 0 "an alarm on the damaged database is still answered"
if grep -q '^J' "$tmp/out"; then ok "into the alarm journal"
else not_ok "the alarm was not journaled: $(cat "$tmp/out")"; fi
# A whole file again: a passing verification clears the mark, for the service too.
index_on ends
as $H audit --verify
expect_rc 0 "audit --verify passes once the file is whole"
if [ ! -e "$SVC_DB.damaged" ]; then ok "and removes the damage mark"
else not_ok "the damage mark stays"; fi
as $P staff add "Kees Portier" --team support
expect_rc 0 "the service's own connection writes again"
alarm_kept "Balie 5" "the journal's alarm moved in"
svc_stop_clean

# ------------------------------------------------------------ the daily check's damage
# Damage the daily check finds on the worker (a page of the ban table, which the cheap
# checks at open do not read) holds for the service's own connection too.
T=$BALIE_BUILDDIR/tests/torture/torture
if [ -x "$T" ]; then
	svc_sql "UPDATE meta SET value = '2000-01-01' WHERE key = 'integrity.last_day'"
	setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups "$T" corrupt "$SVC_DB" ban \
		>/dev/null || not_ok "torture corrupt"
	rm -f "$SVC_SOCK"
	svc_start
	checked() { [ "$(grep -c "database.check by balied: done" "$tmp/balied.log")" -ge 2 ]; }
	if poll 1200 checked; then ok "the daily check of a new day runs on the worker"
	else not_ok "the daily check of a new day runs"; sed 's/^/#   /' "$tmp/balied.log"; fi
	as $P staff add "Joop Portier" --team support
	expect_rc 2 "the service's own connection refuses writes after the daily check found damage"
	expect_err_has "is damaged" "with the damage message"
	svc_stop_clean
else
	ok "# SKIP tests/torture/torture is not built"
fi
finish
