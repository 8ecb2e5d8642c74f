#!/bin/sh
# roles.sh — who may do what from the command line in direct mode (--db FILE), where the
# configured role is the view a session starts in: a denial exits 2 with "permission
# denied" and is audited. The owner of the file has every right (the role boundary against
# other accounts is the service's: tests/cli/service.sh).
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

me=$(id -un)
# conf ROLE: the test configuration with the tester in that role ("" = someone else mapped).
conf() {
	cp "$tmp/balie.conf" "$tmp/$1.conf"
	if [ -n "$1" ] && [ "$1" != nobody ]; then
		printf 'roles {\n  %s = {"%s"}\n}\n' "$1" "$me" >>"$tmp/$1.conf"
	else
		printf 'roles {\n  hr = {"someone-else-entirely"}\n}\n' >>"$tmp/$1.conf"
	fi
}
for r in receptionist porter manager hr nobody; do conf $r; done
as() {
	_role=$1
	shift
	"$BALIE" --config "$tmp/$_role.conf" --db "$tmp/t.db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
# allowed ROLE ARGS...: exit status 0 or 1, no "permission denied"
allowed() {
	as "$@"
	if [ "$rc" -le 1 ] && ! grep -q "permission denied" "$tmp/err"; then
		ok "$1 may: $2 $3"
	else
		not_ok "$1 may: $2 $3 (exit $rc)"
	fi
}
# denied ROLE ARGS...: exit 2 and "CMD: permission denied"
denied() {
	as "$@"
	if [ "$rc" -eq 2 ] && grep -q "permission denied" "$tmp/err"; then
		ok "$1 may not: $2 $3"
	else
		not_ok "$1 may not: $2 $3 (exit $rc)"
	fi
}

fresh_db bans

# --- while the configuration maps nobody, the owner of the file is hr
run audit --action denied
expect_rc 0 "the owner is hr while nobody is mapped"

# --- the message of a denial, exactly
as receptionist ban add --surname Test --kind warning --reason other --ends 2027-01-01
expect_rc 2 "receptionist: ban add exits 2"
if [ "$(cat "$tmp/err")" = "balie: ban add: permission denied: role receptionist may not edit bans" ]; then
	ok "denial message names command, role and what"
else
	not_ok "denial message: $(cat "$tmp/err")"
fi
run audit --action denied --tsv
# The service audits the operation it refused (ban.insert), whatever command asked for it.
if grep -q "${TAB}denied${TAB}ban.insert${TAB}denied${TAB}role receptionist\$" "$tmp/out"; then
	ok "the denial is in the audit trail"
else
	not_ok "the denial is in the audit trail"
	sed 's/^/#   /' "$tmp/out"
fi

# --- receptionist: check visitors, raise alarms; nothing else
allowed receptionist check Jansen
allowed receptionist check --batch </dev/null
allowed receptionist ban list
allowed receptionist alarm raise "Balie 1"
allowed receptionist alarm list
allowed receptionist appt list
allowed receptionist staff status
denied receptionist ban list --all
denied receptionist ban export
denied receptionist ban lift 1 --reason x
denied receptionist ban import "$DATA/cli_bans.csv"
denied receptionist alarm ack 1
denied receptionist alarm resolve --all
denied receptionist staff add "Piet Bakker" --team support
# Issue 13: anyone may warn reception of an expected difficult visitor; not mark it risky.
allowed receptionist appt add --date 2026-11-24 --start 14:00 --end 15:00 --host A --visitor B \
	--note 'Boos over de uitkering'
as receptionist appt add --date 2026-11-24 --start 14:00 --end 15:00 --host A --visitor B --risky
expect_rc 2 "a receptionist may not mark an appointment risky"
expect_err_has "appt add: only a manager marks an appointment risky (your role: receptionist)" \
	"the refusal says who may"
denied receptionist audit
denied receptionist purge --dry-run
denied receptionist backup "$tmp/x.db"
denied receptionist person export 1

# --- the discreet view: the reason column stays empty below manager
as receptionist ban list --tsv
if [ -s "$tmp/out" ] && [ -z "$(cut -f5 "$tmp/out" | tr -d '\n')" ]; then
	ok "receptionist: ban list --tsv without reasons"
else
	not_ok "receptionist: ban list --tsv without reasons"
	sed 's/^/#   /' "$tmp/out"
fi
as manager ban list --tsv
if [ -n "$(cut -f5 "$tmp/out" | tr -d '\n')" ]; then ok "manager: reasons shown"; else
	not_ok "manager: reasons shown"; fi

# --- porter: also alarms and staffing
allowed porter alarm ack 1
allowed porter staff add "Piet Bakker" --team support
allowed porter staff in "Piet Bakker"
denied porter ban add --surname Test --kind warning --reason other --ends 2027-01-01
allowed porter appt add --date 2026-11-24 --start 14:00 --end 15:00 --host A --visitor B
denied porter audit

# --- manager: appointments and bans, not export or the HR commands
allowed manager appt add --date 2026-11-24 --start 14:00 --end 15:00 --host A --visitor B
allowed manager ban list --all
allowed manager ban lift 1 --reason "apology received"
denied manager ban export
denied manager audit --verify
denied manager purge
denied manager person export 1
denied manager restore "$tmp/x.db"

# --- hr: everything
allowed hr ban export
allowed hr audit --verify
allowed hr purge --dry-run
allowed hr person export --ban 2

# --- direct mode: the owner of the file has every right; an unmapped user is hr there
# (the boundary for users without a role is the service's: tests/cli/service.sh)
as nobody check Jansen
if [ "$rc" -le 1 ]; then ok "direct mode: an unmapped owner may check"; else
	not_ok "direct mode: an unmapped owner may check (exit $rc)"; fi
as nobody ban export
expect_rc 0 "direct mode: an unmapped owner may export"
as nobody alarm raise "Balie 1"
expect_rc 0 "direct mode: anyone may raise an alarm"
as nobody check --help
expect_rc 0 "--help needs no role"
# default_role sets the view of unmapped users when the configuration says so
cp "$tmp/nobody.conf" "$tmp/default.conf"
echo 'default_role = "receptionist"' >>"$tmp/default.conf"
as default check Jansen
if [ "$rc" -le 1 ]; then ok "default_role receptionist lets an unmapped user check"; else
	not_ok "default_role receptionist (exit $rc)"; fi
as default alarm ack 1
expect_rc 2 "default_role receptionist starts as a receptionist"
# --role: a lesser view on request, also for the owner
run --role receptionist alarm ack 1
expect_rc 2 "--role receptionist cannot acknowledge"
expect_err_has "alarm ack: permission denied: role receptionist may not handle alarms" \
	"--role: the refusal says which role"

# --- a new database: anyone may create one of their own
rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm"
run init
expect_rc 0 "init of a new database"
finish
