/* keys — the one key table: every command with its keys, the place where it works, a label
 * for the key bar and one for help; the key bar, the help screen and balie(1) come from it. */
#ifndef BALIE_UI_KEYS_H
#define BALIE_UI_KEYS_H

#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

/* Commands. Printable keys are never commands outside a dialog: they are text for the
 * visitor search, so typing a name can never raise an alarm, quit or change data. */
enum action {
	ACT_NONE = 0,      /* not a command: a character for a text field */
	/* everywhere */
	ACT_HELP,          /* F1 */
	ACT_RAISE_ALARM,   /* Ctrl-P: raise an alarm at this desk's alarm point, at once */
	ACT_GOTO_ALARMS,   /* F2: the alarm queue */
	ACT_CANCEL,        /* Esc: back to the visitor search (clears it there); cancel */
	ACT_NEXT_PANEL,    /* Tab */
	ACT_PREV_PANEL,    /* Shift-Tab */
	ACT_NOTICE_SEEN,   /* Ctrl-O: the ban notices on the strip are seen */
	ACT_SWITCH_ROLE,   /* F9: demo only, try another role */
	ACT_REDRAW,        /* Ctrl-L */
	ACT_QUIT,          /* F10, Ctrl-C: asks first */
	/* moving in a list */
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_SELECT,        /* Enter: details on the status line; in the search: record it */
	ACT_DETAILS,       /* F3: details (a ban's in a window) */
	/* the visitor search field */
	ACT_ERASE,         /* Backspace */
	ACT_CLEAR,         /* Ctrl-U */
	/* visitor check and bans */
	ACT_BAN_ADD,       /* F4: new ban (managers, hr) */
	ACT_BAN_EXTEND,    /* F5: extend / correct the selected ban */
	ACT_BAN_LIFT,      /* F6: lift the selected ban early */
	ACT_BAN_ACTIVATE,  /* F7: make the selected complete draft active */
	ACT_BAN_DRAFTS,    /* F8: the drafts instead of the active bans (managers, hr) */
	/* the alarm queue */
	ACT_ACK,           /* F5: acknowledge, "on the way" */
	ACT_RESOLVE,       /* F6: resolved */
	ACT_FALSE_ALARM,   /* F7: false alarm */
	/* appointments */
	ACT_FLAG,          /* F5: mark / unmark as risky, pick precautions */
	/* staffing */
	ACT_CHECK_IN,      /* F4 */
	ACT_CHECK_OUT,     /* F5 */
	ACT_ROSTER,        /* F6: support members on the evenings of the coming week */
	ACT_UNREACHABLE,   /* F7: record / withdraw "nobody reachable" (managers, hr) */
	/* home visits */
	ACT_VISIT_OUT,     /* F4: a home visit leaving now */
	ACT_VISIT_BACK,    /* F5: the return of the selected home visit */
	/* incidents (issue 13) */
	ACT_INCIDENT_ADD,  /* F4: register an incident (from the selected closed alarm) */
	ACT_ALARM_CANCELLED, /* F5: the selected false alarm was cancelled at the alarm centre */
	ACT_FOLLOWUP_DONE, /* F6: the selected follow-up step is done (managers, hr) */
	/* in a form (dialog.c) */
	ACT_FORM_NEXT,     /* Tab, Down: next field */
	ACT_FORM_PREV,     /* Shift-Tab, Up: previous field */
	ACT_FORM_ENTER,    /* Enter: next field; on the last one: save */
	ACT_FORM_SAVE,     /* F10, Ctrl-S */
	ACT_FORM_CLEAR,    /* Ctrl-U: clear the field */
	ACT_COUNT
};

/* Where a key press lands: each place has its own commands, besides the ones that work
 * everywhere (and the moving keys in every list). The help and balie(1) list them in this
 * order: the alarm queue's keys right after those that work everywhere. */
enum keys_place {
	KEYS_EVERYWHERE, KEYS_ALARMS, KEYS_MOVING, KEYS_SEARCH, KEYS_BANS, KEYS_APPTS,
	KEYS_STAFF, KEYS_VISITS, KEYS_INCIDENTS, KEYS_FORM, KEYS_PLACE_COUNT
};

/* One key press as the loop hands it on: the action it maps to (ACT_NONE for plain text),
 * the wide character or KEY_* code, and which of the two it is. */
struct key_event {
	enum action action;
	wint_t ch;
	bool is_keycode;   /* ch is a KEY_* code from get_wch(), not a character */
};

/* Key codes the console defines (define_key) for bracketed paste: the terminal sends
 * ESC [200~ before pasted text and ESC [201~ after it. */
#define KEYS_PASTE_START 0x7f00
#define KEYS_PASTE_END 0x7f01

/* Whether a key is text for a field: a printable character, not a command. */
bool keys_is_text(wint_t ch, bool is_keycode);

/* Map a key to its action in a place (KEYS_BANS also takes the search field's keys);
 * the keys that work everywhere and the moving keys are looked up after the place's own.
 * Printable characters are always ACT_NONE. */
enum action keys_action(wint_t ch, bool is_keycode, enum keys_place place);

/* The place an action belongs to. */
enum keys_place keys_place_of(enum action a);

/* Translated short label for the key bar ("On the way"); "" when it is not on the bar. */
const char *keys_bar_label(enum action a);

/* Translated description for help and balie(1) ("Acknowledge: you are on the way"). */
const char *keys_label(enum action a);

/* The name of an action's first key ("F5", "Ctrl-P") and of all its keys ("F10, Ctrl-C"). */
const char *keys_key_name(enum action a);
const char *keys_key_names(enum action a);

/* The name of the first key of an action that works in place ("Ctrl-C" for quitting in a
 * form, where F10 saves); "" when none does. */
const char *keys_key_name_in(enum action a, enum keys_place place);

/* Translated heading of a place ("Alarm queue"). */
const char *keys_place_label(enum keys_place p);

/* The actions of the key bar in a place, most important first (help, raising an alarm,
 * the place's own commands, quit, then the way to the other places); returns how many
 * were written to out (at most max). demo adds the role switch. */
size_t keys_bar(enum keys_place place, bool demo, enum action *out, size_t max);

/* Write the key list of balie(1) in roff, from the table, in English: a ".TP" with the
 * heading per place and ".TP 14 / .B keys / description" per command. 0, or -1 on a
 * write error. */
int keys_write_man(FILE *out);

#endif
