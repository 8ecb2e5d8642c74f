#!/bin/sh
# mono.sh — TERM=vt100 and NO_COLOR: no colour reaches the terminal, and every state is in
# words and symbols (NEW, ON THE WAY, TOO FEW) with reverse video or bold instead of colour.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_init
e2e_start m 80 24 TERM=vt100 NO_COLOR=1 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect m 'ALARMS +none open' "no quiet alarm line"
e2e_cli alarm raise "Balie 2" >/dev/null
e2e_expect m '!! NEW .*Balie 2' "the new alarm is not marked in words"
e2e_keys m F5
e2e_expect m ">> ON THE WAY: $E2E_USER" "the acknowledged alarm is not marked in words"
e2e_cli alarm raise "Spreekkamer 006" >/dev/null
e2e_expect m '!! NEW .*Spreekkamer 006' "the second alarm is not marked"
e2e_expect m 'ALARMS: 2 open, 1 new' "the counts are not in words"

esc=$(printf '\033')
e2e_tmux capture-pane -e -p -t "$(e2e_target m)" >"$E2E_TMP/attrs"
if grep -Eq "$esc\\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m" "$E2E_TMP/attrs"; then
	e2e_fail "colour escapes reached a NO_COLOR terminal"
	grep -E "$esc\\[([0-9]+;)*(3[0-8]|4[0-8])" "$E2E_TMP/attrs" | head -3 >&2
fi
# The new alarm stands out without colour: reverse video (7).
grep -Eq "$esc\\[([0-9]+;)*7(;[0-9]+)*m" "$E2E_TMP/attrs" ||
	e2e_fail "nothing in reverse video on a monochrome terminal"

e2e_quit m
e2e_done
