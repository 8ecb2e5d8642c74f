#!/bin/sh
# demo.sh — `balie --demo` shows its four panels (alarms, visitor check, appointments,
# staffing) with UTF-8 names and colour; F9 switches role, F1 shows the help, q quits cleanly.
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
e2e_expect demo 'Acknowledge' "the help lacks the alarm keys"
e2e_expect demo 'Check in' "the help lacks the staffing keys"
e2e_expect demo 'ALARMS' "the alarms are hidden behind the help"
e2e_keys demo Escape
e2e_wait_gone demo 'Help: keys' || e2e_fail "the help does not close"

# Tab moves the focus around all four panels and back without error.
e2e_keys demo Tab Tab Tab Tab
e2e_expect demo 'Staffing' "the screen broke while tabbing"

e2e_quit demo
e2e_done
