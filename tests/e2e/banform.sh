#!/bin/sh
# banform.sh — the ban form as a manager: an invalid date is refused inside the form and
# nothing is saved; a valid form saves the ban; two managers extending the same ban: the
# second save is told the record changed, with the new end date, and saves on the second
# try; lifting needs a reason.
. "$(dirname "$0")/lib.sh"

# The second console runs on a tmux server of its own (e2e_on_other).
e2e_config
# this test's user is a manager (lib.sh makes it a porter)
sed 's/porter = {/manager = {/' "$E2E_CONF" >"$E2E_CONF.new" && mv "$E2E_CONF.new" "$E2E_CONF"
e2e_init

e2e_start desk 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect desk '0 active bans' "the empty ban list is not shown"

# F4 opens the form; the fields are: given names, prefix, surname, born, reason(s), starts,
# kind, ends, justification, buildings, imposed by, letter sent, police informed, why,
# enforcement, until conversation.
e2e_keys desk F4
e2e_expect desk 'New ban or warning' "F4 does not open the new-ban form"
e2e_keys desk -l 'Kees'
e2e_keys desk Tab
e2e_keys desk -l 'van der'
e2e_keys desk Tab
e2e_keys desk -l 'Berg'
e2e_keys desk Tab
e2e_keys desk -l '1975-02-30'
e2e_keys desk F10
e2e_expect desk 'Date of birth: "1975-02-30" is not a date' "an invalid date is not named in the form"
e2e_expect desk 'New ban or warning' "the form closed on an invalid date"
[ -z "$(e2e_cli ban list --tsv --all)" ] || e2e_fail "a form with an invalid date saved a ban"

# The cursor is back on the date: correct it and fill in the rest. Kind and end date are
# proposed by the sanction table; they are typed over here (and justified). The dates are
# typed as the search takes them (d-m-yy, dd-mm-yyyy, d-m-yyyy): the form reads them alike.
e2e_keys desk C-u
e2e_keys desk -l '3-2-75'
e2e_keys desk Tab
e2e_expect desk 'Date of birth *: *1975-02-03' "the form does not read d-m-yy as the search does"
e2e_keys desk -l 'physical'
e2e_keys desk Tab
e2e_expect desk 'First offence .*physical violence: proposed' "leaving the reason shows no proposal"
e2e_expect desk 'Kind of ban *: *building\+phone' "the proposed kind is not filled in"
e2e_keys desk C-u
e2e_keys desk -l '1-1-2020'
e2e_keys desk Tab C-u
e2e_keys desk -l 'building'
e2e_keys desk Tab C-u
e2e_keys desk -l '30-06-2099'
e2e_keys desk Tab
e2e_keys desk -l 'test: a very long ban'
e2e_keys desk Tab
e2e_keys desk -l 'stadhuis'
e2e_keys desk Tab
e2e_keys desk -l 'A. Hoofd'
e2e_keys desk Tab
e2e_keys desk -l '2020-01-02'
e2e_keys desk Tab C-u
e2e_keys desk -l 'yes'
e2e_keys desk Tab
e2e_keys desk -l 'kicked the door'
e2e_keys desk F10
e2e_wait_gone desk 'F10: save' || e2e_fail "the valid form did not close"
e2e_expect desk 'saved' "no message that the ban was saved"
line=$(e2e_cli ban list --tsv)
case "$line" in
*"Kees van der Berg"*"1975-02-03"*"building"*"physical"*"2020-01-01"*"2099-06-30"*) ;;
*) e2e_fail "the saved ban is not in 'ban list --tsv': $line" ;;
esac
e2e_expect desk 'Kees van der Berg' "the new ban is not listed in the console"

# Two managers open the same ban and extend it; the first saves, the second is told.
e2e_on_other e2e_start other 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_on_other e2e_expect other 'Kees van der Berg' "the second console does not list the ban"
e2e_keys desk F5
e2e_on_other e2e_keys other F5
e2e_expect desk 'Extend or correct' "F5 does not offer to extend (first console)"
e2e_on_other e2e_expect other 'Extend or correct' "F5 does not offer to extend (second console)"
e2e_keys desk Enter
e2e_on_other e2e_keys other Enter
e2e_expect desk 'Extend the ban for Kees van der Berg' "no extend form (first console)"
e2e_on_other e2e_expect other 'Extend the ban for Kees van der Berg' "no extend form (second console)"
# fields: new end date, why extended, justification
e2e_keys desk C-u
e2e_keys desk -l '2100-01-31'
e2e_keys desk Tab
e2e_keys desk -l 'kicked the door again'
e2e_keys desk Tab
e2e_keys desk -l 'test: longer still'
e2e_keys desk F10
e2e_wait_gone desk 'F10: save' || e2e_fail "the first save did not close the form"
e2e_on_other e2e_keys other C-u
e2e_on_other e2e_keys other -l '2100-06-30'
e2e_on_other e2e_keys other Tab
e2e_on_other e2e_keys other -l 'threatened by phone'
e2e_on_other e2e_keys other Tab
e2e_on_other e2e_keys other -l 'test: longest'
e2e_on_other e2e_keys other F10
e2e_on_other e2e_expect other 'Changed by someone else meanwhile \(now until 2100-01-31\)' \
	"the second save was not told of the change"
[ "$(e2e_cli ban list --tsv | cut -f7)" = 2100-01-31 ] ||
	e2e_fail "the first save was overwritten: $(e2e_cli ban list --tsv)"
# saving again (now on the current version) works
e2e_on_other e2e_keys other F10
e2e_on_other e2e_wait_gone other 'F10: save' || e2e_fail "the second try did not save"
[ "$(e2e_cli ban list --tsv | cut -f7)" = 2100-06-30 ] ||
	e2e_fail "the second extension was not saved: $(e2e_cli ban list --tsv)"

# Lift it with a reason.
e2e_keys desk F6
e2e_expect desk 'Lift the ban' "F6 does not open the lift form"
e2e_keys desk Enter
e2e_expect desk 'is required' "lifting without a reason is not refused"
e2e_keys desk -l 'apology letter received'
e2e_keys desk Enter
e2e_wait_gone desk 'F10: save' || e2e_fail "the lift form did not close"
e2e_expect desk '0 active bans' "the lifted ban is still listed"

e2e_quit desk
e2e_on_other e2e_quit other
e2e_done
