#!/bin/sh
# keys_random.sh — a hurried desk, typed at random (issue 12): for every role, seeded random
# streams of what a person types without meaning a command (letters, names with diacritics,
# digits, Enter, Tab, Shift-Tab, arrows, Backspace, Page keys, Esc, Ctrl-U) and pastes holding
# control characters (Ctrl-P, Ctrl-C, the bytes of F10) never raise, answer or resolve an
# alarm, never quit and never change data; the console is still there and still answers.
# The seeds are fixed so a failure can be replayed; KEYS_SEED=N adds one more.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Amsterdam
BALIE_NOW=2026-11-24T13:00:00Z # Tuesday 14:00, open to the public
export TZ BALIE_NOW
KEYS_PER_RUN=${KEYS_PER_RUN:-300}

e2e_config
e2e_init
e2e_cli ban add --given Jan --prefix de --surname Vries --born 1980-02-03 --kind building \
	--reason threat --starts 2020-01-01 --ends 2099-12-31 --imposed-by "A. Hoofd" \
	--notes "threatened a colleague" --justification "test data" \
	--letter-sent 2020-01-02 --police >/dev/null || e2e_fail "ban add failed"
e2e_cli appt add --date 2026-11-24 --start 15:00 --end 16:00 --host "Annet de Boer" \
	--visitor "Wim Smits" --room "Spreekkamer 006" --precautions safe_room,porter \
	>/dev/null || e2e_fail "appt add failed"
e2e_cli alarm raise "Balie 1" >/dev/null || e2e_fail "alarm raise failed"
e2e_state_save "Jan de Vries" "Wim Smits" "Balie 1"

# random_keys SEED COUNT: one key a line, "-l TEXT" for text, else a tmux key name.
random_keys() {
	awk -v seed="$1" -v n="$2" 'BEGIN {
		srand(seed)
		split("Enter Tab BTab Up Down Left Right BSpace PPage NPage Home End Escape C-u", k, " ")
		split("Jan de Vries|Ömer Yılmaz|José|ĳsbrand|12-3-1980|1980-02-03|y|n|j|q|k|r|f|o|i| ", w, "|")
		for (i = 0; i < n; i++) {
			r = rand()
			if (r < 0.45)
				print k[int(rand() * 14) + 1]
			else if (r < 0.75)
				print "-l " w[int(rand() * 16) + 1]
			else
				printf "-l %c\n", 33 + int(rand() * 94)
		}
	}'
}

for role in receptionist porter manager hr; do
	sed -e "s/porter = {\"$E2E_USER\"}/$role = {\"$E2E_USER\"}/" "$E2E_CONF" \
		>"$E2E_TMP/$role.conf"
	# shellcheck disable=SC2086 # two assignments
	e2e_start "$role" 80 24 TZ=$TZ BALIE_NOW=$BALIE_NOW -- --config "$E2E_TMP/$role.conf" \
		--db "$E2E_DB"
	e2e_expect "$role" 'Visitor: ' "$role: the console did not start"
	for seed in 1 2 3 ${KEYS_SEED:-}; do
		random_keys "$seed" "$KEYS_PER_RUN" >"$E2E_TMP/keys"
		while IFS= read -r key; do
			case $key in
			-l\ *) e2e_keys "$role" -l "${key#-l }" ;;
			*) e2e_keys "$role" "$key" ;;
			esac
		done <"$E2E_TMP/keys"
		# Commands hidden in pasted text are text (bracketed paste), never commands.
		e2e_tmux set-buffer "$(printf 'Jan\020de\003Vries\033[21~\t\n')"
		e2e_tmux paste-buffer -p -t "$(e2e_target "$role")"
		sleep 0.5
		[ -s "$E2E_TMP/$role.exit" ] && e2e_fail "$role, seed $seed: the console quit"
		e2e_unchanged "$role, seed $seed"
		e2e_expect_not "$role" 'Quit balie\?' "$role, seed $seed: typing asked to quit"
	done
	# Still the console it was: it answers a search and quits when asked.
	e2e_keys "$role" Escape C-u
	e2e_keys "$role" -l 'Jan de Vries 3-2-1980'
	e2e_expect "$role" 'REFUSE ENTRY' "$role: the console no longer answers a search"
	e2e_quit "$role"
done
[ "$(e2e_cli alarm list --tsv | cut -f5)" = new ] || e2e_fail "the alarm is no longer new"

e2e_done
