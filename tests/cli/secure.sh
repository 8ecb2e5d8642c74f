#!/bin/sh
# secure.sh — issue 7's strong set-up, tested for real: a private build installed with
# `make install-secure` into a temporary prefix (setuid to the account "balie", a 0700 data
# directory), used by a temporary operator account. As that operator: the program works,
# but the database and its -wal/-shm cannot be read or written by any other path (cat, cp,
# sqlite3, a shell redirection); --db/--config elsewhere are refused; BALIE_NOW,
# BALIE_LOCALEDIR, TMPDIR, LD_PRELOAD, TERMINFO ... are dropped; core dumps are off.
# Needs root (accounts, chown, setuid); skipped otherwise and under the sanitizers.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "# not root: cannot create accounts or install setuid; skipped"
	exit 77
fi
if [ "${BALIE_SANITIZERS:-no}" = yes ]; then
	# ASan refuses to run setuid; this build's tests run without it anyway.
	echo "# sanitizer build: setuid and ASan do not mix; skipped"
	exit 77
fi
for p in useradd userdel setpriv getent make; do
	if ! command -v $p >/dev/null 2>&1; then
		echo "# $p not found; skipped"
		exit 77
	fi
done

op=balieop$$
made_balie=
getent passwd balie >/dev/null || made_balie=yes
cleanup() {
	[ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
	getent passwd "$op" >/dev/null && userdel "$op" 2>/dev/null
	if [ -n "$made_balie" ] && getent passwd balie >/dev/null; then
		userdel balie 2>/dev/null
		getent group balie >/dev/null && groupdel balie 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
chmod 755 "$tmp" # the operator must reach the installed program

# --- a private build and `make install-secure` into $tmp/prefix
prefix=$tmp/prefix
state=$prefix/var/lib/balie
mkdir "$tmp/build"
# The sources as `make dist` would ship them: a tree configured in place (the README's
# commands) cannot be configured a second time for another prefix.
src=secure-src-$$
if ! (cd "${BALIE_BUILDDIR:?}" && make distdir distdir="$src" >"$tmp/dist.log" 2>&1 &&
	mv "$src" "$tmp/src"); then
	rm -rf "${BALIE_BUILDDIR:?}/$src"
	tail -20 "$tmp/dist.log" | sed 's/^/# /'
	echo "Bail out! make distdir failed"
	exit 99
fi
if ! (cd "$tmp/build" && "$tmp/src/configure" --prefix="$prefix" \
	--sysconfdir="$prefix/etc" --with-statedir="$state" >"$tmp/build.log" 2>&1 &&
	make -j4 >>"$tmp/build.log" 2>&1 && make install-secure >>"$tmp/build.log" 2>&1); then
	tail -20 "$tmp/build.log" | sed 's/^/# /'
	echo "Bail out! the private build or make install-secure failed"
	exit 99
fi
ok "make install-secure"
prog=$prefix/bin/balie
if [ "$(stat -c '%U %a' "$prog")" = "balie 4755" ]; then ok "program setuid balie (4755)"; else
	not_ok "program: $(stat -c '%U %a' "$prog")"; fi
if [ "$(stat -c '%U %G %a' "$state")" = "balie balie 700" ]; then ok "data directory balie 0700";
else not_ok "data directory: $(stat -c '%U %G %a' "$state")"; fi
conf=$prefix/etc/balie/balie.conf
if grep -q "^database = \"$state/balie.db\"" "$conf"; then ok "installed configuration points there"
else not_ok "installed configuration: $(grep '^database' "$conf")"; fi

useradd --no-create-home --shell /bin/sh "$op" || exit 99
# The operator is hr in the installed configuration (root-owned, as in real life).
sed -i 's/^  hr = {}/  hr = {"'"$op"'"}/' "$conf"
grep -q "hr = {\"$op\"}" "$conf" || { echo "Bail out! could not map $op"; exit 99; }

# as [ENV=VALUE...] -- ARGS: the program as the operator; stdout/stderr/rc as run() does.
as() {
	if [ "$1" = -- ]; then shift; fi
	setpriv --reuid="$op" --regid="$op" --init-groups -- env "$@" >"$tmp/out" 2>"$tmp/err" 3>&-
	rc=$?
}
db=$state/balie.db
as -- "$prog" init
expect_rc 0 "operator: init through the program"
as -- "$prog" ban add --surname Vries --given Jan --kind building --reason threat \
	--ends 2027-01-31 --notes "threatened the clerk" --imposed-by "A. Hoofd" \
	--letter-sent 2026-11-24 --justification test
expect_rc 0 "operator: ban add through the program"
as -- "$prog" check Jan de Vries
expect_rc 1 "operator: check finds the ban through the program"
if [ "$(stat -c '%U %a' "$db")" = "balie 660" ]; then ok "database owned by balie, 0660"; else
	not_ok "database: $(stat -c '%U %a' "$db")"; fi

# --- a running balie holds the database open (-wal and -shm exist): check --batch waits
# on a FIFO. The program is started directly by setpriv, so $! is its pid.
mkfifo "$tmp/fifo"
chmod 666 "$tmp/fifo"
exec 3<>"$tmp/fifo"
setpriv --reuid="$op" --regid="$op" --init-groups -- env TMPDIR=/evil-tmp \
	SQLITE_TMPDIR=/evil-sqlite LD_PRELOAD=/evil/preload.so LD_LIBRARY_PATH=/evil \
	TERMINFO=/evil-terminfo TERMINFO_DIRS=/evil-terminfo BALIE_NOW=2001-01-01T00:00:00Z \
	BALIE_LOCALEDIR=/evil-locale HOME=/evil-home XDG_CONFIG_HOME=/evil-xdg \
	"$prog" check --batch <"$tmp/fifo" >"$tmp/held.out" 2>"$tmp/held.err" 3>&- &
holder=$!
i=0
while [ $i -lt 100 ] && ! ls -l "/proc/$holder/fd" 2>/dev/null | grep -q 'balie.db'; do
	sleep 0.1
	i=$((i + 1))
done
if ls -l "/proc/$holder/fd" 2>/dev/null | grep -q 'balie.db'; then ok "a running balie holds the database"
else not_ok "balie did not open the database"; fi

# --- no other path reaches the data
for f in "$db-wal" "$db-shm"; do
	if [ -e "$f" ]; then ok "$(basename "$f") exists while balie runs"; else
		not_ok "$(basename "$f") missing while balie runs"; fi
done
for f in "$db" "$db-wal" "$db-shm"; do
	name=$(basename "$f")
	if setpriv --reuid="$op" --regid="$op" --init-groups -- cat "$f" >/dev/null 2>&1; then
		not_ok "operator: cat $name"; else ok "operator: cat $name fails"; fi
	if setpriv --reuid="$op" --regid="$op" --init-groups -- cp "$f" "$tmp/stolen" 2>/dev/null; then
		not_ok "operator: cp $name"; else ok "operator: cp $name fails"; fi
	if setpriv --reuid="$op" --regid="$op" --init-groups -- sh -c ": >>'$f'" 2>/dev/null; then
		not_ok "operator: write to $name"; else ok "operator: write to $name fails"; fi
done
if command -v sqlite3 >/dev/null 2>&1; then
	if setpriv --reuid="$op" --regid="$op" --init-groups -- sqlite3 "$db" \
		"SELECT notes FROM ban" >"$tmp/out" 2>&1; then
		not_ok "operator: sqlite3 reads the database"; else ok "operator: sqlite3 cannot open it"; fi
	if setpriv --reuid="$op" --regid="$op" --init-groups -- sqlite3 "$db" \
		"DELETE FROM audit" >/dev/null 2>&1; then
		not_ok "operator: sqlite3 writes the database"; else ok "operator: sqlite3 cannot write it"; fi
fi
if setpriv --reuid="$op" --regid="$op" --init-groups -- ls "$state" >/dev/null 2>&1; then
	not_ok "operator: ls of the data directory"; else ok "operator: cannot list the data directory"; fi

# --- the running program: environment cleaned (balie re-executes itself with the clean
# environment, so /proc/PID/environ shows what it runs with), no core dumps, not dumpable
envfile=$tmp/environ
tr '\0' '\n' <"/proc/$holder/environ" >"$envfile"
for v in TMPDIR SQLITE_TMPDIR LD_PRELOAD LD_LIBRARY_PATH TERMINFO TERMINFO_DIRS BALIE_NOW \
	BALIE_LOCALEDIR HOME XDG_CONFIG_HOME; do
	if grep -q "^$v=" "$envfile"; then not_ok "environment still holds $v"; else
		ok "environment cleaned of $v"; fi
done
if grep -q '^Max core file size *0 *0 ' "/proc/$holder/limits"; then ok "core dumps off (RLIMIT_CORE 0)"
else not_ok "core limit: $(grep 'core file' "/proc/$holder/limits")"; fi
# A process that is not dumpable has its /proc files owned by root, not by its user.
if [ "$(stat -c %u "/proc/$holder/status")" = 0 ]; then ok "process not dumpable"; else
	not_ok "process dumpable"; fi
printf 'Jan de Vries\t\n' >&3
exec 3>&-
# Should the program not end at end of input, do not hang the test suite.
( sleep 30; kill "$holder" 2>/dev/null ) &
watchdog=$!
wait "$holder"
rc=$?
kill "$watchdog" 2>/dev/null
holder=
expect_rc 1 "the held check found the ban"
if grep -q ld.so "$tmp/held.err"; then not_ok "LD_PRELOAD was looked at"; else
	ok "LD_PRELOAD ignored"; fi

# --- BALIE_NOW and BALIE_LOCALEDIR have no effect
as BALIE_NOW=2001-01-01T00:00:00Z "$prog" audit --tsv
if [ "$rc" -eq 0 ] && ! grep -q '2001-01-01' "$tmp/out"; then ok "BALIE_NOW ignored"; else
	not_ok "BALIE_NOW used (exit $rc)"; fi
mkdir -p "$tmp/evil/nl/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "CLEAR     no ban found"\nmsgstr "GEHACKT"\n' >"$tmp/evil.po"
if command -v msgfmt >/dev/null 2>&1 &&
	msgfmt -o "$tmp/evil/nl/LC_MESSAGES/balie.mo" "$tmp/evil.po"; then
	chmod -R a+rX "$tmp/evil"
	as LANGUAGE=nl LANG=C.UTF-8 BALIE_LOCALEDIR="$tmp/evil" "$prog" check Piet Nobody
	if ! grep -q GEHACKT "$tmp/out"; then ok "BALIE_LOCALEDIR ignored"; else
		not_ok "BALIE_LOCALEDIR used"; fi
fi

# --- files outside the data and configuration directories are refused
as -- "$prog" --db "$tmp/elsewhere.db" init
expect_rc 2 "--db outside the data directory refused"
expect_err_has "refused" "--db refusal says so"
[ -e "$tmp/elsewhere.db" ] && not_ok "--db elsewhere created a file" || ok "nothing created elsewhere"
as -- "$prog" --db "$state/../../../../elsewhere.db" check x
expect_rc 2 "--db escaping with .. refused"
cp "$conf" "$tmp/own.conf"
chmod 644 "$tmp/own.conf"
as -- "$prog" --config "$tmp/own.conf" check x
expect_rc 2 "--config outside the configuration directory refused"
as -- "$prog" backup "$tmp/copy.db"
expect_rc 2 "backup outside the data directory refused"
as -- "$prog" ban export "$tmp/export.csv"
expect_rc 2 "ban export to a file refused (standard output only)"
as -- "$prog" ban export
expect_rc 0 "ban export to standard output works"
# ban import reads the file with the operator's own rights: the database is not readable.
as -- "$prog" ban import "$db"
expect_rc 2 "ban import of the database itself refused"
expect_err_has "Permission denied" "because the operator cannot read it"
if LC_ALL=C grep -q 'SQLite' "$tmp/err"; then not_ok "import leaked database bytes"; else
	ok "nothing of the database leaked"; fi

# --- the audit trail names the operator (the real user), not the account balie
as -- "$prog" audit --verify
expect_rc 0 "audit trail intact"
as -- "$prog" audit --tsv --action ban.insert
if cut -f3 "$tmp/out" | grep -qx "$op"; then ok "audit names the operator"; else
	not_ok "audit actor: $(cut -f3 "$tmp/out")"; fi
finish
