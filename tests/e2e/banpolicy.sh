#!/bin/sh
# banpolicy.sh — bans as the policy defines them, in the console: a manager adds a ban for
# a person with an earlier ban (the form says "repeat" and shows the table's proposal); a
# duration outside the table is refused without a justification and saved with one; without
# a letter date it is a draft that the visitor check does not find; filled in and activated
# it is a hit; a receptionist's console shows the notice until it is marked seen; the
# details show the extension in the history.
. "$(dirname "$0")/lib.sh"

# The receptionist's console runs on a tmux server of its own (e2e_on_other).
e2e_config
sed 's/porter = {/manager = {/' "$E2E_CONF" >"$E2E_TMP/manager.conf"
sed 's/porter = {/receptionist = {/' "$E2E_CONF" >"$E2E_TMP/reception.conf"
e2e_init
today=$(date +%Y-%m-%d)

# An earlier warning for the same person, lifted since: it counts for "repeat", but is no
# hit any more.
e2e_cli ban add --given Piet --surname Pietersen --born 1980-01-01 --kind warning \
	--reason verbal --starts 2020-01-01 --ends 2099-12-31 --imposed-by 'A. Hoofd' \
	--letter-sent 2020-01-02 --notes 'shouted' --justification 'test data' >/dev/null ||
	e2e_fail "ban add (the earlier warning) failed"
e2e_cli ban lift 1 --reason 'apology received' >/dev/null || e2e_fail "ban lift failed"

e2e_start desk 100 30 -- --config "$E2E_TMP/manager.conf" --db "$E2E_DB"
e2e_expect desk '0 active bans' "the manager's console does not start"

# The form: given, prefix, surname, born, reason(s), starts, kind, ends, justification,
# buildings, imposed by, letter sent, police informed, why, enforcement, until conversation.
e2e_keys desk F4
e2e_expect desk 'New ban or warning' "F4 does not open the new-ban form"
e2e_keys desk -l 'Piet'
e2e_keys desk Tab Tab
e2e_keys desk -l 'Pietersen'
e2e_keys desk Tab
e2e_keys desk -l '1980-01-01'
e2e_keys desk Tab
e2e_keys desk -l 'threat,physical'
e2e_keys desk Tab
e2e_expect desk 'Repeat offence \(1 earlier ban or warning\)' "the form does not say repeat"
e2e_expect desk 'physical violence: proposed' \
	"the combination is not proposed by its most serious reason"
e2e_expect desk 'Kind of ban *: *building\+phone' "the proposed kind is not filled in"
e2e_expect desk 'report required' "the required police report is not named"
# A duration outside the table: until 2099 (repeat physical violence: 6 to 9 months).
e2e_keys desk Tab Tab C-u
e2e_keys desk -l '2099-12-31'
e2e_keys desk Tab
e2e_expect desk 'OUTSIDE' "the form does not warn of a duration outside the table"
e2e_keys desk Tab Tab
e2e_keys desk -l 'A. Hoofd'
# no letter date: a draft
e2e_keys desk Tab Tab C-u
e2e_keys desk -l 'yes'
e2e_keys desk Tab
e2e_keys desk -l 'hit a colleague'
e2e_keys desk F10
e2e_expect desk 'Justification: required: longer than' \
	"a duration outside the table is not refused without a justification"
e2e_expect desk 'New ban or warning' "the form closed without a justification"
[ "$(e2e_cli ban list --all --tsv | wc -l)" -eq 1 ] || e2e_fail "a ban was saved without a justification"
# the cursor is on the justification now
e2e_keys desk -l 'court order: long ban'
e2e_keys desk F10
e2e_wait_gone desk 'F10: save' || e2e_fail "the justified form did not close"
e2e_expect desk 'saved as a DRAFT.*missing' "the operator is not told that it is a draft"
e2e_cli ban list --drafts --tsv | grep -q 'Piet Pietersen' || e2e_fail "no draft in the store"

# A draft is no hit.
e2e_keys desk -l 'Piet Pietersen'
e2e_expect desk 'No ban found' "a draft (or the lifted warning) is a hit"
e2e_keys desk C-u Escape

# d shows the drafts; A refuses while the letter date is missing; e fills it in; A activates.
e2e_keys desk F8
e2e_expect desk '1 draft ban, not on the list' "F8 does not show the drafts"
e2e_keys desk F7
e2e_expect desk 'cannot be active yet: missing' "an incomplete draft is activated or not refused"
e2e_keys desk F5
e2e_expect desk 'Draft ban for Piet Pietersen' "F5 does not open the draft"
e2e_keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
e2e_keys desk -l "$today"
e2e_keys desk F10
e2e_wait_gone desk 'F10: save' || e2e_fail "the completed draft did not save"
e2e_expect desk 'complete: press F7 to activate' "the operator is not told to activate"
e2e_keys desk F7
e2e_expect desk 'Activate ban' "F7 does not ask before activating"
e2e_keys desk y
e2e_expect desk 'is active \(until 2099-12-31\)' "the draft was not activated"
e2e_expect desk '0 draft bans' "the activated ban is still among the drafts"
e2e_keys desk F8
e2e_expect desk '1 active ban' "the activated ban is not on the list"

# Now it is a hit that applies here.
e2e_keys desk -l 'Piet Pietersen'
e2e_expect desk 'MATCH' "the activated ban is no hit"
e2e_expect desk 'REFUSE ENTRY' "the hit does not say to refuse entry here"
e2e_expect desk 'MATCH: entry and phone ban until 2099-12-31' "the hit does not name the kind and end"
e2e_expect desk 'Entry ban:' "the protocol is not shown for a ban that applies here"

# A receptionist's console shows the notice until it is marked seen.
e2e_on_other e2e_start recep 100 30 -- --config "$E2E_TMP/reception.conf" --db "$E2E_DB"
e2e_on_other e2e_expect recep '!! Ban now active: Piet Pietersen' "no notice on the receptionist's strip"
e2e_on_other e2e_keys recep C-o
e2e_on_other e2e_wait_gone recep '!! Ban' || e2e_fail "the notices stay after Ctrl-O"
e2e_on_other e2e_expect recep 'marked as seen' "no message that the notices were seen"

# The receptionist's check: an appointment arranged by phone today is ALLOWED (no protocol),
# a phone ban lets the visitor in; the details are discreet (no reason).
e2e_cli ban exception add 2 --kind appointment --date "$today" \
	--detail '15:00 Spreekkamer 006, mw. Bos' >/dev/null || e2e_fail "ban exception add failed"
e2e_cli ban add --given Tineke --surname Telefoon --kind phone --reason threat \
	--starts 2020-01-01 --ends 2099-12-31 --imposed-by 'A. Hoofd' --letter-sent 2020-01-02 \
	--notes 'threatened by phone' --justification 'test data' --police >/dev/null ||
	e2e_fail "ban add (phone ban) failed"
e2e_on_other e2e_keys recep -l 'Piet Pietersen'
e2e_on_other e2e_expect recep 'ALLOWED TODAY +Piet Pietersen' "an arranged appointment is not shown as ALLOWED"
e2e_on_other e2e_expect recep 'appointment arranged by phone' "the arranged appointment is not named"
e2e_on_other e2e_expect_not recep 'Entry ban:' "the protocol is shown for an arranged appointment"
e2e_on_other e2e_keys recep F3
e2e_on_other e2e_expect recep 'State: active' "F3 shows no details to the receptionist"
e2e_on_other e2e_expect_not recep 'hit a colleague' "the receptionist sees the reason"
e2e_on_other e2e_keys recep Escape
e2e_on_other e2e_wait_gone recep 'State: active' || e2e_fail "the receptionist's details do not close"
e2e_on_other e2e_keys recep C-u
e2e_on_other e2e_keys recep -l 'Tineke Telefoon'
e2e_on_other e2e_expect recep 'phone ban until 2099-12-31' "a phone ban is not shown as a phone ban"
e2e_on_other e2e_expect recep 'may come in' "a phone ban does not say the visitor may come in"
e2e_on_other e2e_expect_not recep 'Entry ban:' "the protocol is shown for a phone ban"
e2e_on_other e2e_keys recep C-u Escape

# Extend (out of the table: justified) and look at the history.
e2e_keys desk F5
e2e_expect desk 'Extend or correct' "F5 does not offer to extend"
e2e_keys desk Enter
e2e_expect desk 'Extend the ban for Piet Pietersen' "no extend form"
e2e_keys desk C-u
e2e_keys desk -l '2100-03-31'
e2e_keys desk Tab
e2e_keys desk -l 'hit again'
e2e_keys desk F10
e2e_expect desk 'Justification: required' "an extension outside the table is not refused"
e2e_keys desk -l 'court order renewed'
e2e_keys desk F10
e2e_wait_gone desk 'F10: save' || e2e_fail "the extension did not save"
e2e_expect desk 'extended until 2100-03-31' "no message about the extension"
e2e_keys desk F3
e2e_expect desk 'Ban 2: Piet Pietersen' "F3 does not show the details"
e2e_expect desk 'State: active' "the details do not show the state"
e2e_keys desk NPage
e2e_expect desk 'extended - active' "the history does not show the extension"
e2e_expect desk '2099-12-31 -> 2100-03-31' "the history does not keep the old end"
e2e_keys desk Escape
e2e_wait_gone desk 'Ban 2: Piet Pietersen' || e2e_fail "the details do not close"

e2e_quit desk
e2e_on_other e2e_quit recep
e2e_done
