/* keys — the one key table: per command its place, keys, key-bar label and description;
 * keys_action() maps a key press in a place, and the key bar, help and man page read it. */
#include "autoconfig.h"

#include <curses.h>
#include <stddef.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "ui/keys.h"

#define KEYS_PER_ACTION 3
#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

static const char *const place_labels[KEYS_PLACE_COUNT] = {
	[KEYS_EVERYWHERE] = N_("Everywhere"),
	[KEYS_MOVING] = N_("In a list"),
	[KEYS_SEARCH] = N_("Visitor search (typing)"),
	[KEYS_ALARMS] = N_("Alarm queue"),
	[KEYS_BANS] = N_("Visitor check and bans"),
	[KEYS_APPTS] = N_("Appointments"),
	[KEYS_STAFF] = N_("Staffing"),
	[KEYS_VISITS] = N_("Home visits"),
	[KEYS_INCIDENTS] = N_("Incidents"),
	[KEYS_FORM] = N_("In a form"),
};

struct key_binding {
	wint_t ch;
	bool is_keycode;
	const char *name;   /* untranslated key-cap name */
};

struct key_entry {
	enum keys_place place;
	const char *bar;    /* N_() short label for the key bar, NULL: not on the bar */
	const char *label;  /* N_() what it does, for help and balie(1) */
	struct key_binding keys[KEYS_PER_ACTION];
};

#define K(c, n) {(wint_t)(c), false, n}
#define KC(c, n) {(wint_t)(c), true, n}

static const struct key_entry keys_table[ACT_COUNT] = {
	[ACT_HELP] = {KEYS_EVERYWHERE, N_("Help"), N_("Help: every key, from the same table as "
		      "this list"), {KC(KEY_F(1), "F1")}},
	[ACT_RAISE_ALARM] = {KEYS_EVERYWHERE, N_("ALARM"), N_("Raise an alarm at this desk's "
			     "alarm point (alarm_point in balie.conf), at once and without a "
			     "question; with several points and none set for the desk, pick one"),
			     {K(CTRL('p'), "Ctrl-P")}},
	[ACT_GOTO_ALARMS] = {KEYS_EVERYWHERE, N_("Alarms"), N_("Go to the alarm queue"),
			     {KC(KEY_F(2), "F2")}},
	[ACT_CANCEL] = {KEYS_EVERYWHERE, N_("Search"), N_("Back to the visitor search (there: "
			"clear it); in a form or window: cancel"), {K(KEY_ESC, "Esc")}},
	[ACT_NEXT_PANEL] = {KEYS_EVERYWHERE, N_("Panel"), N_("Next panel"), {K('\t', "Tab")}},
	[ACT_PREV_PANEL] = {KEYS_EVERYWHERE, NULL, N_("Previous panel"),
			    {KC(KEY_BTAB, "Shift-Tab")}},
	[ACT_NOTICE_SEEN] = {KEYS_EVERYWHERE, NULL, N_("The ban notices on the notice strip "
			     "are seen"), {K(CTRL('o'), "Ctrl-O")}},
	[ACT_SWITCH_ROLE] = {KEYS_EVERYWHERE, N_("Role"), N_("Switch role (demo only)"),
			     {KC(KEY_F(9), "F9")}},
	[ACT_REDRAW] = {KEYS_EVERYWHERE, NULL, N_("Redraw the screen"),
			{K(CTRL('l'), "Ctrl-L")}},
	[ACT_QUIT] = {KEYS_EVERYWHERE, N_("Quit"), N_("Quit: asks first, and says so when "
		      "alarms are open or a form has unsaved changes"),
		      {KC(KEY_F(10), "F10"), K(CTRL('c'), "Ctrl-C")}},

	[ACT_UP] = {KEYS_MOVING, NULL, N_("Up"), {KC(KEY_UP, "Up")}},
	[ACT_DOWN] = {KEYS_MOVING, NULL, N_("Down"), {KC(KEY_DOWN, "Down")}},
	[ACT_PAGE_UP] = {KEYS_MOVING, NULL, N_("Page up"), {KC(KEY_PPAGE, "PgUp")}},
	[ACT_PAGE_DOWN] = {KEYS_MOVING, NULL, N_("Page down"), {KC(KEY_NPAGE, "PgDn")}},
	[ACT_HOME] = {KEYS_MOVING, NULL, N_("First"), {KC(KEY_HOME, "Home")}},
	[ACT_END] = {KEYS_MOVING, NULL, N_("Last"), {KC(KEY_END, "End")}},
	[ACT_SELECT] = {KEYS_MOVING, NULL, N_("Details of the selected line on the status line; "
			"in the visitor search: record the check now"),
			{K('\n', "Enter"), K('\r', "Enter"), KC(KEY_ENTER, "Enter")}},
	[ACT_DETAILS] = {KEYS_MOVING, N_("Details"), N_("Details of the selected line (a ban: "
			 "its details and history, in a window)"), {KC(KEY_F(3), "F3")}},

	[ACT_ERASE] = {KEYS_SEARCH, NULL, N_("Erase the last character"),
		       {K(127, "Backspace"), K(8, "Backspace"),
			KC(KEY_BACKSPACE, "Backspace")}},
	[ACT_CLEAR] = {KEYS_SEARCH, NULL, N_("Clear the search"), {K(CTRL('u'), "Ctrl-U")}},

	[ACT_BAN_ADD] = {KEYS_BANS, N_("New ban"), N_("New ban or warning (managers, hr): the "
			 "form proposes kind and end from the sanction table"),
			 {KC(KEY_F(4), "F4")}},
	[ACT_BAN_EXTEND] = {KEYS_BANS, N_("Extend"), N_("Extend or correct the selected ban"),
			    {KC(KEY_F(5), "F5")}},
	[ACT_BAN_LIFT] = {KEYS_BANS, N_("Lift"), N_("Lift the selected ban (with a reason)"),
			  {KC(KEY_F(6), "F6")}},
	[ACT_BAN_ACTIVATE] = {KEYS_BANS, N_("Activate"), N_("Activate the selected complete "
			      "draft"), {KC(KEY_F(7), "F7")}},
	[ACT_BAN_DRAFTS] = {KEYS_BANS, N_("Drafts"), N_("Draft bans / active bans"),
			    {KC(KEY_F(8), "F8")}},

	[ACT_ACK] = {KEYS_ALARMS, N_("On the way"), N_("Acknowledge the selected alarm: you are "
		     "on the way (porters, managers, hr)"), {KC(KEY_F(5), "F5")}},
	[ACT_RESOLVE] = {KEYS_ALARMS, N_("Resolved"), N_("Mark the selected alarm resolved "
			 "(asks)"), {KC(KEY_F(6), "F6")}},
	[ACT_FALSE_ALARM] = {KEYS_ALARMS, N_("False alarm"), N_("Mark the selected alarm as a "
			     "false alarm (asks)"), {KC(KEY_F(7), "F7")}},

	[ACT_FLAG] = {KEYS_APPTS, N_("Mark risky"), N_("Mark the selected appointment risky and "
		      "pick precautions, or unmark it (managers, hr)"), {KC(KEY_F(5), "F5")}},

	[ACT_CHECK_IN] = {KEYS_STAFF, N_("Check in"), N_("Check the selected member in"),
			  {KC(KEY_F(4), "F4")}},
	[ACT_CHECK_OUT] = {KEYS_STAFF, N_("Check out"), N_("Check the selected member out (a "
			   "stale check-in asks for the time and a note)"),
			   {KC(KEY_F(5), "F5")}},
	[ACT_ROSTER] = {KEYS_STAFF, N_("Roster"), N_("Evening roster of the coming week"),
			{KC(KEY_F(6), "F6")}},
	[ACT_UNREACHABLE] = {KEYS_STAFF, N_("Unreachable"), N_("Nobody of the support team "
			     "reachable, reception informed (managers, hr)"),
			     {KC(KEY_F(7), "F7")}},

	[ACT_VISIT_OUT] = {KEYS_VISITS, N_("Visit out"), N_("Record a home visit leaving now"),
			   {KC(KEY_F(4), "F4")}},
	[ACT_VISIT_BACK] = {KEYS_VISITS, N_("Back"), N_("Record the return of the selected home "
			    "visit"), {KC(KEY_F(5), "F5")}},

	[ACT_INCIDENT_ADD] = {KEYS_INCIDENTS, N_("Incident"), N_("Register an incident (after "
			      "the selected closed alarm)"), {KC(KEY_F(4), "F4")}},
	[ACT_ALARM_CANCELLED] = {KEYS_INCIDENTS, N_("Cancelled"), N_("The false alarm was "
				 "cancelled at the alarm centre"), {KC(KEY_F(5), "F5")}},
	[ACT_FOLLOWUP_DONE] = {KEYS_INCIDENTS, N_("Done"), N_("The selected follow-up step is "
			       "done (managers, hr)"), {KC(KEY_F(6), "F6")}},

	[ACT_FORM_NEXT] = {KEYS_FORM, NULL, N_("Next field"),
			   {K('\t', "Tab"), KC(KEY_DOWN, "Down")}},
	[ACT_FORM_PREV] = {KEYS_FORM, NULL, N_("Previous field"),
			   {KC(KEY_BTAB, "Shift-Tab"), KC(KEY_UP, "Up")}},
	[ACT_FORM_ENTER] = {KEYS_FORM, NULL, N_("Next field; on the last field: save"),
			    {K('\n', "Enter"), K('\r', "Enter"), KC(KEY_ENTER, "Enter")}},
	[ACT_FORM_SAVE] = {KEYS_FORM, NULL, N_("Save the form"),
			   {KC(KEY_F(10), "F10"), K(CTRL('s'), "Ctrl-S")}},
	[ACT_FORM_CLEAR] = {KEYS_FORM, NULL, N_("Clear the field"), {K(CTRL('u'), "Ctrl-U")}},
};

bool keys_is_text(wint_t ch, bool is_keycode)
{
	return !is_keycode && ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0);
}

static enum action lookup(wint_t ch, bool is_keycode, enum keys_place place)
{
	for (int a = 1; a < ACT_COUNT; a++) {
		if (keys_table[a].place != place)
			continue;
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

enum action keys_action(wint_t ch, bool is_keycode, enum keys_place place)
{
	/* Text is text everywhere: no letter, digit or space is ever a command. */
	if (keys_is_text(ch, is_keycode) || (unsigned)place >= KEYS_PLACE_COUNT)
		return ACT_NONE;
	enum action a = lookup(ch, is_keycode, place);
	if (a == ACT_NONE && place == KEYS_BANS)
		a = lookup(ch, is_keycode, KEYS_SEARCH);
	if (place == KEYS_FORM) {
		/* a form has its own keys; Ctrl-C (quit) and raising an alarm still work */
		if (a == ACT_NONE)
			a = lookup(ch, is_keycode, KEYS_EVERYWHERE);
		return a == ACT_CANCEL || a == ACT_QUIT || a == ACT_RAISE_ALARM || a == ACT_REDRAW ||
			       keys_table[a].place == KEYS_FORM ? a : ACT_NONE;
	}
	if (a == ACT_NONE)
		a = lookup(ch, is_keycode, KEYS_MOVING);
	if (a == ACT_NONE)
		a = lookup(ch, is_keycode, KEYS_EVERYWHERE);
	return a;
}

enum keys_place keys_place_of(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return KEYS_EVERYWHERE;
	return keys_table[a].place;
}

const char *keys_bar_label(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT || !keys_table[a].bar)
		return "";
	return _(keys_table[a].bar);
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

const char *keys_key_name_in(enum action a, enum keys_place place)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	for (int k = 0; k < KEYS_PER_ACTION; k++) {
		const struct key_binding *b = &keys_table[a].keys[k];
		if (!b->name)
			break;
		if (keys_action(b->ch, b->is_keycode, place) == a)
			return b->name;
	}
	return "";
}

/* "F10, Ctrl-C": the names of e's keys, each once (Enter and Backspace arrive as several
 * codes), into out. */
static void join_key_names(const struct key_entry *e, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (int k = 0; k < KEYS_PER_ACTION && e->keys[k].name; k++) {
		const char *name = e->keys[k].name;
		if (!text_list_has(out, name) &&
		    text_join(out, outsz, &len, ", ", name, strlen(name)) != 0)
			return;
	}
}

const char *keys_key_names(enum action a)
{
	/* joined from the bindings on first use, so that each key is named in one place */
	static char names[ACT_COUNT][KEYS_PER_ACTION * 16];
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return "";
	if (!names[a][0])
		join_key_names(&keys_table[a], names[a], sizeof names[a]);
	return names[a];
}

const char *keys_place_label(enum keys_place p)
{
	if ((unsigned)p >= KEYS_PLACE_COUNT)
		return "";
	return _(place_labels[p]);
}

size_t keys_bar(enum keys_place place, bool demo, enum action *out, size_t max)
{
	size_t n = 0;
#define ADD(a) do { if (n < max) out[n++] = (a); } while (0)
	if (place == KEYS_FORM) {
		/* a form shows its own keys in its border */
		ADD(ACT_RAISE_ALARM);
		ADD(ACT_QUIT);
		return n;
	}
	ADD(ACT_HELP);
	ADD(ACT_RAISE_ALARM);
	for (int a = 1; a < ACT_COUNT; a++)
		if (keys_table[a].place == place && keys_table[a].bar)
			ADD((enum action)a);
	if (place != KEYS_FORM && place != KEYS_ALARMS)
		ADD(ACT_DETAILS);
	ADD(ACT_QUIT);
	if (place != KEYS_ALARMS)
		ADD(ACT_GOTO_ALARMS);
	if (place != KEYS_BANS)
		ADD(ACT_CANCEL);
	ADD(ACT_NEXT_PANEL);
	if (demo)
		ADD(ACT_SWITCH_ROLE);
#undef ADD
	return n;
}

/* s in roff: '-' and '\' escaped, a leading '.' or '\'' made harmless. */
static int put_roff(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		if (fputs("\\&", out) == EOF)
			return -1;
	for (; *s; s++) {
		if ((*s == '-' || *s == '\\') && fputc('\\', out) == EOF)
			return -1;
		if (fputc(*s, out) == EOF)
			return -1;
	}
	return 0;
}

int keys_write_man(FILE *out)
{
	for (int p = 0; p < KEYS_PLACE_COUNT; p++) {
		if (fprintf(out, ".TP\n.B %s\n.RS\n", place_labels[p]) < 0)
			return -1;
		for (int a = 1; a < ACT_COUNT; a++) {
			if (keys_table[a].place != (enum keys_place)p)
				continue;
			if (fputs(".TP 14\n.B ", out) == EOF ||
			    put_roff(out, keys_key_names((enum action)a)) ||
			    fputc('\n', out) == EOF || put_roff(out, keys_table[a].label) ||
			    fputc('\n', out) == EOF)
				return -1;
		}
		if (fputs(".RE\n", out) == EOF)
			return -1;
	}
	return 0;
}
