#!/bin/sh
# balied_check.sh — 'balied --check': the configuration as start-up would read it, said
# before a restart (balied reads it only at start, and a service that does not come back
# takes no alarms): OK with what it found, a broken file named by line with exit 2, a
# relative database refused, and names in the roles section that are no account or group
# on this machine warned about (they give nobody a role). Root may run it; nothing is opened
# but the file. And balied's command line: what is no option of it is refused by name.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
BALIED=${BALIED:-$(dirname "$BALIE")/balied}
me=$(id -un)

check_run() {
	LANGUAGE=en "$BALIED" --config "$1" --check >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

cat >"$tmp/good.conf" <<CONF
database = "$tmp/data/balie.db"
socket = "$tmp/run/balie.sock"
roles {
  porter = {"$me", "#61002"}
  manager = {"nosuch-login-xq", "@nosuch-group-xq"}
}
CONF
check_run "$tmp/good.conf"
expect_rc 0 "a good configuration passes"
expect_out_has "$tmp/good.conf: OK (4 names in the roles section, 2 of them unknown here; database $tmp/data/balie.db, socket $tmp/run/balie.sock)" \
	"the OK line names what was read"
expect_err_has "roles: manager \"nosuch-login-xq\" is no account or group on this machine; it gives nobody a role" \
	"an unknown login name is warned about"
expect_err_has "roles: manager \"@nosuch-group-xq\" is no account or group" "an unknown group is warned about"
if grep -q "\"$me\"\|#61002" "$tmp/err"; then not_ok "a known account or #UID is warned about"; else ok "known accounts and #UID pass"; fi
[ ! -e "$tmp/data" ] && [ ! -e "$tmp/run" ] && ok "nothing is created" || not_ok "--check created files"

printf 'database = "%s/balie.db"\nroles {\n  porter = {"%s"\n}\n' "$tmp" "$me" >"$tmp/broken.conf"
check_run "$tmp/broken.conf"
expect_rc 2 "a broken configuration fails"
expect_err_has "$tmp/broken.conf:4:" "the broken file is named with its line"
expect_empty "$tmp/out" "no OK for a broken file"

printf 'database = "balie.db"\nroles {\n  porter = {"%s"}\n}\n' "$me" >"$tmp/relative.conf"
check_run "$tmp/relative.conf"
expect_rc 2 "a relative database fails"
expect_err_has "balie.db: the database must be named by an absolute path" "a relative database is named"

check_run "$tmp/missing.conf"
expect_rc 2 "a missing configuration fails"
expect_err_has "$tmp/missing.conf" "a missing configuration is named"

# --- balied's command line: the one option layer of balie (src/cli/programs.c); what is
# not an option of it stops it before anything is read or opened
daemon_run() {
	LANGUAGE=en "$BALIED" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
daemon_run --nope
expect_rc 2 "balied: an unknown option exits 2"
expect_err_has "balied: unknown option '--nope' (see 'balied --help')" "balied names the unknown option"
daemon_run --conf "$tmp/good.conf" --check
expect_rc 2 "balied: an abbreviation exits 2"
expect_err_has "balied: unknown option '--conf' (options are spelt out in full: did you mean --config?)" \
	"balied names the option an abbreviation meant"
expect_empty "$tmp/out" "balied: nothing is checked after a refused option"
daemon_run --config "$tmp/good.conf" --config "$tmp/other.conf" --check
expect_rc 2 "balied: an option given twice exits 2"
expect_err_has "balied: --config is given twice" "balied names the repeated option"
daemon_run --config "$tmp/good.conf" --check surplus
expect_rc 2 "balied: an argument exits 2"
expect_err_has "balied: unexpected argument 'surplus'" "balied names the surplus argument"
daemon_run --config= --check
expect_rc 2 "balied: an empty value exits 2"
expect_err_has "balied: --config: is empty" "balied names the empty option"
daemon_run --config="$tmp/good.conf" --check
expect_rc 0 "balied: --config=FILE is read as --config FILE"
daemon_run --help
expect_rc 0 "balied --help exits 0"
for opt in --config --db --socket --init --check --version "Without --config:"; do
	expect_out_has "$opt" "balied --help shows $opt"
done
daemon_run --version
expect_rc 0 "balied --version exits 0"
expect_out_has "balied " "balied --version names it"

finish
