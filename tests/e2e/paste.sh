#!/bin/sh
# paste.sh — bracketed paste: on while the console runs (a pasted TAB is a space in the
# search, not a key), off while it is stopped (kill -TSTP, back with fg) and on again when it
# continues, and off after it quits, so the shell gets plain pastes again.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_init
# An interactive shell with job control (as at a desk) runs the console; it records its
# process id. The shell itself never asks for bracketed paste, so a paste marker (ESC [200~,
# echoed as ^[[200~) reaching its prompt means the console left the mode on. TERM=vt100 has
# no alternate screen: tmux restores the modes of the screen left, which would hide the
# console's mistake.
cat >"$E2E_TMP/run.sh" <<RUN
echo \$\$ >"$E2E_TMP/p.pid"
exec env TERM=vt100 LANG=C.UTF-8 LANGUAGE=en LSAN_OPTIONS='$LSAN_OPTIONS' \
	BALIE_LOCALEDIR='${BALIE_LOCALEDIR:-}' "$BALIE" --config "$E2E_CONF" --db "$E2E_DB" \
	2>"$E2E_TMP/p.err"
RUN
e2e_tmux new-session -d -s p -x 100 -y 30 "env -i PATH=/usr/bin:/bin PS1='ready\$ ' sh -i" ||
	e2e_fail "no session"
e2e_expect p 'ready\$' "no shell prompt"
e2e_keys p "sh '$E2E_TMP/run.sh'" Enter
e2e_expect p 'Visitor: ' "the console did not start"
pid=$(cat "$E2E_TMP/p.pid")

# clear the screen at the shell's prompt: what the console drew stays without an alternate
# screen
clear_screen() {
	e2e_keys p "printf '\\033[2J\\033[H'" Enter
	e2e_wait_gone p 'Visitor: ' || e2e_fail "the screen was not cleared"
}

paste() {
	e2e_tmux set-buffer "$(printf '%s' "$1")"
	e2e_tmux paste-buffer -p -t "$(e2e_target p)"
}

# Running: a paste arrives marked, its TAB a space in the search (Esc: to the search; the
# porter's console starts in the alarm queue, where a paste is ignored).
e2e_keys p Escape
paste "$(printf 'A\tB')"
e2e_expect p 'Visitor: A B' "a paste in the running console is not marked"

# Stopped: back at the shell, a paste arrives plain.
kill -TSTP "$pid" || e2e_fail "kill -TSTP failed"
e2e_expect p 'Stopped' "the console did not stop"
clear_screen
paste "$(printf 'X\tY')"
e2e_expect p 'X +Y' "the paste at the shell did not arrive"
e2e_expect_not p '200~' "paste mode was left on while the console was stopped"
e2e_keys p C-u
e2e_keys p 'fg' Enter
# Continued: its screen again, and paste mode on again.
e2e_expect p 'Visitor: A B' "the console did not come back after fg"
paste "$(printf 'C\tD')"
e2e_expect p 'Visitor: A BC D' "paste mode is not on again after the console continued"

# Quit: off again for the shell.
e2e_keys p F10
e2e_expect p '\[ Yes \]' "F10 did not ask"
e2e_keys p y
gone() { ! kill -0 "$1" 2>/dev/null; }
e2e_until gone "$pid" || e2e_fail "the console did not quit"
clear_screen
[ -s "$E2E_TMP/p.err" ] && { e2e_fail "stderr:"; cat "$E2E_TMP/p.err" >&2; }
paste "$(printf 'E\tF')"
e2e_expect p 'E +F' "the paste after quitting did not arrive"
e2e_expect_not p '200~' "paste mode was left on after quitting"
e2e_done
