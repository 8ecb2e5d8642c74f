#!/bin/sh
# service_bans.sh — issue 11: the ban list through balied. The role table of every ban
# operation for every role, "no role" included; the discreet view (a receptionist or porter
# never gets a reason, notes or justification, through any operation); and what a hostile
# operator would try: abbreviated options, --drafts, import and export files that are
# symbolic links, FIFOs, devices or unreadable, crafted requests, invisible characters, an
# import abandoned half-way. Each attack is refused with a clear message and changes nothing.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

svc_start
R=$UID_RECEPTIONIST P=$UID_PORTER M=$UID_MANAGER H=$UID_HR N=$UID_NOBODY
# The operators' own files: readable by all of them, in a directory each may write.
mkdir -p "$tmp/files"
chmod 1777 "$tmp/files"
F=$tmp/files

# what UID: the role's name, for the test descriptions.
what() {
	case $1 in
	"$R") echo receptionist ;; "$P") echo porter ;; "$M") echo manager ;; "$H") echo hr ;;
	*) echo "no role" ;;
	esac
}
# refused: the last command was refused on the role (exit 2, a permission message).
refused() {
	[ "$rc" -eq 2 ] && grep -q "permission denied" "$tmp/err"
}
# as_u UID ARGS...: as, with @U in an argument made the uid.
as_u() {
	_uu=$1
	shift
	_n=$#
	for _a in "$@"; do
		set -- "$@" "$(printf '%s' "$_a" | sed "s/@U/$_uu/g")"
	done
	shift "$_n"
	as "$_uu" "$@"
}
# may UIDS DESCRIPTION ARGS...: every role runs ARGS; those in UIDS must not be refused on
# their role, every other role must be.
may() {
	_allowed=$1 _desc=$2
	shift 2
	for _u in $R $P $M $H $N; do
		as_u "$_u" "$@"
		case " $_allowed " in
		*" $_u "*)
			if ! refused && [ "$rc" -le 1 ]; then ok "$(what "$_u") may: $_desc"; else
				not_ok "$(what "$_u") may: $_desc (exit $rc)"; fi ;;
		*)
			if refused && [ ! -s "$tmp/out" ]; then ok "$(what "$_u") may not: $_desc"; else
				not_ok "$(what "$_u") may not: $_desc (exit $rc)"
				sed 's/^/#   out: /' "$tmp/out"; fi ;;
		esac
	done
}
# unchanged DESCRIPTION: the bans and their history are as in $tmp/before.
snapshot() {
	svc_sql "SELECT * FROM ban ORDER BY id; SELECT count(*) FROM person;
		SELECT count(*) FROM ban_history; SELECT count(*) FROM ban_exception;
		SELECT count(*) FROM ban_notice_seen" >"$tmp/before"
}
unchanged() {
	svc_sql "SELECT * FROM ban ORDER BY id; SELECT count(*) FROM person;
		SELECT count(*) FROM ban_history; SELECT count(*) FROM ban_exception;
		SELECT count(*) FROM ban_notice_seen" >"$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then ok "$1: nothing changed"; else
		not_ok "$1: the database changed"; diff "$tmp/before" "$tmp/after" | sed 's/^/#   /'; fi
}
# probe_has TEXT DESCRIPTION: wireprobe's output holds TEXT.
probe_has() {
	if grep -qF -- "$1" "$tmp/out"; then ok "$2"; else
		not_ok "$2 (lacks: $1)"; sed 's/^/#   /' "$tmp/out"; fi
}

# --- the list: the fixture (1 Vries, 2 Çelik, 3 Geëlen, 4 Yılmaz current; 5 Jansen expired;
# 6 Berg from 2027) imported by hr through the service
cp "$DATA/cli_bans.csv" "$F/bans.csv"
chmod 644 "$F/bans.csv"
as $H ban import "$F/bans.csv"
expect_rc 0 "hr imports the fixture through the service"
expect_out_has "imported 6 bans" "six bans imported"
as $M ban add --surname Ontwerp --kind warning --reason verbal --ends 2027-05-01
expect_rc 0 "a manager adds a draft (ban 7)"

# --- the role table of every ban operation
may "$R $P $M $H" "ban list" ban list
may "$R $P $M $H" "ban list --current" ban list --current --tsv
may "$M $H" "ban list --all" ban list --all
may "$M $H" "ban list --drafts" ban list --drafts
may "$R $P $M $H" "ban show of a current ban" ban show 1
may "$M $H" "ban show of an expired ban" ban show 5
may "$M $H" "ban show of a draft" ban show 7
may "$M $H" "ban propose" ban propose --reason threat --surname Vries
may "$M $H" "ban propose --person" ban propose --reason threat --person 1
may "$M $H" "ban history" ban history 1
may "$M $H" "ban letter" ban letter 1
may "$R $P $M $H" "ban exception list of a current ban" ban exception list 1
may "$M $H" "ban exception list of every ban" ban exception list
may "$M $H" "ban exception add" ban exception add 1 --kind appointment --date 2026-11-30 \
	--detail "10:00 Spreekkamer 006"
may "$R $P $M $H" "ban notices" ban notices
may "$H" "ban export" ban export
may "$M $H" "ban add" ban add --surname Extra@U --kind warning --reason verbal --ends 2027-05-01
# One ban per role to lift, extend and activate, added by hr.
for u in $R $P $M $H $N; do
	as $H ban add --surname "Doel$u" --given D --kind warning --reason verbal --ends 2027-05-01 \
		--notes x --imposed-by y --letter-sent 2026-11-24
	printf '%s' "$(cat "$tmp/out")" >"$tmp/id$u"
done
idof() { cat "$tmp/id$1"; }
for u in $R $P $M $H $N; do
	as "$u" ban lift "$(idof "$u")" --reason "Excuses ontvangen"
	case $u in "$M"|"$H") expect_rc 0 "$(what "$u") may: ban lift" ;;
	*) if refused; then ok "$(what "$u") may not: ban lift"; else not_ok "$(what "$u") may not: ban lift (exit $rc)"; fi ;; esac
done
for u in $R $P $M $H $N; do
	as $H ban add --surname "Verl$u" --kind building --reason physical --ends 2027-02-23 \
		--notes x --imposed-by y --letter-sent 2026-11-24 --police
	id=$(cat "$tmp/out")
	as "$u" ban extend "$id" --ends 2027-03-23 --reason "Kwam toch binnen"
	case $u in "$M"|"$H") expect_rc 0 "$(what "$u") may: ban extend" ;;
	*) if refused; then ok "$(what "$u") may not: ban extend"; else not_ok "$(what "$u") may not: ban extend (exit $rc)"; fi ;; esac
	as $H ban add --surname "Conc$u" --kind warning --reason verbal --ends 2027-05-01
	id=$(cat "$tmp/out")
	as "$u" ban activate "$id" --notes x --imposed-by y --letter-sent 2026-11-24
	case $u in "$M"|"$H") expect_rc 0 "$(what "$u") may: ban activate" ;;
	*) if refused; then ok "$(what "$u") may not: ban activate"; else not_ok "$(what "$u") may not: ban activate (exit $rc)"; fi ;; esac
done
printf 'given_names,prefix,surname,born,kind,starts,ends,reason\nA,,Import@U,,warning,2026-11-01,2027-01-01,verbal\n' \
	>"$F/one.csv"
chmod 644 "$F/one.csv"
for u in $R $P $M $H $N; do
	sed "s/@U/$u/" "$F/one.csv" >"$F/one$u.csv"
	chmod 644 "$F/one$u.csv"
done
may "$M $H" "ban import" ban import "$F/one@U.csv"
for u in $R $P $N; do
	if [ "$(svc_sql "SELECT count(*) FROM person WHERE surname = 'Import$u'")" = 0 ]; then
		ok "$(what "$u"): nothing imported"; else not_ok "$(what "$u"): nothing imported"; fi
done
if [ "$(svc_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND object LIKE 'ban.%'")" -ge 40 ]; then
	ok "every refusal of a ban operation is in the audit trail"; else
	not_ok "refusals audited: $(svc_sql "SELECT count(*) FROM audit WHERE action = 'denied'")"; fi
if [ "$(svc_sql "SELECT actor FROM audit WHERE action = 'ban.list' ORDER BY id LIMIT 1")" = "#$R" ]; then
	ok "a look at the list is audited with the kernel's uid"; else not_ok "ban.list audited"; fi

# Operations without a command of their own, through the wire: count, earlier, update,
# exception on, notices.
# probe_may UIDS DESCRIPTION OP FIELD...: the same table for a crafted request.
probe_may() {
	_allowed=$1 _desc=$2
	shift 2
	for _u in $R $P $M $H $N; do
		probe "$_u" request "$@"
		case " $_allowed " in
		*" $_u "*) if ! grep -q '^status 6:' "$tmp/out"; then ok "$(what "$_u") may: $_desc"; else
			not_ok "$(what "$_u") may: $_desc: $(cat "$tmp/out")"; fi ;;
		*) if grep -q '^status 6: permission denied' "$tmp/out"; then ok "$(what "$_u") may not: $_desc"; else
			not_ok "$(what "$_u") may not: $_desc: $(cat "$tmp/out")"; fi ;;
		esac
	done
}
probe_may "$R $P $M $H" "count the bans in force" 32 23=i:0
probe_may "$M $H" "count every ban" 32 23=i:2
probe_may "$M $H" "count the drafts" 32 23=i:3
probe_may "$M $H" "count earlier bans by name" 36 302=t:Vries
probe_may "$M $H" "count earlier bans of a ban" 37 2=i:1
probe_may "$R $P $M $H" "read today's exception of a current ban" 62 2=i:1 18=t:2026-11-30
probe_may "$M $H" "read an exception of an expired ban" 62 2=i:5 18=t:2026-11-30
probe_may "$M $H" "update a ban" 41 rec 1=i:999
probe_may "$M $H" "begin an import" 50
probe_may "$H" "export a page" 33 23=i:2 305=i:0

# --- the discreet view: no reason, notes or justification for a receptionist or porter,
# through any operation
for u in $R $P; do
	as "$u" ban show 1
	if grep -q "Threatened" "$tmp/out" || grep -qi "threat" "$tmp/out"; then
		not_ok "$(what "$u"): ban show has no reason or notes"; else
		ok "$(what "$u"): ban show has no reason or notes"; fi
	expect_out_has "(not shown to your role)" "$(what "$u"): ban show says the reason is withheld"
	as "$u" ban list --current --tsv
	if [ -s "$tmp/out" ] && [ -z "$(cut -f5 "$tmp/out" | tr -d '\n')" ]; then
		ok "$(what "$u"): ban list --tsv without reasons"; else
		not_ok "$(what "$u"): ban list --tsv without reasons"; fi
	: >"$tmp/all"
	for req in "30 2=i:1" "30 2=i:2" "31 23=i:0" "31 23=i:1 305=i:0" "61 2=i:1" "62 2=i:1 18=t:2026-11-30" \
		"71" "35 2=i:1" "34 2=i:1" "33 23=i:2 305=i:0" "31 23=i:2" "36 302=t:Vries"; do
		# shellcheck disable=SC2086 # the request's words
		probe "$u" request --dump $req
		cat "$tmp/out" >>"$tmp/all"
	done
	# "REC TAG VALUE"; tags of a ban: 10 reason, 17 notes, 20 lifted_reason,
	# 28 justification, 29 reasons.
	leak='Threatened|never again|Excuses|^[1-9][0-9]* (17|20|28|29) .|^[1-9][0-9]* 10 [0-5]$'
	if grep -Eq "$leak" "$tmp/all"; then
		not_ok "$(what "$u"): no request yields a reason, notes or justification"
		grep -E "$leak" "$tmp/all" | sed 's/^/#   /'
	else
		ok "$(what "$u"): no request yields a reason, notes or justification"; fi
	if grep -q '^1 30 1$' "$tmp/all"; then ok "$(what "$u"): the bans say they are discreet"; else
		not_ok "$(what "$u"): the bans say they are discreet"; fi
done
probe $M request --dump 30 2=i:1
probe_has "1 17 Threatened the clerk, twice" "a manager reads the notes"

# --- abbreviated options and --drafts
snapshot
for opt in --al --a --dr; do
	as $R ban list "$opt"
	if [ "$rc" -eq 2 ] && grep -q "unknown option '$opt' (options are spelt out in full" "$tmp/err" &&
		[ ! -s "$tmp/out" ]; then ok "ban list $opt is refused, not taken for a longer option"
	else not_ok "ban list $opt (exit $rc)"; fi
done
as $R ban list --drafts
expect_rc 2 "--drafts as receptionist is refused"
expect_err_has "ban list: permission denied: role receptionist may not see reasons or expired bans" \
	"the --drafts refusal says why"
probe $R request 31 23=i:3
probe_has "status 6: permission denied" "a crafted request for the drafts is refused too"
probe $R request 31 23=i:9
probe_has "status 4: filter: out of range" "an unknown filter is refused"
unchanged "abbreviations and --drafts"

# --- files named on the command line are the operator's: opened once, checked
mkfifo "$F/fifo"
chmod 666 "$F/fifo"
ln -s "$F/fifo" "$F/tofifo"
ln -s /etc/shadow "$F/toshadow"
ln -s "$F/bans.csv" "$F/tobans"
mkdir "$F/dir"
chmod 755 "$F/dir"
for f in "$F/fifo" "$F/tofifo" /dev/zero "$F/dir" /etc/shadow "$F/toshadow"; do
	as $H ban import "$f"
	if [ "$rc" -eq 2 ] && grep -q "refused: it is a\|Permission denied" "$tmp/err"; then
		ok "ban import $(basename "$f") is refused"
	else not_ok "ban import $f (exit $rc)"; fi
done
unchanged "import of FIFOs, devices, directories and unreadable files"
as $H ban import "$F/tobans"
expect_rc 0 "a symbolic link to a file the operator may read is read as the operator"
snapshot
echo keep >"$F/target"
chmod 644 "$F/target"
ln -s "$F/target" "$F/linked"
for f in "$F/linked" "$F/fifo" /dev/null "$F/dir"; do
	as $H ban export --all "$f"
	if [ "$rc" -eq 2 ] && grep -q "refused: it is" "$tmp/err"; then
		ok "ban export to $(basename "$f") is refused"; else not_ok "ban export to $f (exit $rc)"; fi
done
if [ "$(cat "$F/target")" = keep ]; then ok "the file behind the link is untouched"; else
	not_ok "the file behind the link was changed"; fi
as $H ban export --all /etc/balie-export.csv
if [ "$rc" -eq 2 ] && [ ! -e /etc/balie-export.csv ]; then
	ok "an export where the operator may not write is refused by the kernel"; else
	not_ok "export to /etc (exit $rc)"; rm -f /etc/balie-export.csv; fi
# The file comes from the parsed arguments, wherever the options are.
as $H ban export "$F/out.csv" --all
expect_rc 0 "export FILE --all"
if [ -s "$F/out.csv" ] && [ ! -e "$F/--all" ] && [ "$(stat -c %u "$F/out.csv")" = "$H" ]; then
	ok "the export went to FILE, written by the operator"; else not_ok "export FILE --all"; fi
as $H ban import -- "$F/one$H.csv" extra
expect_rc 2 "a second file to import is refused"
unchanged "export attempts and a surplus argument"

# --- invisible and zero-width characters in names
ZW=$(printf '\342\200\213')
TAG=$(printf '\363\240\201\201')
as $M ban add --surname "Vr${ZW}ies" --kind warning --reason verbal --ends 2027-05-01
expect_rc 2 "a zero-width space in a surname is refused"
expect_err_has "ban add: --surname: contains an invisible character" "the refusal names the field"
printf 'given_names,prefix,surname,born,kind,starts,ends,reason\n%s\n' \
	"J${TAG}an,,Vries,,warning,2026-11-01,2027-01-01,verbal" >"$F/tag.csv"
chmod 644 "$F/tag.csv"
as $M ban import "$F/tag.csv"
expect_rc 2 "a tag character in an imported name is refused"
expect_err_has "tag.csv:2: given_names (column 1): contains an invisible character" \
	"the import names file, line and column"
probe $M request 40 rec "3=t:Vr${ZW}ies" 7=i:4 8=i:0 10=t:2026-11-24 11=t:2027-01-01
probe_has "status 4: surname: contains an invisible character" "a crafted insert with a zero-width space is refused"
unchanged "invisible characters"

# --- crafted requests: the service checks every field itself
probe $M request 30 2=i:-1
probe_has "status 4: ban id: out of range" "a negative ban id"
probe $M request 40 rec 3=t:Kwaad 7=i:99 8=i:0 10=t:2026-11-24 11=t:2027-01-01
probe_has "status 4: kind: of a wrong type or out of range" "a kind out of range"
probe $M request 40 rec 3=t:Kwaad 7=i:0 8=i:4 10=t:2026-11-24 11=t:2027-01-10 18=b:1 \
	14=b:1 15=t:x 12=t:y 13=t:2026-11-24
probe_has "shorter than the sanction table allows (physical violence, first offence" \
	"the table applies whatever the client claims about the offence"
probe $M request 40 rec 3=t:Kwaad 7=i:4 8=i:0 10=t:2026-11-24 11=t:2027-01-01 9=t:gym
probe_has "status 4: scope: unknown building \"gym\"" "an unknown building in a scope"
probe $M request 40 rec 3=t:Kwaad 7=i:4 8=i:0 10=t:2026-11-24 11=t:2027-01-01 \
	22=t:2026-11-01 23=t:x 24=t:y
probe_has "status 4: lifted_at: only an import brings a lifted ban" "a new ban that claims to be lifted"
probe $M request 40 rec 3=t:Kwaad 7=i:4 8=i:0 10=t:2026-11-24 11=t:2027-01-01 6=t:2030-01-01
probe_has "status 4: born: \"2030-01-01\" is in the future" "a date of birth in the future"
probe $M request 40 rec 3=t:Kwaad 7=i:1 8=i:0 10=t:2026-11-24 11=t:2027-01-01 17=b:1 \
	20=t:x
probe_has "status 4: until_conversation: only a service stop" "until_conversation on a phone ban"
probe $M request 40
probe_has "status 4: the request holds no ban" "an insert without a ban"
probe $M request 43 2=i:1 18=t:2028-01-01 21=t:x
probe_has "longer than the sanction table allows" "an extension past the table without justification"
probe $R request 71 4=t:someone-else
probe_has "status 6: permission denied: the notices of someone-else are not yours" \
	"nobody reads another's notices"
probe $R request 72 2=i:1 4=t:someone-else
probe_has "status 6: permission denied: the notices of someone-else are not yours" \
	"nobody marks another's notices seen"
probe $H request 33 23=i:2
probe_has "status 4: after: missing" "an export page without its position"
probe $H request 33 23=i:0 305=i:0
probe_has "status 4: filter: an export is of the current bans or of all bans" "an export of the active filter"
probe $H request 31 16=i:100000
probe_has "status 4: limit: out of range" "a page larger than the service gives"
unchanged "crafted requests"

# --- an import is all or nothing, and nothing is held while the client waits
probe $M request 51 rec 3=t:Los 7=i:4 8=i:0 10=t:2026-11-01 11=t:2027-01-01
probe_has "status 4: no import in progress: begin one first" "rows without a beginning"
probe $M request 50 -- 51 rec 3=t:Half 7=i:4 8=i:0 10=t:2026-11-01 11=t:2027-01-01
probe_has "status 0:" "half an import sent"
as $R alarm raise "Balie 1"
expect_rc 0 "meanwhile an alarm is raised (no transaction waits for the importer)"
probe $M request 50 -- 51 rec 3=t:Half 7=i:4 8=i:0 10=t:2026-11-01 11=t:2027-01-01 -- 52 3=i:2
probe_has "status 4: the client sent 2 rows, the service has 1; nothing imported" \
	"a commit with the wrong count"
probe $M request 50 -- 51 rec 3=t:Half 7=i:4 8=i:0 10=t:2026-11-01 11=t:2027-01-01 \
	rec 3=t:Slecht 7=i:4 8=i:0 10=t:2026-11-01 11=t:2027-02-30 -- 52 3=i:2
probe_has "status 4: row 2: ends: \"2027-02-30\" is not a date" "a bad row names its row"
probe_has "status 4: no import in progress" "a bad row ends the import"
unchanged "imports abandoned half-way"
{
	printf 'given_names,prefix,surname,born,kind,starts,ends,reason\n'
	i=0
	while [ $i -lt 2500 ]; do
		printf 'G,,Veel%d,,warning,2026-11-01,2027-01-01,verbal\n' $i
		i=$((i + 1))
	done
	printf 'G,,Laat,,warning,2026-11-01,2027-02-30,verbal\n'
} >"$F/big.csv"
chmod 644 "$F/big.csv"
as $H ban import "$F/big.csv"
expect_rc 2 "a bad row after 2500 good ones"
expect_err_has "big.csv:2502: ends (column 7)" "the bad row is named"
expect_err_has "big.csv: 1 bad row: nothing imported" "nothing imported"
unchanged "rows already streamed before the bad one"
as $H ban import "$F/one$H.csv"
expect_rc 0 "a good import afterwards"

svc_stop_clean
finish
