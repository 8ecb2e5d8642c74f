#!/bin/sh
# desk.sh — safe at the desk (issue 12): typing a name and Enter, pasting text with TABs and
# newlines, and every printable key in every panel never raise, answer or resolve an alarm,
# never quit and never change data (the database is compared through the command line);
# quitting always asks; Ctrl-P raises at once; the visitor check keeps its verdict at 80x24
# with 20 open alarms; every date form is read, a wrong date is shown; TERM=dumb is refused.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
BALIE_NOW=2026-11-24T13:00:00Z # Tuesday 14:00, open to the public
export TZ BALIE_NOW

e2e_config 'alarm_point = "Balie 2"'
e2e_init
e2e_cli ban add --given Jan --prefix de --surname Vries --born 1980-02-03 --kind building \
	--reason threat --starts 2020-01-01 --ends 2099-12-31 --imposed-by "A. Hoofd" \
	--notes "threatened a colleague" --justification "test data" \
	--letter-sent 2020-01-02 --police >/dev/null || e2e_fail "ban add (de Vries) failed"
e2e_cli ban add --given Karel --surname Zwanenburg --born 1975-06-07 --kind service \
	--reason verbal --starts 2020-01-01 --ends 2098-03-31 --imposed-by "A. Hoofd" \
	--notes "shouted" --justification "test data" --letter-sent 2020-01-02 \
	--until-conversation >/dev/null || e2e_fail "ban add (service) failed"
e2e_cli appt add --date 2026-11-24 --start 15:00 --end 16:00 --host "Annet de Boer" \
	--visitor "Wim Smits" --room "Spreekkamer 006" --precautions safe_room,porter \
	>/dev/null || e2e_fail "appt add failed"
sed -e "s/porter = {\"$E2E_USER\"}/receptionist = {\"$E2E_USER\"}/" "$E2E_CONF" \
	>"$E2E_TMP/recep.conf"

e2e_state_save "Jan de Vries" "Wim Smits"
alive() {
	[ -s "$E2E_TMP/$1.exit" ] && e2e_fail "$1: the console quit ($2)"
	return 0
}

NOW="TZ=$TZ BALIE_NOW=$BALIE_NOW"
# shellcheck disable=SC2086 # NOW is two assignments
e2e_start desk 80 24 $NOW -- --config "$E2E_TMP/recep.conf" --db "$E2E_DB"
e2e_expect desk 'Visitor: ' "the visitor search is not shown"
e2e_expect desk 'F1 Help +Ctrl-P ALARM' "the key bar does not show the alarm chord"

# A full name and Enter: the verdict, nothing else.
e2e_keys desk -l 'Jan de Vries'
e2e_keys desk Enter
e2e_expect desk 'ASK DATE OF BIRTH' "a common name without a date of birth does not ask for it"
sleep 0.5
alive desk "a name and Enter"
e2e_unchanged "a name and Enter"

# Every form of the date of birth is read as the same day; the verdict becomes REFUSE ENTRY.
for d in 3-2-1980 03-02-1980 3-2-80 1980-02-03 03021980; do
	e2e_keys desk C-u
	e2e_keys desk -l "Jan de Vries $d"
	e2e_expect desk 'Date of birth: 1980-02-03' "$d is not read as 1980-02-03"
	e2e_expect desk 'REFUSE ENTRY' "with the date of birth $d: no REFUSE ENTRY"
done
# A date that is no real day is shown as not understood, never dropped.
for d in 31-02-1980 1-13-80 29-02-1981; do
	e2e_keys desk C-u
	e2e_keys desk -l "Jan de Vries $d"
	e2e_expect desk "Date not understood: \"$d\"" "$d is not shown as not understood"
	e2e_expect_not desk 'REFUSE ENTRY' "$d was dropped and the name alone refused"
done
# A date alone searches by date of birth.
e2e_keys desk C-u
e2e_keys desk -l '3-2-1980'
e2e_expect desk 'searching by date of birth alone' "a date alone does not search"
e2e_expect desk 'Jan de Vries' "a date alone does not find the ban of that date of birth"
# A service suspension lets the visitor in.
e2e_keys desk C-u
e2e_keys desk -l 'Karel Zwanenburg 7-6-1975'
e2e_expect desk 'LET IN, NO SERVICE' "a service suspension does not say let in"
e2e_expect desk 'Let them in; service is suspended until 2098-03-31' \
	"a service suspension does not say until when"

# Pasted text goes into the search, TABs and newlines as spaces.
e2e_keys desk C-u
e2e_tmux set-buffer "$(printf 'Jan\tde\nVries\t')"
e2e_tmux paste-buffer -p -t "$(e2e_target desk)"
e2e_expect desk 'Visitor: Jan de Vries' "pasted TABs and newlines are not spaces in the search"
alive desk "a paste with TABs"
# ... and outside a text field it is ignored (the focus on the staffing panel).
e2e_keys desk Tab Tab
e2e_tmux set-buffer "$(printf 'q\tk\ti\to\n\n')"
e2e_tmux paste-buffer -p -t "$(e2e_target desk)"
e2e_expect desk 'Pasted text ignored' "a paste outside a field is not ignored"
sleep 0.5
alive desk "a paste outside a field"
e2e_unchanged "pasted text"

# Every printable key, with the focus in every panel: typing goes to the search, nothing
# else happens (the receptionist's console).
keys=$(awk 'BEGIN { for (i = 32; i < 127; i++) printf "%c", i }')
for panel in alarms bans appts staff visits; do
	case $panel in
	alarms) e2e_keys desk F2 ;;
	*) e2e_keys desk Tab ;;
	esac
	e2e_keys desk -l "$keys"
	e2e_keys desk Enter
	e2e_keys desk C-u
done
sleep 0.5
alive desk "every printable key"
e2e_unchanged "every printable key"
[ -z "$(e2e_cli alarm list --tsv)" ] || e2e_fail "an alarm is open after typing"

# Quitting asks, also Ctrl-C; No keeps the console.
e2e_keys desk C-c
e2e_expect desk 'Quit balie\?' "Ctrl-C did not ask"
e2e_keys desk n
e2e_wait_gone desk 'Quit balie' || e2e_fail "No did not close the question"
e2e_keys desk F10
e2e_expect desk 'Quit balie\?' "F10 did not ask"
e2e_keys desk Escape
e2e_wait_gone desk 'Quit balie' || e2e_fail "Esc did not close the question"
alive desk "the quit question answered no"

# Ctrl-P raises an alarm at this desk's point (alarm_point) at once, with no question.
e2e_keys desk C-p
e2e_expect desk '!! NEW +Balie 2 \(panic\)' "Ctrl-P raised no alarm at the desk's point"
e2e_expect_not desk 'Raise alarm at' "Ctrl-P asked a question"
[ "$(e2e_cli alarm list --tsv | cut -f4)" = "Balie 2" ] || e2e_fail "the CLI lists no alarm at Balie 2"
e2e_keys desk C-c
e2e_expect desk 'Quit balie\? 1 alarm is still open' "quitting with an alarm open does not say so"
e2e_keys desk n
e2e_cli alarm resolve --all >/dev/null

# A porter in the alarm queue with a new alarm: typing answers nothing.
e2e_cli alarm raise "Balie 1" >/dev/null
# shellcheck disable=SC2086
e2e_start porter 100 30 $NOW -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect porter '!! NEW +Balie 1' "the porter does not see the new alarm"
e2e_keys porter -l "$keys"
e2e_keys porter Enter Enter
e2e_keys porter -l 'y'
sleep 0.5
alive porter "every printable key in the alarm queue"
e2e_cli alarm list --tsv >"$E2E_TMP/open"
grep -q "Balie 1${TAB:=	}new" "$E2E_TMP/open" || { e2e_fail "typing acknowledged or closed the alarm"; cat "$E2E_TMP/open" >&2; }
e2e_quit porter

# 80x24 with 20 open alarms: collapsed to their count and the newest, the instruction whole,
# and the visitor check keeps its verdict and what to do.
i=0
while [ $i -lt 19 ]; do
	e2e_cli alarm raise "Spreekkamer 006" >/dev/null
	i=$((i + 1))
done
e2e_expect desk 'ALARMS: 20 open, 20 new' "the 20 alarms are not counted"
e2e_expect desk '[0-9]+ more: F2 shows them all' "the hidden alarms are not counted"
e2e_expect desk 'On violence call the' "the alarm instruction is cut"
e2e_keys desk C-u
e2e_keys desk -l 'Jan de Vries 3-2-1980'
e2e_expect desk 'REFUSE ENTRY' "80x24 with 20 alarms: the verdict is gone"
e2e_expect desk 'aggression call the police at once: 112' \
	"80x24 with 20 alarms: what to do is cut"
e2e_expect desk 'ALARMS: 20 open' "80x24 with 20 alarms: the alarms are gone"
e2e_cli alarm resolve --all >/dev/null
e2e_quit desk

# A terminal that cannot place the cursor is refused, with the way to see the alarms.
e2e_start dumb 80 24 TERM=dumb -- --config "$E2E_TMP/recep.conf" --db "$E2E_DB"
e2e_until test -s "$E2E_TMP/dumb.exit"
[ "$(cat "$E2E_TMP/dumb.exit" 2>/dev/null)" = 2 ] || e2e_fail "TERM=dumb did not exit 2"
grep -q "balie alarm list" "$E2E_TMP/dumb.err" || e2e_fail "TERM=dumb: no hint to 'balie alarm list'"

e2e_done
