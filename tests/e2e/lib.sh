# lib.sh — shared helpers of the tmux end-to-end tests: a private tmux server and temporary
# directory per test, a configuration file, a database, and waiting for words on the screen.
# Source it from a test: . "$(dirname "$0")/lib.sh"   (POSIX sh; exit 77 = skipped)

: "${BALIE:?set BALIE to the built program (make check does)}"
: "${BALIE_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$BALIE_SRCDIR/tests/cli/common.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux not found: skipping $(basename "$0")"
	exit 77
fi

E2E_NAME=$(basename "$0" .sh)
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/balie-e2e-$E2E_NAME.XXXXXX") || exit 99
E2E_SOCKET="balie-$E2E_NAME-$$"
E2E_DB="$E2E_TMP/balie.db"
E2E_CONF="$E2E_TMP/balie.conf"
E2E_USER=$(id -un)
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
E2E_STATUS=0
# Keep the failing screens for a look afterwards: E2E_KEEP=1.
: "${E2E_KEEP:=}"

e2e_tmux() {
	tmux -L "$E2E_SOCKET" -f /dev/null "$@"
}

# The session NAME exactly: a bare "-t en" is tried first as a window of the current session
# (windows are named after their command: "env" starts with "en"), so keys could reach
# another console.
e2e_target() {
	printf '=%s:' "$1"
}

# e2e_on_other CMD...: CMD (an e2e_* call) on a second tmux server of the test, for a
# second console: tmux 3.3 may crash when a second session is created on a server whose
# window was resized.
E2E_SOCKET_MAIN=$E2E_SOCKET
e2e_on_other() {
	E2E_SOCKET="$E2E_SOCKET_MAIN-other"
	"$@"
	_rc=$?
	E2E_SOCKET=$E2E_SOCKET_MAIN
	return $_rc
}

e2e_cleanup() {
	e2e_tmux kill-server >/dev/null 2>&1
	tmux -L "$E2E_SOCKET_MAIN-other" kill-server >/dev/null 2>&1
	if [ -n "$E2E_KEEP" ]; then
		echo "kept: $E2E_TMP"
	else
		# Consoles ended by kill-server close their database a moment later and may
		# still touch files in the directory: try again briefly.
		poll 40 _e2e_remove_tmp
	fi
}
_e2e_remove_tmp() {
	rm -rf "$E2E_TMP" 2>/dev/null && [ ! -e "$E2E_TMP" ]
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# The sanitizer build: leaks inside ncurses itself are not ours (see lsan.supp).
LSAN_OPTIONS="suppressions=$BALIE_SRCDIR/tests/e2e/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

e2e_fail() {
	echo "FAIL: $E2E_NAME: $*" >&2
	E2E_STATUS=1
}

# e2e_config [EXTRA-LINES]: write a configuration making the test user a porter, with
# the alarm points "Balie 1", "Balie 2", "Spreekkamer 006".
e2e_config() {
	{
		cat <<CONF
database = "$E2E_DB"
language = ""
municipality = "Gemeente Test"
this_building = "stadhuis"
support_minimum = 2
realarm_interval = 30
default_role = "receptionist"
CONF
		conf_stadhuis 08:30-17:00
		cat <<CONF
roles {
  porter = {"$E2E_USER"}
}
${1:-}
CONF
	} >"$E2E_CONF"
}

# e2e_cli ARGS...: run the command line on the test database (stdout kept, exit status
# returned).
e2e_cli() {
	# Set-up needs more than the console's porter may do (issue 7: roles are checked):
	# the same configuration with the test user as hr.
	sed "s/^  porter = {\"$E2E_USER\"}/  hr = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_CONF.hr"
	LANGUAGE=en LANG=C.UTF-8 "$BALIE" --config "$E2E_CONF.hr" --db "$E2E_DB" "$@"
}

# e2e_state_save [WORD...]: note, through the command line, what a console may not change
# by typing: every alarm, ban, appointment of the day of BALIE_NOW (or today), member,
# incident and home visit. Each WORD must be in it, so that the comparison compares something.
e2e_state_save() {
	_e2e_state >"$E2E_TMP/state.before"
	for _w in "$@"; do
		grep -q -- "$_w" "$E2E_TMP/state.before" ||
			e2e_fail "the state lacks \"$_w\": $(cat "$E2E_TMP/state.before")"
	done
}
_e2e_state() {
	_day=${BALIE_NOW:-$(date +%Y-%m-%d)}
	{
		e2e_cli alarm list --all --tsv
		e2e_cli ban list --all --tsv
		e2e_cli appt list --date "${_day%%T*}" --tsv
		e2e_cli staff status
		e2e_cli incident list --tsv
		e2e_cli visit list
	} 2>&1
}

# e2e_unchanged WHAT: fail (naming WHAT) when the state differs from e2e_state_save's.
e2e_unchanged() {
	_e2e_state >"$E2E_TMP/state.after"
	if ! cmp -s "$E2E_TMP/state.before" "$E2E_TMP/state.after"; then
		e2e_fail "$1: the data changed"
		diff "$E2E_TMP/state.before" "$E2E_TMP/state.after" >&2
	fi
}

# e2e_init: a fresh database with two support-team members and one counter member.
e2e_init() {
	e2e_cli init >/dev/null || { e2e_fail "balie init failed"; exit 1; }
	e2e_cli staff add "Piet Bakker" --team support --phone 0612345678 >/dev/null 2>&1
	e2e_cli staff add "Ans Visser" --team counter >/dev/null 2>&1
	return 0
}

# e2e_start NAME COLS LINES [ENV=VALUE...] -- BALIE-ARGS...: start the console in a new
# tmux session NAME. Its exit status goes to $E2E_TMP/NAME.exit, its stderr to NAME.err.
e2e_start() {
	_name=$1 _cols=$2 _lines=$3
	shift 3
	_env="TERM=xterm-256color LANG=C.UTF-8 LANGUAGE=en"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_env="$_env $1"
		shift
	done
	[ $# -gt 0 ] && shift
	_args=""
	for _a in "$@"; do
		_args="$_args '$_a'"
	done
	_cmd="env -u NO_COLOR $_env LSAN_OPTIONS='$LSAN_OPTIONS' BALIE_LOCALEDIR='${BALIE_LOCALEDIR:-}' '$BALIE' $_args 2>'$E2E_TMP/$_name.err'; echo \$? >'$E2E_TMP/$_name.exit'"
	# (Not "set -g window-size manual": tmux 3.3a crashes on the next new-session.)
	e2e_tmux new-session -d -s "$_name" -x "$_cols" -y "$_lines" "$_cmd" || return 1
	e2e_resize "$_name" "$_cols" "$_lines" >/dev/null 2>&1
	return 0
}

# e2e_resize NAME COLS LINES: resize the window of session NAME.
e2e_resize() {
	e2e_tmux resize-window -t "$(e2e_target "$1")" -x "$2" -y "$3"
}

# e2e_screen NAME: the current screen of session NAME on stdout.
e2e_screen() {
	e2e_tmux capture-pane -p -t "$(e2e_target "$1")" 2>/dev/null
}

# e2e_until CMD...: run CMD until it succeeds, for up to E2E_TIMEOUT s; 1 if it never did.
e2e_until() {
	poll $((E2E_TIMEOUT * 20)) "$@"
}

# e2e_shows NAME REGEX: whether the screen of session NAME matches REGEX (grep -E) now.
e2e_shows() {
	e2e_screen "$1" | grep -Eq -- "$2"
}
_e2e_hides() {
	! e2e_shows "$1" "$2"
}

# e2e_wait NAME REGEX: wait (up to E2E_TIMEOUT s) until the screen matches REGEX
# (grep -E); on time-out print the screen and return 1.
e2e_wait() {
	e2e_until e2e_shows "$1" "$2" || _e2e_timed_out "$1" "timed out waiting for /$2/"
}

# e2e_wait_gone NAME REGEX: wait until the screen no longer matches REGEX.
e2e_wait_gone() {
	e2e_until _e2e_hides "$1" "$2" || _e2e_timed_out "$1" "/$2/ did not go away"
}

_e2e_timed_out() {
	echo "--- $1: $2; the screen was:" >&2
	e2e_screen "$1" >&2
	echo "---" >&2
	return 1
}

# e2e_expect NAME REGEX WHAT / e2e_expect_not NAME REGEX WHAT: check and record a failure.
e2e_expect() {
	e2e_wait "$1" "$2" || e2e_fail "$3"
}
e2e_expect_not() {
	if e2e_shows "$1" "$2"; then
		e2e_screen "$1" >&2
		e2e_fail "$3"
	fi
}

# e2e_expect_all REGEX WHAT NAME...: e2e_expect on each session NAME, failing as "NAME: WHAT".
e2e_expect_all() {
	_re=$1 _what=$2
	shift 2
	for _s in "$@"; do
		e2e_expect "$_s" "$_re" "$_s: $_what"
	done
}

# e2e_quote TEXT: TEXT as an extended regular expression matching itself.
e2e_quote() {
	printf '%s\n' "$1" | sed -e 's/[][\.*^$()+?{}|]/\\&/g'
}

# e2e_keys NAME KEY...: type keys (tmux key names: Tab, Enter, Escape, F1, q ...).
e2e_keys() {
	_n=$1
	shift
	e2e_tmux send-keys -t "$(e2e_target "$_n")" "$@"
}

# e2e_quit NAME: quit with F10, answer the question (quitting always asks) with y, and
# check the program ended with status 0 and wrote nothing to stderr (the sanitizer build
# reports leaks and errors there).
e2e_quit() {
	e2e_keys "$1" F10
	if ! e2e_wait "$1" '\[ (Yes|Ja) \]'; then
		e2e_fail "$1: F10 did not ask whether to quit"
		return 1
	fi
	e2e_keys "$1" y
	e2e_wait_exit "$1"
}

# e2e_wait_exit NAME: wait until the program in session NAME has ended; check status 0
# and an empty stderr.
e2e_wait_exit() {
	if ! e2e_until test -s "$E2E_TMP/$1.exit"; then
		e2e_fail "$1: did not quit"
		e2e_screen "$1" >&2
		return 1
	fi
	_st=$(cat "$E2E_TMP/$1.exit")
	[ "$_st" = 0 ] || e2e_fail "$1: exit status $_st"
	if [ -s "$E2E_TMP/$1.err" ]; then
		e2e_fail "$1: wrote to stderr:"
		cat "$E2E_TMP/$1.err" >&2
	fi
	return 0
}

# e2e_done: the test's exit status.
e2e_done() {
	[ $E2E_STATUS -eq 0 ] && echo "PASS: $E2E_NAME"
	exit $E2E_STATUS
}
