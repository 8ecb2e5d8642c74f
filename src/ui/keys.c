/* keys — the one key table: action, default keys, translatable label and help group.
 * keys_action() maps a key press; the help screen and status-line hints read the table. */
#include "autoconfig.h"

#include <curses.h>
#include <stddef.h>

#include "i18n.h"
#include "ui/keys.h"

#define KEYS_PER_ACTION 3
#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

enum keys_group_id { GROUP_GENERAL, GROUP_MOVE, GROUP_ALARMS, GROUP_VISITORS, GROUP_APPTS,
		     GROUP_STAFF, GROUP_VISITS, GROUP_COUNT };

static const char *const keys_groups[GROUP_COUNT] = {
	N_("General"), N_("Moving"), N_("Alarms"), N_("Visitor check and bans"),
	N_("Appointments"), N_("Staffing"), N_("Home visits"),
};

struct key_binding {
	wint_t ch;
	bool is_keycode;
	const char *name;   /* untranslated key-cap name */
};

struct key_entry {
	enum keys_group_id group;
	const char *label;  /* N_() */
	struct key_binding keys[KEYS_PER_ACTION];
	const char *names;  /* all keys, for the help screen */
};

#define K(c, n) {(wint_t)(c), false, n}
#define KC(c, n) {(wint_t)(c), true, n}

static const struct key_entry keys_table[ACT_COUNT] = {
	[ACT_QUIT] = {GROUP_GENERAL, N_("Quit"), {K('q', "q")}, "q"},
	[ACT_HELP] = {GROUP_GENERAL, N_("Help"), {KC(KEY_F(1), "F1"), K('?', "?")}, "F1, ?"},
	[ACT_NEXT_PANEL] = {GROUP_GENERAL, N_("Next panel"), {K('\t', "Tab")}, "Tab"},
	[ACT_PREV_PANEL] = {GROUP_GENERAL, N_("Previous panel"), {KC(KEY_BTAB, "Shift-Tab")},
			    "Shift-Tab"},
	[ACT_SEARCH] = {GROUP_VISITORS, N_("Search visitor"), {K('/', "/")}, "/"},
	[ACT_UP] = {GROUP_MOVE, N_("Up"), {KC(KEY_UP, "Up")}, "Up"},
	[ACT_DOWN] = {GROUP_MOVE, N_("Down"), {KC(KEY_DOWN, "Down")}, "Down"},
	[ACT_PAGE_UP] = {GROUP_MOVE, N_("Page up"), {KC(KEY_PPAGE, "PgUp")}, "PgUp"},
	[ACT_PAGE_DOWN] = {GROUP_MOVE, N_("Page down"), {KC(KEY_NPAGE, "PgDn")}, "PgDn"},
	[ACT_HOME] = {GROUP_MOVE, N_("First"), {KC(KEY_HOME, "Home")}, "Home"},
	[ACT_END] = {GROUP_MOVE, N_("Last"), {KC(KEY_END, "End")}, "End"},
	[ACT_SELECT] = {GROUP_MOVE, N_("Open / details"),
			{K('\n', "Enter"), K('\r', "Enter"), KC(KEY_ENTER, "Enter")}, "Enter"},
	[ACT_CANCEL] = {GROUP_MOVE, N_("Cancel / leave field"), {K(KEY_ESC, "Esc")}, "Esc"},
	[ACT_RAISE_ALARM] = {GROUP_ALARMS, N_("Raise alarm"), {KC(KEY_F(2), "F2"), K('a', "a")},
			     "F2, a"},
	[ACT_ACK] = {GROUP_ALARMS, N_("Acknowledge (on the way)"), {K('k', "k")}, "k"},
	[ACT_RESOLVE] = {GROUP_ALARMS, N_("Resolved"), {K('r', "r")}, "r"},
	[ACT_FALSE_ALARM] = {GROUP_ALARMS, N_("False alarm"), {K('f', "f")}, "f"},
	[ACT_BAN_ADD] = {GROUP_VISITORS, N_("New ban"), {K('n', "n")}, "n"},
	[ACT_BAN_EXTEND] = {GROUP_VISITORS, N_("Extend / edit ban"), {K('e', "e")}, "e"},
	[ACT_BAN_LIFT] = {GROUP_VISITORS, N_("Lift ban"), {K('l', "l")}, "l"},
	[ACT_BAN_ACTIVATE] = {GROUP_VISITORS, N_("Activate draft ban"), {K('A', "A")}, "A"},
	[ACT_BAN_DRAFTS] = {GROUP_VISITORS, N_("Draft bans / active bans"), {K('d', "d")}, "d"},
	[ACT_NOTICE_SEEN] = {GROUP_GENERAL, N_("Ban notices seen"), {K('s', "s")}, "s"},
	[ACT_FLAG] = {GROUP_APPTS, N_("Mark risky / precautions"), {K('m', "m")}, "m"},
	[ACT_CHECK_IN] = {GROUP_STAFF, N_("Check in"), {K('i', "i")}, "i"},
	[ACT_CHECK_OUT] = {GROUP_STAFF, N_("Check out"), {K('o', "o")}, "o"},
	[ACT_ROSTER] = {GROUP_STAFF, N_("Evening roster"), {K('w', "w")}, "w"},
	[ACT_UNREACHABLE] = {GROUP_STAFF, N_("Nobody reachable (manager)"), {K('u', "u")}, "u"},
	[ACT_VISIT_OUT] = {GROUP_VISITS, N_("Visit out"), {K('v', "v")}, "v"},
	[ACT_VISIT_BACK] = {GROUP_VISITS, N_("Back from visit"), {K('b', "b")}, "b"},
	[ACT_SWITCH_ROLE] = {GROUP_GENERAL, N_("Switch role (demo)"), {KC(KEY_F(9), "F9")}, "F9"},
	[ACT_REDRAW] = {GROUP_GENERAL, N_("Redraw screen"), {K(CTRL('l'), "Ctrl-L")}, "Ctrl-L"},
};

enum action keys_action(wint_t ch, bool is_keycode, bool text_mode)
{
	/* In a text field every printable character is text, even "q" and "/". */
	if (text_mode && !is_keycode && ch >= 0x20 && ch != 0x7f)
		return ACT_NONE;
	for (int a = 1; a < ACT_COUNT; a++) {
		for (int k = 0; k < KEYS_PER_ACTION; k++) {
			const struct key_binding *b = &keys_table[a].keys[k];
			if (!b->name)
				break;
			if (b->ch == ch && b->is_keycode == is_keycode)
				return (enum action)a;
		}
	}
	return ACT_NONE;
}

const char *keys_label(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	return _(keys_table[a].label);
}

const char *keys_key_name(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT || !keys_table[a].keys[0].name)
		return "";
	return keys_table[a].keys[0].name;
}

const char *keys_key_names(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT || !keys_table[a].names)
		return "";
	return keys_table[a].names;
}

const char *keys_group(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	return _(keys_groups[keys_table[a].group]);
}
