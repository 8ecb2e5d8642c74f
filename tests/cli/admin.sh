#!/bin/sh
# admin.sh — issue 7's HR commands: audit (list, filters, --tsv, --verify), purge (--dry-run,
# the real one), backup and restore, person export; and the 0660 / world-readable rules.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db bans
me=$(id -un)

# --- files: created 0660, a world-readable database refused with the fix named
mode=$(stat -c %a "$tmp/t.db")
if [ "$mode" = 660 ]; then ok "database created 0660"; else not_ok "database mode $mode"; fi
chmod 664 "$tmp/t.db"
run check Jansen
expect_rc 2 "world-readable database refused"
expect_err_has "chmod 660 $tmp/t.db" "the refusal names chmod 660"
expect_err_has "chgrp balie" "the refusal names chgrp balie"
chmod 660 "$tmp/t.db"

# --- audit: every check, with query and count
run check Vries
run audit --action visitor.check --tsv
if grep -q "${TAB}$me${TAB}[^$TAB]*${TAB}visitor.check${TAB}Vries${TAB}1${TAB}" "$tmp/out"; then
	ok "visitor check audited with query and result count"
else
	not_ok "visitor check audited"
	sed 's/^/#   /' "$tmp/out"
fi
run ban list
run ban export
run audit --action ban --tsv
expect_out_has "${TAB}ban.list${TAB}bans${TAB}ok" "ban list audited"
expect_out_has "${TAB}ban.export${TAB}bans${TAB}ok" "ban export audited as its own action"
run audit --actor nobody-at-all
expect_rc 0 "audit with a filter matching nothing"
expect_out_has "No audit lines." "says there are none"
run audit --since 2999-01-01 --tsv
expect_empty "$tmp/out" "--since in the future lists nothing"
run audit --since 31-11-2026
expect_rc 2 "--since with an impossible date exits 2"
run audit surplus
expect_rc 2 "audit with an argument exits 2"
run audit --action audit.list --tsv
expect_out_has "audit.list" "reading the audit trail is audited too"

# --- audit --verify: intact, then an edit and a deletion made with sqlite3
run audit --verify
expect_rc 0 "verify: intact"
expect_out_has "The audit trail is intact" "verify says intact"
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$tmp/t.db" "$tmp/keep.db"
	sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing' WHERE id = 3"
	run audit --verify
	expect_rc 2 "verify: an edited line exits 2"
	expect_err_has "line 3: the chain is broken" "names the edited line"
	cp "$tmp/keep.db" "$tmp/t.db"
	rm -f "$tmp/t.db-wal" "$tmp/t.db-shm"
	sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4"
	run audit --verify
	expect_rc 2 "verify: a deleted line exits 2"
	expect_err_has "line 5: the chain is broken" "names the line after the gap"
	cp "$tmp/keep.db" "$tmp/t.db"
	rm -f "$tmp/t.db-wal" "$tmp/t.db-shm"
else
	ok "# SKIP sqlite3 not installed"
fi

# --- person export 
run person export --ban 1
expect_rc 0 "person export --ban"
expect_out_has "[person]" "person section"
expect_out_has "surname: Vries" "the name"
expect_out_has "Threatened the clerk" "the notes (reason details)"
expect_out_has "[audit]" "audit lines about the person"
run person export 9999
expect_rc 2 "person export of an unknown id exits 2"
run person export x
expect_rc 2 "malformed id exits 2"
run person frobnicate
expect_rc 2 "unknown person command exits 2"
run audit --action person.export --tsv
expect_out_has "person.export" "the export is audited"

# --- purge: nothing is old yet; two years on, the ended bans go
run purge --dry-run
expect_rc 0 "purge --dry-run"
expect_out_has "would be removed" "dry run says so"
expect_out_has "bans that ended before 2025-11-24: 0" "nothing old yet"
before=$(BALIE_NOW=2029-06-01T10:00:00Z "$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" \
	ban list --all --tsv | wc -l)
BALIE_NOW=2029-06-01T10:00:00Z run purge --dry-run
expect_out_has "bans that ended before 2028-06-01: " "cut-off from the configured 12 months"
n=$(sed -n 's/.*bans that ended before 2028-06-01: \([0-9]*\).*/\1/p' "$tmp/out")
if [ "${n:-0}" -gt 0 ]; then ok "dry run counts $n old bans"; else not_ok "dry run counts old bans"; fi
after=$(BALIE_NOW=2029-06-01T10:00:00Z "$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" \
	ban list --all --tsv | wc -l)
if [ "$before" = "$after" ]; then ok "dry run removes nothing"; else not_ok "dry run removed"; fi
BALIE_NOW=2029-06-01T10:00:00Z run purge
expect_rc 0 "purge"
expect_out_has "Removed" "purge reports"
after=$(BALIE_NOW=2029-06-01T10:00:00Z "$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" \
	ban list --all --tsv | wc -l)
if [ "$after" -eq $((before - n)) ]; then ok "purge removed $n bans"; else
	not_ok "purge: $before bans before, $after after, $n expected to go"; fi
run audit --action retention.purge --tsv
expect_out_has "bans=$n" "purge recorded with its counts"
run audit --verify
expect_rc 0 "chain intact after a purge"
printf 'retention {\n  audit_months = 0\n}\n' >>"$tmp/balie.conf"
run purge
expect_rc 2 "a retention of 0 months is refused"
expect_err_has "audit_months" "the option is named"
sed -i '/^retention {/,$d' "$tmp/balie.conf"

# --- backup and restore
run backup "$tmp/copy.db"
expect_rc 0 "backup"
mode=$(stat -c %a "$tmp/copy.db")
if [ "$mode" = 600 ]; then ok "backup written 0600"; else not_ok "backup mode $mode"; fi
run backup "$tmp/copy.db"
expect_rc 2 "backup refuses to overwrite"
expect_err_has "--force" "and names --force"
run backup --force "$tmp/copy.db"
expect_rc 0 "backup --force overwrites"
run backup
expect_rc 0 "backup without a name: the service names it"
expect_out_has "Backup balie-20261124-140000.db written" "named by the time"
run backup --list --tsv
if [ "$(cut -f1 "$tmp/out")" = "balie-20261124-140000.db" ]; then ok "backup --list shows it"
else not_ok "backup --list: $(cat "$tmp/out")"; fi
if [ "$(stat -c %a "$tmp/backups")" = 700 ] && [ "$(stat -c %a "$tmp/backups/balie-20261124-140000.db")" = 600 ]; then
	ok "the backup directory is 0700, the backup 0600"; else not_ok "backup modes"; fi
run backup
expect_out_has "balie-20261124-140000-2.db" "a second backup in the same second gets a number"
run backup mine.db
expect_rc 0 "backup NAME"
run backup --list
expect_out_has "mine.db" "listed by name"
for bad in .hidden "a b" "t.db-wal" ".." "x..y"; do
	run backup "$bad"
	expect_rc 2 "backup name '$bad' refused"
done
# The live database and its own files are never a backup's target, not even with --force.
for live in "$tmp/t.db" "$tmp/./t.db" "$tmp/t.db-wal" "$tmp/t.db-shm" "$tmp/t.db-journal"; do
	run backup --force "$live"
	expect_rc 2 "backup --force over $(basename "$live") refused"
	expect_err_has "the live database or one of its own files" "and says why"
done
ln "$tmp/t.db" "$tmp/hardlink.db"
run backup --force "$tmp/hardlink.db"
expect_rc 2 "backup --force over a hard link of the live database refused"
rm -f "$tmp/hardlink.db"
run audit --verify
expect_rc 0 "the live database is whole after those attempts"
run ban add --surname Nieuw --kind warning --reason other --ends 2027-01-01 \
	--justification test --notes "shouted" --imposed-by "A. Hoofd" --letter-sent 2026-11-24
echo "not a database at all" >"$tmp/junk.db"
run restore "$tmp/junk.db"
expect_rc 2 "restore of a non-database exits 2"
run check Nieuw
expect_rc 1 "nothing replaced by a refused restore"
run restore "$tmp/copy.db"
expect_rc 0 "restore of the backup"
run check Nieuw
expect_rc 0 "the restored database is the backup's"
run ban add --surname Nieuw --kind warning --reason other --ends 2027-01-01 \
	--justification test --notes "shouted" --imposed-by "A. Hoofd" --letter-sent 2026-11-24
run restore mine.db
expect_rc 0 "restore NAME from the backup directory"
run check Nieuw
expect_rc 0 "restored from the named backup"
run restore nosuch.db
expect_rc 2 "restore of a backup that does not exist"
run audit --action database --tsv
expect_out_has "database.restore" "restore audited"
run audit --verify
expect_rc 0 "chain intact after a restore"

# --- help of the new commands
for cmd in audit purge backup restore "person export"; do
	# shellcheck disable=SC2086
	run $cmd --help
	if [ "$rc" -eq 0 ] && grep -q "^Usage: balie" "$tmp/out"; then ok "$cmd --help"; else
		not_ok "$cmd --help (exit $rc)"; fi
done
finish
