#!/bin/sh
# service_admin.sh — issue 11: the accountability commands through balied. The role table
# of every administration operation for every role (no role included), refusals audited,
# backups only inside the service's own directory, the restore's safe swap (checked copy,
# one rename, the replaced database kept, consoles told, nothing left behind on failure),
# and what a hostile client tries on these operations, each refused with a clear message
# and nothing changed.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

# The service's database starts as the fixture ban list (made in direct mode, handed over).
fresh_db bans
cp "$tmp/t.db" "$SVC_DB"
chown "$SVC_UID:$SVC_UID" "$SVC_DB"
chmod 660 "$SVC_DB"
svc_start
BACKUPS=$tmp/data/backups

role_of() {
	case $1 in
	"$UID_RECEPTIONIST") echo receptionist ;; "$UID_PORTER") echo porter ;;
	"$UID_MANAGER") echo manager ;; "$UID_HR") echo hr ;; *) echo "no role" ;;
	esac
}
allowed() {
	_u=$1
	shift
	as "$_u" "$@"
	if [ "$rc" -eq 0 ] && ! grep -q "permission denied" "$tmp/err"; then
		ok "$(role_of "$_u") may: $*"
	else
		not_ok "$(role_of "$_u") may: $* (exit $rc)"
	fi
}
denied() {
	_u=$1
	shift
	as "$_u" "$@"
	if [ "$rc" -eq 2 ] && grep -q "permission denied" "$tmp/err" && [ ! -s "$tmp/out" ]; then
		ok "$(role_of "$_u") may not: $*"
	else
		not_ok "$(role_of "$_u") may not: $* (exit $rc)"
		sed 's/^/#   stdout: /' "$tmp/out"
	fi
}
# The data as it stands, audit trail aside (a refusal adds a line there, nothing else).
snapshot() {
	svc_sql "SELECT 'ban', count(*) FROM ban; SELECT 'person', count(*) FROM person;
		SELECT 'alarm', count(*) FROM alarm; SELECT 'meta', group_concat(key || '=' || value)
		FROM meta WHERE key NOT LIKE 'purge.%'"
}
# The backup directory's plain listing (what a swap may leave behind).
data_files() { (cd "$tmp/data" && ls -A . backups); }

# --- the role table: hr only, every other role and no role refused and audited
for u in $UID_RECEPTIONIST $UID_PORTER $UID_MANAGER $UID_NOBODY; do
	for cmd in "audit" "audit --verify" "purge --dry-run" "backup --list" "backup r.db" \
		"restore r.db" "person export 1" "person export --ban 1"; do
		# shellcheck disable=SC2086 # the command's words
		denied "$u" $cmd
	done
done
expect_err_has "has no role in $SVC_CONF" "no role: told where roles are given"
as $UID_MANAGER audit
expect_err_has "audit: permission denied: role manager may not use the audit trail" \
	"the refusal names the command, the role and the right"
n=$(svc_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND object IN
	('audit.list', 'audit.verify', 'retention.purge', 'database.backups', 'database.backup',
	 'database.restore', 'person.export', 'person.of_ban')")
if [ "$n" -ge 32 ]; then ok "every refusal is in the audit trail ($n)"; else not_ok "refusals audited: $n of 32"; fi
if grep -q "uid $UID_MANAGER (#$UID_MANAGER): audit.list: permission denied" "$tmp/balied.log"; then
	ok "refusals are in balied's log, with the uid"; else not_ok "refusal not logged"; fi
if [ -z "$(ls -A "$BACKUPS" 2>/dev/null)" ]; then ok "no refused backup was written"
else not_ok "the refused backups left: $(ls -A "$BACKUPS")"; fi

allowed $UID_HR audit
allowed $UID_HR audit --verify
allowed $UID_HR purge --dry-run
allowed $UID_HR backup --list
allowed $UID_HR backup r.db
allowed $UID_HR person export --ban 1
expect_out_has "[person]" "the export reaches hr"
expect_out_has "Threatened the clerk" "with the notes"

# A console's own lines and its look at what changed: every role, never "no role".
for u in $UID_RECEPTIONIST $UID_PORTER $UID_MANAGER $UID_HR; do
	probe "$u" request 152 "1502=t:visitor.check" "1503=t:Jansen" "1504=t:1" "1505=t:console"
	if grep -q "^status 0:" "$tmp/out"; then ok "$(role_of "$u") records a console's visitor check"
	else not_ok "$(role_of "$u") console line: $(cat "$tmp/out")"; fi
done
probe $UID_NOBODY request 152 "1502=t:visitor.check" "1503=t:Jansen"
if grep -q "^status 6: permission denied: the login user '#$UID_NOBODY' has no role" "$tmp/out"; then
	ok "no role: no console line"; else not_ok "no role console line: $(cat "$tmp/out")"; fi
n=$(svc_sql "SELECT count(*) FROM audit WHERE action = 'visitor.check' AND object = 'Jansen'
	AND actor LIKE '#6100_'")
if [ "$n" -eq 4 ]; then ok "the lines carry the kernel's uid as actor"; else not_ok "console lines: $n"; fi
for action in ban.lift database.restore "retention.purge" "audit.list" "anything"; do
	probe $UID_HR request 152 "1502=t:$action" "1503=t:x"
	if grep -q "^status 4: action: \"$action\" is not one a console records" "$tmp/out"; then
		ok "a client cannot write an action of its own: $action"
	else not_ok "action $action: $(cat "$tmp/out")"; fi
done
probe $UID_RECEPTIONIST request --dump 153 "16=i:5"
if grep -q "^status 0:" "$tmp/out" && grep -q "^[1-5] 5 " "$tmp/out" &&
	! grep -q "^[1-5] [34678] ." "$tmp/out"; then
	ok "a receptionist sees what changed (id, time, action), never who or whom"
else not_ok "audit recent: $(cat "$tmp/out")"; fi

# --- purge decides by the service's configuration and clock, not the client's
sed -e '/^retention/,/^}/d' "$SVC_CONF" >"$tmp/short.conf"
printf 'retention {\n  bans_months = 1\n  audit_months = 1\n}\n' >>"$tmp/short.conf"
chmod 644 "$tmp/short.conf"
setpriv --reuid=$UID_HR --regid=$UID_HR --clear-groups "$BALIE" --config "$tmp/short.conf" \
	purge --dry-run >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "purge --dry-run with a client configuration of its own"
expect_out_has "bans that ended before 2025-11-24" "the cut-off is the service's 12 months"
expect_out_has "audit lines before 2021-11-24" "and its 60 months of audit"

# --- backups: in the service's directory, named by it or by a plain name
as $UID_HR backup
expect_rc 0 "a backup named by the service"
expect_out_has "Backup balie-20261124-140000.db written" "named by the time"
if [ "$(stat -c '%a %u' "$BACKUPS")" = "700 $SVC_UID" ] &&
	[ "$(stat -c '%a %u' "$BACKUPS/balie-20261124-140000.db")" = "600 $SVC_UID" ]; then
	ok "the directory is the service's (0700), the backup 0600"
else not_ok "modes: $(stat -c '%n %a %u' "$BACKUPS" "$BACKUPS"/*)"; fi
as $UID_HR backup r.db
expect_rc 2 "an existing backup is kept"
expect_err_has "exists already (use --force to replace it)" "and --force named"
as $UID_HR backup --list --tsv
if [ "$(cut -f1 "$tmp/out" | sort | tr '\n' ' ')" = "balie-20261124-140000.db r.db " ]; then
	ok "backup --list shows both"; else not_ok "backup --list: $(cat "$tmp/out")"; fi

# --- restore: the safe swap
as $UID_HR alarm raise "After the backup"
before_inode=$(stat -c %i "$SVC_DB")
setpriv --reuid=$UID_PORTER --regid=$UID_PORTER --clear-groups \
	"$WIREPROBE" "$SVC_SOCK" watch 20 >"$tmp/watch" 2>&1 &
watch_pid=$!
wait_line "$tmp/watch" watching
as $UID_HR restore r.db
expect_rc 0 "hr restores a backup through the service"
expect_out_has "The database it replaced is kept as backup before-restore-20261124-140000.db" \
	"and is told where the replaced one is kept"
wait $watch_pid
if grep -q "^notice 65535" "$tmp/watch"; then ok "a watching console is told that everything changed"
else not_ok "the console's notice: $(cat "$tmp/watch")"; fi
if [ "$(stat -c %i "$SVC_DB")" != "$before_inode" ]; then ok "the live file was swapped (a new inode)"
else not_ok "the live file was not swapped"; fi
KEPT=$BACKUPS/before-restore-20261124-140000.db
if [ "$(svc_sql "SELECT count(*) FROM alarm WHERE location = 'After the backup'")" = 0 ] &&
	[ "$(setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups sqlite3 "$KEPT" \
		"SELECT count(*) FROM alarm WHERE location = 'After the backup'")" = 1 ]; then
	ok "the restored database is the backup's; the replaced one is kept whole"
else not_ok "restored or kept content"; fi
if [ "$(stat -c %a "$KEPT")" = 600 ]; then ok "the kept database is 0600"; else not_ok "kept mode"; fi
last_kept=$(setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups sqlite3 "$KEPT" \
	"SELECT action || ' ' || result FROM audit ORDER BY id DESC LIMIT 1")
if [ "$last_kept" = "database.restore replaced" ]; then ok "the kept trail ends with the restore"
else not_ok "kept trail ends with: $last_kept"; fi
if svc_sql "SELECT detail FROM audit WHERE action = 'database.restore' AND result = 'ok'" |
	grep -q "replaced database kept as .*before-restore-20261124-140000.db (its last line"; then
	ok "the restored trail names the kept one and its last line"
else not_ok "restore line in the restored trail"; fi
if [ "$(data_files | grep -c 'restore-\|tmp')" -eq 1 ]; then ok "no temporary file is left"
else not_ok "files left: $(data_files | tr '\n' ' ')"; fi
as $UID_HR audit --verify
expect_rc 0 "the restored trail is intact"
as $UID_HR alarm raise "After the restore"
expect_rc 0 "the service works on the restored database"

# A damaged backup replaces nothing and leaves nothing.
printf 'SQLite format 3\000 but nothing more' >"$BACKUPS/broken.db"
chown "$SVC_UID:$SVC_UID" "$BACKUPS/broken.db"
snap=$(snapshot)
files=$(data_files)
as $UID_HR restore broken.db
expect_rc 2 "a damaged backup is refused"
expect_err_has "nothing restored" "and says nothing was restored"
if [ "$(snapshot)" = "$snap" ] && [ "$(data_files)" = "$files" ]; then
	ok "nothing changed, no file left"; else not_ok "a refused restore changed something"; fi

# While another program has the database open, the swap does not take it from under it.
mkfifo "$tmp/hold"
chmod 666 "$tmp/hold"
setpriv --reuid=$SVC_UID --regid=$SVC_UID --clear-groups sqlite3 "$SVC_DB" <"$tmp/hold" \
	>/dev/null 2>&1 &
holder=$!
exec 7>"$tmp/hold"
echo "SELECT count(*) FROM ban;" >&7
sleep 0.3
snap=$(snapshot)
files=$(data_files)
as $UID_HR restore r.db
expect_rc 2 "no swap while another program has the database open"
expect_err_has "another program has the database open; nothing restored" "told why"
exec 7>&-
wait $holder
if [ "$(snapshot)" = "$snap" ] && [ "$(data_files)" = "$files" ]; then
	ok "the live database is as it was, no file left"; else not_ok "a refused swap changed something"; fi
if [ "$(svc_sql "SELECT result FROM audit WHERE action = 'database.restore' ORDER BY id DESC LIMIT 2" |
	tr '\n' ' ')" = "failed replaced " ]; then ok "the attempt and its failure are audited"
else not_ok "restore attempt audit"; fi
as $UID_HR alarm raise "After the refused swap"
expect_rc 0 "the service goes on after a refused swap"

# --- names that are not a plain file in the service's directory
snap=$(snapshot)
for bad in ../balie.db .. . .hidden "a/b" "/etc/passwd" "balie.db-wal" "x..y" ""; do
	probe $UID_HR request 155 "1510=t:$bad" "1511=b:1"
	if grep -q "^status 4: " "$tmp/out"; then ok "backup name '$bad' refused"
	else not_ok "backup name '$bad': $(cat "$tmp/out")"; fi
	probe $UID_HR request 157 "1510=t:$bad"
	if grep -q "^status 4: " "$tmp/out"; then ok "restore name '$bad' refused"
	else not_ok "restore name '$bad': $(cat "$tmp/out")"; fi
done
probe $UID_HR request 155 "1510=t:$(printf 'r\342\200\213.db')"
if grep -q "^status 4: backup name: contains an invisible character" "$tmp/out"; then
	ok "a zero-width space in a backup name"; else not_ok "zero-width name: $(cat "$tmp/out")"; fi
probe $UID_HR request 155 "1510=t:$(printf '%0300d' 0)"
if grep -q "^status 4: " "$tmp/out"; then ok "an overlong backup name"; else not_ok "long name: $(cat "$tmp/out")"; fi
for path in "$SVC_DB" "$SVC_DB-wal" "/etc/passwd" "$tmp/x.db"; do
	probe $UID_HR request 155 "11=t:$path" "1511=b:1"
	if grep -q "^status 6: .*refused: the service keeps backups in its own directory and opens no file a client names" "$tmp/out"; then
		ok "backup to a path the client names: $path"
	else not_ok "backup path $path: $(cat "$tmp/out")"; fi
	probe $UID_HR request 157 "11=t:$path"
	if grep -q "^status 6: .*opens no file a client names" "$tmp/out"; then
		ok "restore from a path the client names: $path"
	else not_ok "restore path $path: $(cat "$tmp/out")"; fi
done
as $UID_HR backup --force "$SVC_DB"
expect_rc 2 "balie backup --force over the live database, through the service"
expect_err_has "opens no file a client names" "told that only names are taken"
if [ "$(snapshot)" = "$snap" ] && [ ! -e "$tmp/x.db" ]; then ok "nothing changed, no file made"
else not_ok "a refused path changed something"; fi

# What root (or a mistake) put into the directory is not followed.
ln -s ../balie.db "$BACKUPS/link.db"
mkfifo "$BACKUPS/fifo.db"
mkdir "$BACKUPS/dir.db"
for f in link.db fifo.db dir.db; do
	as $UID_HR restore $f
	if [ "$rc" -eq 2 ] && grep -q "not a regular file; nothing restored" "$tmp/err"; then
		ok "restore of a $f is refused"; else not_ok "restore $f (exit $rc)"; fi
done
as $UID_HR backup --list --tsv
if ! grep -q "link.db\|fifo.db\|dir.db" "$tmp/out"; then ok "--list shows plain files only"
else not_ok "--list shows: $(cat "$tmp/out")"; fi
inode=$(stat -c %i "$SVC_DB")
rows=$(svc_sql "SELECT count(*) FROM audit")
as $UID_HR backup --force link.db
expect_rc 2 "backup --force over a symbolic link to the live database is refused"
expect_err_has "refused: that is the live database or one of its own files" "told why"
if [ -L "$BACKUPS/link.db" ] && [ "$(stat -c %i "$SVC_DB")" = "$inode" ] &&
	[ "$(svc_sql "SELECT count(*) FROM audit")" -ge "$rows" ] &&
	[ "$(svc_sql "PRAGMA integrity_check")" = ok ]; then
	ok "the live database is untouched, its audit rows kept"
else not_ok "backup over a link touched the live database"; fi

# --- the audit operations' fields
for f in "1500=t:yesterday" "1500=t:2026-11-24" "1506=i:-1" "1501=t:$(printf 'hr\342\200\256')" \
	"1502=t:$(printf 'ban\033[2J')" "1500=i:5"; do
	probe $UID_HR request 150 "$f"
	if grep -q "^status 4: " "$tmp/out"; then ok "audit list field refused: $f"
	else not_ok "audit list $f: $(cat "$tmp/out")"; fi
done
for f in "1508=i:3" "1509=t:abc" "1508=i:0|1509=t:$(printf '%064d' 0)" \
	"1508=i:3|1509=t:$(printf '%064d' 0 | tr 0 G)"; do
	# shellcheck disable=SC2046 # one or two fields
	probe $UID_HR request 151 $(echo "$f" | tr '|' ' ')
	if grep -q "^status 4: noted" "$tmp/out"; then ok "audit verify field refused: $f"
	else not_ok "audit verify $f: $(cat "$tmp/out")"; fi
done
for f in "2=i:0" "2=i:-5" "2=t:1"; do
	probe $UID_HR request 159 "$f"
	if grep -q "^status 4: person id" "$tmp/out"; then ok "person export id refused: $f"
	else not_ok "person export $f: $(cat "$tmp/out")"; fi
done
probe $UID_HR request 159 "2=i:99999"
if grep -q "^status 2: no person 99999" "$tmp/out"; then ok "an unknown person: not found"
else not_ok "unknown person: $(cat "$tmp/out")"; fi
probe $UID_HR request 153 "16=i:1000000"
if grep -q "^status 4: limit: out of range" "$tmp/out"; then ok "a huge recent limit refused"
else not_ok "recent limit: $(cat "$tmp/out")"; fi

# The trail comes in pages of 2000 lines, each of them recorded; the listing still shows
# every line once, in order. (The lines added here with sqlite3 are not chained: only
# the listing is looked at.)
svc_sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)
	INSERT INTO audit (id, at, actor, terminal, action, object, result, detail, prev_hash, hash)
	SELECT (SELECT max(id) FROM audit) + i, '2026-11-24T13:00:00Z', 'bulk', 'tty', 'bulk.line',
	'x', 'ok', '', '', '' FROM n"
lines=$(svc_sql "SELECT count(*) FROM audit")
pages=$(svc_sql "SELECT count(*) FROM audit WHERE action = 'audit.list'")
as $UID_HR audit --tsv
pages=$(($(svc_sql "SELECT count(*) FROM audit WHERE action = 'audit.list'") - pages))
if [ "$pages" -eq 3 ]; then ok "in 3 pages, each one recorded"; else not_ok "pages recorded: $pages"; fi
# The lines of the first two looks are in the trail by the time the last page is read.
shown=$(grep -c . "$tmp/out")
if [ "$shown" -eq $((lines + 2)) ] &&
	[ "$(cut -f1 "$tmp/out" | sort -n | uniq | grep -c .)" -eq "$shown" ] &&
	cut -f1 "$tmp/out" | sort -n -c; then
	ok "audit lists every line once, in order ($lines, and the looks' own 2)"
else not_ok "audit listed $shown lines of $lines"; fi
svc_stop_clean
finish
