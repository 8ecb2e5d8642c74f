/* panel_bans — the visitor check: a search field that searches the in-memory name index as
 * you type, the active bans soonest-ending first (drafts for managers), the forms to add,
 * extend, activate and lift bans by the sanction table, their history, and the ban notices. */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "config.h"
#include "core/dates.h"
#include "core/names.h"
#include "core/policy.h"
#include "core/roles.h"
#include "core/sanctions.h"
#include "core/text.h"
#include "clock.h"
#include "i18n.h"
#include "sanctions_conf.h"
#include "store/audit.h"
#include "store/bans.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define QUERY_MAX 200   /* bytes of the search text */
#define HITS_MAX 40     /* candidates shown for one search */
#define NOTICE_DAYS 14  /* ban notices older than this are no longer shown */

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

struct bans_panel {
	char list_today[DATES_DATE_LEN]; /* the day the list was counted for */
	unsigned list_generation;        /* shared.generation the count and page belong to */

	char query[QUERY_MAX + 1];
	bool focused;                    /* typing goes into the search field */

	/* search results: the index's hits and their bans (read by id) */
	struct names_hit hits[HITS_MAX];
	struct ban hitban[HITS_MAX];
	bool hitok[HITS_MAX];
	enum policy_here here[HITS_MAX]; /* whether the hit's ban stops the visitor here */
	bool allowed[HITS_MAX];          /* an exception holds today ... */
	struct ban_exception exc[HITS_MAX]; /* ... this one */
	size_t nhits;
	char born_query[DATES_DATE_LEN]; /* a date of birth typed in the query, or "" */

	/* The audit trail gets one line per visitor check, not one per key: a query is
	 * recorded once it has rested CHECK_SETTLE_MS, or when the operator moves on. */
	struct store *store;             /* for the last record at quit */
	bool check_pending;
	long long typed_ms;              /* clock_mono_ms() of the last change */
	size_t check_hits;
	char checked[QUERY_MAX + 1];     /* the query last recorded */

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

/* ------------------------------------------------------------------ helpers */

static void today_of(struct panel_ctx *ctx, char out[DATES_DATE_LEN])
{
	dates_local_date(ctx->now, out);
}

/* "Jan de Vries" from the parts of a ban's person. */
static void display_name(const struct ban *b, char *out, size_t outsz)
{
	(void)snprintf(out, outsz, "%s%s%s%s%s", b->given_names, b->given_names[0] ? " " : "",
		       b->prefix, b->prefix[0] ? " " : "", b->surname);
}

/* Building names of a scope ("" = all buildings). */
static void scope_names(const struct config *cfg, const char *scope, char *out, size_t outsz)
{
	if (!scope || !scope[0]) {
		(void)snprintf(out, outsz, "%s", _("all buildings"));
		return;
	}
	out[0] = '\0';
	size_t used = 0;
	const char *s = scope;
	while (*s) {
		size_t n = strcspn(s, ",");
		char id[128];
		(void)snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), s);
		(void)text_trim(id);
		const struct config_building *b = config_building_find(cfg, id);
		int w = snprintf(out + used, outsz - used, "%s%s", used ? ", " : "",
				 b ? b->name : id);
		if (w < 0 || (size_t)w >= outsz - used)
			break;
		used += (size_t)w;
		s += n;
		if (*s == ',')
			s++;
	}
}

static bool is_search_mode(const struct bans_panel *p)
{
	return p->query[0] != '\0';
}

static size_t item_count(const struct bans_panel *p)
{
	return is_search_mode(p) ? p->nhits : p->total;
}

static void clear_hits(struct bans_panel *p)
{
	for (size_t i = 0; i < p->nhits; i++)
		store_ban_clear(&p->hitban[i]);
	memset(p->hitban, 0, sizeof p->hitban);
	memset(p->hitok, 0, sizeof p->hitok);
	memset(p->allowed, 0, sizeof p->allowed);
	p->nhits = 0;
}

static void drop_page(struct bans_panel *p)
{
	store_ban_list_free(&p->page);
	memset(&p->page, 0, sizeof p->page);
	p->page_valid = false;
}

/* ------------------------------------------------------------------ the name index */

/* The one name index of today's active bans, shared by the ban and appointment panels.
 * Building it reads every active ban (about 0.6 s for 100 000), so it is rebuilt only
 * when a ban was written (seen in the audit trail, which every ban write appends to in
 * its own transaction) or the day changed — never for an alarm or a check-in. */
static struct {
	struct names_index *ix;
	char today[DATES_DATE_LEN];  /* the day it was built for */
	int64_t audit_seen;          /* newest audit line looked at */
	unsigned holders;            /* panels that use it (it is freed with the last) */
	unsigned generation;         /* bumped on every rebuild */
} shared;

#define AUDIT_LOOK 64 /* audit lines read per check; more new ones than this: rebuild */

static int index_one(const struct ban *b, void *arg)
{
	struct names_index *ix = arg;
	struct names_record r = {
		.id = b->id, .given_names = b->given_names, .prefix = b->prefix,
		.surname = b->surname, .partner_prefix = b->partner_prefix,
		.partner_surname = b->partner_surname, .born = b->born,
	};
	return names_index_add(ix, &r) == 0 ? 0 : -1;
}

/* Whether a ban was written since the last look; true when that cannot be told. */
static bool bans_written(struct panel_ctx *ctx, int64_t *newest)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	*newest = shared.audit_seen;
	if (store_audit_list(ctx->store, AUDIT_LOOK, &e, &n) != STORE_OK)
		return true;
	bool written = false;
	size_t fresh = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].id <= shared.audit_seen)
			continue;
		fresh++;
		/* notices and exceptions change no ban's name or dates: no rebuild for them */
		if (strncmp(e[i].action, "ban.", 4) == 0 &&
		    strncmp(e[i].action, "ban.notice.", 11) != 0 &&
		    strcmp(e[i].action, "ban.open") != 0 &&
		    strcmp(e[i].action, "ban.exception") != 0)
			written = true;
	}
	if (n > 0)
		*newest = e[0].id;
	if (fresh == AUDIT_LOOK)
		written = true; /* older new lines were not seen */
	free(e);
	return written;
}

const struct names_index *panel_bans_index(struct panel_ctx *ctx)
{
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	int64_t newest = 0;
	bool stale = !shared.ix || strcmp(today, shared.today) != 0;
	/* look at the audit trail even when stale, so that the lines seen move on */
	if (bans_written(ctx, &newest))
		stale = true;
	if (!stale) {
		shared.audit_seen = newest;
		return shared.ix;
	}
	struct names_index *ix = names_index_new();
	if (!ix) {
		ctx->message(ctx, "%s", _("Out of memory while reading the ban list"));
		return shared.ix;
	}
	enum store_status r = store_ban_each(ctx->store, BAN_FILTER_ACTIVE, today, index_one, ix);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"),
			     r == STORE_ERROR ? store_error(ctx->store) : _("out of memory"));
		names_index_free(ix);
		return shared.ix; /* the old one (or NULL) until the next try */
	}
	names_index_free(shared.ix);
	shared.ix = ix;
	memcpy(shared.today, today, sizeof today);
	shared.audit_seen = newest;
	shared.generation++;
	return shared.ix;
}

void panel_bans_index_hold(void)
{
	shared.holders++;
}

void panel_bans_index_drop(void)
{
	if (shared.holders > 0)
		shared.holders--;
	if (shared.holders == 0) {
		names_index_free(shared.ix);
		memset(&shared, 0, sizeof shared);
	}
}

/* A date of birth typed in the query ("1980-02-03" or "03-02-1980") goes to born. */
static void split_query(const char *query, char *names, size_t namesz, char born[DATES_DATE_LEN])
{
	born[0] = '\0';
	names[0] = '\0';
	size_t used = 0;
	const char *s = query;
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (n == 0)
			break;
		char tok[QUERY_MAX + 1];
		(void)snprintf(tok, sizeof tok, "%.*s", (int)n, s);
		int y, m, d;
		char iso[DATES_DATE_LEN + 8];
		if (n == 10 && tok[2] == '-' && tok[5] == '-')
			(void)snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", tok + 6, tok + 3, tok);
		else
			(void)snprintf(iso, sizeof iso, "%.10s", tok);
		if (!born[0] && n == 10 && dates_parse_date(iso, &y, &m, &d) == 0) {
			memcpy(born, iso, DATES_DATE_LEN);
		} else if (used + n + 2 < namesz) {
			if (used)
				names[used++] = ' ';
			memcpy(names + used, s, n);
			used += n;
			names[used] = '\0';
		}
		s += n;
	}
}

#define CHECK_SETTLE_MS 1500

/* Record the settled query as a visitor check (query text, number of hits). */
static void record_check(struct bans_panel *p, struct store *st)
{
	if (!p->check_pending)
		return;
	p->check_pending = false;
	if (!p->query[0] || strcmp(p->query, p->checked) == 0)
		return;
	char count[32];
	(void)snprintf(count, sizeof count, "%zu", p->check_hits);
	if (store_audit(st, "visitor.check", p->query, count, "console") == STORE_OK)
		(void)snprintf(p->checked, sizeof p->checked, "%s", p->query);
}

/* Run the query against the index and read the hits' bans. */
static void search(struct bans_panel *p, struct panel_ctx *ctx)
{
	p->check_pending = true;
	p->typed_ms = clock_mono_ms();
	clear_hits(p);
	p->sel = 0;
	p->top = 0;
	if (!is_search_mode(p))
		return;
	const struct names_index *ix = panel_bans_index(ctx);
	if (!ix)
		return;
	char names[QUERY_MAX + 1];
	split_query(p->query, names, sizeof names, p->born_query);
	if (!names[0])
		return;
	size_t n = names_index_search(ix, names, p->born_query, p->hits, HITS_MAX);
	const struct config_building *here = config_building_here(ctx->config);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	for (size_t i = 0; i < n; i++) {
		enum store_status r = store_ban_get(ctx->store, p->hits[i].id, &p->hitban[i]);
		/* a ban lifted or deleted a moment ago: the reload that follows drops it */
		p->hitok[i] = r == STORE_OK;
		if (!p->hitok[i])
			continue;
		const struct ban *b = &p->hitban[i];
		p->here[i] = policy_ban_applies_here(b->kind, b->scope, here ? here->id : "");
		r = store_ban_exception_on(ctx->store, b->id, today, &p->exc[i]);
		p->allowed[i] = r == STORE_OK;
		if (r != STORE_OK && r != STORE_NOT_FOUND)
			ctx->message(ctx, _("Exceptions could not be read: %s"),
				     store_error(ctx->store));
	}
	p->nhits = n;
	p->check_hits = n;
}

/* ------------------------------------------------------------------ panel ops */

static void *bans_create(struct panel_ctx *ctx)
{
	struct bans_panel *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->store = ctx->store;
	char err[512];
	if (sanctions_load(ctx->config ? ctx->config->source : NULL, &p->table, err,
			   sizeof err) != 0) {
		/* The forms still need a table; the built-in one is the policy's own. Say so,
		 * so the broken file is mended rather than silently ignored. */
		char err2[512];
		if (sanctions_default(&p->table, err2, sizeof err2) != 0) {
			free(p);
			return NULL;
		}
		ctx->message(ctx, _("%s; the built-in sanction table is used"), err);
	}
	panel_bans_index_hold();
	return p;
}

static void bans_destroy(void *self)
{
	struct bans_panel *p = self;
	if (!p)
		return;
	record_check(p, p->store);
	clear_hits(p);
	drop_page(p);
	store_ban_clear(&p->edit_ban);
	free(p->notes);
	panel_bans_index_drop();
	free(p);
}

/* The ban notices this user has not seen yet; at the start and on a new day, the bans that
 * ended are swept into notices first (every console may: each ban ends once). */
static void reload_notices(struct bans_panel *p, struct panel_ctx *ctx, const char *today)
{
	if (strcmp(p->swept, today) != 0) {
		if (store_ban_notice_sweep(ctx->store, today, NULL) == STORE_OK)
			memcpy(p->swept, today, DATES_DATE_LEN);
		/* else: busy or failing now, tried again on the next reload */
	}
	struct ban_notice *list = NULL;
	size_t n = 0;
	time_t since = ctx->now - (time_t)NOTICE_DAYS * 24 * 60 * 60;
	if (store_ban_notice_unseen(ctx->store, ctx->user, since, &list, &n) != STORE_OK) {
		ctx->message(ctx, _("The ban notices could not be read: %s"), store_error(ctx->store));
		return; /* the last ones stay on the strip */
	}
	free(p->notes);
	p->notes = list;
	p->nnotes = n;
}

static int bans_reload(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	reload_notices(p, ctx, today);
	if (!roles_may(ctx->role, PERM_EDIT_BAN) && p->drafts) {
		/* the demo's role switch: drafts are for managers only */
		p->drafts = false;
		p->list_today[0] = '\0';
	}
	/* Built now rather than on the first key press; rebuilt only when a ban was written.
	 * Counting 100 000 bans takes tens of milliseconds, so the count and the page are
	 * kept too while no ban changed: an alarm raised elsewhere must show at once. */
	(void)panel_bans_index(ctx);
	if (!p->list_today[0] || strcmp(today, p->list_today) != 0 ||
	    p->list_generation != shared.generation) {
		drop_page(p);
		size_t total = 0, drafts = 0;
		if (store_ban_count(ctx->store, p->drafts ? BAN_FILTER_DRAFT : BAN_FILTER_ACTIVE,
				    today, &total) != STORE_OK ||
		    (roles_may(ctx->role, PERM_EDIT_BAN) &&
		     store_ban_count(ctx->store, BAN_FILTER_DRAFT, today, &drafts) != STORE_OK)) {
			ctx->message(ctx, _("The ban list could not be read: %s"),
				     store_error(ctx->store));
			return -1;
		}
		p->total = total;
		p->ndrafts = drafts;
		memcpy(p->list_today, today, sizeof today);
		p->list_generation = shared.generation;
	}
	size_t total = p->total;
	if (is_search_mode(p)) {
		size_t keep = p->sel;
		int64_t keep_id = keep < p->nhits ? p->hits[keep].id : 0;
		search(p, ctx);
		for (size_t i = 0; i < p->nhits; i++)
			if (p->hits[i].id == keep_id)
				p->sel = i;
	} else if (p->sel >= total) {
		p->sel = total ? total - 1 : 0;
	}
	return 0;
}

static int bans_wanted_lines(void *self, struct panel_ctx *ctx, int cols)
{
	(void)ctx;
	(void)cols;
	const struct bans_panel *p = self;
	/* While a visitor's hits are shown, the hit and what to do now need the room most. */
	return is_search_mode(p) && p->nhits > 0 ? 14 : 0;
}

/* Read the page of active bans that holds rows [first, first + rows). */
static void ensure_page(struct bans_panel *p, struct panel_ctx *ctx, size_t first, size_t rows)
{
	if (p->page_valid && first >= p->page_offset &&
	    first + rows <= p->page_offset + p->page.count)
		return;
	if (p->page_valid && first >= p->page_offset && p->page_offset + p->page.count >= p->total)
		return; /* the last page is short */
	drop_page(p);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	size_t limit = rows * 2 + 8;   /* a little ahead, so paging down reads less often */
	enum store_status r = store_ban_list(ctx->store, p->drafts ? BAN_FILTER_DRAFT
								   : BAN_FILTER_ACTIVE,
					     today, first, limit, &p->page);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), store_error(ctx->store));
		memset(&p->page, 0, sizeof p->page);
		return;
	}
	p->page_offset = first;
	p->page_valid = true;
}

static const struct ban *page_item(const struct bans_panel *p, size_t row)
{
	if (!p->page_valid || row < p->page_offset || row >= p->page_offset + p->page.count)
		return NULL;
	return &p->page.items[row - p->page_offset];
}

/* The ban under the cursor, or NULL. */
static const struct ban *selected_ban(const struct bans_panel *p)
{
	if (is_search_mode(p))
		return p->sel < p->nhits && p->hitok[p->sel] ? &p->hitban[p->sel] : NULL;
	return page_item(p, p->sel);
}

static void draw_search_field(struct bans_panel *p, WINDOW *win, int cols)
{
	const char *label = _("Search: ");
	int x = 1 + draw_text(win, 1, 1, cols, label, theme_attr(THEME_TITLE));
	int room = cols - (x - 1) - 1;
	if (room < 2)
		return;
	attr_t fa = theme_attr(THEME_FIELD);
	draw_fill(win, 1, x, room + 1, fa);
	/* show the end of a long query: that is where the typing happens */
	const char *q = p->query;
	while (draw_width(q) > room - 1 && *q) {
		q++;
		while ((*q & 0xC0) == 0x80)
			q++;
	}
	int used = draw_text(win, 1, x, room, q, fa);
	if (p->focused)
		(void)draw_text(win, 1, x + used, 1, " ", fa | A_REVERSE); /* the typing cursor */
	else if (!p->query[0])
		(void)draw_text(win, 1, x, room, _("press / to check a visitor"),
				fa | theme_attr(THEME_DIM));
}

/* The words for where a ban applies, seen from this building. */
static const char *here_label(enum policy_here h)
{
	switch (h) {
	case POLICY_HERE_APPLIES: return _("applies here");
	case POLICY_HERE_OTHER_BUILDING: return _("OTHER BUILDING ONLY");
	case POLICY_HERE_PHONE_ONLY: return _("PHONE BAN ONLY");
	case POLICY_HERE_WARNING: return _("WRITTEN WARNING");
	}
	return "";
}

static const char *exception_label(enum ban_exception_kind k)
{
	return k == BAN_EXCEPTION_APPOINTMENT ? _("appointment arranged by phone")
					      : _("representative with signed authorisation");
}

/* Whether hit i stops the visitor at this desk: its ban applies here and no exception
 * allows the visit today. An unreadable ban counts as stopping (a missed ban is worse). */
static bool hit_stops(const struct bans_panel *p, size_t i)
{
	if (i >= p->nhits)
		return false;
	if (!p->hitok[i])
		return true;
	return p->here[i] == POLICY_HERE_APPLIES && !p->allowed[i];
}

/* What the receptionist must do about hit i: the protocol when its ban stops the visitor
 * here, else why not. */
static void hit_advice(const struct bans_panel *p, struct panel_ctx *ctx, size_t i, char *out,
		       size_t outsz)
{
	out[0] = '\0';
	if (i >= p->nhits)
		return;
	bool match = p->hits[i].verdict == NAMES_MATCH;
	if (hit_stops(p, i)) {
		(void)snprintf(out, outsz, "%s",
			       config_protocol(ctx->config, match ? PROTOCOL_BAN_HIT
								  : PROTOCOL_POSSIBLE));
		return;
	}
	const struct ban *b = &p->hitban[i];
	if (p->allowed[i]) {
		if (p->exc[i].kind == BAN_EXCEPTION_APPOINTMENT)
			(void)snprintf(out, outsz, _("ALLOWED today: appointment arranged by phone "
						     "(%s). Serve the visitor for this appointment "
						     "only."), p->exc[i].detail);
		else
			(void)snprintf(out, outsz, _("ALLOWED today: a representative with signed "
						     "authorisation (%s). Check the signed "
						     "authorisation; the person themselves stays "
						     "banned."), p->exc[i].detail);
		return;
	}
	char where[512];
	switch (p->here[i]) {
	case POLICY_HERE_OTHER_BUILDING:
		scope_names(ctx->config, b->scope, where, sizeof where);
		(void)snprintf(out, outsz, _("Not for this building: the ban is for %s only. "
					     "Serve the visitor as usual."), where);
		break;
	case POLICY_HERE_PHONE_ONLY:
		(void)snprintf(out, outsz, "%s", _("Phone ban only: the visitor may come in and be "
						   "served at the desk."));
		break;
	case POLICY_HERE_WARNING:
		(void)snprintf(out, outsz, "%s", _("Written warning: serve the visitor, but stay "
						   "alert; on aggression call the porter."));
		break;
	case POLICY_HERE_APPLIES:
		break;
	}
}

/* The missing mandatory answers as translated words: "letter date; who imposed it". */
static void missing_words(unsigned missing, char *out, size_t outsz)
{
	policy_missing_join(missing, policy_missing_label, "; ", out, outsz);
}

/* One search hit on two lines (verdict, name, born / where it applies, kind, until,
 * buildings), or on one line (verdict, name, born, until) when the room is needed for the
 * protocol. */
static void draw_hit(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int cols,
		     size_t i, bool selected, bool two_lines)
{
	const struct names_hit *h = &p->hits[i];
	bool match = h->verdict == NAMES_MATCH;
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected) {
		draw_fill(win, y, 1, cols, base);
		if (two_lines)
			draw_fill(win, y + 1, 1, cols, base);
	}
	char verdict[64];
	bool allowed = p->hitok[i] && p->allowed[i];
	/* Red only for a ban that stops the visitor here: the name still matches, but a ban
	 * for another building or an arranged appointment must not look like one. */
	enum theme_role role = allowed ? THEME_BAN_CLEAR
			     : hit_stops(p, i) && match ? THEME_BAN_MATCH : THEME_BAN_POSSIBLE;
	(void)snprintf(verdict, sizeof verdict, " %s ",
		       allowed ? _("ALLOWED") : match ? _("MATCH") : _("POSSIBLE"));
	int x = 1 + draw_text(win, y, 1, cols, verdict, theme_attr(role));
	x++;
	if (!p->hitok[i]) {
		(void)draw_text(win, y, x, cols - x + 1, _("(ban no longer readable)"), base);
		return;
	}
	const struct ban *b = &p->hitban[i];
	char name[512], line[1280];
	display_name(b, name, sizeof name);
	x += draw_text(win, y, x, cols - x + 1, name, base | A_BOLD);
	if (b->born[0] && x <= cols) {
		if (h->born_differs)
			(void)snprintf(line, sizeof line, _(", born %s (differs from %s)"), b->born,
				       p->born_query);
		else
			(void)snprintf(line, sizeof line, _(", born %s"), b->born);
		x += draw_text(win, y, x, cols - x + 1, line,
			       h->born_differs ? base | theme_attr(THEME_BAN_POSSIBLE) : base);
	}
	const char *label = allowed ? exception_label(p->exc[i].kind) : here_label(p->here[i]);
	if (!two_lines) {
		if (x <= cols) {
			(void)snprintf(line, sizeof line, _(", until %s; %s"), b->ends, label);
			(void)draw_text(win, y, x, cols - x + 1, line, base);
		}
		return;
	}
	char where[512];
	scope_names(ctx->config, b->scope, where, sizeof where);
	x = 3 + draw_text(win, y + 1, 3, cols - 2, label,
			  base | (p->here[i] == POLICY_HERE_APPLIES && !allowed ? 0 : A_BOLD));
	(void)snprintf(line, sizeof line, _(": %s until %s, %s"), policy_kind_label(b->kind),
		       b->ends, where);
	(void)draw_text(win, y + 1, x, cols - x + 1, line, base);
}

/* One line for a ban of the list (a draft says what it still lacks). */
static void draw_ban_row(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			 int cols, const struct ban *b, bool selected)
{
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected)
		draw_fill(win, y, 1, cols, base);
	char name[512], where[512], line[1280];
	display_name(b, name, sizeof name);
	scope_names(ctx->config, b->scope, where, sizeof where);
	int x = 1 + draw_text(win, y, 1, cols, b->ends, base);
	x++;
	if (p->drafts)
		x += 1 + draw_text(win, y, x, cols - x + 1, _("DRAFT"),
				   base | theme_attr(THEME_BAN_POSSIBLE));
	int namew = cols - x + 1;
	if (namew > 24 && cols > 60)
		namew = cols / 3;
	(void)draw_text(win, y, x, namew, name, base | A_BOLD);
	x += namew + 1;
	if (x < cols) {
		(void)snprintf(line, sizeof line, "%s, %s", policy_kind_label(b->kind), where);
		(void)draw_text(win, y, x, cols - x + 1, line, base);
	}
}

/* What the operator needs on the selected entry: what to do for a hit, the facts of a
 * ban; reasons only for roles that may see them. Returns lines used. */
static int draw_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, int maxlines)
{
	int used = 0;
	const struct ban *b = selected_ban(p);
	attr_t msg = theme_attr(THEME_MESSAGE);
	if (is_search_mode(p) && p->sel < p->nhits) {
		char advice[2400];
		hit_advice(p, ctx, p->sel, advice, sizeof advice);
		used += draw_wrap(win, y, 1, cols, maxlines, advice, msg);
	}
	if (!b || used >= maxlines)
		return used;
	char line[1280];
	if (!is_search_mode(p)) {
		char name[512], where[512];
		display_name(b, name, sizeof name);
		scope_names(ctx->config, b->scope, where, sizeof where);
		(void)snprintf(line, sizeof line, _("%s, born %s: %s from %s until %s, %s"), name,
			       b->born[0] ? b->born : _("unknown"), policy_kind_label(b->kind),
			       b->starts, b->ends, where);
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_NORMAL));
	}
	if (used < maxlines && p->drafts) {
		unsigned missing = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
						      b->letter_sent);
		char what[512];
		missing_words(missing, what, sizeof what);
		if (missing)
			(void)snprintf(line, sizeof line, _("Draft: missing %s (e: fill in)"), what);
		else
			(void)snprintf(line, sizeof line, _("Draft, complete: press %s to activate"),
				       keys_key_name(ACT_BAN_ACTIVATE));
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_BAN_POSSIBLE));
	}
	if (used < maxlines && roles_may(ctx->role, PERM_SEE_REASON)) {
		(void)snprintf(line, sizeof line, _("Reason: %s%s%s; imposed by %s"),
			       policy_reason_label(b->reason), b->notes[0] ? " - " : "", b->notes,
			       b->imposed_by[0] ? b->imposed_by : "-");
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_DIM));
	}
	return used;
}

static void bans_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct bans_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	(void)werase(win);
	draw_frame(win, _("Visitor check / ban list"), focused, theme_attr(THEME_NORMAL));
	if (lines < 4 || cols < 10)
		return;
	int last = lines - 2;
	draw_search_field(p, win, cols);
	int y = 2;
	if (y > last)
		return;
	char line[512];
	bool searching = is_search_mode(p);
	size_t count = item_count(p);
	if (searching && count == 0) {
		(void)draw_text(win, y, 1, cols, _("No ban found for this name"),
				theme_attr(THEME_BAN_CLEAR));
		return;
	}
	if (!searching) {
		if (p->drafts)
			(void)snprintf(line, sizeof line,
				       ngettext("%zu draft ban, not on the list (d: active bans)",
						"%zu draft bans, not on the list (d: active bans)",
						p->total), p->total);
		else
			(void)snprintf(line, sizeof line,
				       ngettext("%zu active ban or warning, soonest-ending first",
						"%zu active bans and warnings, soonest-ending first",
						p->total), p->total);
		int x = 1 + draw_text(win, y, 1, cols, line,
				      theme_attr(p->drafts ? THEME_BAN_POSSIBLE : THEME_DIM));
		if (!p->drafts && p->ndrafts && roles_may(ctx->role, PERM_EDIT_BAN)) {
			(void)snprintf(line, sizeof line,
				       ngettext(" | %zu draft (d)", " | %zu drafts (d)", p->ndrafts),
				       p->ndrafts);
			(void)draw_text(win, y, x, cols - x + 1, line, theme_attr(THEME_BAN_POSSIBLE));
		}
		y++;
	}
	int avail = last - y + 1;
	if (avail <= 0 || count == 0)
		return;
	/* What to do now comes first: on a hit the protocol gets its room before the list
	 * gets more than one line; then the reason (for roles that may see it), then the
	 * separator line. Without a search the facts of the selected ban take 3 lines. */
	bool see_reason = roles_may(ctx->role, PERM_SEE_REASON);
	int want, item_h = searching ? 2 : 1;
	if (searching) {
		char advice[2400];
		hit_advice(p, ctx, p->sel < p->nhits ? p->sel : 0, advice, sizeof advice);
		want = draw_wrap_lines(advice, cols, 50);
		if (avail < 2 + 1 + want)
			item_h = 1;
	} else {
		want = p->drafts ? 4 : 3;
	}
	int detail = want + (see_reason ? 2 : 0), sep = 1;
	if (avail - detail - sep < item_h)
		detail = want;
	if (avail - detail - sep < item_h)
		sep = 0;
	if (avail - detail - sep < item_h)
		detail = avail - item_h;
	if (!searching && avail < 6) {
		detail = 0; /* a short list beats half a description */
		sep = 0;
	}
	if (detail < 0)
		detail = 0;
	int list_lines = avail - detail - sep;
	int per_view = list_lines / item_h;
	if (per_view < 1)
		per_view = 1;
	p->item_h = item_h;
	p->list_y = y;
	p->list_rows = per_view;
	if (p->sel >= count)
		p->sel = count - 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)per_view)
		p->top = p->sel - (size_t)per_view + 1;
	if (!searching)
		ensure_page(p, ctx, p->top, (size_t)per_view);
	for (int r = 0; r < per_view && p->top + (size_t)r < count; r++) {
		size_t i = p->top + (size_t)r;
		int yy = y + r * item_h;
		if (yy + item_h - 1 > last)
			break;
		bool sel = i == p->sel && (focused || searching);
		if (searching) {
			draw_hit(p, ctx, win, yy, cols, i, sel, item_h == 2);
		} else {
			const struct ban *b = page_item(p, i);
			if (b)
				draw_ban_row(p, ctx, win, yy, cols, b, sel);
		}
	}
	char note[96];
	if (searching)
		(void)snprintf(note, sizeof note, ngettext("%zu candidate", "%zu candidates", count),
			       count);
	else
		(void)snprintf(note, sizeof note, _("%zu more"), count - p->top - (size_t)per_view);
	if (searching || p->top + (size_t)per_view < count)
		draw_frame_note(win, note, theme_attr(THEME_DIM));
	if (detail > 0) {
		int dy = last - detail + 1;
		if (sep)
			(void)mvwhline_set(win, dy - 1, 1, WACS_HLINE, cols); /* clipping is harmless */
		(void)draw_details(p, ctx, win, dy, cols, detail);
	}
}

/* ------------------------------------------------------------------ the ban forms */

static const char *yes_no(bool v)
{
	return v ? _("yes") : _("no");
}

/* "yes"/"no" in either language; -1 when neither. */
static int parse_yes_no(const char *s)
{
	if (!s[0])
		return 0;
	const char *yes[] = { "y", "yes", "j", "ja", _("yes") };
	const char *no[] = { "n", "no", "nee", _("no") };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* A kind by machine name or translated label. */
static int parse_kind(const char *s, enum ban_kind *out)
{
	if (policy_kind_parse(s, out) == 0)
		return 0;
	for (int k = 0; k < BAN_KIND_COUNT; k++)
		if (strcasecmp(s, policy_kind_label((enum ban_kind)k)) == 0) {
			*out = (enum ban_kind)k;
			return 0;
		}
	return -1;
}

static int parse_reason(const char *s, enum ban_reason *out)
{
	if (policy_reason_parse(s, out) == 0)
		return 0;
	for (int r = 0; r < REASON_COUNT; r++)
		if (strcasecmp(s, policy_reason_label((enum ban_reason)r)) == 0) {
			*out = (enum ban_reason)r;
			return 0;
		}
	return -1;
}

/* The machine names joined: "building, phone, ...". */
static void kind_names(char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (int k = 0; k < BAN_KIND_COUNT; k++) {
		int w = snprintf(out + used, outsz - used, "%s%s", k ? ", " : "",
				 policy_kind_name((enum ban_kind)k));
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

static void reason_names(char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (int r = 0; r < REASON_COUNT; r++) {
		int w = snprintf(out + used, outsz - used, "%s%s", r ? ", " : "",
				 policy_reason_name((enum ban_reason)r));
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

static void building_ids(const struct config *cfg, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < cfg->nbuildings; i++) {
		int w = snprintf(out + used, outsz - used, "%s%s", i ? ", " : "",
				 cfg->buildings[i].id);
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

/* "threat, physical" (machine names or labels): the most serious into *worst and, for a
 * combination, the normalised list into list ("threat,physical", else ""); -1 with why. */
static int parse_reasons(const struct sanction_table *t, const char *s, enum ban_reason *worst,
			 char *list, size_t listsz, char *why, size_t whysz)
{
	enum ban_reason r[REASON_COUNT] = { 0 };
	size_t n = 0, used = 0;
	list[0] = '\0';
	while (*s) {
		size_t len = strcspn(s, ",");
		char tok[128];
		(void)snprintf(tok, sizeof tok, "%.*s", (int)(len < sizeof tok ? len : sizeof tok - 1),
			       s);
		(void)text_trim(tok);
		if (tok[0]) {
			enum ban_reason one;
			if (parse_reason(tok, &one) != 0) {
				char names[256];
				reason_names(names, sizeof names);
				(void)snprintf(why, whysz, _("\"%s\" is not one of: %s"), tok, names);
				return -1;
			}
			bool dup = false;
			for (size_t i = 0; i < n; i++)
				dup |= r[i] == one;
			if (!dup && n < REASON_COUNT) {
				r[n++] = one;
				int w = snprintf(list + used, listsz - used, "%s%s", used ? "," : "",
						 policy_reason_name(one));
				if (w > 0 && (size_t)w < listsz - used)
					used += (size_t)w;
			}
		}
		s += len;
		if (*s == ',')
			s++;
	}
	if (sanctions_most_serious(t, r, n, worst) != 0) {
		(void)snprintf(why, whysz, "%s", _("is required"));
		return -1;
	}
	if (n < 2)
		list[0] = '\0';
	return 0;
}

/* Validated values of the ban form; strings point into the dialog or into the arrays. */
struct ban_input {
	const char *v[BF_COUNT];
	enum ban_kind kind;
	enum ban_reason reason;      /* the most serious of a combination */
	char reasons[256];           /* the combination ("threat,physical"), or "" */
	bool police;
	bool conversation;
	char scope[512];             /* normalised: "id1,id2" */
};

static const char *field_label(enum ban_field f)
{
	static const char *const labels[BF_COUNT] = {
		N_("Given names"), N_("Prefix (van, de)"), N_("Surname"),
		N_("Date of birth"), N_("Reason(s)"), N_("Starts"), N_("Kind of ban"), N_("Ends"),
		N_("Justification"), N_("Buildings"), N_("Imposed by"), N_("Letter sent on"),
		N_("Police informed"), N_("Why (what happened)"), N_("Enforcement"),
		N_("Until conversation"),
	};
	return _(labels[f]);
}

/* Buildings by id (or by shown name) into "id1,id2"; -1 with why on an unknown one. */
static int parse_scope(const struct config *cfg, const char *s, char *out, size_t outsz,
		       char *why, size_t whysz)
{
	size_t used = 0;
	out[0] = '\0';
	while (*s) {
		size_t n = strcspn(s, ",");
		char id[256];
		(void)snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), s);
		(void)text_trim(id);
		const struct config_building *b = config_building_find(cfg, id);
		for (size_t k = 0; !b && k < cfg->nbuildings; k++)
			if (strcasecmp(cfg->buildings[k].name, id) == 0)
				b = &cfg->buildings[k];
		if (id[0] && !b) {
			char ids[256];
			building_ids(cfg, ids, sizeof ids);
			(void)snprintf(why, whysz, _("\"%s\" is not a building (known: %s; empty = all)"),
				       id, ids);
			return -1;
		}
		if (b) {
			int w = snprintf(out + used, outsz - used, "%s%s", used ? "," : "", b->id);
			if (w > 0 && (size_t)w < outsz - used)
				used += (size_t)w;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}

static bool is_date(const char *s)
{
	int y, m, d;
	return s[0] && dates_parse_date(s, &y, &m, &d) == 0;
}

/* Check one field of the ban form; 0, or -1 with why. Only what a draft needs is required:
 * the mandatory answers may come later (store_ban_insert keeps the ban a draft). */
static int check_field(struct bans_panel *p, struct panel_ctx *ctx, bool is_new,
		       enum ban_field i, struct ban_input *in, const char *today, char *why,
		       size_t whysz)
{
	static const bool required[BF_COUNT] = {
		[BF_SURNAME] = true, [BF_KIND] = true, [BF_REASON] = true,
		[BF_STARTS] = true, [BF_ENDS] = true,
	};
	const char *v = in->v[i];
	enum text_problem tp = text_check(v, 2000, !required[i]);
	if (tp != TEXT_OK) {
		(void)snprintf(why, whysz, "%s",
			       tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp));
		return -1;
	}
	switch (i) {
	case BF_BORN:
	case BF_STARTS:
	case BF_ENDS:
	case BF_LETTER:
		if (v[0] && !is_date(v)) {
			(void)snprintf(why, whysz, _("\"%s\" is not a date (YYYY-MM-DD)"), v);
			return -1;
		}
		if ((i == BF_BORN || i == BF_LETTER) && v[0] && strcmp(v, today) > 0) {
			(void)snprintf(why, whysz, _("%s lies in the future"), v);
			return -1;
		}
		if (i == BF_ENDS && strcmp(v, in->v[BF_STARTS]) < 0) {
			(void)snprintf(why, whysz, _("%s is before the start %s"), v,
				       in->v[BF_STARTS]);
			return -1;
		}
		if (i == BF_ENDS && is_new && strcmp(v, today) < 0) {
			(void)snprintf(why, whysz, _("%s has already passed"), v);
			return -1;
		}
		return 0;
	case BF_KIND:
		if (parse_kind(v, &in->kind) != 0) {
			char names[256];
			kind_names(names, sizeof names);
			(void)snprintf(why, whysz, _("\"%s\" is not one of: %s"), v, names);
			return -1;
		}
		return 0;
	case BF_REASON:
		return parse_reasons(&p->table, v, &in->reason, in->reasons, sizeof in->reasons, why,
				     whysz);
	case BF_POLICE:
	case BF_CONVERSATION: {
		int yn = parse_yes_no(v);
		if (yn < 0) {
			(void)snprintf(why, whysz, _("answer %s or %s"), _("yes"), _("no"));
			return -1;
		}
		if (i == BF_POLICE)
			in->police = yn == 1;
		else
			in->conversation = yn == 1;
		if (i == BF_CONVERSATION && in->conversation && in->kind != BAN_SERVICE) {
			(void)snprintf(why, whysz, "%s",
				       _("only a service stop waits for an order conversation"));
			return -1;
		}
		return 0;
	}
	case BF_SCOPE:
		return parse_scope(ctx->config, v, in->scope, sizeof in->scope, why, whysz);
	default:
		return 0;
	}
}

/* Check every field in form order; on the first problem write "Field: why" to err, put
 * the cursor there and return -1. */
static int ban_validate(struct dialog *d, struct bans_panel *p, struct panel_ctx *ctx,
			bool is_new, struct ban_input *in, char *err, size_t errsz)
{
	memset(in, 0, sizeof *in);
	for (int i = 0; i < BF_COUNT; i++)
		in->v[i] = dialog_form_value(d, (size_t)i);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	for (int i = 0; i < BF_COUNT; i++) {
		char why[512];
		if (check_field(p, ctx, is_new, (enum ban_field)i, in, today, why, sizeof why) != 0) {
			(void)snprintf(err, errsz, "%s: %s", field_label((enum ban_field)i), why);
			dialog_form_focus(d, (size_t)i);
			return -1;
		}
	}
	return 0;
}

/* Say what a store failure means for a ban form. */
static void store_failure(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz)
{
	if (r == STORE_BUSY)
		(void)snprintf(err, errsz, "%s", _("The database is busy; try again"));
	else
		(void)snprintf(err, errsz, _("Not saved: %s"), store_error(ctx->store));
}

/* ------------------------------------------------------------------ the sanction table */

/* "repeat offence (2 earlier)" / "first offence (no earlier ban)". */
static void offence_text(size_t earlier, char *out, size_t outsz)
{
	if (earlier == 0)
		(void)snprintf(out, outsz, "%s", _("First offence (no earlier ban or warning)"));
	else
		(void)snprintf(out, outsz,
			       ngettext("Repeat offence (%zu earlier ban or warning)",
					"Repeat offence (%zu earlier bans or warnings)", earlier),
			       earlier);
}

/* What the table allows for a reason and offence, with the end dates of kind from starts:
 * "physical violence, repeat: kinds building+phone,building; ends 2027-05-23..2027-08-24". */
static void describe_rule(const struct bans_panel *p, enum ban_reason reason,
			  enum sanction_offence o, enum ban_kind kind, const char *starts,
			  char *out, size_t outsz)
{
	const struct sanction_rule *rule = sanctions_rule(&p->table, reason, o);
	if (!rule) {
		(void)snprintf(out, outsz, "%s", sanctions_check_message(SANCTION_NO_RULE));
		return;
	}
	char kinds[128], lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(rule->kinds, kinds, sizeof kinds);
	int n = snprintf(out, outsz, _("%s, %s: kinds %s"), policy_reason_label(reason),
			 o == SANCTION_REPEAT ? _("repeat") : _("first"), kinds);
	if (n < 0 || (size_t)n >= outsz)
		return;
	if (sanctions_bounds(&p->table, rule, kind, starts, lo, hi) == 0)
		(void)snprintf(out + n, outsz - (size_t)n, _("; a %s ends %s to %s"),
			       policy_kind_label(kind), lo, hi);
}

/* The table's verdict on a kind and period: 0 when it fits or a justification is written;
 * else -1 with err naming the bounds and the cursor on the justification field. */
static int table_check(const struct bans_panel *p, struct dialog *d, enum ban_reason reason,
		       enum sanction_offence o, enum ban_kind kind, const char *starts,
		       const char *ends, const char *justification, size_t justify_field,
		       const char *justify_label, char *err, size_t errsz)
{
	enum sanction_check c = sanctions_check(&p->table, reason, o, kind, starts, ends);
	if (c == SANCTION_OK || justification[0])
		return 0;
	char rule[512];
	describe_rule(p, reason, o, kind, starts, rule, sizeof rule);
	(void)snprintf(err, errsz, _("%s: required: %s (%s)"), justify_label,
		       sanctions_check_message(c), rule);
	dialog_form_focus(d, justify_field);
	return -1;
}

/* The note under the new-ban form: what the table proposes for the person, reason(s) and
 * start typed so far. prefill: put the proposed kind and end date into their fields unless
 * the manager has typed other ones. */
static void form_propose(struct bans_panel *p, struct dialog *d, struct panel_ctx *ctx,
			 bool prefill)
{
	const char *surname = dialog_form_value(d, BF_SURNAME);
	const char *reason_text = dialog_form_value(d, BF_REASON);
	if (!surname[0] && !reason_text[0]) {
		dialog_form_note(d, NULL);
		return;
	}
	char today[DATES_DATE_LEN], note[1024], offence[160];
	today_of(ctx, today);
	const char *born = dialog_form_value(d, BF_BORN);
	const char *starts = dialog_form_value(d, BF_STARTS);
	if (!is_date(starts))
		starts = today;
	size_t earlier = 0;
	if (surname[0]) {
		enum store_status r = store_ban_earlier(ctx->store, dialog_form_value(d, BF_GIVEN),
							dialog_form_value(d, BF_PREFIX), surname,
							is_date(born) ? born : "", 0, &earlier);
		if (r != STORE_OK) {
			(void)snprintf(note, sizeof note, _("Earlier bans could not be counted: %s"),
				       store_error(ctx->store));
			dialog_form_note(d, note);
			return;
		}
	}
	offence_text(earlier, offence, sizeof offence);
	enum ban_reason worst;
	char list[256], why[256];
	if (!reason_text[0] ||
	    parse_reasons(&p->table, reason_text, &worst, list, sizeof list, why, sizeof why) != 0) {
		(void)snprintf(note, sizeof note, _("%s. Enter the reason(s) to see what the "
						    "sanction table proposes."), offence);
		dialog_form_note(d, note);
		return;
	}
	struct sanction_proposal prop;
	if (sanctions_propose(&p->table, worst, earlier, starts, &prop) != 0) {
		(void)snprintf(note, sizeof note, "%s. %s", offence,
			       sanctions_check_message(SANCTION_NO_RULE));
		dialog_form_note(d, note);
		return;
	}
	if (prefill) {
		const char *k = dialog_form_value(d, BF_KIND), *e = dialog_form_value(d, BF_ENDS);
		if (!k[0] || strcmp(k, p->proposed_kind) == 0) {
			(void)snprintf(p->proposed_kind, sizeof p->proposed_kind, "%s",
				       policy_kind_name(prop.kind));
			dialog_form_set(d, BF_KIND, p->proposed_kind);
		}
		if (!e[0] || strcmp(e, p->proposed_ends) == 0) {
			(void)snprintf(p->proposed_ends, sizeof p->proposed_ends, "%s", prop.ends);
			dialog_form_set(d, BF_ENDS, p->proposed_ends);
		}
	}
	char kinds[128], bounds[96] = "", verdict[256] = "", lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(prop.rule.kinds, kinds, sizeof kinds);
	if (sanctions_bounds(&p->table, &prop.rule, prop.kind, starts, lo, hi) == 0)
		(void)snprintf(bounds, sizeof bounds, _(" (ends %s to %s)"), lo, hi);
	enum ban_kind kind;
	const char *ends = dialog_form_value(d, BF_ENDS);
	if (parse_kind(dialog_form_value(d, BF_KIND), &kind) == 0 && is_date(ends)) {
		enum sanction_check c = sanctions_check(&p->table, worst, prop.offence, kind, starts,
							ends);
		if (c != SANCTION_OK)
			(void)snprintf(verdict, sizeof verdict,
				       _(" OUTSIDE the table (%s): justify it."),
				       sanctions_check_message(c));
	}
	/* the most pressing first: three lines are shown, the list of kinds may be cut */
	(void)snprintf(note, sizeof note, _("%s. %s: proposed %s until %s%s.%s%s%s Allowed: %s."),
		       offence, policy_reason_label(worst), policy_kind_name(prop.kind), prop.ends,
		       bounds, verdict, prop.rule.police_report ? _(" Police report required.") : "",
		       prop.rule.conversation ? _(" Order conversation proposed.") : "", kinds);
	dialog_form_note(d, note);
}

/* The cursor left a field of the new-ban form: the proposal follows what was typed. */
static void new_form_leave(struct dialog *d, struct panel_ctx *ctx, size_t i, void *arg)
{
	struct bans_panel *p = arg;
	if (i > BF_JUSTIFY)
		return; /* the fields after these do not change the proposal */
	form_propose(p, d, ctx, i <= BF_STARTS);
}

/* "Jan de Vries" of a new ban's input. */
static void input_name(const struct ban_input *in, char *out, size_t outsz)
{
	const char *g = in->v[BF_GIVEN], *pr = in->v[BF_PREFIX];
	(void)snprintf(out, outsz, "%s%s%s%s%s", g, g[0] ? " " : "", pr, pr[0] ? " " : "",
		       in->v[BF_SURNAME]);
}

static int new_ban_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			  size_t errsz)
{
	struct bans_panel *p = arg;
	struct ban_input in;
	if (ban_validate(d, p, ctx, true, &in, err, errsz) != 0)
		return -1;
	size_t earlier = 0;
	enum store_status r = store_ban_earlier(ctx->store, in.v[BF_GIVEN], in.v[BF_PREFIX],
						in.v[BF_SURNAME], in.v[BF_BORN], 0, &earlier);
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	enum sanction_offence o = sanctions_offence(earlier);
	if (table_check(p, d, in.reason, o, in.kind, in.v[BF_STARTS], in.v[BF_ENDS],
			in.v[BF_JUSTIFY], BF_JUSTIFY, field_label(BF_JUSTIFY), err, errsz) != 0)
		return -1;
	struct ban_new b = {
		.given_names = in.v[BF_GIVEN], .prefix = in.v[BF_PREFIX],
		.surname = in.v[BF_SURNAME], .partner_prefix = "", .partner_surname = "",
		.born = in.v[BF_BORN], .kind = in.kind, .reason = in.reason, .scope = in.scope,
		.starts = in.v[BF_STARTS], .ends = in.v[BF_ENDS], .imposed_by = in.v[BF_IMPOSED],
		.letter_sent = in.v[BF_LETTER], .police_informed = in.police,
		.notes = in.v[BF_NOTES], .until_conversation = in.conversation,
		.repeat_offence = o == SANCTION_REPEAT, .enforcement = in.v[BF_ENFORCE],
		.justification = in.v[BF_JUSTIFY], .reasons = in.reasons,
	};
	int64_t id = 0;
	r = store_ban_insert(ctx->store, &b, &id);
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	input_name(&in, name, sizeof name);
	/* the store keeps a ban without every mandatory answer as a draft: say so, or the
	 * operator would look for it on the list in vain */
	unsigned missing = policy_ban_missing(b.notes, b.starts, b.ends, b.imposed_by,
					      b.letter_sent);
	if (missing) {
		char what[512];
		missing_words(missing, what, sizeof what);
		ctx->message(ctx, _("Ban %lld for %s saved as a DRAFT, not yet on the list: "
				    "missing %s"), (long long)id, name, what);
		return 0;
	}
	ctx->message(ctx, _("Ban %lld for %s saved (until %s)"), (long long)id, name, b.ends);
	return 0;
}

/* The reason field of a ban: its combination, else its one reason. */
static const char *reason_field(const struct ban *b)
{
	return b->reasons[0] ? b->reasons : policy_reason_name(b->reason);
}

/* Fill the form's fields from a ban. */
static void form_fill(struct dialog *d, const struct ban *b)
{
	dialog_form_set(d, BF_GIVEN, b->given_names);
	dialog_form_set(d, BF_PREFIX, b->prefix);
	dialog_form_set(d, BF_SURNAME, b->surname);
	dialog_form_set(d, BF_BORN, b->born);
	dialog_form_set(d, BF_REASON, reason_field(b));
	dialog_form_set(d, BF_STARTS, b->starts);
	dialog_form_set(d, BF_KIND, policy_kind_name(b->kind));
	dialog_form_set(d, BF_ENDS, b->ends);
	dialog_form_set(d, BF_JUSTIFY, b->justification);
	dialog_form_set(d, BF_SCOPE, b->scope);
	dialog_form_set(d, BF_IMPOSED, b->imposed_by);
	dialog_form_set(d, BF_LETTER, b->letter_sent);
	dialog_form_set(d, BF_POLICE, yes_no(b->police_informed));
	dialog_form_set(d, BF_NOTES, b->notes);
	dialog_form_set(d, BF_ENFORCE, b->enforcement);
	dialog_form_set(d, BF_CONVERSATION, yes_no(b->until_conversation));
}

/* Re-read the ban a form is open for after a conflict; the message for the form in err.
 * Returns false when it is gone. */
static bool refresh_edit_ban(struct bans_panel *p, struct panel_ctx *ctx, char *err,
			     size_t errsz)
{
	struct ban fresh = { 0 };
	if (store_ban_get(ctx->store, p->edit_ban.id, &fresh) != STORE_OK) {
		store_ban_clear(&fresh);
		(void)snprintf(err, errsz, "%s",
			       _("This ban was removed by someone else meanwhile; nothing saved"));
		return false;
	}
	store_ban_clear(&p->edit_ban);
	p->edit_ban = fresh;
	if (p->edit_ban.lifted_at[0])
		(void)snprintf(err, errsz, _("Changed by someone else meanwhile: lifted by %s. "
					     "Nothing saved."), p->edit_ban.lifted_by);
	else
		(void)snprintf(err, errsz, _("Changed by someone else meanwhile (now until %s): "
					     "check the values and save again"), p->edit_ban.ends);
	return true;
}

static int edit_ban_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			   size_t errsz)
{
	struct bans_panel *p = arg;
	struct ban_input in;
	if (ban_validate(d, p, ctx, false, &in, err, errsz) != 0)
		return -1;
	/* The table is asked only when the sanction itself changed: correcting a letter date
	 * must not demand a justification for a ban decided under other rules. */
	const struct ban *old = &p->edit_ban;
	if (in.kind != old->kind || in.reason != old->reason ||
	    strcmp(in.v[BF_STARTS], old->starts) != 0 || strcmp(in.v[BF_ENDS], old->ends) != 0) {
		enum sanction_offence o = old->repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST;
		if (table_check(p, d, in.reason, o, in.kind, in.v[BF_STARTS], in.v[BF_ENDS],
				in.v[BF_JUSTIFY], BF_JUSTIFY, field_label(BF_JUSTIFY), err,
				errsz) != 0)
			return -1;
	}
	/* a copy with the new values; the strings stay owned by the form and by edit_ban */
	struct ban b = p->edit_ban;
	b.given_names = (char *)in.v[BF_GIVEN];
	b.prefix = (char *)in.v[BF_PREFIX];
	b.surname = (char *)in.v[BF_SURNAME];
	b.born = (char *)in.v[BF_BORN];
	b.kind = in.kind;
	b.reason = in.reason;
	b.reasons = in.reasons;
	b.scope = in.scope;
	b.starts = (char *)in.v[BF_STARTS];
	b.ends = (char *)in.v[BF_ENDS];
	b.justification = (char *)in.v[BF_JUSTIFY];
	b.imposed_by = (char *)in.v[BF_IMPOSED];
	b.letter_sent = (char *)in.v[BF_LETTER];
	b.police_informed = in.police;
	b.notes = (char *)in.v[BF_NOTES];
	b.enforcement = (char *)in.v[BF_ENFORCE];
	b.until_conversation = in.conversation;
	enum store_status r = store_ban_update(ctx->store, &b);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		if (refresh_edit_ban(p, ctx, err, errsz))
			form_fill(d, &p->edit_ban);
		return -1;
	}
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	display_name(&b, name, sizeof name);
	unsigned missing = policy_ban_missing(b.notes, b.starts, b.ends, b.imposed_by,
					      b.letter_sent);
	if (b.status == BAN_STATUS_DRAFT && !missing)
		ctx->message(ctx, _("Draft ban for %s saved and complete: press %s to activate it"),
			     name, keys_key_name(ACT_BAN_ACTIVATE));
	else
		ctx->message(ctx, _("Ban for %s saved (until %s)"), name, b.ends);
	return 0;
}

/* The fields of the extend form. */
enum { EX_ENDS, EX_REASON, EX_JUSTIFY, EX_COUNT };

static int extend_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			 size_t errsz)
{
	struct bans_panel *p = arg;
	const char *ends = dialog_form_value(d, EX_ENDS);
	const char *why = dialog_form_value(d, EX_REASON);
	const char *just = dialog_form_value(d, EX_JUSTIFY);
	const char *ends_label = _("New end date"), *why_label = _("Why extended");
	if (!is_date(ends)) {
		(void)snprintf(err, errsz, _("%s: \"%s\" is not a date (YYYY-MM-DD)"), ends_label,
			       ends);
		dialog_form_focus(d, EX_ENDS);
		return -1;
	}
	if (strcmp(ends, p->edit_ban.ends) <= 0) {
		(void)snprintf(err, errsz, _("%s: must be later than the current end %s"),
			       ends_label, p->edit_ban.ends);
		dialog_form_focus(d, EX_ENDS);
		return -1;
	}
	enum text_problem tp = text_check(why, 2000, false);
	if (tp != TEXT_OK) {
		(void)snprintf(err, errsz, "%s: %s", why_label,
			       tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp));
		dialog_form_focus(d, EX_REASON);
		return -1;
	}
	enum sanction_offence o = p->edit_ban.repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST;
	if (table_check(p, d, p->edit_ban.reason, o, p->edit_ban.kind, p->edit_ban.starts, ends,
			just, EX_JUSTIFY, _("Justification"), err, errsz) != 0)
		return -1;
	enum store_status r = store_ban_extend(ctx->store, p->edit_ban.id, ends, why,
					       just[0] ? just : NULL, p->edit_ban.version);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		(void)refresh_edit_ban(p, ctx, err, errsz);
		return -1;
	}
	if (r == STORE_INVALID) {
		(void)snprintf(err, errsz, "%s", store_error(ctx->store));
		return -1;
	}
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	display_name(&p->edit_ban, name, sizeof name);
	ctx->message(ctx, _("Ban for %s extended until %s"), name, ends);
	return 0;
}

static int lift_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct bans_panel *p = arg;
	const char *reason = dialog_form_value(d, 0);
	enum text_problem tp = text_check(reason, 1000, false);
	if (tp != TEXT_OK) {
		(void)snprintf(err, errsz, "%s: %s", _("Why is it lifted"),
			       tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp));
		return -1;
	}
	enum store_status r = store_ban_lift(ctx->store, p->edit_ban.id, reason,
					     p->edit_ban.version);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		struct ban fresh = { 0 };
		if (store_ban_get(ctx->store, p->edit_ban.id, &fresh) != STORE_OK) {
			store_ban_clear(&fresh);
			(void)snprintf(err, errsz, "%s",
				       _("This ban was removed by someone else meanwhile; nothing saved"));
			return -1;
		}
		store_ban_clear(&p->edit_ban);
		p->edit_ban = fresh;
		if (fresh.lifted_at[0])
			(void)snprintf(err, errsz, _("Already lifted by %s meanwhile (%s)"),
				       fresh.lifted_by, fresh.lifted_reason);
		else
			(void)snprintf(err, errsz, _("Changed by someone else meanwhile (now until %s): "
						     "check and press Enter again to lift it"),
				       fresh.ends);
		return -1;
	}
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	display_name(&p->edit_ban, name, sizeof name);
	ctx->message(ctx, _("Ban for %s lifted"), name);
	return 0;
}

/* The form (or question) is closed: another may open. */
static void edit_end(struct bans_panel *p)
{
	p->edit = EDIT_NONE;
	store_ban_clear(&p->edit_ban);
	memset(&p->edit_ban, 0, sizeof p->edit_ban);
}

static void form_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	(void)ctx;
	(void)ok;
	/* a saved change reaches every panel through the store's change watch */
	edit_end(arg);
}

/* The ban form with values from b (NULL: a new ban). */
static struct dialog *ban_form(struct bans_panel *p, struct panel_ctx *ctx, const struct ban *b)
{
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	char kinds[256], reasons[256], ids[256];
	char kind_help[512], reason_help[512], scope_help[512]; /* copied by dialog_form_new */
	kind_names(kinds, sizeof kinds);
	reason_names(reasons, sizeof reasons);
	building_ids(ctx->config, ids, sizeof ids);
	(void)snprintf(kind_help, sizeof kind_help, _("One of: %s; proposed from the sanction "
						      "table"), kinds);
	(void)snprintf(reason_help, sizeof reason_help,
		       _("One of: %s; a combination as threat,physical"), reasons);
	(void)snprintf(scope_help, sizeof scope_help,
		       _("Building ids separated by commas (%s); empty = all buildings"), ids);
	const char *date_help = _("A date as YYYY-MM-DD");
	struct dialog_field f[BF_COUNT] = {
		[BF_GIVEN] = { NULL, b ? b->given_names : "", 30, 200,
			       _("As on the ID, e.g. Jan Pieter; may be empty") },
		[BF_PREFIX] = { NULL, b ? b->prefix : "", 10, 40, _("Tussenvoegsel, e.g. van der") },
		[BF_SURNAME] = { NULL, b ? b->surname : "", 30, 200,
				 _("Required; a double name as Dijk-Jansen") },
		[BF_BORN] = { NULL, b ? b->born : "", 10, 10, _("YYYY-MM-DD; empty when unknown") },
		[BF_REASON] = { NULL, b ? reason_field(b) : "", 24, 120, reason_help },
		[BF_STARTS] = { NULL, b ? b->starts : today, 10, 10, date_help },
		[BF_KIND] = { NULL, b ? policy_kind_name(b->kind) : "", 16, 40, kind_help },
		[BF_ENDS] = { NULL, b ? b->ends : "", 10, 10,
			      _("Until when (YYYY-MM-DD), required; proposed from the table") },
		[BF_JUSTIFY] = { NULL, b ? b->justification : "", 40, 2000,
				 _("Required only when kind or duration is outside the sanction "
				   "table") },
		[BF_SCOPE] = { NULL, b ? b->scope : "", 30, 200, scope_help },
		[BF_IMPOSED] = { NULL, b ? b->imposed_by : "", 30, 200,
				 _("Department head or deputy who imposed it; else a draft") },
		[BF_LETTER] = { NULL, b ? b->letter_sent : "", 10, 10,
				_("Date the letter was sent (YYYY-MM-DD); empty: saved as a draft") },
		[BF_POLICE] = { NULL, yes_no(b ? b->police_informed : false), 5, 10,
				_("yes or no") },
		[BF_NOTES] = { NULL, b ? b->notes : "", 40, 1000,
			       _("Why: what happened; empty: saved as a draft") },
		[BF_ENFORCE] = { NULL, b ? b->enforcement : "", 40, 2000,
				 _("How it is enforced besides informing reception and porters") },
		[BF_CONVERSATION] = { NULL, yes_no(b ? b->until_conversation : false), 5, 10,
				      _("yes: a service stop until an order conversation took place") },
	};
	for (int i = 0; i < BF_COUNT; i++)
		f[i].label = field_label((enum ban_field)i);
	if (!b) {
		p->proposed_kind[0] = '\0';
		p->proposed_ends[0] = '\0';
		struct dialog *d = dialog_form_new(_("New ban or warning"), f, BF_COUNT,
						   new_ban_submit, form_done, p);
		dialog_form_on_leave(d, new_form_leave);
		return d;
	}
	char title[512], name[256];
	display_name(b, name, sizeof name);
	if (b->status == BAN_STATUS_DRAFT)
		(void)snprintf(title, sizeof title, _("Draft ban for %s"), name);
	else
		(void)snprintf(title, sizeof title, _("Ban for %s"), name);
	struct dialog *d = dialog_form_new(title, f, BF_COUNT, edit_ban_submit, form_done, p);
	unsigned missing = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
					      b->letter_sent);
	if (d && missing) {
		char what[512], note[640];
		missing_words(missing, what, sizeof what);
		(void)snprintf(note, sizeof note, _("Missing before it can be active: %s"), what);
		dialog_form_note(d, note);
	}
	return d;
}

/* The extend form of the ban in p->edit_ban. */
static struct dialog *extend_form(struct bans_panel *p)
{
	const struct ban *b = &p->edit_ban;
	struct dialog_field f[EX_COUNT] = {
		[EX_ENDS] = { _("New end date"), b->ends, 10, 10,
			      _("The new last day (YYYY-MM-DD), later than the current one") },
		[EX_REASON] = { _("Why extended"), "", 40, 2000,
				_("Required; kept in the history") },
		[EX_JUSTIFY] = { _("Justification"), "", 40, 2000,
				 _("Required only when the new duration is outside the sanction "
				   "table") },
	};
	char title[512], name[256];
	display_name(b, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Extend the ban for %s (until %s)"), name, b->ends);
	struct dialog *d = dialog_form_new(title, f, EX_COUNT, extend_submit, form_done, p);
	if (d) {
		char rule[512], note[640];
		describe_rule(p, b->reason, b->repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST,
			      b->kind, b->starts, rule, sizeof rule);
		(void)snprintf(note, sizeof note, _("Sanction table: %s"), rule);
		dialog_form_note(d, note);
	}
	return d;
}

static int may_edit(struct panel_ctx *ctx)
{
	if (roles_may(ctx->role, PERM_EDIT_BAN))
		return 1;
	ctx->message(ctx, _("Your role (%s) may only look at the ban list"), roles_label(ctx->role));
	panel_denied(ctx, "ban.edit");
	return 0;
}

/* Open d, or say it could not be made. */
static int open_or_fail(struct bans_panel *p, struct panel_ctx *ctx, struct dialog *d)
{
	if (!panel_show_dialog(ctx, d))
		edit_end(p);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* The choice after e on an active ban: extend it, or correct its details. */
static void edit_pick_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct bans_panel *p = arg;
	if (!ok) {
		edit_end(p);
		return;
	}
	bool extend = dialog_pick_choice(d) == 0;
	p->edit = extend ? EDIT_EXTEND : EDIT_CORRECT;
	(void)open_or_fail(p, ctx, extend ? extend_form(p) : ban_form(p, ctx, &p->edit_ban));
}

/* Read the selected ban fresh into p->edit_ban (the version in a form must be the current
 * one); false after a message. */
static bool take_selected(struct bans_panel *p, struct panel_ctx *ctx)
{
	const struct ban *sel = selected_ban(p);
	if (!sel) {
		ctx->message(ctx, "%s", _("Select a ban first"));
		return false;
	}
	store_ban_clear(&p->edit_ban);
	memset(&p->edit_ban, 0, sizeof p->edit_ban);
	if (store_ban_get(ctx->store, sel->id, &p->edit_ban) != STORE_OK) {
		ctx->message(ctx, _("The ban could not be read: %s"), store_error(ctx->store));
		store_ban_clear(&p->edit_ban);
		memset(&p->edit_ban, 0, sizeof p->edit_ban);
		return false;
	}
	return true;
}

static void activate_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	struct bans_panel *p = arg;
	if (ok) {
		char name[512];
		display_name(&p->edit_ban, name, sizeof name);
		enum store_status r = store_ban_activate(ctx->store, p->edit_ban.id,
							 p->edit_ban.version);
		if (r == STORE_OK)
			ctx->message(ctx, _("Ban for %s is active (until %s); every console is told"),
				     name, p->edit_ban.ends);
		else if (r == STORE_CONFLICT || r == STORE_NOT_FOUND)
			ctx->message(ctx, _("Ban for %s was changed by someone else meanwhile; "
					    "nothing activated: look again"), name);
		else
			ctx->message(ctx, _("Not activated: %s"), store_error(ctx->store));
	}
	edit_end(p);
}

static int activate_selected(struct bans_panel *p, struct panel_ctx *ctx)
{
	if (!take_selected(p, ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct ban *b = &p->edit_ban;
	char name[256], where[512], q[1024];
	display_name(b, name, sizeof name);
	if (b->status != BAN_STATUS_DRAFT) {
		ctx->message(ctx, _("The ban for %s is not a draft: it is active already"), name);
		edit_end(p);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	unsigned missing = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
					      b->letter_sent);
	if (missing) {
		char what[512];
		missing_words(missing, what, sizeof what);
		ctx->message(ctx, _("The draft for %s cannot be active yet: missing %s (press %s "
				    "to fill in)"), name, what, keys_key_name(ACT_BAN_EXTEND));
		edit_end(p);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	scope_names(ctx->config, b->scope, where, sizeof where);
	(void)snprintf(q, sizeof q, _("Activate the %s for %s from %s until %s (%s)? Every "
				      "console will show a notice."), policy_kind_label(b->kind),
		       name, b->starts, b->ends, where);
	p->edit = EDIT_ACTIVATE;
	return open_or_fail(p, ctx, dialog_confirm_new(_("Activate ban"), q, activate_done, p));
}

static int open_form(struct bans_panel *p, struct panel_ctx *ctx, enum action a)
{
	if (!may_edit(ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	if (p->edit != EDIT_NONE)
		return PANEL_HANDLED; /* one form at a time */
	if (a == ACT_BAN_ADD) {
		p->edit = EDIT_NEW;
		return open_or_fail(p, ctx, ban_form(p, ctx, NULL));
	}
	if (a == ACT_BAN_ACTIVATE)
		return activate_selected(p, ctx);
	if (!take_selected(p, ctx))
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	if (a == ACT_BAN_EXTEND) {
		if (p->edit_ban.status == BAN_STATUS_DRAFT) {
			/* a draft is still being written: the whole form */
			p->edit = EDIT_CORRECT;
			return open_or_fail(p, ctx, ban_form(p, ctx, &p->edit_ban));
		}
		static const char *items[2];
		items[0] = _("Extend: a later end date (kept in the history)");
		items[1] = _("Correct the details of this ban");
		p->edit = EDIT_PICK;
		return open_or_fail(p, ctx, dialog_pick_new(_("Extend or correct"), items, 2,
							    edit_pick_done, p));
	}
	char name[256], title[512];
	display_name(&p->edit_ban, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Lift the ban for %s (until %s)"), name,
		       p->edit_ban.ends);
	struct dialog_field f = { _("Why is it lifted"), "", 40, 1000,
				  _("E.g. after a conversation or a written apology") };
	p->edit = EDIT_LIFT;
	return open_or_fail(p, ctx, dialog_form_new(title, &f, 1, lift_submit, form_done, p));
}

/* ------------------------------------------------------------------ details and history */

/* A growing text for the details view. */
struct text_buf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void buf_addf(struct text_buf *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void buf_addf(struct text_buf *t, const char *fmt, ...)
{
	if (t->oom)
		return;
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? t->cap - t->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			t->oom = true;
			return;
		}
		if (t->s && (size_t)n < t->cap - t->len) {
			t->len += (size_t)n;
			return;
		}
		size_t cap = t->cap ? t->cap : 1024;
		while (cap < t->len + (size_t)n + 1)
			cap *= 2;
		char *grown = realloc(t->s, cap);
		if (!grown) {
			t->oom = true;
			return;
		}
		t->s = grown;
		t->cap = cap;
	}
}

/* Local "YYYY-MM-DD HH:MM" of a stored UTC instant, or the text as stored. */
static void local_time(const char *utc, char *out, size_t outsz)
{
	time_t t;
	char d[DATES_DATE_LEN], hm[6];
	if (dates_parse_utc(utc, &t) != 0) {
		(void)snprintf(out, outsz, "%s", utc);
		return;
	}
	dates_local_date(t, d);
	dates_local_hm(t, hm);
	(void)snprintf(out, outsz, "%s %s", d, hm);
}

static const char *history_action_label(const char *action)
{
	static const struct { const char *name, *label; } labels[] = {
		{ "insert", N_("recorded") }, { "import", N_("imported") },
		{ "update", N_("corrected") }, { "activate", N_("activated") },
		{ "extend", N_("extended") }, { "lift", N_("lifted") },
		{ "exception", N_("exception added") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(action, labels[i].name) == 0)
			return _(labels[i].label);
	return action;
}

/* The details of ban b as text: the discreet facts for everybody, the reason and what
 * was answered for roles that may see it, the history and exceptions for managers and hr. */
static char *details_text(struct panel_ctx *ctx, const struct ban *b)
{
	struct text_buf t = { 0 };
	char today[DATES_DATE_LEN], name[512], where[512];
	today_of(ctx, today);
	display_name(b, name, sizeof name);
	scope_names(ctx->config, b->scope, where, sizeof where);
	const struct config_building *here = config_building_here(ctx->config);
	enum policy_ban_state state = policy_ban_state(b->status == BAN_STATUS_DRAFT,
						       b->lifted_at[0] != '\0', b->starts, b->ends,
						       today);
	buf_addf(&t, _("%s, born %s\n"), name, b->born[0] ? b->born : _("unknown"));
	buf_addf(&t, _("State: %s\n"), policy_ban_state_label(state));
	buf_addf(&t, _("%s from %s until %s\n"), policy_kind_label(b->kind), b->starts, b->ends);
	buf_addf(&t, _("Buildings: %s\n"), where);
	buf_addf(&t, _("Here (%s): %s\n"), here ? here->name : "",
		 here_label(policy_ban_applies_here(b->kind, b->scope, here ? here->id : "")));
	if (b->until_conversation)
		buf_addf(&t, "%s\n", _("Until an order conversation has taken place"));
	struct ban_exception *ex = NULL;
	size_t nex = 0;
	enum store_status r = store_ban_exception_list(ctx->store, b->id, &ex, &nex);
	if (r != STORE_OK)
		buf_addf(&t, _("Exceptions could not be read: %s\n"), store_error(ctx->store));
	for (size_t i = 0; i < nex; i++) {
		bool now = strcmp(ex[i].starts, today) <= 0 && strcmp(today, ex[i].ends) <= 0;
		buf_addf(&t, _("%s %s..%s: %s (%s)\n"), now ? _("ALLOWED TODAY:") : _("Exception"),
			 ex[i].starts, ex[i].ends, exception_label(ex[i].kind), ex[i].detail);
	}
	free(ex);
	if (b->lifted_at[0]) {
		char at[64];
		local_time(b->lifted_at, at, sizeof at);
		buf_addf(&t, _("Lifted on %s by %s\n"), at, b->lifted_by);
	}
	if (roles_may(ctx->role, PERM_SEE_REASON)) {
		buf_addf(&t, "\n");
		buf_addf(&t, _("Reason: %s%s%s%s\n"), policy_reason_label(b->reason),
			 b->reasons[0] ? " (" : "", b->reasons, b->reasons[0] ? ")" : "");
		buf_addf(&t, _("What happened: %s\n"), b->notes[0] ? b->notes : "-");
		buf_addf(&t, _("Imposed by: %s\n"), b->imposed_by[0] ? b->imposed_by : "-");
		buf_addf(&t, _("Letter sent on: %s\n"), b->letter_sent[0] ? b->letter_sent : "-");
		buf_addf(&t, _("Police informed: %s\n"), yes_no(b->police_informed));
		buf_addf(&t, _("Enforced by: reception and porters informed%s%s\n"),
			 b->enforcement[0] ? "; " : "", b->enforcement);
		buf_addf(&t, _("Sanction table: %s\n"),
			 b->repeat_offence ? _("repeat offence") : _("first offence"));
		if (b->justification[0])
			buf_addf(&t, _("Justification: %s\n"), b->justification);
		if (b->lifted_reason[0])
			buf_addf(&t, _("Why lifted: %s\n"), b->lifted_reason);
		unsigned missing = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
						      b->letter_sent);
		if (missing) {
			char what[512];
			missing_words(missing, what, sizeof what);
			buf_addf(&t, _("Missing before it can be active: %s\n"), what);
		}
	}
	if (roles_may(ctx->role, PERM_EDIT_BAN)) {
		struct ban_history *h = NULL;
		size_t nh = 0;
		buf_addf(&t, "\n%s\n", _("History (oldest first):"));
		r = store_ban_history(ctx->store, b->id, &h, &nh);
		if (r != STORE_OK && r != STORE_NOT_FOUND)
			buf_addf(&t, _("The history could not be read: %s\n"), store_error(ctx->store));
		for (size_t i = 0; i < nh; i++) {
			char at[64];
			local_time(h[i].at, at, sizeof at);
			buf_addf(&t, _("%s %s: %s - %s %s..%s%s%s\n"), at, h[i].actor,
				 history_action_label(h[i].action),
				 h[i].status == BAN_STATUS_DRAFT ? _("draft") : _("active"),
				 h[i].starts, h[i].ends, h[i].detail[0] ? "; " : "", h[i].detail);
		}
		store_ban_history_free(h, nh);
	}
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	return t.s;
}

static int open_details(struct bans_panel *p, struct panel_ctx *ctx)
{
	const struct ban *sel = selected_ban(p);
	if (!sel) {
		ctx->message(ctx, "%s", _("Select a ban first"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	struct ban b = { 0 };
	if (store_ban_get(ctx->store, sel->id, &b) != STORE_OK) {
		ctx->message(ctx, _("The ban could not be read: %s"), store_error(ctx->store));
		store_ban_clear(&b);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	}
	char object[32];
	(void)snprintf(object, sizeof object, "ban:%lld", (long long)b.id);
	if (store_audit(ctx->store, "ban.open", object, "ok", roles_name(ctx->role)) != STORE_OK) {
		/* who looked at a record must be provable: no record, no details */
		ctx->message(ctx, _("The ban could not be opened: %s"), store_error(ctx->store));
		store_ban_clear(&b);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	char *text = details_text(ctx, &b);
	char name[256], title[512];
	display_name(&b, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Ban %lld: %s"), (long long)b.id, name);
	store_ban_clear(&b);
	struct dialog *d = text ? dialog_text_new(title, text, NULL, NULL) : NULL;
	free(text);
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory: the details could not be shown"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* ------------------------------------------------------------------ notices */

/* The notice line of one ban notice. */
static void notice_line(const struct ban_notice *n, char *out, size_t outsz)
{
	const char *kind = policy_kind_label(n->kind);
	switch (n->event) {
	case BAN_NOTICE_ACTIVE:
		(void)snprintf(out, outsz, _("Ban now active: %s, %s until %s"), n->name, kind,
			       n->ends);
		break;
	case BAN_NOTICE_EXTENDED:
		(void)snprintf(out, outsz, _("Ban extended: %s, %s now until %s"), n->name, kind,
			       n->ends);
		break;
	case BAN_NOTICE_LIFTED:
		(void)snprintf(out, outsz, _("Ban lifted: %s (%s)"), n->name, kind);
		break;
	case BAN_NOTICE_ENDED:
	default:
		(void)snprintf(out, outsz, _("Ban ended: %s (%s, last day %s)"), n->name, kind,
			       n->ends);
		break;
	}
}

static void bans_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	(void)ctx;
	struct bans_panel *p = self;
	for (size_t i = 0; i < p->nnotes; i++) {
		char line[600], text[700];
		notice_line(&p->notes[i], line, sizeof line);
		if (i == 0)
			(void)snprintf(text, sizeof text, _("%s [%s: seen]"), line,
				       keys_key_name(ACT_NOTICE_SEEN));
		else
			(void)snprintf(text, sizeof text, "%s", line);
		(void)notices_add(out, NOTICE_BAN, text); /* only counted on out-of-memory */
	}
}

/* Mark the ban notices this console shows as seen by this user. */
static int notices_seen(struct bans_panel *p, struct panel_ctx *ctx)
{
	if (p->nnotes == 0) {
		ctx->message(ctx, "%s", _("No ban notices to mark as seen"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	size_t done = 0;
	for (size_t i = 0; i < p->nnotes; i++) {
		enum store_status r = store_ban_notice_seen(ctx->store, p->notes[i].id, ctx->user);
		if (r != STORE_OK && r != STORE_NOT_FOUND) {
			ctx->message(ctx, _("Not marked as seen: %s"), store_error(ctx->store));
			return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
		}
		done++;
	}
	ctx->message(ctx, ngettext("%zu ban notice marked as seen", "%zu ban notices marked as seen",
				   done), done);
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}

/* ------------------------------------------------------------------ keys */

/* Remove the last UTF-8 character of the query. */
static void query_backspace(struct bans_panel *p)
{
	size_t n = strlen(p->query);
	while (n > 0) {
		n--;
		if (((unsigned char)p->query[n] & 0xC0) != 0x80)
			break;
	}
	p->query[n] = '\0';
}

static bool query_append(struct bans_panel *p, wint_t ch)
{
	char mb[8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)ch, &st);
	if (n == (size_t)-1 || n == 0)
		return false;
	size_t len = strlen(p->query);
	if (len + n > QUERY_MAX)
		return false;
	memcpy(p->query + len, mb, n);
	p->query[len + n] = '\0';
	return true;
}

static void move_sel(struct bans_panel *p, long delta)
{
	size_t count = item_count(p);
	if (count == 0) {
		p->sel = 0;
		return;
	}
	long s = (long)p->sel + delta;
	if (s < 0)
		s = 0;
	if ((size_t)s >= count)
		s = (long)count - 1;
	p->sel = (size_t)s;
}

static int bans_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct bans_panel *p = self;
	long page = p->list_rows > 1 ? p->list_rows : 1;
	if (ev->action != ACT_NONE)
		record_check(p, ctx->store); /* leaving the field or acting on a hit */
	if (p->focused) {
		if (!ev->is_keycode && (ev->ch == 127 || ev->ch == 8)) {
			query_backspace(p);
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		if (ev->is_keycode && ev->ch == KEY_BACKSPACE) {
			query_backspace(p);
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		if (ev->action == ACT_NONE && !ev->is_keycode) {
			wint_t c = ev->ch;
			if (c == 21) { /* Ctrl-U: start again */
				record_check(p, ctx->store);
				p->query[0] = '\0';
				search(p, ctx);
				return PANEL_HANDLED | PANEL_REDRAW;
			}
			/* no control or bidi characters in the query */
			if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0) || !iswprint(c) ||
			    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
			    c == 0x200E || c == 0x200F || c == 0x061C)
				return PANEL_HANDLED;
			if (!query_append(p, c))
				return PANEL_HANDLED;
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		switch (ev->action) {
		case ACT_CANCEL:
		case ACT_SELECT:
			p->focused = false;
			return PANEL_HANDLED | PANEL_REDRAW;
		case ACT_UP:
		case ACT_DOWN:
		case ACT_PAGE_UP:
		case ACT_PAGE_DOWN:
			break; /* move through the hits while typing */
		default:
			return PANEL_IGNORED; /* function keys, Tab: the console's */
		}
	}
	switch (ev->action) {
	case ACT_SEARCH:
		p->focused = true;
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_CANCEL:
		if (!p->query[0])
			return PANEL_IGNORED;
		p->query[0] = '\0';
		search(p, ctx);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_UP:
		move_sel(p, -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_DOWN:
		move_sel(p, 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_UP:
		move_sel(p, -page);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_DOWN:
		move_sel(p, page);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_HOME:
		p->sel = 0;
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_END:
		move_sel(p, (long)item_count(p));
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_SELECT:
		return open_details(p, ctx);
	case ACT_BAN_ADD:
	case ACT_BAN_EXTEND:
	case ACT_BAN_LIFT:
	case ACT_BAN_ACTIVATE:
		return open_form(p, ctx, ev->action);
	case ACT_BAN_DRAFTS:
		if (!may_edit(ctx))
			return PANEL_HANDLED | PANEL_REDRAW;
		p->drafts = !p->drafts;
		p->query[0] = '\0';
		clear_hits(p);
		p->sel = p->top = 0;
		p->list_today[0] = '\0'; /* count and read the other list */
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case ACT_NOTICE_SEEN:
		return notices_seen(p, ctx);
	default:
		return PANEL_IGNORED;
	}
}

static bool bans_text_mode(void *self)
{
	const struct bans_panel *p = self;
	return p->focused;
}

static int bans_tick(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	if (p->check_pending && clock_mono_ms() - p->typed_ms >= CHECK_SETTLE_MS)
		record_check(p, ctx->store);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	/* after midnight other bans are active: read the list again */
	if (p->list_today[0] && strcmp(today, p->list_today) != 0) {
		if (bans_reload(p, ctx) == 0)
			return PANEL_REDRAW;
	}
	return 0;
}

static int bans_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	(void)ctx;
	(void)x;
	struct bans_panel *p = self;
	if (y == 1) {
		p->focused = true;
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (y >= p->list_y && p->item_h > 0) {
		size_t row = (size_t)((y - p->list_y) / p->item_h);
		if (row < (size_t)p->list_rows && p->top + row < item_count(p)) {
			p->sel = p->top + row;
			p->focused = false;
			return PANEL_HANDLED | PANEL_REDRAW;
		}
	}
	return PANEL_HANDLED;
}

const struct panel_ops panel_bans_ops = {
	.name = "bans",
	.create = bans_create,
	.destroy = bans_destroy,
	.reload = bans_reload,
	.wanted_lines = bans_wanted_lines,
	.draw = bans_draw,
	.handle = bans_handle,
	.text_mode = bans_text_mode,
	.tick = bans_tick,
	.click = bans_click,
	.notices = bans_notices,
};
