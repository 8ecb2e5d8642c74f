/* bans_form — the form to impose a ban or correct one: every field checked (dates, kind,
 * reasons, buildings), the sanction table's proposal as you type, saved as draft or active. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/dialog.h"
#include "ui/panel.h"

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
	size_t n = 0;
	list[0] = '\0';
	char tok[128];
	while (text_next_item(&s, tok, sizeof tok)) {
		if (tok[0]) {
			enum ban_reason one;
			if (policy_reason_read(tok, &one) != 0) {
				char names[256];
				policy_reason_list(names, sizeof names);
				(void)snprintf(why, whysz, _("\"%s\" is not one of: %s"), tok, names);
				return -1;
			}
			policy_reasons_add(r, &n, one);
		}
	}
	if (sanctions_most_serious(t, r, n, worst) != 0) {
		(void)snprintf(why, whysz, "%s", _("is required"));
		return -1;
	}
	policy_reasons_join(r, n, list, listsz);
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
	char id[256];
	while (text_next_item(&s, id, sizeof id)) {
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
	}
	return 0;
}

bool bans_is_date(const char *s)
{
	int y, m, d;
	return s[0] && dates_parse_date(s, &y, &m, &d) == 0;
}

void bans_form_date(struct dialog *d, size_t field, enum dates_century c, const char *today)
{
	char iso[DATES_DATE_LEN];
	const char *v = dialog_form_value(d, field);
	if (v[0] && !bans_is_date(v) && dates_read(v, today, c, iso) == 0)
		dialog_form_set(d, field, iso);
}

/* Every date of the ban form in "YYYY-MM-DD", as the shared reader reads what was typed. */
static void normalise_dates(struct dialog *d, const char *today)
{
	bans_form_date(d, BF_BORN, DATES_PAST, today);
	bans_form_date(d, BF_LETTER, DATES_PAST, today);
	bans_form_date(d, BF_STARTS, DATES_NEAR, today);
	bans_form_date(d, BF_ENDS, DATES_NEAR, today);
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
		(void)snprintf(why, whysz, "%s", dialog_text_problem(tp));
		return -1;
	}
	switch (i) {
	case BF_BORN:
	case BF_STARTS:
	case BF_ENDS:
	case BF_LETTER:
		if (v[0] && !bans_is_date(v)) {
			(void)snprintf(why, whysz, _("\"%s\" is not a date (such as 3-2-1980 or "
						     "1980-02-03)"), v);
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
		if (policy_kind_read(v, &in->kind) != 0) {
			char names[256];
			policy_kind_list(names, sizeof names);
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
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	normalise_dates(d, today);
	for (int i = 0; i < BF_COUNT; i++)
		in->v[i] = dialog_form_value(d, (size_t)i);
	for (int i = 0; i < BF_COUNT; i++) {
		char why[512];
		if (check_field(p, ctx, is_new, (enum ban_field)i, in, today, why, sizeof why) != 0)
			return dialog_form_refuse(d, (size_t)i, err, errsz, "%s: %s",
						  field_label((enum ban_field)i), why);
	}
	return 0;
}

/* Say what a store failure means for a ban form. */
int bans_save_failure(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz)
{
	if (r == STORE_BUSY)
		(void)snprintf(err, errsz, "%s", _("The database is busy; try again"));
	else
		(void)snprintf(err, errsz, _("Not saved: %s"), client_error(ctx->client));
	return -1;
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
void bans_describe_rule(const struct bans_panel *p, enum ban_reason reason,
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
int bans_table_check(const struct bans_panel *p, struct dialog *d, enum ban_reason reason,
		       enum sanction_offence o, enum ban_kind kind, const char *starts,
		       const char *ends, const char *justification, size_t justify_field,
		       const char *justify_label, char *err, size_t errsz)
{
	enum sanction_check c = sanctions_check(&p->table, reason, o, kind, starts, ends);
	if (c == SANCTION_OK || justification[0])
		return 0;
	char rule[512];
	bans_describe_rule(p, reason, o, kind, starts, rule, sizeof rule);
	return dialog_form_refuse(d, justify_field, err, errsz, _("%s: required: %s (%s)"),
				  justify_label, sanctions_check_message(c), rule);
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
	bans_today(ctx, today);
	const char *born = dialog_form_value(d, BF_BORN);
	const char *starts = dialog_form_value(d, BF_STARTS);
	if (!bans_is_date(starts))
		starts = today;
	size_t earlier = 0;
	if (surname[0]) {
		enum store_status r = client_ban_earlier(ctx->client, dialog_form_value(d, BF_GIVEN),
							dialog_form_value(d, BF_PREFIX), surname,
							bans_is_date(born) ? born : "", 0, &earlier);
		if (r != STORE_OK) {
			(void)snprintf(note, sizeof note, _("Earlier bans could not be counted: %s"),
				       client_error(ctx->client));
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
	if (policy_kind_read(dialog_form_value(d, BF_KIND), &kind) == 0 && bans_is_date(ends)) {
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
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	normalise_dates(d, today); /* the operator sees how a typed date was read */
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
	enum store_status r = client_ban_earlier(ctx->client, in.v[BF_GIVEN], in.v[BF_PREFIX],
						in.v[BF_SURNAME], in.v[BF_BORN], 0, &earlier);
	if (r != STORE_OK)
		return bans_save_failure(ctx, r, err, errsz);
	enum sanction_offence o = sanctions_offence(earlier);
	if (bans_table_check(p, d, in.reason, o, in.kind, in.v[BF_STARTS], in.v[BF_ENDS],
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
	r = client_ban_insert(ctx->client, &b, &id);
	if (r != STORE_OK)
		return bans_save_failure(ctx, r, err, errsz);
	char name[512];
	input_name(&in, name, sizeof name);
	/* the store keeps a ban without every mandatory answer as a draft: say so, or the
	 * operator would look for it on the list in vain */
	unsigned missing = policy_ban_missing(b.notes, b.starts, b.ends, b.imposed_by,
					      b.letter_sent);
	if (missing) {
		char what[512];
		bans_missing_words(missing, what, sizeof what);
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
	dialog_form_set(d, BF_POLICE, bans_yes_no(b->police_informed));
	dialog_form_set(d, BF_NOTES, b->notes);
	dialog_form_set(d, BF_ENFORCE, b->enforcement);
	dialog_form_set(d, BF_CONVERSATION, bans_yes_no(b->until_conversation));
}

/* Re-read the ban a form is open for after a conflict; the message for the form in err.
 * Returns false when it is gone. */
bool bans_refresh_edit_ban(struct bans_panel *p, struct panel_ctx *ctx, char *err,
			     size_t errsz)
{
	struct ban fresh = { 0 };
	if (client_ban_get(ctx->client, p->edit_ban.id, &fresh) != STORE_OK) {
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
		if (bans_table_check(p, d, in.reason, o, in.kind, in.v[BF_STARTS], in.v[BF_ENDS],
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
	enum store_status r = client_ban_update(ctx->client, &b);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		if (bans_refresh_edit_ban(p, ctx, err, errsz))
			form_fill(d, &p->edit_ban);
		return -1;
	}
	if (r != STORE_OK)
		return bans_save_failure(ctx, r, err, errsz);
	char name[512];
	bans_display_name(&b, name, sizeof name);
	unsigned missing = bans_missing(&b);
	if (b.status == BAN_STATUS_DRAFT && !missing)
		ctx->message(ctx, _("Draft ban for %s saved and complete: press %s to activate it"),
			     name, keys_key_name(ACT_BAN_ACTIVATE));
	else
		ctx->message(ctx, _("Ban for %s saved (until %s)"), name, b.ends);
	return 0;
}

/* The form (or question) is closed: another may open. */
void bans_edit_end(struct bans_panel *p)
{
	p->edit = EDIT_NONE;
	store_ban_clear(&p->edit_ban);
	memset(&p->edit_ban, 0, sizeof p->edit_ban);
}

void bans_form_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	(void)ctx;
	(void)ok;
	/* a saved change reaches every panel through the store's change watch */
	bans_edit_end(arg);
}

/* The ban form with values from b (NULL: a new ban). */

struct dialog *bans_form_new(struct bans_panel *p, struct panel_ctx *ctx, const struct ban *b)
{
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	char kinds[256], reasons[256], ids[256];
	char kind_help[512], reason_help[512], scope_help[512]; /* copied by dialog_form_new */
	policy_kind_list(kinds, sizeof kinds);
	policy_reason_list(reasons, sizeof reasons);
	building_ids(ctx->config, ids, sizeof ids);
	(void)snprintf(kind_help, sizeof kind_help, _("One of: %s; proposed from the sanction "
						      "table"), kinds);
	(void)snprintf(reason_help, sizeof reason_help,
		       _("One of: %s; a combination as threat,physical"), reasons);
	(void)snprintf(scope_help, sizeof scope_help,
		       _("Building ids separated by commas (%s); empty = all buildings"), ids);
	const char *date_help = _("A date such as 3-2-2027 or 2027-02-03");
	struct dialog_field f[BF_COUNT] = {
		[BF_GIVEN] = { NULL, b ? b->given_names : "", 30, 200,
			       _("As on the ID, e.g. Jan Pieter; may be empty") },
		[BF_PREFIX] = { NULL, b ? b->prefix : "", 10, 40, _("Tussenvoegsel, e.g. van der") },
		[BF_SURNAME] = { NULL, b ? b->surname : "", 30, 200,
				 _("Required; a double name as Dijk-Jansen") },
		[BF_BORN] = { NULL, b ? b->born : "", 10, 10,
			      _("A date such as 3-2-1980 or 1980-02-03; empty when unknown") },
		[BF_REASON] = { NULL, b ? reason_field(b) : "", 24, 120, reason_help },
		[BF_STARTS] = { NULL, b ? b->starts : today, 10, 10, date_help },
		[BF_KIND] = { NULL, b ? policy_kind_name(b->kind) : "", 16, 40, kind_help },
		[BF_ENDS] = { NULL, b ? b->ends : "", 10, 10,
			      _("Until when (a date such as 3-2-2027), required; proposed from the "
				"table") },
		[BF_JUSTIFY] = { NULL, b ? b->justification : "", 40, 2000,
				 _("Required only when kind or duration is outside the sanction "
				   "table") },
		[BF_SCOPE] = { NULL, b ? b->scope : "", 30, 200, scope_help },
		[BF_IMPOSED] = { NULL, b ? b->imposed_by : "", 30, 200,
				 _("Department head or deputy who imposed it; else a draft") },
		[BF_LETTER] = { NULL, b ? b->letter_sent : "", 10, 10,
				_("Date the letter was sent (such as 3-2-2026); empty: saved as a "
				  "draft") },
		[BF_POLICE] = { NULL, bans_yes_no(b ? b->police_informed : false), 5, 10,
				_("yes or no") },
		[BF_NOTES] = { NULL, b ? b->notes : "", 40, 1000,
			       _("Why: what happened; empty: saved as a draft") },
		[BF_ENFORCE] = { NULL, b ? b->enforcement : "", 40, 2000,
				 _("How it is enforced besides informing reception and porters") },
		[BF_CONVERSATION] = { NULL, bans_yes_no(b ? b->until_conversation : false), 5, 10,
				      _("yes: a service stop until an order conversation took place") },
	};
	for (int i = 0; i < BF_COUNT; i++)
		f[i].label = field_label((enum ban_field)i);
	if (!b) {
		p->proposed_kind[0] = '\0';
		p->proposed_ends[0] = '\0';
		struct dialog *d = dialog_form_new(_("New ban or warning"), f, BF_COUNT,
						   new_ban_submit, bans_form_done, p);
		dialog_form_on_leave(d, new_form_leave);
		return d;
	}
	char title[512], name[256];
	bans_display_name(b, name, sizeof name);
	if (b->status == BAN_STATUS_DRAFT)
		(void)snprintf(title, sizeof title, _("Draft ban for %s"), name);
	else
		(void)snprintf(title, sizeof title, _("Ban for %s"), name);
	struct dialog *d = dialog_form_new(title, f, BF_COUNT, edit_ban_submit, bans_form_done, p);
	unsigned missing = bans_missing(b);
	if (d && missing) {
		char what[512], note[640];
		bans_missing_words(missing, what, sizeof what);
		(void)snprintf(note, sizeof note, _("Missing before it can be active: %s"), what);
		dialog_form_note(d, note);
	}
	return d;
}

/* The extend form of the ban in p->edit_ban. */
