#!/bin/sh
# resize.sh — the layout follows the terminal: two columns from 160 wide, stacked below, an
# "enlarge the window" message below 80x24 (40x10 too), and a correct redraw after every
# resize, also in the middle of a form; quitting with a dirty form says so.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_init
sed -e "s/porter = {\"$E2E_USER\"}/manager = {\"$E2E_USER\"}/" "$E2E_CONF" >"$E2E_TMP/mgr.conf"
e2e_start r 160 40 -- --config "$E2E_TMP/mgr.conf" --db "$E2E_DB"
e2e_expect r 'Visitor check.*[Aa]ppointments' "at 160x40 the panels are not side by side"

e2e_resize r 120 30
e2e_wait_gone r 'Visitor check.*[Aa]ppointments' || e2e_fail "at 120x30 the panels are not stacked"
e2e_resize r 80 24
e2e_expect r 'Staffing' "at 80x24 the staffing panel is gone"
e2e_wait_gone r 'Visitor check.*[Aa]ppointments' || e2e_fail "at 80x24 the panels are not stacked"
e2e_expect_not r 'enlarge' "at 80x24 it asks to enlarge"

e2e_resize r 60 20
e2e_expect r 'Please enlarge the window' "at 60x20 no request to enlarge"
e2e_expect r 'at least 80x24, now 60x20' "at 60x20 the sizes are not named"
e2e_expect_not r 'Staffing' "at 60x20 panels are drawn anyway"
# An alarm still gets through while the window is too small.
e2e_cli alarm raise "Balie 1" >/dev/null
e2e_expect r '!! 1 ALARM OPEN' "at 60x20 a new alarm is not mentioned"

e2e_resize r 160 40
e2e_wait_gone r 'enlarge' || e2e_fail "back at 160x40 the message stays"
e2e_expect r '!! NEW .*Balie 1' "back at 160x40 the alarm is not drawn"
e2e_expect r 'Visitor check.*[Aa]ppointments' "back at 160x40 the layout is wrong"
e2e_cli alarm resolve --all >/dev/null
e2e_expect r 'ALARMS +none open' "the alarm panel did not shrink back"

# Resize in the middle of a form, down to 40x10: the form comes back with what was typed.
e2e_keys r F4
e2e_expect r 'New ban or warning' "F4 opened no form"
e2e_keys r -l 'Zwart'
e2e_expect r 'Zwart' "typed text is not in the form"
e2e_resize r 60 20
e2e_expect r 'Please enlarge the window' "a form at 60x20 is drawn anyway"
e2e_resize r 40 10
e2e_expect r 'at least 80x24, now 40x10' "at 40x10 the sizes are not named"
e2e_keys r -l 'Jansen' # typed while too small: not lost, not acted on
e2e_resize r 80 24
e2e_expect r 'New ban or warning' "after the resize the form is gone"
e2e_expect r 'Zwart' "after the resize the typed text is gone"
e2e_expect r 'ALARMS' "after the resize the alarm panel is gone"
# An alarm arrives under the open form.
e2e_cli alarm raise "Balie 2" >/dev/null
e2e_expect r '!! NEW .*Balie 2' "an alarm does not show while a form is open"
e2e_expect r 'New ban or warning' "the alarm closed the form"

# Ctrl-C with a dirty form and an open alarm asks first and says both; "n" keeps the form.
e2e_keys r C-c
e2e_expect r 'Quit balie\? 1 alarm is still open' "the quit question does not name the open alarm"
e2e_expect r 'unsaved changes: they are lost' "the quit question does not name the dirty form"
e2e_keys r n
e2e_wait_gone r 'Quit balie' || e2e_fail "the quit question stays"
e2e_expect r 'Zwart' "answering no lost the form"
# The question can be answered at any size.
e2e_resize r 40 10
e2e_keys r C-c
e2e_expect r '\[ Yes \]' "at 40x10 the quit question is not shown"
e2e_keys r y
e2e_wait_exit r
e2e_done
