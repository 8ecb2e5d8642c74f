#!/bin/sh
# search.sh — the visitor check in the console: typing a banned name shows MATCH and the
# name with its ban; an unknown name shows no hit; a receptionist may only look.
. "$(dirname "$0")/lib.sh"

e2e_config
e2e_init
# the bans are imposed by a manager; the console below runs as a porter (lib.sh)
sed 's/porter = {/manager = {/' "$E2E_CONF" >"$E2E_TMP/manager.conf"
as_manager() {
	LANGUAGE=en LANG=C.UTF-8 "$BALIE" --config "$E2E_TMP/manager.conf" --db "$E2E_DB" "$@"
}
as_manager ban add --given Jan --prefix de --surname Vries --born 1980-02-03 --kind building \
	--reason threat --starts 2020-01-01 --ends 2099-12-31 --imposed-by "A. Hoofd" \
	--notes "threatened a colleague" --justification "test data" \
	--letter-sent 2020-01-02 --police >/dev/null || e2e_fail "ban add (de Vries) failed"
as_manager ban add --given Fatma --surname Yılmaz --kind phone --reason verbal \
	--starts 2020-01-01 --ends 2098-06-30 --justification "test data" \
	--imposed-by "A. Hoofd" --letter-sent 2020-01-02 --notes "shouted" >/dev/null || e2e_fail "ban add (Yılmaz) failed"

# The test user is a porter here (lib.sh): porters only look, like receptionists.
e2e_start desk 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect desk 'Visitor check' "the ban panel is not shown"
e2e_expect desk '2 active bans' "the list of active bans is not shown"

# Search: the name is typed (the cursor starts in the field), the hit shows at once.
e2e_keys desk -l 'Jan de Vries'
e2e_expect desk 'MATCH' "typing a banned name shows no MATCH"
e2e_expect desk 'Jan de Vries' "the hit does not show the name"
e2e_expect desk '2099-12-31' "the hit does not show until when"
e2e_expect desk 'born 1980-02-03' "the hit does not show the date of birth"
# porters may not see the reason
e2e_expect_not desk 'threatened a colleague' "a porter sees the reason"

# Backspace edits; an unknown name finds nothing.
e2e_keys desk C-u
e2e_keys desk -l 'Pietersen'
e2e_expect desk 'No ban found' "an unknown name shows no 'no ban found'"
e2e_expect_not desk 'MATCH' "an unknown name shows a MATCH"

# Non-ASCII input arrives whole.
e2e_keys desk C-u
e2e_keys desk -l 'Fatma Yılmaz'
e2e_expect desk 'LET IN +Fatma Yılmaz' "a name with ı is not found or not shown"

# Esc clears the field; F4 (new ban) is refused for this role.
e2e_keys desk Escape
e2e_keys desk F4
e2e_expect desk 'may not edit bans' "a porter is not told that he may not edit bans"
e2e_cli audit --action denied --tsv | grep -q 'ban\.edit' ||
	e2e_fail "the refused edit is not in the audit trail"
e2e_keys desk Escape

# At 80x24 (panels stacked) a hit takes the room it needs: the whole protocol is shown,
# down to its last words, while the other panels shrink to a line.
e2e_start small 80 24 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_keys small -l 'Jan de Vries 1980-02-03'
e2e_expect small 'REFUSE ENTRY' "80x24: typing a banned name shows no REFUSE ENTRY"
e2e_expect small 'aggression call the police at once: 112' "80x24: the protocol is cut off"
e2e_keys small Escape
e2e_keys small Escape
e2e_wait_gone small 'police at once: 112' || e2e_fail "80x24: the room is not given back"
e2e_quit small

# Every visitor check is in the audit trail once (query and hit count), not once per key: the
# console asks the service when typing rests, and the service writes the line before it
# answers. (The same name with a date of birth, typed at 80x24, is a check of its own.)
audit=$(e2e_cli audit --action visitor.check --tsv) || e2e_fail "balie audit failed"
for q in 'Jan de Vries' 'Pietersen' 'Fatma Yılmaz'; do
	n=$(printf '%s\n' "$audit" | awk -F '\t' -v q="$q" '
		$0 !~ "born" { for (i = 1; i <= NF; i++) if ($i == q) { c++; break } }
		END { print c + 0 }')
	[ "$n" = 1 ] || e2e_fail "the check '$q' is in the audit trail $n times, not once"
done
printf '%s\n' "$audit" | grep -q 'Jan de V	' && e2e_fail "a half-typed query was recorded"
e2e_quit desk

e2e_done
