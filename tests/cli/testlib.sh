# testlib.sh — shared set-up of the command-line tests (sourced by tests/cli/*.sh).
# Gives a private temp dir, a test configuration, a fixed clock and ok/not ok reporting.

if [ -z "$BALIE" ] || [ ! -x "$BALIE" ]; then
	echo "# BALIE is not set to the balie program; skipped"
	exit 77
fi
: "${BALIE_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
DATA=$BALIE_SRCDIR/tests/data
. "$BALIE_SRCDIR/tests/cli/common.sh"

# shellcheck disable=SC2034
tmp=$(mktemp -d "${TMPDIR:-/tmp}/balie-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' INT TERM HUP

# Messages in English, the clock fixed at Tuesday 2026-11-24 14:00 in Dutch time, and no
# configuration from the system or the home directory.
LANGUAGE=en
LC_ALL=C.UTF-8
TZ=Europe/Amsterdam
BALIE_NOW=2026-11-24T13:00:00Z
XDG_CONFIG_HOME=$tmp/xdg
HOME=$tmp
export LANGUAGE LC_ALL TZ BALIE_NOW XDG_CONFIG_HOME HOME

{
	cat <<'CONF'
language = "en"
database = "/nonexistent/balie.db"
this_building = "stadhuis"
support_minimum = 2
CONF
	conf_stadhuis 08:30-12:30
	cat <<'CONF'
building milieustraat {
  name = "Milieustraat"
  saturday = {"09:00-16:00"}
  alarm_points = {"Weegbrug"}
}
CONF
} >"$tmp/balie.conf"

# shellcheck disable=SC2034 # used by the tests that source this file
TAB=$(printf '\t')
failed=0
count=0

ok() { count=$((count + 1)); echo "ok $count - $1"; }
not_ok() {
	count=$((count + 1))
	echo "not ok $count - $1"
	failed=1
	if [ -s "$tmp/err" ]; then sed 's/^/#   stderr: /' "$tmp/err"; fi
}

# balie with the test database and configuration; stdout in $tmp/out, stderr in $tmp/err,
# exit status in $rc.
run() {
	"$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# run_in FILE ARGS...: the same with FILE on standard input.
run_in() {
	_in=$1
	shift
	"$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" "$@" <"$_in" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# expect_rc WANT DESCRIPTION: after run, check the exit status.
expect_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2"; else not_ok "$2 (exit $rc, wanted $1)"; fi
}

# expect_out FILE DESCRIPTION: stdout must equal FILE exactly.
expect_out() {
	if cmp -s "$1" "$tmp/out"; then
		ok "$2"
	else
		not_ok "$2 (stdout differs)"
		diff "$1" "$tmp/out" | sed 's/^/#   /'
	fi
}

# expect_err_has TEXT DESCRIPTION: stderr must contain TEXT (fixed string).
expect_err_has() {
	if grep -qF -- "$1" "$tmp/err"; then ok "$2"; else not_ok "$2 (stderr lacks: $1)"; fi
}

# expect_out_has TEXT DESCRIPTION: stdout must contain TEXT (fixed string).
expect_out_has() {
	if grep -qF -- "$1" "$tmp/out"; then
		ok "$2"
	else
		not_ok "$2 (stdout lacks: $1)"
		sed 's/^/#   stdout: /' "$tmp/out"
	fi
}

# expect_empty FILE DESCRIPTION
expect_empty() {
	if [ ! -s "$1" ]; then ok "$2"; else not_ok "$2 ($1 not empty)"; sed 's/^/#   /' "$1"; fi
}

# raw_bytes WHAT BYTES...: whether stdout or stderr of the last run holds one of BYTES as
# it is; if so, a not_ok for WHAT that shows the start of that output (od -c).
raw_bytes() {
	_what=$1
	shift
	for _f in "$tmp/out" "$tmp/err"; do
		for _b in "$@"; do
			if LC_ALL=C grep -qF -- "$_b" "$_f"; then
				not_ok "$_what: raw bytes in $(basename "$_f")"
				LC_ALL=C od -c "$_f" | head -5 | sed 's/^/#   /'
				return 0
			fi
		done
	done
	return 1
}

# A fresh database holding the fixture bans.
fresh_db() {
	rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm"
	"$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" init >/dev/null || exit 99
	if [ "${1:-}" = bans ]; then
		"$BALIE" --config "$tmp/balie.conf" --db "$tmp/t.db" ban import \
			"$DATA/cli_bans.csv" >/dev/null || exit 99
	fi
}

# torture_tools: T (tests/torture/torture) and SHIM (its LD_PRELOAD fault shim), or skip.
torture_tools() {
	T=${BALIE_BUILDDIR:-.}/tests/torture/torture
	SHIM=${BALIE_BUILDDIR:-.}/tests/torture/libfaultfs.so
	if [ ! -x "$T" ] || [ ! -f "$SHIM" ]; then
		echo "# tests/torture helpers not built (make check builds them); skipped"
		exit 77
	fi
}

finish() {
	echo "1..$count"
	exit $failed
}
