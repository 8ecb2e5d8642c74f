#!/bin/sh
# demo.sh — `balie --demo` shows its four panels (alarms, visitor check, appointments,
# staffing) with UTF-8 names and colour; F9 switches role, F1 shows the help, F10 asks and
# quits cleanly.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_start demo 120 36 -- --demo --config "$E2E_CONF"
e2e_expect demo 'ALARMS' "the alarm panel is missing"
e2e_expect demo 'Visitor check' "the visitor-check panel is missing"
e2e_expect demo '[Aa]ppointments' "the appointments panel is missing"
e2e_expect demo 'Staffing' "the staffing panel is missing"
# The demo raises one alarm: shown in words, not only in red.
e2e_expect demo '!! NEW' "the demo alarm is not shown as NEW"
# Names with diacritics come out as UTF-8, not as escapes or garbage.
e2e_expect demo 'Yılmaz|Çelik|Müller' "UTF-8 names are not drawn"
# The status line: operator and role.
e2e_expect demo "$E2E_USER \\(porter\\) DEMO" "operator and role are not on the status line"
# Colour is used when the terminal has it (red behind the new alarm).
if ! e2e_tmux capture-pane -e -p -t "$(e2e_target demo)" | grep -q "$(printf '\033')\\[[0-9;]*4[1-7]m"; then
	e2e_fail "no background colour on a colour terminal"
fi

# F9 tries the next role.
e2e_keys demo F9
e2e_expect demo "\\(manager\\) DEMO" "F9 did not switch the role"

# F1: the help screen is made from the key table; any key closes it.
e2e_keys demo F1
e2e_expect demo 'Help: keys' "F1 shows no help"
e2e_expect demo 'Acknowledge the selected alarm' "the help lacks the alarm keys"
e2e_expect demo 'Ctrl-P +Raise an alarm' "the help lacks the alarm chord"
e2e_expect demo 'Check the selected member in' "the help lacks the staffing keys"
e2e_expect demo 'ALARMS' "the alarms are hidden behind the help"
e2e_keys demo Escape
e2e_wait_gone demo 'Help: keys' || e2e_fail "the help does not close"

# Tab moves the focus around all four panels and back without error.
e2e_keys demo Tab Tab Tab Tab
e2e_expect demo 'Staffing' "the screen broke while tabbing"

e2e_quit demo

# --demo --db FILE keeps the demo in FILE: a second console joins it, and an alarm raised on
# the command line (the alarm hardware) shows in both.
e2e_start d1 100 30 -- --demo --db "$E2E_TMP/demo.db"
e2e_expect d1 'ALARMS: 1 open' "the kept demo does not start"
e2e_start d2 100 30 -- --demo --db "$E2E_TMP/demo.db"
e2e_expect d2 'ALARMS: 1 open' "the second console does not join the kept demo"
LANGUAGE=en LANG=C.UTF-8 "$BALIE" --config "$E2E_CONF" --db "$E2E_TMP/demo.db" \
	alarm raise "Balie 1" >/dev/null || e2e_fail "the command line cannot raise on the demo"
for c in d1 d2; do
	e2e_expect $c 'ALARMS: 2 open' "$c: the alarm raised on the command line is not shown"
	e2e_quit $c
done
[ -f "$E2E_TMP/demo.db" ] || e2e_fail "the kept demo was removed"
e2e_done
