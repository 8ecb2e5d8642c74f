# ban_policy.sh — the bans of the policy (issue 5), sourced by ban.sh: drafts and the
# mandatory answers, the sanction table (propose, refuse, justify, combination, repeat),
# activation, extension, history, exceptions, notices, "applies here", expiry at midnight.

# --- a ban lacking mandatory answers is a draft, off the receptionist's list
fresh_db
run ban add --surname Draaier --given Dirk --kind warning --reason verbal --ends 2027-05-01
expect_rc 0 "a ban without the mandatory answers is saved"
printf '1\n' >"$tmp/want"
expect_out "$tmp/want" "the draft's id is printed"
expect_err_has "ban 1 saved as a draft: missing notes, imposed_by, letter_sent" \
	"the missing answers are named"
run ban list --tsv
expect_empty "$tmp/out" "a draft is not on the list"
run check Dirk Draaier
expect_rc 0 "a draft does not stop a visitor"
run ban list --drafts
expect_out_has "Dirk Draaier: written warning; draft" "list --drafts shows it"
run ban activate 1
expect_rc 2 "activation refused while answers are missing"
expect_err_has "missing: notes, imposed_by, letter_sent" "activation names the missing answers"
run ban activate 1 --notes 'Schold de baliemedewerker uit' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-12-32
expect_rc 2 "activation with a bad letter date refused"
run ban activate 1 --notes 'Schold de baliemedewerker uit' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-24
expect_rc 0 "activation with the answers filled in"
printf 'ban 1 active\n' >"$tmp/want"
expect_out "$tmp/want" "activation is confirmed"
run ban activate 1
expect_rc 2 "activating twice refused"
run check Dirk Draaier
expect_rc 1 "the active warning is found"
expect_out_has "written warning: serve, but stay alert" "a warning is shown as such"
run ban add --surname Draaier --given Dirk --kind warning --reason verbal --ends 2027-05-01 \
	--notes x --imposed-by y --letter-sent 2026-11-24 --draft
expect_err_has "ban 2 saved as a draft; it is not on the list" "--draft keeps a complete ban a draft"

# --- the sanction table: proposal, first or repeat, combination
fresh_db
run ban propose --surname Kaya
expect_rc 2 "propose without --reason refused"
run ban propose --reason physical
expect_rc 2 "propose without a person refused"
run ban propose --reason punch --surname Kaya
expect_rc 2 "propose with an unknown reason refused"
expect_err_has 'unknown reason "punch"' "the unknown reason is named"
run ban propose --reason physical --person 99
expect_rc 2 "propose for an unknown person refused"
run ban propose --reason physical --surname Kaya --given Emre
expect_rc 0 "propose for a first offence"
cat >"$tmp/want" <<'TXT'
reason:              physical violence (physical)
offence:             first (0 earlier bans or warnings)
proposed kind:       building+phone
allowed kinds:       building,phone,building+phone
duration:            3 to 6 months (building and phone bans)
allowed end:         2027-02-23 .. 2027-05-24
proposed period:     2026-11-24 .. 2027-02-23
police report:       required
order conversation:  no
TXT
expect_out "$tmp/want" "the first-offence proposal follows the table"
run ban add --surname Kaya --given Emre --kind building+phone --reason physical \
	--ends 2027-02-23 --notes 'Sloeg een bode' --imposed-by 'A. Hoofd' --letter-sent 2026-11-24
expect_rc 0 "a ban as proposed is accepted without justification"
expect_err_has "warning: the sanction table requires a police report" "a missing police report is warned about"
run ban propose --reason verbal,physical,threat --surname KAYA --given E. --starts 2027-03-01
expect_rc 0 "propose for a combination, second time"
expect_out_has "combination of:      verbal,physical,threat" "the combination is listed"
expect_out_has "reason:              physical violence (physical)" "the most serious reason counts"
expect_out_has "offence:             repeat (1 earlier ban or warning)" "the earlier ban makes it a repeat"
expect_out_has "proposed period:     2027-03-01 .. 2027-08-31" "six months from the given start"
run ban add --surname Kaya --given Emre --kind building --reason threat,physical \
	--starts 2027-03-01 --ends 2027-05-01 --notes 'Opnieuw' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-24 --police
expect_rc 2 "a repeat shorter than the table is refused"
expect_err_has "physical violence, repeat offence" "the repeat row of the most serious reason applies"
run ban add --surname Kaya --given Emre --kind building --reason threat,physical \
	--starts 2027-03-01 --ends 2027-09-30 --notes 'Opnieuw' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-24 --police
expect_rc 0 "a repeat within the table is accepted"
run ban add --surname Smit --kind building --reason verbal --ends 2026-12-24 \
	--notes 'Schold' --imposed-by 'A. Hoofd' --letter-sent 2026-11-24
expect_rc 2 "a kind the table does not allow is refused"
expect_err_has "the sanction table does not allow this kind here" "the kind refusal is explained"
run ban add --surname Smit --kind phone --reason verbal --ends 2026-12-24 --until-conversation \
	--notes 'Schold' --imposed-by 'A. Hoofd' --letter-sent 2026-11-24 --justification 'x'
expect_rc 2 "--until-conversation only for a service stop"
run ban add --surname Smit --kind building --reason verbal --ends 2026-12-24 \
	--notes 'Schold' --imposed-by 'A. Hoofd' --letter-sent 2026-11-24 \
	--justification 'Dreigde ook de bode; zie verslag 2026-11-23'
expect_rc 0 "a justification allows a kind outside the table"
run ban history 3
expect_out_has "ban 3: Smit (person 3)" "history names the person"

# --- extension and history
run ban extend 2 --ends 2027-10-31
expect_rc 2 "extend without --reason refused"
run ban extend 2 --ends 2027-02-30 --reason x
expect_rc 2 "extend with a bad date refused"
run ban extend 99 --ends 2028-01-01 --reason x
expect_rc 2 "extend of an unknown ban refused"
expect_err_has "ban 99: no such ban" "unknown ban named"
run ban extend 2 --ends 2027-12-31 --reason 'Kwam toch binnen'
expect_rc 2 "an extension past the table is refused"
expect_err_has "longer than the sanction table allows" "the extension refusal is explained"
run ban extend 2 --ends 2027-11-30 --reason 'Kwam toch binnen op 2026-12-01'
expect_rc 0 "an extension within the table"
printf 'ban 2 extended until 2027-11-30\n' >"$tmp/want"
expect_out "$tmp/want" "the extension is confirmed"
run ban extend 2 --ends 2027-10-01 --reason x
expect_rc 2 "an earlier end is not an extension"
run ban lift 2 --reason 'Excuses per brief van 2026-12-10; gesprek gevoerd'
expect_rc 0 "lift after an apology"
run ban history 2 --tsv
expect_rc 0 "history --tsv"
cat >"$tmp/want" <<TSV
2026-11-24 14:00${TAB}$(id -un)${TAB}insert${TAB}active${TAB}building${TAB}physical${TAB}2027-03-01${TAB}2027-09-30${TAB}${TAB}A. Hoofd${TAB}2026-11-24${TAB}yes${TAB}${TAB}
2026-11-24 14:00${TAB}$(id -un)${TAB}extend${TAB}active${TAB}building${TAB}physical${TAB}2027-03-01${TAB}2027-11-30${TAB}${TAB}A. Hoofd${TAB}2026-11-24${TAB}yes${TAB}${TAB}2027-09-30 -> 2027-11-30: Kwam toch binnen op 2026-12-01
2026-11-24 14:00${TAB}$(id -un)${TAB}lift${TAB}active${TAB}building${TAB}physical${TAB}2027-03-01${TAB}2027-11-30${TAB}${TAB}A. Hoofd${TAB}2026-11-24${TAB}yes${TAB}lifted${TAB}Excuses per brief van 2026-12-10; gesprek gevoerd
TSV
expect_out "$tmp/want" "the history keeps every version: insert, extend, lift"
run ban extend 2 --ends 2027-12-01 --reason x --justification y
expect_rc 2 "a lifted ban cannot be extended"

# --- exceptions and the visitor check at this building
fresh_db
run ban add --surname Bos --given Bart --born 1970-01-01 --kind building --reason attempt \
	--ends 2027-01-31 --scope milieustraat --notes 'Probeerde te slaan' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-24 --police
expect_rc 0 "a ban for the recycling yard only"
run check --born 1970-01-01 Bart Bos
expect_rc 1 "the visitor is still a hit"
expect_out_has "does NOT apply to this building (Stadhuis): only for milieustraat" \
	"the receptionist sees it does not apply here"
run ban add --surname Bos --given Bart --born 1970-01-01 --kind building --reason attempt \
	--ends 2027-05-24 --notes 'Opnieuw, nu in het stadhuis' --imposed-by 'A. Hoofd' \
	--letter-sent 2026-11-24 --police
expect_rc 0 "a second ban for every building (a repeat)"
run ban exception
expect_rc 2 "ban exception without a command refused"
expect_err_has "ban exception: missing a command (see 'balie ban exception --help')" \
	"the missing command is named"
run ban exception --help
expect_rc 0 "ban exception --help"
expect_out_has "  add ID" "the help lists the exception commands"
run ban exception add 2 --kind appointment --detail x
expect_rc 2 "an exception without a date refused"
run ban exception add 2 --kind visit --date 2026-11-24 --detail x
expect_rc 2 "an unknown exception kind refused"
run ban exception add 2 --kind appointment --date 2026-11-24 --from 2026-11-24 --detail x
expect_rc 2 "--date with --from refused"
run ban exception add 2 --kind appointment --date 2026-11-24
expect_rc 2 "an exception without --detail refused"
run ban exception add 9 --kind appointment --date 2026-11-24 --detail x
expect_rc 2 "an exception for an unknown ban refused"
run ban exception add 2 --kind appointment --date 2026-11-24 \
	--detail '15:00 Spreekkamer 006 met J. Jansen (telefonisch afgesproken)'
expect_rc 0 "an appointment arranged by phone"
run ban exception add 2 --kind representative --from 2026-11-01 --until 2027-06-30 \
	--detail 'Mr. P. Gemachtigde, machtiging getekend 2026-11-01'
expect_rc 0 "an authorised representative"
run ban exception list 2
printf '2\t2\trepresentative\t2026-11-01\t2027-06-30\tMr. P. Gemachtigde, machtiging getekend 2026-11-01\n1\t2\tappointment\t2026-11-24\t2026-11-24\t15:00 Spreekkamer 006 met J. Jansen (telefonisch afgesproken)\n' >"$tmp/want"
expect_out "$tmp/want" "exception list, by start date"
run check --born 1970-01-01 Bart Bos
expect_out_has "applies to this building (Stadhuis)" "the second ban applies here"
expect_out_has "allowed: appointment arranged (15:00 Spreekkamer 006 met J. Jansen (telefonisch afgesproken))" \
	"today's appointment is shown as allowed"

# --- notices for reception
run ban notices
expect_rc 0 "notices"
printf '1\tactive\t1\tBart Bos\tbuilding\t2026-11-24\t2027-01-31\n2\tactive\t2\tBart Bos\tbuilding\t2026-11-24\t2027-05-24\n' >"$tmp/want"
expect_out "$tmp/want" "every activation is a notice"
run ban notices --seen 1
expect_rc 0 "mark a notice seen"
run ban notices --seen 7
expect_rc 2 "an unknown notice refused"
run ban notices
printf '2\tactive\t2\tBart Bos\tbuilding\t2026-11-24\t2027-05-24\n' >"$tmp/want"
expect_out "$tmp/want" "a seen notice is gone"

# --- the last day is part of the ban; at local midnight it drops off and is announced
fresh_db
run ban add --surname Eind --kind building --reason physical --starts 2026-08-25 \
	--ends 2026-11-24 --notes x --imposed-by y --letter-sent 2026-08-25 --police
expect_rc 0 "a ban ending today"
run ban list --tsv
expect_out_has "Eind" "on its last day the ban is listed"
# run_at INSTANT ARGS...: run with the clock at another instant.
run_at() {
	_saved_now=$BALIE_NOW
	BALIE_NOW=$1
	export BALIE_NOW
	shift
	run "$@"
	BALIE_NOW=$_saved_now
	export BALIE_NOW
}
# 23:30 UTC is 00:30 on 25 November in Amsterdam.
run_at 2026-11-24T23:30:00Z ban list --tsv
expect_empty "$tmp/out" "after local midnight the ban is gone"
run_at 2026-11-24T23:30:00Z check Eind
expect_rc 0 "after local midnight the visitor is clear"
run_at 2026-11-24T23:30:00Z ban notices
expect_out_has "${TAB}ended${TAB}1${TAB}Eind${TAB}" "the end is announced to reception"
