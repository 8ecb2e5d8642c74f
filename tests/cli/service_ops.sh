#!/bin/sh
# service_ops.sh — issue 11: appointments, staffing and the home-visit board through
# balied. The role table of every operation for every role, "no role" included, each
# refusal audited; the rules the service enforces itself (a manager's reason for a risky
# appointment outside public hours, who records "nobody reachable"); and what a hostile
# operator would try — crafted fields, out-of-range enums and times, other people's
# records, huge or invisible text, abbreviated options — each refused with a clear message
# and nothing changed. Stored text always comes out escaped.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
# shellcheck source=tests/cli/svclib.sh
. "$BALIE_SRCDIR/tests/cli/svclib.sh"

svc_start

ROLES="receptionist porter manager hr nobody"
uid_of() {
	case $1 in
	receptionist) echo $UID_RECEPTIONIST ;; porter) echo $UID_PORTER ;;
	manager) echo $UID_MANAGER ;; hr) echo $UID_HR ;; *) echo $UID_NOBODY ;;
	esac
}

# The data of these domains, to show that a refusal changed nothing.
snap() {
	for t in appointment staff presence evening_roster staffing_unreachable home_visit; do
		svc_sql "SELECT * FROM $t ORDER BY 1, 2"
	done | md5sum
}
# unchanged DESCRIPTION: the data equals the last snapshot taken with "before=$(snap)".
unchanged() {
	if [ "$(snap)" = "$before" ]; then ok "$1: nothing changed"; else not_ok "$1: data changed"; fi
}
# expect_status N TEXT DESCRIPTION: wireprobe's answer starts "status N: " and holds TEXT.
expect_status() {
	if grep -q "^status $1: " "$tmp/out" && grep -qF -- "$2" "$tmp/out"; then ok "$3"
	else not_ok "$3: $(cat "$tmp/out")"; fi
}

# --- the role table, through the real program, for every role
# row OP FUNCTION WANT...: run FUNCTION ROLE for each role; WANT is y (allowed: exit 0 or
# 1, no refusal) or n (exit 2 with "permission denied" or "only a manager"). Each refusal
# must be one audit line "denied" naming OP (OP1/OP2: OP2 for the role "nobody").
: >"$tmp/denials"
row() {
	_op=$1 _fn=$2
	shift 2
	for _r in $ROLES; do
		_want=$1
		shift
		"$_fn" "$_r"
		if [ "$_want" = y ]; then
			if [ "$rc" -le 1 ] && ! grep -q "permission denied\|only a manager" "$tmp/err"; then
				ok "$_r may $_fn"
			else not_ok "$_r may $_fn (exit $rc)"; fi
		else
			if [ "$rc" -eq 2 ] && grep -q "permission denied\|only a manager" "$tmp/err"; then
				ok "$_r may not $_fn"
			else not_ok "$_r may not $_fn (exit $rc)"; fi
			case $_op in
			*/*) if [ "$_r" = nobody ]; then echo "${_op#*/}"; else echo "${_op%/*}"; fi ;;
			*) echo "$_op" ;;
			esac >>"$tmp/denials"
		fi
	done
}

as $UID_HR staff add "Bode Vast" --team support
staff_add() { as "$(uid_of "$1")" staff add "Bode $1" --team support --phone 06-1; }
staff_in() { as "$(uid_of "$1")" staff in "Bode $1"; }
staff_out() { as "$(uid_of "$1")" staff out "Bode $1"; }
staff_out_at() {
	setpriv --reuid=$UID_HR --regid=$UID_HR --clear-groups "$BALIE" --config "$SVC_CONF" \
		staff in "Bode Vast" >/dev/null 2>&1
	as "$(uid_of "$1")" staff out "Bode Vast" --at 14:00 --note "closed by $1"
}
staff_roster() { as "$(uid_of "$1")" staff roster "Bode $1" 2026-11-26; }
staff_status() { as "$(uid_of "$1")" staff status; }
staff_unreachable() {
	case $1 in manager) _p=evening ;; hr) _p=day ;; *) _p=18:00 ;; esac
	as "$(uid_of "$1")" staff unreachable 2026-11-26 --period $_p --note "told by $1"
}
staff_withdraw() {
	case $1 in manager) _id=1 ;; *) _id=2 ;; esac
	as "$(uid_of "$1")" staff unreachable --withdraw $_id
}
appt_add() {
	as "$(uid_of "$1")" appt add --date 2026-11-24 --start 14:00 --end 15:00 --host H \
		--visitor "Bezoeker $1"
}
appt_flag() { as "$(uid_of "$1")" appt flag 1 --precautions police; }
appt_list() { as "$(uid_of "$1")" appt list; }
visit_out() {
	as "$(uid_of "$1")" visit out "Medewerker $1" --address Dorpsstraat --client C \
		--back 16:00 --mobile 06-2 --risk normal
}
visit_back() {
	case $1 in receptionist) _id=1 ;; porter) _id=2 ;; manager) _id=3 ;; *) _id=4 ;; esac
	as "$(uid_of "$1")" visit back $_id --outcome "back, says $1"
}
visit_list() { as "$(uid_of "$1")" visit list --all; }

#           op                          function          rec porter manager hr nobody
row staff.add                           staff_add         n   y      y       y  n
row staff.in                            staff_in          n   y      y       y  n
row staff.out                           staff_out         n   y      y       y  n
row staff.out_at                        staff_out_at      n   y      y       y  n
row staff.roster                        staff_roster      n   y      y       y  n
row staff.list                          staff_status      y   y      y       y  n
row staff.unreachable                   staff_unreachable n   n      y       y  n
row staff.unreachable_withdraw          staff_withdraw    n   n      y       y  n
row appt.add                            appt_add          y   y      y       y  n
row appt.flag/appt.get                  appt_flag         n   n      y       y  n
row appt.list                           appt_list         y   y      y       y  n
row visit.out                           visit_out         y   y      y       y  n
row visit.back                          visit_back        y   y      y       y  n
row visit.list                          visit_list        y   y      y       y  n
# appt.get and staff.unreachable_list are only reached through other commands: the
# hostile client asks for them directly.
for r in $ROLES; do
	probe "$(uid_of "$r")" request 92 2=i:1
	if [ "$r" = nobody ]; then
		expect_status 6 "has no role" "nobody may not read an appointment"
		echo appt.get >>"$tmp/denials"
	else
		expect_status 0 "" "$r may read an appointment"
	fi
	probe "$(uid_of "$r")" request 118 1106=t:stadhuis 19=t:2026-11-24 20=t:2026-11-30
	if [ "$r" = nobody ]; then
		expect_status 6 "has no role" "nobody may not list the nobody-reachable records"
		echo staff.unreachable_list >>"$tmp/denials"
	else
		expect_status 0 "" "$r may list the nobody-reachable records"
	fi
done

# Every refusal above is one audit line, naming the operation and the role.
sort "$tmp/denials" | uniq -c | sed 's/^ *//' >"$tmp/want"
svc_sql "SELECT count(*) || ' ' || object FROM audit WHERE action = 'denied' AND object NOT LIKE 'alarm%' GROUP BY object ORDER BY object" >"$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then ok "each refusal is audited, by operation"; else
	not_ok "each refusal is audited"; diff "$tmp/want" "$tmp/got" | sed 's/^/#   /'; fi
if [ "$(svc_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND object = 'staff.unreachable' AND detail = 'role porter'")" = 1 ]; then
	ok "the audit line names the role"; else not_ok "the audit line names the role"; fi

# The messages name the role and the right, or tell where roles are given.
staff_add receptionist
expect_err_has "staff add: permission denied: role receptionist may not change the staffing" \
	"receptionist: staff add refused with role and right"
staff_unreachable porter
expect_err_has "staff unreachable: only a manager may do this (your role: porter)" \
	"porter: nobody reachable is a manager's statement"
# Issue 13: anyone may add an appointment to warn reception; marking it risky is a manager's.
before=$(snap)
as $UID_PORTER appt add --date 2026-11-24 --start 14:00 --end 15:00 --host H --visitor V --risky
expect_err_has "appt add: only a manager marks an appointment risky (your role: porter)" \
	"porter: a risky appointment refused"
probe $UID_RECEPTIONIST request 90 900=i:$(date -u -d 2026-11-24T13:00:00Z +%s) \
	901=i:$(date -u -d 2026-11-24T14:00:00Z +%s) 902=t:H 903=t:V 907=i:4 906=b:1
expect_status 6 "only a manager marks an appointment risky" \
	"receptionist: precautions through a crafted request refused"
unchanged "risky appointments by others than a manager"
as $UID_RECEPTIONIST appt add --date 2026-11-24 --start 14:00 --end 15:00 --host H \
	--visitor "Jan Boos" --note "Boos over de uitkering"
expect_rc 0 "receptionist: an appointment with a note for reception"
if [ "$(svc_sql "SELECT note FROM appointment WHERE visitor = 'Jan Boos'")" = "Boos over de uitkering" ]; then
	ok "the note is recorded"; else not_ok "the note is recorded"; fi
visit_list nobody
expect_err_has "has no role in $SVC_CONF" "no role: told where roles are given"

# Who did it is the kernel's word: the records carry the callers' uids.
if [ "$(svc_sql "SELECT recorded_by || ',' || back_by FROM home_visit WHERE id = 1")" = "#$UID_RECEPTIONIST,#$UID_RECEPTIONIST" ] &&
	[ "$(svc_sql "SELECT checkout_by FROM presence WHERE checkout_by <> '' ORDER BY id LIMIT 1")" = "#$UID_PORTER" ]; then
	ok "records name the caller the kernel vouches for"
else not_ok "records name the caller"; fi

# --- the public-hours rule is the service's, not the command line's
T1400=$(date -u -d 2026-11-24T13:00:00Z +%s)   # Tuesday 14:00 in Ermelo's time
T1830=$(date -u -d 2026-11-24T17:30:00Z +%s)   # after closing
before=$(snap)
probe $UID_MANAGER request 90 900=i:$T1830 901=i:$((T1830 + 1800)) 902=t:H 903=t:V 906=b:1
expect_status 4 "outside public opening hours is not allowed" \
	"a risky appointment after hours without a reason is refused by the service"
unchanged "risky after hours"
probe $UID_MANAGER request 90 900=i:$T1830 901=i:$((T1830 + 1800)) 902=t:H 903=t:V 906=b:1 \
	908=t:"Only possible then"
expect_status 0 "" "with a manager's reason it is accepted"
if [ "$(svc_sql "SELECT override_by || ': ' || override_reason FROM appointment ORDER BY id DESC LIMIT 1")" = "#$UID_MANAGER: Only possible then" ]; then
	ok "the reason is recorded with who gave it"; else not_ok "the reason is recorded"; fi
late=$(svc_sql "SELECT max(id) FROM appointment")
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 1800)) 902=t:H 903=t:V 906=b:1 \
	908=t:"not needed"
expect_status 0 "" "a reason within public hours is accepted"
if [ "$(svc_sql "SELECT override_reason FROM appointment ORDER BY id DESC LIMIT 1")" = "" ]; then
	ok "... and not recorded"; else not_ok "a reason within hours is not recorded"; fi
as $UID_MANAGER appt add --date 2026-11-24 --start 14:00 --end 15:00 --host H --visitor V \
	--risky --override-reason "not needed"
expect_err_has "not needed, the appointment lies within public opening hours (not recorded)" \
	"the command line says the reason was not recorded"
# Flagging an appointment after hours: refused without a reason, unless one was recorded.
probe $UID_MANAGER request 90 900=i:$T1830 901=i:$((T1830 + 1800)) 902=t:H 903=t:W
plain=$(svc_sql "SELECT max(id) FROM appointment")
before=$(snap)
as $UID_MANAGER appt flag "$plain" --precautions porter
expect_rc 2 "flagging an after-hours appointment without a reason is refused"
expect_err_has "outside public opening hours is not allowed" "the rule is named"
unchanged "flag after hours"
as $UID_MANAGER appt flag "$late" --precautions colleague,porter
expect_rc 0 "an appointment allowed before keeps its reason when its precautions change"
as $UID_MANAGER appt flag "$plain" --precautions porter --override-reason "Evening only"
expect_rc 0 "a manager's reason allows the flag"

# --- crafted requests: every field is the service's to check
before=$(snap)
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 907=i:16 906=b:1
expect_status 4 "precautions: out of range" "an unknown precaution bit is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 907=i:-1 906=b:1
expect_status 4 "precautions: out of range" "negative precautions are refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 907=i:4
expect_status 4 "only a risky appointment has precautions" "precautions without the risk are refused"
probe $UID_MANAGER request 90 900=i:0 901=i:3600 902=t:H 903=t:V
expect_status 4 "start time: out of range" "a start in 1970 is refused"
probe $UID_MANAGER request 90 900=i:99999999999 901=i:99999999999 902=t:H 903=t:V
expect_status 4 "start time: out of range" "a start in the year 5138 is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 - 60)) 902=t:H 903=t:V
expect_status 4 "the end is not after the start" "an end before the start is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3 * 86400)) 902=t:H 903=t:V
expect_status 4 "an appointment lasts at most a day" "a three-day appointment is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 904=t:1980-02-30
expect_status 4 "is not a date" "an impossible date of birth is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 906=t:yes
expect_status 4 "risky: not a yes/no value" "a yes/no field given as text is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H
expect_status 4 "visitor: missing" "a missing visitor is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 903=t:W
expect_status 4 "a field is given twice" "a field given twice is refused"
# visitor_refused NAME WANT WHAT: an appointment of an hour for the visitor NAME is refused
# with WANT in the message.
visitor_refused() {
	probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:"$1"
	expect_status 4 "$2" "$3"
}
visitor_refused "$(printf 'Jan\033[2J')" "visitor: contains a control character" \
	"an escape sequence in a name is refused"
visitor_refused "$(printf 'Jan\342\200\213de Vries')" "visitor: contains an invisible character" \
	"a zero-width space in a name is refused"
visitor_refused "$(printf 'Jan\342\200\256seirV')" "visitor: " "a bidi override in a name is refused"
visitor_refused "$(head -c 100000 /dev/zero | tr '\0' x)" "visitor: " \
	"a name of 100 000 bytes is refused"
probe $UID_MANAGER request 91 2=i:1 906=b:0 907=i:3
expect_status 4 "only a risky appointment has precautions" "unflagging with precautions is refused"
probe $UID_MANAGER request 91 2=i:1 906=b:1 22=i:$((1 << 40))
expect_status 4 "version: out of range" "a version out of range is refused"
probe $UID_MANAGER request 91 2=i:0 906=b:1
expect_status 4 "appointment id: out of range" "appointment 0 is refused"
probe $UID_MANAGER request 91 2=i:-7 906=b:1
expect_status 4 "appointment id: out of range" "a negative id is refused"
probe $UID_MANAGER request 91 2=i:4242 906=b:1
expect_status 2 "appointment 4242: not found" "an unknown appointment is not found"
probe $UID_MANAGER request 91 2=i:1 906=b:1 22=i:999
expect_status 3 "changed by someone else" "a stale version is a conflict"
probe $UID_RECEPTIONIST request 93 19=i:$T1400 20=i:$((T1400 + 400 * 86400))
expect_status 4 "more than a year" "a list over more than a year is refused"
probe $UID_RECEPTIONIST request 93 19=i:$T1400 20=i:$T1400
expect_status 4 "until: not after the start" "an empty list period is refused"
probe $UID_PORTER request 110 1100=t:"Bode Drie" 1101=i:2
expect_status 4 "team: out of range" "an unknown team is refused"
probe $UID_PORTER request 110 1100=t:"Bode Drie" 1101=i:-1
expect_status 4 "team: out of range" "a negative team is refused"
probe $UID_PORTER request 110 1100=t:"" 1101=i:0
expect_status 4 "name: " "an empty name is refused"
probe $UID_PORTER request 114 1100=t:"Bode porter" 18=t:2026-11-27
expect_status 4 "on the roster: missing" "a roster change must say on or off"
probe $UID_PORTER request 114 1100=t:"Bode porter" 18=t:27-11-2026 1105=b:1
expect_status 4 "is not a date" "a roster date must be a date"
probe $UID_PORTER request 113 1100=t:"Bode Vast" 1103=i:$((T1400 + 86400)) 1104=t:x
expect_status 4 "between the check-in and now" "a check-out in the future is refused"
probe $UID_PORTER request 113 1100=t:"Bode Vast" 1103=i:-1 1104=t:x
expect_status 4 "check-out time: out of range" "a check-out before 2000 is refused"
probe $UID_MANAGER request 116 1106=t:nowhere 18=t:2026-11-26 1107=t:day 1104=t:x
expect_status 4 "is not a building of the service's configuration" "an unknown building is refused"
probe $UID_MANAGER request 116 1106=t:stadhuis 18=t:2026-11-26 1107=t:25:00 1104=t:x
expect_status 4 "is not day, evening or HH:MM" "a period that is no period is refused"
probe $UID_MANAGER request 116 1106=t:stadhuis 18=t:2026-11-20 1107=t:day 1104=t:x
expect_status 4 "2026-11-20 is in the past" "a date in the past is refused"
probe $UID_MANAGER request 116 1106=t:stadhuis 18=t:2026-11-24 1107=t:evening 1104=t:x
expect_status 4 "not open to the public then" "an evening that does not exist is refused"
probe $UID_MANAGER request 116 1106=t:milieustraat 18=t:2026-11-26 1107=t:day 1104=t:x
expect_status 4 "not open to the public then" "the hours are those of the building named"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:1 1304=i:$((T1400 - 60))
expect_status 4 "must be in the future" "a return in the past is refused (not only by balie)"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:1 \
	1304=i:$((T1400 + 3600)) 1305=i:$((T1400 + 7200))
expect_status 4 "not after the expected return" "a call after the return is refused"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:1 \
	1304=i:$((T1400 + 3600)) 1305=i:5
expect_status 4 "call time: out of range" "a call time in 1970 is refused"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1304=i:$((T1400 + 3600))
expect_status 4 "risk: missing" "a visit without its risk assessed is refused"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:0 \
	1304=i:$((T1400 + 3600))
expect_status 4 "risk: out of range" "a risk not assessed is refused"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:2 \
	1304=i:$((T1400 + 3600))
expect_status 4 "two go together" "a raised risk without a colleague is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 906=b:1 \
	907=i:1 905=t:"Kamer 3"
expect_status 4 "is not a safe interview room" "a safe room that is none is refused"
probe $UID_MANAGER request 90 900=i:$T1400 901=i:$((T1400 + 3600)) 902=t:H 903=t:V 906=b:1 \
	907=i:1
expect_status 4 "needs the room" "a safe room without a room is refused"
probe $UID_RECEPTIONIST request 131 2=i:1
expect_status 3 "already back" "a visit already back cannot be closed again"
probe $UID_RECEPTIONIST request 131 2=i:9999
expect_status 2 "not found" "an unknown visit is not found"
unchanged "crafted requests"

# Other people's records: an id from another table is not found, and a name a client
# claims for itself is ignored (F_USER is the greeting's answer, not a request field).
before=$(snap)
probe $UID_MANAGER request 117 2=i:1
expect_status 2 "no such \"nobody reachable\" record" "a withdrawn record cannot be withdrawn again"
probe $UID_MANAGER request 91 2=i:$(($(svc_sql "SELECT max(id) FROM appointment") + 1)) 906=b:1
expect_status 2 "not found" "the id of a visit is no appointment"
unchanged "other people's records"
probe $UID_RECEPTIONIST request 130 1300=t:E 1301=t:A 1302=t:C 1303=t:M 1308=i:1 \
	1304=i:$((T1400 + 3600)) 4=t:manager
expect_status 0 "" "a visit with a claimed user name is recorded"
if [ "$(svc_sql "SELECT recorded_by FROM home_visit ORDER BY id DESC LIMIT 1")" = "#$UID_RECEPTIONIST" ]; then
	ok "... under the caller's own uid"; else not_ok "the claimed name was used"; fi

# --- every operation refuses a caller without a role before it reads a field
for op in 90 91 92 93 110 111 112 113 114 115 116 117 118 130 131 132; do
	probe $UID_NOBODY request $op
	expect_status 6 "has no role" "no role: operation $op refused"
done

# --- abbreviated options are errors, never a silent match
before=$(snap)
as $UID_RECEPTIONIST appt list --ris
expect_rc 2 "appt list --ris is refused"
expect_err_has "options are spelt out in full: did you mean --risky?" "the option meant is named"
expect_empty "$tmp/out" "appt list --ris prints no list"
as $UID_MANAGER staff unreachable --with 3
expect_rc 2 "staff unreachable --with is refused"
as $UID_RECEPTIONIST visit list --al
expect_rc 2 "visit list --al is refused"
as $UID_MANAGER appt add --date 2026-11-24 --start 18:30 --end 19:00 --host H --visitor V \
	--risky --override 'short'
expect_rc 2 "appt add --override is refused"
as $UID_PORTER staff out "Bode Vast" --at 14:00 --no x
expect_rc 2 "staff out --no is refused"
unchanged "abbreviated options"

# --- stored text comes out escaped (rows written before the input rules, or by hand)
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')
svc_sql "INSERT INTO appointment (starts, ends, host, visitor, visitor_born, room, created_at, created_by) VALUES ('2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z', 'H${ESC}[31m', 'V${RLO}x', '${ESC}[2J1980', 'R${ESC}]0;t', '2026-11-24T13:00:00Z', 'x')"
svc_sql "INSERT INTO staff (name, team, phone) VALUES ('Bode${ESC}[5m', 'support', '06${RLO}')"
svc_sql "INSERT INTO staffing_unreachable (building, date, period, note, recorded_at, recorded_by) VALUES ('stadhuis', '2026-11-24', 'day', 'n${ESC}[2J', '2026-11-24T12:00:00Z', 'm${ESC}[31m')"
svc_sql "INSERT INTO home_visit (employee, address, client, mobile, leaves_at, expected_back, recorded_by) VALUES ('E${ESC}c', 'A${RLO}', 'C', 'M${ESC}[1m', '2026-11-24T12:00:00Z', '2026-11-24T14:00:00Z', 'x')"
for cmd in "appt list" "appt list --tsv" "staff status" "visit list --all" "visit list --tsv"; do
	# shellcheck disable=SC2086 # word splitting wanted
	as $UID_RECEPTIONIST $cmd
	if LC_ALL=C grep -qF -- "$ESC" "$tmp/out" "$tmp/err" || LC_ALL=C grep -qF -- "$RLO" "$tmp/out" "$tmp/err"; then
		not_ok "$cmd: raw control or bidi bytes in the output"
	elif [ "$rc" -le 1 ] && grep -qF '\x1b' "$tmp/out"; then
		ok "$cmd: stored text escaped"
	else not_ok "$cmd: exit $rc"; fi
done
as $UID_RECEPTIONIST appt list
expect_out_has '(\x1b[2J1980)' "appt list: the date of birth is escaped too"

svc_stop
if [ "$svc_rc" -eq 0 ]; then ok "balied stops cleanly (under the sanitizers: without a leak)"
else not_ok "balied exit $svc_rc"; sed 's/^/#   /' "$tmp/balied.log" | tail -20; fi
finish
