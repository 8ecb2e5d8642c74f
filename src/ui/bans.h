/* bans — the inside of the visitor check / ban list panel, shared by its files: the panel
 * (panel_bans.c), the check itself, the search and list views, the forms and the details. */
#ifndef BALIE_UI_BANS_H
#define BALIE_UI_BANS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "core/lib.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/notices.h"
#include "ui/panel.h"

#define QUERY_MAX VISITOR_QUERY_MAX /* bytes of the search text */
#define HITS_MAX 100    /* candidates of one search, every one reachable by scrolling */
#define NOTICE_DAYS 14  /* ban notices older than this are no longer shown */
#define SEARCH_SETTLE_MS 250 /* a query is checked once typing rests this long (or Enter):
			     * every check the service answers is a line in the audit trail */

/* The fields of the ban form, in order: the person and the reason first, so that the
 * sanction table can propose kind and end date before the cursor gets there. */
enum ban_field {
	BF_GIVEN, BF_PREFIX, BF_SURNAME, BF_BORN, BF_REASON, BF_STARTS, BF_KIND, BF_ENDS,
	BF_JUSTIFY, BF_SCOPE, BF_IMPOSED, BF_LETTER, BF_POLICE, BF_NOTES, BF_ENFORCE,
	BF_CONVERSATION, BF_COUNT
};

enum edit_mode {
	EDIT_NONE, EDIT_NEW, EDIT_PICK, EDIT_EXTEND, EDIT_CORRECT, EDIT_LIFT, EDIT_ACTIVATE
};

/* What the panel keeps of a candidate besides its ban. */
struct bans_hit {
	int64_t id;                      /* the ban */
	int score;
	enum names_verdict verdict;
	bool born_differs;
};

struct bans_panel {
	char query[QUERY_MAX + 1];
	struct visitor_query vq;         /* the query read: name, date of birth, bad date */
	bool focused;                    /* the panel has the focus (at the last draw) */
	bool full_said;                  /* "the search is full" was said for this query */
	int cursor_x;                    /* where the terminal's cursor goes in the field */

	/* search results: the check's candidates and their bans */
	struct bans_hit hits[HITS_MAX];
	struct ban hitban[HITS_MAX];
	bool hitok[HITS_MAX];
	enum policy_here here[HITS_MAX]; /* whether the hit's ban stops the visitor here */
	bool allowed[HITS_MAX];          /* an exception holds today ... */
	struct ban_exception exc[HITS_MAX]; /* ... this one */
	enum visitor_step step[HITS_MAX];   /* what the desk must do about each */
	struct visitor_case vcase[HITS_MAX];
	size_t nhits;
	bool born_only;                  /* searched by the date of birth alone */
	bool search_failed;              /* the check could not be done: never "no ban found" */

	/* The service writes an audit line for every check it answers, so a query is
	 * checked when typing rests (SEARCH_SETTLE_MS) or on Enter, not at every key. */
	bool search_pending;             /* typed, not yet checked: no verdict shown */
	long long search_due_ms;         /* clock_mono_ms() when it is checked */

	/* without a query: one page of active bans */
	struct ban_list page;
	size_t page_offset;
	bool page_valid;
	size_t total;                    /* active bans and warnings (or drafts) */
	bool drafts;                     /* the list shows the drafts (managers, hr) */
	size_t ndrafts;                  /* drafts waiting, for the hint (managers, hr) */

	size_t sel;                      /* selected hit, or absolute row in the active list */
	size_t top;                      /* first row shown */
	int list_y, list_rows, item_h;   /* where the list was drawn, for clicks and paging */
	int detail_h, detail_sep;        /* the details below it: lines, separator line */

	/* the ban a form is open for */
	enum edit_mode edit;
	struct ban edit_ban;
	char proposed_kind[32];          /* what the table put into the new-ban form ... */
	char proposed_ends[DATES_DATE_LEN]; /* ... so a value typed over it is kept */

	struct sanction_table table;     /* sanctions.conf, or the built-in table */

	/* ban notices this user has not seen yet, and the day "ended" was last swept */
	struct ban_notice *notes;
	size_t nnotes;
	char swept[DATES_DATE_LEN];
};

/* One way of showing the panel's rows below the search field (tig's view ops): the
 * visitor search's candidates, or the ban list. */
struct bans_view_ops {
	/* Rows the view holds. */
	size_t (*count)(const struct bans_panel *p);
	/* The ban under the cursor, or NULL. */
	const struct ban *(*selected)(const struct bans_panel *p);
	/* Draw the details of the selected row from line y, at most maxlines; lines used. */
	int (*details)(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int cols,
		       int maxlines);
	/* Draw the rows between lines y and last (bans_place_list leaves room for the details,
	 * which the panel draws after them). */
	void (*draw)(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int last,
		     int cols, bool focused);
};

extern const struct bans_view_ops bans_search_view;
extern const struct bans_view_ops bans_list_view;

/* ---------------------------------------------------------------- panel_bans.c */

/* The view the panel shows now: the search while a query is typed, else the list. */
const struct bans_view_ops *bans_view(const struct bans_panel *p);

/* Whether a query is typed (the search view is shown). */
bool bans_searching(const struct bans_panel *p);

/* Today's local date. */
void bans_today(struct panel_ctx *ctx, char out[DATES_DATE_LEN]);

/* "Jan de Vries" from the parts of a ban's person. */
void bans_display_name(const struct ban *b, char *out, size_t outsz);

/* The words for where a ban applies, seen from this building. */
const char *bans_here_label(enum policy_here h);

/* The words for an exception's kind. */
const char *bans_exception_label(enum ban_exception_kind k);

/* The mandatory answers ban b lacks (policy_ban_missing bits; 0: complete). */
unsigned bans_missing(const struct ban *b);

/* The missing mandatory answers as translated words: "letter date; who imposed it". */
void bans_missing_words(unsigned missing, char *out, size_t outsz);

/* "yes" / "no", translated. */
const char *bans_yes_no(bool v);

/* Forget the search hits and their bans. */
void bans_clear_hits(struct bans_panel *p);

/* Forget the page of the ban list read last. */
void bans_drop_page(struct bans_panel *p);

/* Where the list rows go in the lines from y to last: item_h lines per row, want lines
 * of details (two more for the reason when see_reason), a separator when there is room;
 * compact drops the details below 6 lines. Keeps the selection in sight and records the
 * place for clicks and for the details; returns the rows in view. */
int bans_place_list(struct bans_panel *p, int y, int last, int item_h, int want,
		    bool see_reason, bool compact);

/* The reason line of ban b for roles that may see it (else nothing); returns lines used. */
int bans_draw_reason(struct panel_ctx *ctx, WINDOW *win, int y, int cols, int maxlines,
		     const struct ban *b);

/* ---------------------------------------------------------------- bans_index.c */

/* The candidates for a name (and a date of birth, "" when unknown) among today's active
 * bans, best first, at most max, with their bans (moved into bans: the panel frees them):
 * the one place the visitor check asks the service (client_ban_check). -1 when the check could
 * not be done (message via ctx): never an empty answer then. */
int bans_find(struct panel_ctx *ctx, const char *names, const char *born,
	      struct bans_hit *hits, struct ban *bans, size_t max, size_t *n);


/* ---------------------------------------------------------------- bans_search.c */

/* Check the query against the bans in force (bans_find) and judge each candidate. */
void bans_search(struct bans_panel *p, struct panel_ctx *ctx);

/* The query changed: check it once typing rests (SEARCH_SETTLE_MS), meanwhile show no
 * verdict of the old one. */
void bans_search_later(struct bans_panel *p, struct panel_ctx *ctx);

/* Check a query still waiting now (Enter, or its time came); true when it did. */
bool bans_search_due(struct bans_panel *p, struct panel_ctx *ctx, bool now);

/* The search field on line 1 of the panel, and under it how a typed date was read (or
 * that it was not understood); returns the lines used below line 1 (0 or 1). */
int bans_draw_search_field(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int cols);

/* The lines the search view needs at this inner width (panel_ops.size). */
void bans_search_size(struct bans_panel *p, struct panel_ctx *ctx, int cols, int *min,
		      int *want);

/* ---------------------------------------------------------------- bans_list.c */

/* Read the page of the ban list that holds rows [first, first + rows). */
void bans_ensure_page(struct bans_panel *p, struct panel_ctx *ctx, size_t first, size_t rows);

/* ---------------------------------------------------------------- bans_form.c */

/* The new-ban form (b NULL) or the form to correct ban b; NULL on out-of-memory. */
struct dialog *bans_form_new(struct bans_panel *p, struct panel_ctx *ctx, const struct ban *b);

/* A form about p->edit_ban was answered or cancelled: another may open. */
void bans_form_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg);
void bans_edit_end(struct bans_panel *p);

/* Whether s is a date in the stored form ("YYYY-MM-DD"). */
bool bans_is_date(const char *s);

/* Put the date typed into a form field in the stored form when the shared reader
 * (dates_read) understands it; a date it does not understand is left for the check. */
void bans_form_date(struct dialog *d, size_t field, enum dates_century c, const char *today);

/* Say what a store failure means for a ban form; returns -1, what submit returns to keep
 * the form open. */
int bans_save_failure(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz);

/* What the sanction table allows for a reason and offence, with the end dates of kind. */
void bans_describe_rule(const struct bans_panel *p, enum ban_reason reason,
			enum sanction_offence o, enum ban_kind kind, const char *starts,
			char *out, size_t outsz);

/* The table's verdict on a kind and period: 0 when it fits or a justification is written;
 * else -1 with err naming the bounds and the cursor on the justification field. */
int bans_table_check(const struct bans_panel *p, struct dialog *d, enum ban_reason reason,
		     enum sanction_offence o, enum ban_kind kind, const char *starts,
		     const char *ends, const char *justification, size_t justify_field,
		     const char *justify_label, char *err, size_t errsz);

/* Re-read p->edit_ban after a conflict; the message for the form in err. False when the
 * ban is gone. */
bool bans_refresh_edit_ban(struct bans_panel *p, struct panel_ctx *ctx, char *err,
			   size_t errsz);

/* ---------------------------------------------------------------- bans_edit.c */

/* Whether the operator's role may edit bans; else says so, records the refusal, 0. */
int bans_may_edit(struct panel_ctx *ctx);

/* The form (or question) of a ban action: new, extend/correct, lift, activate. */
int bans_open_form(struct bans_panel *p, struct panel_ctx *ctx, enum action a);

/* ---------------------------------------------------------------- bans_details.c */

/* The details and history of the selected ban in a dialog (recorded in the audit trail). */
int bans_open_details(struct bans_panel *p, struct panel_ctx *ctx);

/* Read this user's unseen ban notices (sweeping the bans that ended first, once a day). */
void bans_reload_notices(struct bans_panel *p, struct panel_ctx *ctx, const char *today);

/* panel_ops.notices: the ban notices on the strip. */
void bans_notices(void *self, struct panel_ctx *ctx, struct notices *out);

/* Mark the ban notices this console shows as seen by this user. */
int bans_notices_seen(struct bans_panel *p, struct panel_ctx *ctx);

#endif
