#!/bin/sh
# balied_check.sh — 'balied --check': the configuration as start-up would read it, said
# before a restart (balied reads it only at start, and a service that does not come back
# takes no alarms): OK with what it found, a broken file named by line with exit 2, a
# relative database refused, and names in the roles section that are no account or group
# on this machine warned about (they give nobody a role). Root may run it; nothing is opened
# but the file.
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

finish
