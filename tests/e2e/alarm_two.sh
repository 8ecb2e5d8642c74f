#!/bin/sh
# alarm_two.sh — an alarm raised by the command line (the alarm hardware's script) appears in
# two open consoles without a key press; acknowledged and resolved in one, it changes and then
# disappears in both. An alarm raised in a console (Ctrl-P) reaches the other consoles.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_init
# A third console for the same user named as a receptionist.
sed -e "s/porter = {\"$E2E_USER\"}/receptionist = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/recep.conf"

e2e_start one 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_start two 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_start three 100 30 -- --config "$E2E_TMP/recep.conf" --db "$E2E_DB"
e2e_expect_all 'ALARMS +none open' "not quiet at the start" one two three

e2e_cli alarm raise "Balie 2" >/dev/null || e2e_fail "balie alarm raise failed"
e2e_expect_all '!! NEW .*Balie 2' "the alarm raised by the CLI did not appear" one two three
e2e_expect one 'ALARMS: 1 open, 1 new' "one: the alarm count is wrong"

# A receptionist may not acknowledge: refused with a message, nothing changes.
e2e_keys three F2 F5
e2e_expect three 'may not handle alarms' "three: a receptionist acknowledged"

# The porter in console one (a porter starts in the alarm queue) acknowledges with F5:
# both consoles show who is on the way.
e2e_keys one F5
e2e_expect_all ">> ON THE WAY: $E2E_USER +Balie 2" "the acknowledgement did not appear" one two

# close_alarm NAME KEY QUESTION REGEX WHAT: console NAME closes an alarm with KEY and answers
# QUESTION with y; the alarm (REGEX) is gone from every console, which is quiet again.
close_alarm() {
	e2e_keys "$1" "$2"
	e2e_expect "$1" "$3" "$1: no confirmation before $5"
	e2e_keys "$1" y
	for c in one two three; do
		e2e_wait_gone $c "$4" || e2e_fail "$c: the alarm did not disappear after $5"
		e2e_expect $c 'ALARMS +none open' "$c: not quiet after $5"
	done
}

# ... and resolves it (after a confirmation): it disappears from every console.
close_alarm one F6 'Mark the alarm at Balie 2 as resolved' '(NEW|ON THE WAY).*Balie 2' \
	"the resolve"
e2e_cli alarm list >"$E2E_TMP/list" 2>&1
grep -q 'Balie 2' "$E2E_TMP/list" && e2e_fail "the CLI still lists the resolved alarm as open"

# Anyone raises an alarm with Ctrl-P. The building has three points and the console was
# not told its own (alarm_point): the first time it asks which; Enter takes the first.
e2e_keys three C-p
e2e_expect three 'Raise alarm at' "three: Ctrl-P opened no pick list"
e2e_expect three 'Spreekkamer 006 \(panic\)' "three: the pick list lacks the alarm points"
e2e_keys three Enter
e2e_expect_all '!! NEW .*Balie 1' "the alarm raised in a console did not appear" one two three
# Marked as a false alarm in console two: gone everywhere.
close_alarm two F7 'false alarm' 'NEW.*Balie 1' "the false alarm"

# The second Ctrl-P raises at once at the point picked the first time: no question.
e2e_keys three C-p
e2e_expect two 'ALARMS: 1 open' "two: the second Ctrl-P did not raise at once"
e2e_expect_not three 'Raise alarm at' "three: the second Ctrl-P asked again"
e2e_cli alarm resolve --all >/dev/null
e2e_expect one 'ALARMS +none open' "one: not quiet after resolve --all"

# Many alarms: the panel never lets one slip out of sight; it counts the rest.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
	e2e_cli alarm raise "Balie 2" >/dev/null
done
e2e_expect three '[0-9]+ more: F2 shows them all' "three: hidden alarms are not counted"
e2e_cli alarm resolve --all >/dev/null
e2e_expect one 'ALARMS +none open' "one: not quiet after resolve --all"

# Staffing: a porter checks Piet in from console one; console two sees it without a key.
e2e_expect two '\[ \] Piet Bakker' "two: Piet is not listed as out"
# to the staffing panel: from the alarm queue (F2) three panels on
e2e_keys one F2 Tab Tab Tab F4
e2e_expect_all '\[\+\] Piet Bakker .*IN since' "the check-in did not appear" one two
e2e_expect one 'Piet Bakker checked in' "one: no message after checking in"
# The receptionist may not check anyone in.
e2e_keys three F2 Tab Tab Tab F4
e2e_expect three 'may not change the staffing' "three: a receptionist changed the staffing"
e2e_keys one F5
e2e_expect_all '\[ \] Piet Bakker' "the check-out did not appear" one two

for c in one two three; do
	e2e_quit $c
done
e2e_done
