#!/bin/sh
# incident.sh — 'balie incident': register (anyone), tally, show, list, update and complete,
# the follow-up (due, done) at its deadlines, who may do what, the audit of every look, a
# ban proposed from an incident with repeat offences counted from earlier incidents, the
# letter's address and date, person export, and the purge that keeps the counts.
# Expectations are written by hand from the inputs; the clock is Tuesday 2026-11-24 14:00.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

fresh_db
# add [OPTION VALUE]...: incident add with these options, the required ones filled in with
# defaults unless given (an option may be given once).
add() {
	_at='2026-11-24 10:00' _cat=verbal _ch=counter _pl='Balie 1' _emp='Joke Dekker'
	for _a in "$@"; do
		case $_a in
		--at) _at= ;; --category) _cat= ;; --channel) _ch= ;; --place) _pl= ;;
		--employee) _emp= ;;
		esac
	done
	run incident add "$@" ${_at:+--at "$_at"} ${_cat:+--category "$_cat"} \
		${_ch:+--channel "$_ch"} ${_pl:+--place "$_pl"} ${_emp:+--employee "$_emp"}
}
nothing_written() {
	run incident list --tsv
	if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]; then ok "$1: nothing written"
	else not_ok "$1: nothing written"; fi
}

# --- invalid input first: every error exits 2, names the option, writes nothing
run incident add --category verbal --channel counter --place 'Balie 1' --employee X
expect_rc 2 "add without --at"
expect_err_has "incident add: missing --at" "the missing --at is named"
run incident add --at '2026-11-24 10:00' --channel counter --place 'Balie 1' --employee X
expect_err_has "incident add: missing --category" "the missing --category is named"
run incident add --at '2026-11-24 10:00' --category verbal --place 'Balie 1' --employee X
expect_err_has "incident add: missing --channel" "the missing --channel is named"
run incident add --at '2026-11-24 10:00' --category verbal --channel counter --employee X
expect_err_has "incident add: missing --place" "the missing --place is named"
run incident add --at '2026-11-24 10:00' --category verbal --channel counter --place Hal
expect_err_has "incident add: missing --employee" "the missing --employee is named"

add --category x
expect_rc 2 "an unknown category"
if [ "$(cat "$tmp/err")" = 'balie: incident add: --category: "x" is not one of verbal, discrimination, sexual, threat, obstruction, property, attempt, physical, robbery, other' ]; then
	ok "the category message lists the categories"
else not_ok "category message: $(cat "$tmp/err")"; fi
add --channel balie
expect_err_has '--channel: "balie" is not one of counter, phone, outside, home-visit, written, online' \
	"an unknown channel lists the channels"
add --place 'Balie 9'
expect_rc 2 "an unknown place"
expect_err_has 'incident add: place: "Balie 9" is not a known place (Stadhuis, Balie 1, Balie 2, Spreekkamer 006, Spreekkamer 008, Milieustraat, Weegbrug, Hal, Parkeerplaats, Huisbezoek)' \
	"an unknown place lists the configured places"
add --at 2026-11-24
expect_err_has '--at: "2026-11-24" is not a time "YYYY-MM-DD HH:MM"' "a time without the hour"
add --at '2026-11-24 14:30'
expect_rc 2 "an incident in the future"
expect_err_has "--at: the incident lies in the future" "future time named"
add --at '2026-03-29 02:30'
expect_err_has "does not exist (the clocks go forward then)" "a time the DST change skips"
add --injury bad
expect_err_has '--injury: "bad" is not one of none, light, serious' "unknown injury"
for amount in 12,345 -5 abc 10000000 1.2.3; do
	add --damage-personal "$amount"
	expect_err_has "--damage-personal: \"$amount\" is not an amount in euro" "amount $amount refused"
done
add --born 1970-02-30
expect_err_has '--born: "1970-02-30" is not a date' "a date of birth that does not exist"
add --born 2027-01-01
expect_err_has "--born: 2027-01-01 is in the future" "a date of birth in the future"
add --perpetrator 'van der'
expect_err_has '--perpetrator: no surname can be read in "van der"' "a perpetrator without surname"
add --alarm x1
expect_err_has '--alarm: "x1" is not an alarm id' "a malformed alarm id"
add --alarm 99
expect_err_has "incident add: alarm: there is no alarm 99" "an alarm that does not exist"
add --employee "$(printf 'Joke\033[2J')"
expect_err_has "--employee: contains a control character" "a control character refused"
add --description "$(head -c 2001 /dev/zero | tr '\0' x)"
expect_err_has "--description: is too long: 2001 bytes, at most 2000" "an overlong description refused, with the limit"
add --police report
expect_rc 2 "a police report without date and number"
expect_err_has "a police report needs its date and number" "report needs date and number"
add --police informed --police-number PL-1
expect_err_has "a date and number belong to a police report only" "number without a report"
add --minutes-sent 2026-11-24
expect_err_has "minutes_sent: the minutes follow the order conversation" "minutes without conversation"
add --conversation 2026-11-23
expect_err_has "conversation: 2026-11-23 is before the incident (2026-11-24)" "conversation before"
add --aftercare maybe
expect_err_has '--aftercare: "maybe" is not one of yes, no' "a yes/no answer"
add --complete
expect_err_has "incident add: unknown option '--complete'" "no --complete on add"
add --bogus
expect_err_has "incident add: unknown option '--bogus'" "an unknown option"
add extra
expect_err_has "incident add: unexpected argument 'extra'" "an extra argument"
run incident
expect_err_has "incident: missing a command" "incident without a command"
run incident frobnicate
expect_err_has "incident: unknown command 'frobnicate'" "an unknown command"
nothing_written "after all the refusals"

# --- registration prints the id alone
add
expect_rc 0 "register an incident"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "add prints only the new id"
expect_empty "$tmp/err" "and nothing else"
run alarm raise 'Balie 2'
run incident add --at '2026-11-22 16:45' --category physical --channel counter --place 'Balie 2' \
	--employee 'Priya Ramdin' --perpetrator 'Vries, Jan de' --born 1968-03-14 \
	--address 'Dorpsstraat 1, 1234 AB Ergens' --phone 06-12345678 \
	--description 'Duwde de medewerker tegen de balie; één getuige.' --witnesses 'Bas Smit' \
	--injury light --damage-personal 45,5 --damage-municipal 120 --alarm 1
expect_rc 0 "register a full form"
printf '2\n' >"$tmp/want"
expect_out "$tmp/want" "the second id"

# --- show: the form, the earlier offences, the follow-up with its deadlines
run incident show 2
expect_rc 0 "show"
expect_out_has "  perpetrator: Vries, Jan de (born 1968-03-14)" "the perpetrator as written"
expect_out_has "  description: Duwde de medewerker tegen de balie; één getuige." "the description"
expect_out_has "  damage: personal EUR 45.50, municipal EUR 120.00" "the damage in euro"
expect_out_has "  injury: light injury" "the injury"
expect_out_has "  complete: no: answer --risk-assessed, --aftercare, --preventable, --discussed" \
	"what is missing to complete"
expect_out_has "  offence: first (earlier: 0 bans or warnings, 0 incidents, 0 kept pseudonymised)" \
	"a first offence"
# Sunday 22 November 16:45: the reaction was due by Tuesday 16:45, the police report by
# the end of Wednesday 25th, professional help within 5 working days (Friday 27th).
expect_out_has "  open      2026-11-24 16:45  reaction to the perpetrator (within 48 hours) [reaction]" \
	"the reaction is due 48 hours after"
expect_out_has "  open      2026-11-26 00:00  police report filed [police]" "police within 3 days"
expect_out_has "  open      2026-11-28 00:00  professional help offered (within 5 working days) [help]" \
	"help within 5 working days"
expect_out_has "  OVERDUE   2026-11-23 16:45  aftercare contact 1 with the employee (24h) [aftercare1]" \
	"the first aftercare contact is overdue"
run incident show 99
expect_rc 2 "show an unknown incident"
expect_err_has "incident 99: no such incident" "unknown incident named"
run incident show 0
expect_err_has 'incident show: "0" is not an incident id' "a malformed id"
run incident show
expect_err_has "incident show: missing ID" "show without an id"

# --- list
run incident list --tsv
expect_rc 0 "list --tsv"
cat >"$tmp/want" <<TSV
2${TAB}2026-11-22 16:45${TAB}physical${TAB}counter${TAB}Balie 2${TAB}Priya Ramdin${TAB}Vries, Jan de${TAB}light${TAB}none${TAB}no
1${TAB}2026-11-24 10:00${TAB}verbal${TAB}counter${TAB}Balie 1${TAB}Joke Dekker${TAB}${TAB}none${TAB}none${TAB}no
TSV
expect_out "$tmp/want" "list --tsv: oldest first, every field"
run incident list --from 2026-11-23 --to 2026-11-24 --tsv
if [ "$(cut -f1 "$tmp/out")" = 1 ]; then ok "list --from/--to: both days included"
else not_ok "list --from/--to: $(cat "$tmp/out")"; fi
run incident list --from 2026-11-25 --to 2026-11-24
expect_err_has "incident list: --to: 2026-11-24 is before --from 2026-11-25" "an inverted period"
run incident list --from 31-11-2026
expect_err_has 'incident list: --from: "31-11-2026" is not a date (such as 3-2-2027 or 2027-02-03)' \
	"a malformed date"
run incident list --from 23-11-2026 --to 24-11-2026 --tsv
if [ "$(cut -f1 "$tmp/out")" = 1 ]; then ok "list: dates as people type them (d-m-yyyy)"
else not_ok "list with d-m-yyyy dates: $(cat "$tmp/out")"; fi
run incident list --from 2027-01-01
expect_out_has "No incidents in this period." "an empty period says so"

# --- update and complete
run incident update 1
expect_err_has "incident update: missing an option to change (or --complete)" "update needs an option"
run incident update 1 --complete
expect_rc 2 "complete with answers missing"
expect_err_has "incident 1 is not complete: answer --description, --risk-assessed, --aftercare, --preventable, --discussed" \
	"every missing answer is named"
run incident update 1 --description 'Schold de medewerker uit voor rotte vis.' \
	--risk-assessed no --aftercare no --preventable no --discussed yes --complete
expect_rc 0 "answer everything and complete at once"
run incident show 1
expect_out_has "  complete: 2026-11-24 14:00 by" "complete with time and who"
if grep -A1 "^Follow-up:" "$tmp/out" | grep -q "^  no steps\$"; then
	ok "aftercare declined and no perpetrator: no steps"
else not_ok "no steps"; sed 's/^/#   /' "$tmp/out"; fi
run incident update 1 --aftercare ''
expect_rc 2 "a complete incident keeps its answers"
run incident update 1 --complete
expect_err_has "complete already" "completing twice"
run incident update 99 --discussed yes
expect_err_has "incident 99: no such incident" "update an unknown incident"
run incident update 2 --place Nowhere
expect_err_has 'incident update: place: "Nowhere" is not a known place' "update checks like add"

# --- tally
run incident tally --channel counter --category verbal
expect_rc 0 "a tally mark"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "tally prints its id"
run incident tally --category verbal
expect_err_has "incident tally: missing --channel" "tally without a channel"
run incident tally --channel counter
expect_err_has "incident tally: missing --category" "tally without a category"
run incident tally --channel counter --category rude
expect_err_has '--category: "rude" is not one of' "tally with an unknown category"
run incident tally --channel phone --category verbal --at '2026-11-25 09:00'
expect_err_has "--at: the incident lies in the future" "a tally in the future"

# --- due and done: exit 1 while a step is overdue
run incident due --tsv
expect_rc 1 "due exits 1 with an overdue step"
if grep -q "^2${TAB}aftercare1${TAB}overdue${TAB}2026-11-23 16:45${TAB}2026-11-22 16:45${TAB}physical${TAB}Balie 2${TAB}${TAB}\$" "$tmp/out"; then
	ok "due --tsv: the overdue aftercare contact"
else not_ok "due --tsv"; sed 's/^/#   /' "$tmp/out"; fi
if [ "$(head -1 "$tmp/out" | cut -f3)" = overdue ]; then ok "overdue steps come first"
else not_ok "overdue first"; fi
run incident done 2 minutes
expect_rc 2 "a step the incident does not ask for"
expect_err_has 'incident 2: "minutes" is not one of its follow-up steps (aftercare1, aftercare2, reaction, police, help, aftercare3)' \
	"the incident's steps are listed"
run incident done 2 shout
expect_err_has '"shout" is not a follow-up step' "an unknown step"
run incident done 2 aftercare1 --at '2026-11-25 09:00'
expect_err_has "--at: lies in the future" "done in the future"
run incident done 2 aftercare1 --at '2026-11-22 10:00'
expect_err_has "at: before the incident" "done before the incident"
run incident done 2
expect_err_has "incident done: missing ID STEP" "done without a step"
run incident done 2 aftercare1 --at '2026-11-22 18:00' --note 'Gebeld, gaat redelijk'
expect_rc 0 "mark the first aftercare contact done"
run incident done 2 aftercare1
expect_rc 2 "done twice"
expect_err_has "aftercare1 is done already" "done twice named"
run incident due --tsv
expect_rc 0 "nothing overdue any more: exit 0"
# The reaction's deadline passes: 48 hours after 16:45 on Sunday.
BALIE_NOW=2026-11-24T15:45:00Z
run incident due --tsv
expect_rc 1 "at 16:45 on Tuesday the reaction is overdue"
if grep -q "^2${TAB}reaction${TAB}overdue" "$tmp/out"; then ok "the reaction is overdue"
else not_ok "reaction overdue"; fi
BALIE_NOW=2026-11-24T15:44:00Z
run incident due --tsv
if grep -q "^2${TAB}reaction${TAB}open" "$tmp/out"; then ok "a minute before it is still open"
else not_ok "reaction open a minute before"; fi
BALIE_NOW=2026-11-24T13:00:00Z
run incident update 2 --police report --police-date 2026-11-23 --police-number PL0900-2026112301
expect_rc 0 "a police report filed"
run incident due --all --tsv
if grep -q "^2${TAB}police${TAB}done${TAB}.*${TAB}2026-11-23${TAB}\$" "$tmp/out"; then
	ok "the police step is done by the form, on the report's date"
else not_ok "police done by the form"; sed 's/^/#   /' "$tmp/out"; fi
if grep -q "^2${TAB}aftercare1${TAB}done${TAB}.*${TAB}2026-11-22 18:00${TAB}" "$tmp/out"; then
	ok "--all shows the marked step with when"
else not_ok "--all marked step"; fi
run incident show 2
expect_out_has "by $(id -un): Gebeld, gaat redelijk" "show: who marked it and the note"
expect_out_has "  police: report filed on 2026-11-23, number PL0900-2026112301" "the report"
# Serious injury: the labour inspectorate at once.
run incident add --at '2026-11-24 11:00' --category robbery --channel counter \
	--place 'Balie 2' --employee 'Joke Dekker' --injury serious
expect_rc 0 "a robbery with serious injury"
expect_err_has "serious injury: notify the labour inspectorate at once" "told at once"
run incident due --tsv
if [ "$(head -1 "$tmp/out" | cut -f1-3)" = "3${TAB}inspectorate${TAB}overdue" ]; then
	ok "the inspectorate is the first overdue step"
else not_ok "inspectorate first"; sed 's/^/#   /' "$tmp/out"; fi

# --- every look is audited, like a ban view
run audit --tsv
for a in incident.show incident.list incident.due; do
	if grep -q "${TAB}$a${TAB}" "$tmp/out"; then ok "$a is audited"; else not_ok "$a audited"; fi
done
if grep -q "${TAB}incident.show${TAB}incident:2${TAB}ok" "$tmp/out"; then
	ok "the audit line names the incident"
else not_ok "audit names incident:2"; fi

# --- a ban proposed from an incident; earlier incidents make a repeat
run ban propose --incident 1
expect_rc 2 "an incident without a perpetrator"
expect_err_has "incident 1 names no perpetrator" "named as such"
run ban propose --incident 99
expect_err_has "incident 99: no such incident" "propose for an unknown incident"
run ban propose --incident 2 --surname X
expect_err_has "--incident names the person already" "incident and person exclude"
run ban propose --incident 2
expect_rc 0 "propose from the incident"
expect_out_has "person:              Vries, Jan de" "the perpetrator is the person"
expect_out_has "reason:              physical violence (physical)" "the category as mapped"
expect_out_has "offence:             first" "a first offence"
run incident add --at '2026-11-24 12:00' --category threat --channel phone --place Stadhuis \
	--employee 'Joke Dekker' --perpetrator 'J. de Vries'
run ban propose --incident 4
expect_out_has "offence:             repeat (earlier: 0 bans or warnings, 1 incidents, 0 kept pseudonymised)" \
	"the earlier incident of the same person makes a repeat"
expect_out_has "reason:              personal threat (threat)" "threat maps to threat"
run ban add --incident 2 --kind building --ends 2027-05-24 --notes 'Duwde' \
	--imposed-by 'M. Bakker' --letter-sent 2026-11-24 --police
expect_rc 0 "a ban answering to the incident"
run ban letter 1
expect_out_has "Dorpsstraat 1, 1234 AB Ergens" "the letter has the address"
if tr '\n' ' ' <"$tmp/out" | grep -q "Op 22 november 2026 heeft u ongewenst gedrag"; then
	ok "the letter names the date of the event"
else not_ok "letter date"; fi
if tr '\n' ' ' <"$tmp/out" | grep -q "gevangenisstraf van ten hoogste een jaar"; then
	ok "the ban letter states the penalty of art. 138/139 Sr"
else not_ok "letter penalty"; fi
run ban add --incident 1 --kind warning --ends 2027-05-24
expect_err_has "incident 1 names no perpetrator" "no ban for an unknown perpetrator"

# --- person export includes the incidents
run person export --ban 1
expect_rc 0 "person export"
if grep -q "incident" "$tmp/out" && grep -q "Duwde de medewerker" "$tmp/out"; then
	ok "person export includes the incident"
else not_ok "person export incident"; sed 's/^/#   /' "$tmp/out" | head -20; fi

# --- roles: anyone registers; manager and HR see and follow up
me=$(id -un)
for r in receptionist porter manager; do
	cp "$tmp/balie.conf" "$tmp/$r.conf"
	printf 'roles {\n  %s = {"%s"}\n}\n' "$r" "$me" >>"$tmp/$r.conf"
done
as() { _r=$1; shift; "$BALIE" --config "$tmp/$_r.conf" --db "$tmp/t.db" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
as receptionist incident add --at '2026-11-24 13:00' --category verbal --channel phone \
	--place Stadhuis --employee 'Joke Dekker'
expect_rc 0 "a receptionist registers an incident"
as porter incident tally --channel counter --category verbal
expect_rc 0 "a porter adds a tally mark"
for verb in "show 1" "list" "due" "update 1 --discussed yes" "done 2 aftercare2"; do
	# shellcheck disable=SC2086
	as receptionist incident $verb
	if [ "$rc" -eq 2 ] && grep -q "permission denied: role receptionist may not see, complete or follow up incidents" "$tmp/err"; then
		ok "a receptionist may not: incident $verb"
	else not_ok "receptionist incident $verb (exit $rc)"; fi
done
as receptionist report --from 2026-01-01 --to 2026-06-30
expect_err_has "report: permission denied" "a receptionist may not see the report"
as manager incident show 1
expect_rc 0 "a manager sees an incident"
as manager incident done 2 aftercare2 --note 'Tweede gesprek'
expect_rc 0 "a manager marks a step done"

# --- ban import takes a register over: each row marked (source, day), reviewed against the
# table before it is trusted
cat >"$tmp/register.csv" <<'CSV'
given_names,prefix,surname,born,kind,starts,ends,reason,address,event_date
Piet,,Pieters,1970-01-01,building,2026-11-01,2027-11-01,verbal,"Kerkstraat 2, Ergens",2026-10-30
Anna,,Smit,,warning,2026-11-01,2027-05-01,verbal,,
CSV
run ban import --source '' "$tmp/register.csv"
expect_rc 2 "an empty source"
expect_err_has 'ban import: --source: is empty' "the empty source is named"
run ban import --source 'Register Harderwijk' "$tmp/register.csv"
expect_rc 0 "a register taken over"
run ban review --tsv
cat >"$tmp/want" <<TSV
2${TAB}Piet Pieters${TAB}building${TAB}verbal${TAB}2026-11-01${TAB}2027-11-01${TAB}Register Harderwijk${TAB}2026-11-24${TAB}the sanction table does not allow this kind here (first offence)${TAB}${TAB}
3${TAB}Anna Smit${TAB}warning${TAB}verbal${TAB}2026-11-01${TAB}2027-05-01${TAB}Register Harderwijk${TAB}2026-11-24${TAB}fits the sanction table${TAB}${TAB}
TSV
expect_out "$tmp/want" "review lists the takeovers with what the table says"
run ban show 2
expect_out_has "address:           Kerkstraat 2, Ergens" "the address came with the register"
expect_out_has "event date:        2026-10-30" "so did the day of the event"
expect_out_has "taken over:        from Register Harderwijk on 2026-11-24, not reviewed" \
	"the takeover is shown"
as receptionist ban review
expect_err_has "permission denied" "a receptionist may not review takeovers"
run ban review 3 --tsv
expect_err_has "ban review: --all and --tsv go with the list, not with an id" "--tsv with an id"
run ban review --note x
expect_err_has "ban review: --note goes with a ban id" "--note without an id"
run ban review 99
expect_err_has "ban 99: no such ban" "an unknown ban"
run ban review 1
expect_err_has "not a takeover, or reviewed already" "a ban imposed here is no takeover"
run ban review 3 --note 'Past in de tabel'
expect_rc 0 "a takeover reviewed"
printf 'ban 3 reviewed\n' >"$tmp/want"
expect_out "$tmp/want" "the review is confirmed"
run ban review 3
expect_rc 2 "reviewed twice"
run ban review --tsv
if [ "$(cut -f1 "$tmp/out")" = 2 ]; then ok "a reviewed takeover leaves the list"
else not_ok "review list: $(cat "$tmp/out")"; fi
run ban review --all --tsv
if grep -q "^3${TAB}.*${TAB}${me}\$" "$tmp/out"; then ok "--all shows who reviewed it"
else not_ok "review --all"; sed 's/^/#   /' "$tmp/out"; fi
run ban history 3
expect_out_has "takeover reviewed: Past in de tabel" "the review is in the ban's history"

# --- the purge erases the perpetrator after the retention period and keeps the counts
BALIE_NOW=2032-01-10T10:00:00Z
run purge
expect_rc 0 "purge six years later"
expect_out_has "pseudonymised (perpetrator, texts): 5" "every incident of 2026 pseudonymised"
run incident show 2
expect_out_has "  perpetrator: erased (retention period over)" "the perpetrator is erased"
expect_out_has "  description: -" "the description is erased"
expect_out_has "  category: physical violence (physical)" "the category stays"
run report --from 2026-11-01 --to 2026-11-30 --tsv
if grep -q "^total${TAB}all${TAB}5\$" "$tmp/out"; then ok "the report still counts them"
else not_ok "counts kept"; sed 's/^/#   /' "$tmp/out" | head -3; fi
run incident update 2 --discussed yes
expect_err_has "its retention period is over (pseudonymised)" "a pseudonymised incident is closed"

finish
