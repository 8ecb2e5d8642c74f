#!/bin/sh
# misc.sh — what every subcommand shares: --help (exit 0), unknown options and arguments
# (exit 2), a missing database, a directory as database, and init.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

# --- a missing database: every command but init refuses it (the second line: commands the
# dispatcher opens the session for, session_first in src/cli/opts.h)
for cmd in "ban list" "ban export" "check Jan" "alarm list" "alarm raise X" "appt list" \
	"staff status" \
	"purge" "person export 1" "alarm cancelled 1" "ban show 1" "ban lift 1 --reason x" \
	"ban exception list 1" "ban notices" "ban extend 1 --ends 2030-01-01 --reason x" \
	"ban history 1" "incident show 1" "incident due" "visit back 1" "visit list"; do
	# shellcheck disable=SC2086 # word splitting wanted
	run $cmd
	expect_rc 2 "$cmd without a database exits 2"
	expect_err_has "balie: $tmp/t.db: No such file or directory" "$cmd names the missing file"
done
if [ -e "$tmp/t.db" ]; then not_ok "no database created by other commands"; else ok "no database created by other commands"; fi

# --- a directory as database
mkdir "$tmp/dir.db"
"$BALIE" --config "$tmp/balie.conf" --db "$tmp/dir.db" init >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "init on a directory exits 2"
expect_err_has "dir.db: not a regular file" "directory named in the message"
"$BALIE" --config "$tmp/balie.conf" --db "$tmp/dir.db" ban list >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 2 "ban list on a directory exits 2"

# --- init
run init
expect_rc 0 "init creates the database"
expect_out_has "schema version" "init reports the schema version"
run init
expect_rc 0 "init again is fine"
run init now
expect_rc 2 "init with an argument exits 2"

# --- --help of every (sub)command exits 0 and writes a usage
for cmd in "init" "ban" "ban import" "ban add" "ban list" "ban lift" "ban export" "check" \
	"alarm" "alarm raise" "alarm ack" "alarm resolve" "alarm false" "alarm list" \
	"appt" "appt add" "appt flag" "appt list" "staff" "staff add" "staff in" "staff out" \
	"staff roster" "staff status"; do
	# shellcheck disable=SC2086
	run $cmd --help
	if [ "$rc" -eq 0 ] && grep -q "^Usage: balie" "$tmp/out" && [ ! -s "$tmp/err" ]; then
		ok "$cmd --help"
	else
		not_ok "$cmd --help (exit $rc)"
	fi
done

# --- unknown options exit 2 with a message naming them
for cmd in "ban import" "ban add" "ban list" "ban lift" "ban export" "check" "alarm raise" \
	"alarm ack" "alarm false" "alarm list" "appt add" "appt flag" "appt list" "staff add" \
	"staff in" "staff out" "staff roster" "staff status"; do
	# shellcheck disable=SC2086
	run $cmd --no-such-option
	if [ "$rc" -eq 2 ] && grep -qF "balie: $cmd: unknown option '--no-such-option'" "$tmp/err"; then
		ok "$cmd --no-such-option"
	else
		not_ok "$cmd --no-such-option (exit $rc)"
	fi
done
run alarm list -x
expect_rc 2 "unknown short option exits 2"
expect_err_has "alarm list: unknown option '-x'" "unknown short option named"

# --- extra arguments exit 2
for cmd in "ban list" "ban export a b" "ban lift 1 2" "alarm list" "appt list" "staff status"; do
	# shellcheck disable=SC2086
	run $cmd surplus
	if [ "$rc" -eq 2 ] && grep -qF "unexpected argument" "$tmp/err"; then ok "$cmd surplus"; else
		not_ok "$cmd surplus (exit $rc)"; fi
done

# --- unknown commands
for cmd in "frobnicate" "ban burn" "alarm ring" "appt move" "staff fire"; do
	# shellcheck disable=SC2086
	run $cmd
	expect_rc 2 "unknown command '$cmd' exits 2"
done

# --- balie's own options (before the command): the messages name balie once, and the help
# they point to is one that exists
global() {
	"$BALIE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
global --nope
expect_rc 2 "an unknown global option exits 2"
expect_err_has "balie: unknown option '--nope' (see 'balie --help')" \
	"an unknown global option is named, with the help to read"
global --rol porter
expect_rc 2 "an abbreviated global option exits 2"
expect_err_has "balie: unknown option '--rol' (options are spelt out in full: did you mean --role?)" \
	"an abbreviated global option names the one meant"
global --db "$tmp/a.db" --db "$tmp/b.db" init
expect_rc 2 "a global option given twice exits 2"
expect_err_has "balie: --db is given twice" "a global option given twice is named"
global --demo=yes
expect_err_has "balie: --demo takes no value" "a global flag with a value is refused"
if grep -q 'balie: balie' "$tmp/err"; then not_ok "the program is named once"
else ok "the program is named once"; fi
global --help
expect_rc 0 "balie --help exits 0"
for word in "Commands:" "incident add|" "report" "alarm raise|" "--role ROLE"; do
	expect_out_has "$word" "balie --help shows $word"
done

# --- '--' ends the options
run ban add --surname Test --kind warning --reason other --ends 2027-01-01
run check --tsv -- --born
expect_rc 0 "'--' makes '--born' a name"

finish
