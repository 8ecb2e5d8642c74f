#!/bin/sh
# reliability.sh — issue 15's findings, each shown on the real program: a damaged database
# is noticed and refused for writing while alarms go to the journal and come back after a
# restore; disk full, read-only file and file system, a bad schema version, an empty or
# foreign file, a missing directory give plain messages; check prints nothing when its
# audit line cannot be written. Faults come from tests/torture/libfaultfs.so (LD_PRELOAD).
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

torture_tools
db=$tmp/t.db

# faulty MODE FILES ARGS...: run balie with the fault shim on FILES (see faultfs.c).
faulty() {
	_mode=$1
	_files=$2
	shift 2
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		LD_PRELOAD="$SHIM" FAULTFS_MODE="$_mode" FAULTFS_FILES="$_files" \
		"$BALIE" --config "$tmp/balie.conf" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

expect_err_lacks() {
	if grep -qF -- "$1" "$tmp/err"; then not_ok "$2 (stderr has: $1)"; else ok "$2"; fi
}

# Everything in the main file, no -wal or -shm: the state after the last close on a
# machine that was shut down cleanly.
settle() {
	"$T" sql "$db" "PRAGMA wal_checkpoint(TRUNCATE)" || exit 99
	rm -f "$db-wal" "$db-shm"
}

# ---------------------------------------------------------------- 1. damage is noticed
fresh_db bans
run alarm raise 'Balie 1'
run backup "$tmp/good.db"
expect_rc 0 "a backup before the damage"
"$T" corrupt "$db" alarm >/dev/null || exit 99
before=$(cksum <"$db")

run init
expect_rc 2 "init notices a damaged page"
expect_err_has "is damaged" "init says the database is damaged"
expect_err_has "balie restore" "and points to balie restore"
expect_err_has "good.db" "naming the newest good backup"
if [ -e "$db.damaged" ]; then ok "the damage is marked for every process"; else not_ok "no damage mark"; fi

run check Jan de Vries
expect_rc 2 "check on a damaged database is an error"
expect_empty "$tmp/out" "check prints no verdict from a damaged database"
expect_err_has "is damaged" "check says why"

run alarm raise 'Balie 2'
expect_rc 0 "alarm raise on a damaged database still records the alarm"
if grep -q '^J[0-9a-f]\{16\}$' "$tmp/out"; then ok "raise prints the journal id"; else not_ok "raise printed: $(cat "$tmp/out")"; fi
expect_err_has "$db.alarm-journal" "raise says the alarm went to the journal"
after=$(cksum <"$db")
if [ "$before" = "$after" ]; then ok "nothing was written into the damaged file"; else not_ok "the damaged file changed"; fi

run alarm list
expect_rc 2 "alarm list on a damaged database exits 2"
expect_out_has "Balie 2" "alarm list shows the journal's alarm"
expect_out_has "(in the alarm journal)" "marked as waiting in the journal"
expect_err_has "is damaged" "alarm list says the database is damaged"

run ban lift 1 --reason "test"
expect_rc 2 "a ban change on a damaged database is refused"
expect_err_has "is damaged" "with the damage message"
run audit --verify
expect_rc 2 "audit --verify fails on a damaged database"

run restore "$tmp/good.db"
expect_rc 0 "restore the good backup"
run alarm list --tsv
expect_rc 0 "alarm list after the restore"
n=$(grep -c "Balie 2" "$tmp/out")
if [ "$n" = 1 ]; then ok "the journal's alarm moved in once"; else not_ok "Balie 2 listed $n times"; fi
if grep -q "^[0-9][0-9]*${TAB}.*Balie 2" "$tmp/out"; then ok "with a database id"; else not_ok "no database id"; fi
if [ ! -s "$db.alarm-journal" ] && [ ! -e "$db.damaged" ]; then ok "journal emptied, damage mark gone"; else not_ok "journal or mark left"; fi
run alarm list --tsv
n=$(grep -c "Balie 2" "$tmp/out")
if [ "$n" = 1 ]; then ok "a second open adds nothing twice"; else not_ok "Balie 2 listed $n times"; fi
run audit --verify
expect_rc 0 "audit --verify passes after the restore"

# The first page damaged: the file cannot even be opened.
printf 'this is no header' | dd of="$db" bs=1 conv=notrunc 2>/dev/null
run alarm raise 'Balie 3'
expect_rc 0 "an alarm still goes to the journal when the file cannot be opened"
expect_err_has "not a balie database" "saying what is wrong with the file"
run alarm list
expect_rc 2 "alarm list on an unopenable file exits 2"
expect_out_has "Balie 3" "but shows the journal's alarm"
run restore "$tmp/good.db"
expect_rc 0 "restore replaces a file that cannot be opened"
run alarm list --tsv
expect_rc 0 "alarm list after that restore"
expect_out_has "Balie 3" "the journal's alarm moved in"

# ---------------------------------------------------------------- 2. environment failures
# Cold disk full: no room for the WAL index or log when the command starts.
fresh_db bans
settle
faulty full "$db:$db-wal:$db-shm" check Jan de Vries
expect_rc 2 "check on a full disk is an error"
expect_err_has "the disk is full" "cold disk full says so"
expect_err_has "$db" "naming the file"
expect_err_lacks "disk I/O error" "not just 'disk I/O error'"
faulty full "$db*" alarm raise 'Balie 1'
expect_rc 0 "an alarm on a full disk goes to the journal, into its reserved space"
expect_err_has "the disk is full" "and says the disk is full"
run alarm list --tsv
expect_out_has "Balie 1" "and moves in when there is room again"
settle
rm -f "$db.alarm-journal" # a file system that cannot reserve space (no fallocate)
faulty full "$db*" alarm raise 'Balie 1'
expect_rc 2 "when even the journal cannot be written, raise fails"
expect_err_has "could NOT be recorded" "saying the alarm was not recorded"
expect_err_has "by phone" "and what to do instead"
# Warm: the disk fills up during the write.
run alarm list
faulty full "$db:$db-wal:$db-shm" ban lift 1 --reason "disk test"
expect_rc 2 "a write on a full disk is an error"
expect_err_has "the disk is full" "warm disk full says so"

# Read-only file system: reads work, writes say read-only.
fresh_db bans
run alarm raise 'Balie 1'
settle
faulty rofs "$db*" alarm list
expect_rc 0 "alarm list on a read-only file system"
expect_out_has "Balie 1" "lists the alarms"
faulty rofs "$db*" check Jan de Vries
expect_rc 2 "check on a read-only file system cannot record its audit line"
expect_empty "$tmp/out" "so it prints no verdict"
expect_err_has "read-only" "and says read-only"
expect_err_lacks "unable to open" "not 'unable to open database file'"
faulty rofs "$db*" alarm raise 'Balie 2'
expect_rc 2 "no alarm can be recorded on a read-only file system"
expect_err_has "file system is read-only" "the message says so"

# Read-only file (this user may not write it), directory writable.
faulty eacces "$db" alarm raise 'Balie 3'
expect_rc 0 "an alarm on a read-only database file goes to the journal"
expect_err_has "read-only for this user" "the message says read-only"
run alarm list --tsv
expect_out_has "Balie 3" "and moves in when the file is writable again"

# Schema version: negative, too new.
fresh_db
"$T" sql "$db" "PRAGMA user_version = -1" || exit 99
run check Jan
expect_rc 2 "user_version -1 is refused"
expect_err_has "is -1, which balie never writes" "naming the bad version"
expect_err_lacks "not an error" "not 'not an error'"
"$T" sql "$db" "PRAGMA user_version = 999" || exit 99
run check Jan
expect_rc 2 "a newer schema is refused"
expect_err_has "newer than this program knows" "saying so"

# An empty file never becomes a database except by init.
rm -f "$db" "$db-wal" "$db-shm"
: >"$db"
chmod 660 "$db"
run alarm list
expect_rc 2 "alarm list on an empty file is an error"
expect_err_has "the file is empty" "saying it is empty"
run check Jan
expect_rc 2 "check on an empty file is an error"
if [ ! -s "$db" ]; then ok "the empty file stays empty"; else not_ok "the empty file was written"; fi
run init
expect_rc 0 "init makes a database of the empty file"

# Not an SQLite file, and a missing directory.
rm -f "$db-wal" "$db-shm"
printf 'given_names,surname\nJan,Jansen\n' >"$db"
run check Jan
expect_rc 2 "a CSV file as database is an error"
expect_err_has "not an SQLite file" "saying so"
"$BALIE" --config "$tmp/balie.conf" --db "$tmp/nodir/t.db" check Jan >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "a database in a missing directory is an error"
expect_err_has "the directory $tmp/nodir does not exist" "naming the directory"

# ---------------------------------------------------------------- 3. no audit, no answer
fresh_db bans
"$T" sql "$db" "CREATE TRIGGER audit_block BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'blocked'); END" || exit 99
run check Jan de Vries
expect_rc 2 "check whose audit line fails is an error"
expect_empty "$tmp/out" "and prints no verdict"
run check --tsv Jan de Vries
expect_empty "$tmp/out" "nor with --tsv"
printf 'Jan de Vries\t\nPiet Puk\t\n' >"$tmp/in"
run_in "$tmp/in" check --batch
expect_rc 2 "check --batch whose audit line fails is an error"
expect_empty "$tmp/out" "and prints nothing"

finish
