/* keys — one table maps keys to actions, with a translatable label; the help screen,
 * the status line and the man page are made from the same table. */
#ifndef BALIE_UI_KEYS_H
#define BALIE_UI_KEYS_H

#include <stdbool.h>
#include <wchar.h>

enum action {
	ACT_NONE = 0,      /* not a command: a character for a text field */
	ACT_QUIT,          /* q (asks first when a form is dirty) */
	ACT_HELP,          /* F1, ? */
	ACT_NEXT_PANEL,    /* Tab */
	ACT_PREV_PANEL,    /* Shift-Tab */
	ACT_SEARCH,        /* / : focus the visitor search field */
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_SELECT,        /* Enter: open / details */
	ACT_CANCEL,        /* Esc: leave a field or dialog */
	ACT_RAISE_ALARM,   /* F2: pick an alarm point and raise */
	ACT_ACK,           /* k: acknowledge, "on the way" */
	ACT_RESOLVE,       /* r: resolved */
	ACT_FALSE_ALARM,   /* f: false alarm */
	ACT_BAN_ADD,       /* n: new ban (managers, hr) */
	ACT_BAN_EXTEND,    /* e: extend / edit the selected ban */
	ACT_BAN_LIFT,      /* l: lift the selected ban early */
	ACT_BAN_ACTIVATE,  /* A: make the selected draft ban active (managers, hr) */
	ACT_BAN_DRAFTS,    /* d: show the draft bans instead of the active ones (managers, hr) */
	ACT_NOTICE_SEEN,   /* s: mark the ban notices on the strip as seen */
	ACT_FLAG,          /* m: mark / unmark an appointment as risky, pick precautions */
	ACT_CHECK_IN,      /* i: check in (staffing) */
	ACT_CHECK_OUT,     /* o: check out (staffing) */
	ACT_ROSTER,        /* w: put a support member on / off the evenings of the coming week */
	ACT_UNREACHABLE,   /* u: record / withdraw "nobody reachable" (managers, hr) */
	ACT_VISIT_OUT,     /* v: record a home visit leaving now */
	ACT_VISIT_BACK,    /* b: record the return (outcome) of the selected home visit */
	ACT_SWITCH_ROLE,   /* F9: demo only, try another role */
	ACT_REDRAW,        /* Ctrl-L */
	ACT_COUNT
};

/* One key press as the loop hands it on: the action it maps to (ACT_NONE for plain text),
 * the wide character or KEY_* code, and which of the two it is. */
struct key_event {
	enum action action;
	wint_t ch;
	bool is_keycode;   /* ch is a KEY_* code from get_wch(), not a character */
};

/* Map a key to its action. In a text field (text_mode) printable characters map to
 * ACT_NONE so they can be typed; function keys, Tab, Enter and Esc still map. */
enum action keys_action(wint_t ch, bool is_keycode, bool text_mode);

/* Translated label of an action ("Acknowledge") and the name of its key ("k", "F2"). */
const char *keys_label(enum action a);
const char *keys_key_name(enum action a);

/* Every key of an action for the help screen ("F1, ?"), and the translated heading the
 * action belongs under ("General", "Alarms", ...). */
const char *keys_key_names(enum action a);
const char *keys_group(enum action a);

#endif
