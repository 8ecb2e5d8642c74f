/* incident — the 'incident' subcommand: register an incident (anyone) or a tally mark, and,
 * for managers and HR, show, list, update and complete them. The follow-up (due, done) is in
 * incident_due.c. Every value is checked before anything is written. */
#include "autoconfig.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/incident.h"
#include "client/lib.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"

#define MAX_CENTS 999999999LL /* ten million euro less a cent: anything more is a typo */

/* The fields of the form: options of add and update, each read as form_fields says; add
 * requires the first five (req). */
#define FORM_TEXT(n, a, h, m) {.name = n, .type = CLI_TEXT, .arg = a, .help = h, .max = m, \
			       .allow_empty = true}
#define FORM_NEEDED(n, a, h, m, req) {.name = n, .type = CLI_TEXT, .arg = a, .help = h,      \
				       .max = m, .allow_empty = true, .required = req}
#define FORM_OPTS(req)                                                                     \
	FORM_NEEDED("at", "\"YYYY-MM-DD HH:MM\"", N_("when it happened (local time)"), 32,  \
		    req),                                                                        \
	FORM_NEEDED("category", "CAT", N_("verbal, discrimination, sexual, threat, "        \
		    "obstruction, property, attempt, physical, robbery or other"), 32, req),     \
	FORM_NEEDED("channel", "CHANNEL", N_("counter, phone, outside, home-visit, written " \
		    "or online"), 32, req),                                                      \
	FORM_NEEDED("place", "PLACE", N_("a building, room or alarm point of balie.conf, "  \
		    "or one of its incident places"), INCIDENT_NAME_MAX - 1, req),               \
	FORM_NEEDED("employee", "NAME", N_("whom it happened to"), INCIDENT_NAME_MAX - 1,   \
		    req),                                                                        \
	FORM_TEXT("perpetrator", "NAME", N_("as written; \"\" when not known"),             \
		  INCIDENT_PERSON_MAX - 1),                                                      \
	FORM_TEXT("born", "DATE", N_("the perpetrator's date of birth"), 32),                \
	FORM_TEXT("address", "TEXT", N_("the perpetrator's address"),                       \
		  INCIDENT_PERSON_MAX - 1),                                                      \
	FORM_TEXT("phone", "TEXT", N_("the perpetrator's phone"), 63),                      \
	FORM_TEXT("description", "TEXT", N_("what happened"), INCIDENT_TEXT_MAX),          \
	FORM_TEXT("witnesses", "TEXT", N_("who was present"), INCIDENT_NOTE_MAX),           \
	FORM_TEXT("injury", "none|light|serious", N_("injury"), 16),                         \
	FORM_TEXT("damage-personal", "EUR", N_("damage to the employee's property (such "    \
		  "as 45,50)"), 16),                                                             \
	FORM_TEXT("damage-municipal", "EUR", N_("damage to municipal property"), 16),        \
	FORM_TEXT("alarm", "ID", N_("the alarm it followed"), 20),                           \
	FORM_TEXT("risk-assessed", "yes|no", N_("was a raised risk assessed beforehand"),   \
		  8),                                                                            \
	FORM_TEXT("measures", "TEXT", N_("measures taken beforehand"), INCIDENT_NOTE_MAX),  \
	FORM_TEXT("police", "none|informed|report", N_("the police: a report (aangifte) "    \
		  "needs its date and number"), 16),                                             \
	FORM_TEXT("police-date", "DATE", N_("the day of the police report"), 32),           \
	FORM_TEXT("police-number", "TEXT", N_("the number of the police report"), 63),      \
	FORM_TEXT("aftercare", "yes|no", N_("does the employee want aftercare"), 8),         \
	FORM_TEXT("conversation", "DATE", N_("the order conversation took place"), 32),      \
	FORM_TEXT("minutes-sent", "DATE", N_("its minutes were sent by letter"), 32),        \
	FORM_TEXT("preventable", "yes|no", N_("could it have been prevented"), 8),           \
	FORM_TEXT("prevention", "TEXT", N_("how it could have been prevented"),             \
		  INCIDENT_NOTE_MAX),                                                            \
	FORM_TEXT("discussed", "yes|no", N_("discussed in the team"), 8)

static const struct cli_opt add_opts[] = {FORM_OPTS(true), {.name = NULL}};
static const struct cli_opt update_opts[] = {
	FORM_OPTS(false),
	{.name = "complete", .type = CLI_FLAG,
	 .help = N_("mark it complete (the answers of the form must be given)")},
	{.name = NULL},
};

/* How an option of the form is read into struct incident: the plain ones by their kind into
 * the field at offset at (size bytes), the others by apply_own() on their code. */
enum form_kind { FORM_OWN, FORM_STRING, FORM_NAME, FORM_DAY, FORM_ANSWER };

#define FIELD(f) offsetof(struct incident, f), sizeof ((struct incident *)NULL)->f

static const struct form_field {
	const char *name;
	enum form_kind kind;
	char code;       /* FORM_OWN */
	size_t at, size; /* the others */
} form_fields[] = {
	{"at", FORM_OWN, 'a', 0, 0}, {"category", FORM_OWN, 'c', 0, 0},
	{"channel", FORM_OWN, 'C', 0, 0}, {"place", FORM_NAME, 0, FIELD(place)},
	{"employee", FORM_NAME, 0, FIELD(employee)}, {"perpetrator", FORM_OWN, 'P', 0, 0},
	{"born", FORM_OWN, 'b', 0, 0}, {"address", FORM_STRING, 0, FIELD(perp_address)},
	{"phone", FORM_STRING, 0, FIELD(perp_phone)},
	{"description", FORM_STRING, 0, FIELD(description)},
	{"witnesses", FORM_STRING, 0, FIELD(witnesses)}, {"injury", FORM_OWN, 'i', 0, 0},
	{"damage-personal", FORM_OWN, 'D', 0, 0}, {"damage-municipal", FORM_OWN, 'M', 0, 0},
	{"alarm", FORM_OWN, 'L', 0, 0}, {"risk-assessed", FORM_ANSWER, 0, FIELD(risk_assessed)},
	{"measures", FORM_STRING, 0, FIELD(measures)}, {"police", FORM_OWN, 'o', 0, 0},
	{"police-date", FORM_DAY, 0, FIELD(police_date)},
	{"police-number", FORM_STRING, 0, FIELD(police_number)},
	{"aftercare", FORM_ANSWER, 0, FIELD(aftercare)},
	{"conversation", FORM_DAY, 0, FIELD(conversation_date)},
	{"minutes-sent", FORM_DAY, 0, FIELD(minutes_sent)},
	{"preventable", FORM_ANSWER, 0, FIELD(preventable)},
	{"prevention", FORM_STRING, 0, FIELD(prevention)},
	{"discussed", FORM_ANSWER, 0, FIELD(discussed)},
};

/* ------------------------------------------------------------------ shared helpers */

/* "--category: "x" is not one of verbal, ..." */
static int not_one_of(const char *cmd, const char *opt, const char *v, const char *list)
{
	char esc[128];
	(void)text_escape(v, esc, sizeof esc);
	cli_error(_("%s: %s: \"%s\" is not one of %s"), cmd, opt, esc, list);
	return -1;
}

/* An amount in euro ("45", "45,50", "45.5") into cents; 0 or -1. */
static int parse_euro(const char *v, int64_t *cents)
{
	long long whole = 0, frac = 0;
	int digits = 0, fdigits = 0;
	const char *p = v;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (digits == 0 || digits > 7)
		return -1;
	if (*p == ',' || *p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, fdigits++)
			frac = frac * 10 + (*p - '0');
		if (fdigits == 0 || fdigits > 2)
			return -1;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*p != '\0' || whole * 100 + frac > MAX_CENTS)
		return -1;
	*cents = whole * 100 + frac;
	return 0;
}

void incident_euro(int64_t cents, char *out, size_t outsz)
{
	snprintf(out, outsz, _("EUR %lld.%02lld"), (long long)(cents / 100),
		 (long long)(cents % 100));
}

/* Copy a checked text option into out. */
static int take(const char *cmd, const char *opt, char *v, bool allow_empty, char *out,
		size_t outsz)
{
	return cli_take_text(cmd, opt, v, allow_empty, out, outsz);
}

/* A date option into out ("" when v is "" and allow_empty). */
static int take_date_into(const char *cmd, const char *opt, const char *v, char *out,
			  size_t outsz)
{
	if (!*v) {
		out[0] = '\0';
		return 0;
	}
	char date[DATES_DATE_LEN];
	if (cli_take_date(cmd, opt, v, DATES_PAST, date) != 0)
		return -1;
	snprintf(out, outsz, "%s", date);
	return 0;
}

static int take_answer(const char *cmd, const char *opt, const char *v,
		       enum incident_answer *out)
{
	if (incidents_answer_parse(v, out) != 0)
		return not_one_of(cmd, opt, v, "yes, no");
	return 0;
}

/* Apply the option of code c (with value v) to in; 0 or -1 after an error. */
static int apply_own(const char *cmd, int c, char *v, struct incident *in)
{
	char list[512];
	switch (c) {
	case 'a':
		return cli_take_local_time(cmd, "--at", v, &in->at);
	case 'c':
		if (incidents_category_parse(v, &in->category) == 0)
			return 0;
		incidents_category_list(list, sizeof list);
		return not_one_of(cmd, "--category", v, list);
	case 'C':
		if (incidents_channel_parse(v, &in->channel) == 0)
			return 0;
		incidents_channel_list(list, sizeof list);
		return not_one_of(cmd, "--channel", v, list);
	case 'P':
		if (take(cmd, "--perpetrator", v, true, in->perpetrator, sizeof in->perpetrator))
			return -1;
		char g[INCIDENT_NAME_MAX], pr[64], s[INCIDENT_NAME_MAX];
		if (!*in->perpetrator ||
		    incidents_split_name(in->perpetrator, g, sizeof g, pr, sizeof pr, s,
					 sizeof s) == 0)
			return 0;
		cli_error(_("%s: --perpetrator: no surname can be read in \"%s\""), cmd,
			  in->perpetrator);
		return -1;
	case 'b':
		if (take_date_into(cmd, "--born", v, in->perp_born, sizeof in->perp_born) != 0)
			return -1;
		char today[DATES_DATE_LEN];
		cli_today(today);
		if (strcmp(in->perp_born, today) <= 0)
			return 0;
		cli_error(_("%s: --born: %s is in the future"), cmd, in->perp_born);
		return -1;
	case 'i':
		if (incidents_injury_parse(v, &in->injury) == 0)
			return 0;
		return not_one_of(cmd, "--injury", v, "none, light, serious");
	case 'D':
	case 'M': {
		const char *opt = c == 'D' ? "--damage-personal" : "--damage-municipal";
		if (parse_euro(v, c == 'D' ? &in->damage_personal : &in->damage_municipal) == 0)
			return 0;
		char esc[128];
		(void)text_escape(v, esc, sizeof esc);
		cli_error(_("%s: %s: \"%s\" is not an amount in euro (such as 45 or 45,50)"), cmd,
			  opt, esc);
		return -1;
	}
	case 'L':
		if (!*v) {
			in->alarm_id = 0;
			return 0;
		}
		if (cli_parse_id(v, &in->alarm_id) == 0)
			return 0;
		char esc[128];
		(void)text_escape(v, esc, sizeof esc);
		cli_error(_("%s: --alarm: \"%s\" is not an alarm id"), cmd, esc);
		return -1;
	case 'o':
		if (incidents_police_parse(v, &in->police) == 0)
			return 0;
		return not_one_of(cmd, "--police", v, "none, informed, report");
	default:
		return -1;
	}
}

/* Apply option f of the form (with value v) to in; 0 or -1 after an error. */
static int apply(const char *cmd, const struct form_field *f, char *v, struct incident *in)
{
	char opt[32];
	snprintf(opt, sizeof opt, "--%s", f->name);
	char *field = (char *)in + f->at;
	switch (f->kind) {
	case FORM_OWN:
		return apply_own(cmd, f->code, v, in);
	case FORM_STRING:
		return take(cmd, opt, v, true, field, f->size);
	case FORM_NAME:
		/* The service checks a place against its own configuration. */
		return take(cmd, opt, v, false, field, f->size);
	case FORM_DAY:
		return take_date_into(cmd, opt, v, field, f->size);
	case FORM_ANSWER:
		return take_answer(cmd, opt, v, (enum incident_answer *)(void *)field);
	}
	return -1;
}

/* Apply every form option given in a to in; 0 or -1 after an error. The texts are the
 * parser's own copies, trimmed and checked. */
static int apply_given(const struct cli_args *a, struct incident *in)
{
	/* Only the options of this command's table: a name not in it would abort. */
	for (const struct cli_opt *o = a->cmd->opts; o && o->name; o++) {
		size_t i = 0;
		while (i < sizeof form_fields / sizeof *form_fields &&
		       strcmp(form_fields[i].name, o->name) != 0)
			i++;
		if (i == sizeof form_fields / sizeof *form_fields || !cli_has(a, o->name))
			continue;
		char v[INCIDENT_TEXT_MAX + 1];
		snprintf(v, sizeof v, "%s", cli_text(a, o->name));
		if (apply(a->cmd->name, &form_fields[i], v, in) != 0)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ add */

static int incident_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	struct incident in;
	memset(&in, 0, sizeof in);
	if (apply_given(a, &in) != 0)
		return CLI_ERROR;
	if (in.at > clock_now())
		return cli_fail(_("%s: --at: the incident lies in the future"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t id;
	if (client_incident_add(cl, &in, &id) != STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	/* What cannot wait goes to the desk at once, beside the id. */
	if (in.injury == INJURY_SERIOUS)
		cli_error(_("incident %lld: serious injury: notify the labour inspectorate at once "
			    "(see 'balie incident due')"), (long long)id);
	return CLI_OK;
}

/* ------------------------------------------------------------------ update */

static int incident_update(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	bool complete = cli_has(a, "complete"), any = false;
	for (const struct cli_opt *o = a->cmd->opts; o && o->name; o++)
		any |= strcmp(o->name, "complete") != 0 && cli_has(a, o->name);
	if (!any && !complete)
		return cli_error_missing(cmd, _("an option to change (or --complete)"));
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct incident in;
	enum store_status r = client_incident_get(cl, id, &in);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	if (apply_given(a, &in) != 0)
		return CLI_ERROR;
	if (any) {
		if (in.at > clock_now())
			return cli_fail(_("%s: --at: the incident lies in the future"), cmd);
		if ((r = client_incident_update(cl, &in)) != STORE_OK)
			return cli_id_failed(cl, a, r);
		in.version++;
	}
	if (complete && (r = client_incident_complete(cl, id, in.version)) != STORE_OK)
		return cli_id_failed(cl, a, r);
	return CLI_OK;
}

/* ------------------------------------------------------------------ tally */

static int incident_tally(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	struct incident in; /* reuses the option checks */
	memset(&in, 0, sizeof in);
	if (!cli_has(a, "channel"))
		return cli_error_missing(cmd, "--channel");
	if (!cli_has(a, "category"))
		return cli_error_missing(cmd, "--category");
	if (apply_given(a, &in) != 0)
		return CLI_ERROR;
	time_t now = clock_now();
	if (in.at == 0)
		in.at = now;
	if (in.at > now)
		return cli_fail(_("%s: --at: the incident lies in the future"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t id;
	if (client_incident_tally(cl, in.at, in.category, in.channel, in.place, &id) != STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

/* ------------------------------------------------------------------ list */

/* The instant of the local midnight of date plus days; 0 or -1 after an error. */
static int day_start(const char *cmd, const char *opt, const char *date, int days, time_t *out)
{
	char d[DATES_DATE_LEN];
	if (dates_add_days(date, days, d) != 0 || dates_local_instant(d, 0, out) != 0) {
		cli_error(_("%s: %s: %s is out of range"), cmd, opt, date);
		return -1;
	}
	return 0;
}

static int incident_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *from = cli_date(a, "from"), *to = cli_date(a, "to");
	bool tsv = cli_has(a, "tsv");
	time_t t_from = 0, t_to = 0;
	if ((from && day_start(cmd, "--from", from, 0, &t_from) != 0) ||
	    (to && day_start(cmd, "--to", to, 1, &t_to) != 0))
		return CLI_ERROR;
	if (from && to && strcmp(from, to) > 0)
		return cli_fail(_("%s: --to: %s is before --from %s"), cmd, to, from);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct incident *v = NULL;
	size_t n = 0;
	if (client_incident_list(cl, t_from, t_to, &v, &n) != STORE_OK)
		return cli_client_failed(cl, cmd);
	for (size_t i = 0; i < n; i++) {
		char id[24], when[32];
		snprintf(id, sizeof id, "%lld", (long long)v[i].id);
		cli_local_time(v[i].at, when, sizeof when);
		if (tsv) {
			const char *f[] = {id, when, incidents_category_name(v[i].category),
					   incidents_channel_name(v[i].channel), v[i].place,
					   v[i].employee, v[i].perpetrator,
					   incidents_injury_name(v[i].injury),
					   incidents_police_name(v[i].police),
					   v[i].completed_at ? "yes" : "no"};
			(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
			continue;
		}
		printf("%5s  %s  %-15s %-11s ", id, when, incidents_category_name(v[i].category),
		       incidents_channel_name(v[i].channel));
		(void)cli_put_escaped(stdout, v[i].place);
		if (v[i].perpetrator[0]) {
			fputs("  ", stdout);
			(void)cli_put_escaped(stdout, v[i].perpetrator);
		}
		printf("  %s\n", v[i].completed_at ? _("complete") : _("open"));
	}
	return cli_list_end(tsv, n, _("No incidents in this period."), v, CLI_OK);
}

/* ------------------------------------------------------------------ the commands */

static const struct cli_opt tally_opts[] = {
	FORM_TEXT("category", "CAT", N_("what kind of misbehaviour (as for incident add)"),
		  32),
	FORM_TEXT("channel", "CHANNEL", N_("how the contact took place"), 32),
	FORM_TEXT("place", "PLACE", N_("where (optional)"), INCIDENT_NAME_MAX - 1),
	FORM_TEXT("at", "\"YYYY-MM-DD HH:MM\"", N_("when (default now)"), 32),
	{.name = NULL},
};
static const struct cli_opt list_opts[] = {
	{.name = "from", .type = CLI_DATE, .arg = "DATE", .help = N_("the first day")},
	{.name = "to", .type = CLI_DATE, .arg = "DATE", .help = N_("the last day")},
	{.name = "tsv", .type = CLI_FLAG,
	 .help = N_("tab-separated: id, time, category, channel, place, employee, perpetrator, "
		    "injury, police, complete (yes/no)")},
	{.name = NULL},
};

const struct cli_command cli_incident_commands[] = {
	{.name = "incident add", .opts = add_opts, .run = incident_add,
	 .summary = N_("Register an incident and print its id. Anyone at the desk may; a\n"
		       "manager or HR completes it ('balie incident update').\n--at, "
		       "--category, --channel, --place and --employee are required.")},
	{.name = "incident update", .args = N_("ID"), .opts = update_opts, .min_args = 1,
	 .max_args = 1, .run = incident_update, .id_arg = CLI_RECORD_INCIDENT,
	 .summary = N_("Change or complete the form of incident ID (manager or HR): the\n"
		       "options of 'incident add'; \"\" empties a text. --complete marks it\n"
		       "complete once --description, --risk-assessed, --aftercare, --preventable\n"
		       "and --discussed are answered.")},
	{.name = "incident tally", .opts = tally_opts, .run = incident_tally,
	 .summary = N_("Count one small misbehaviour that does not warrant a full report (a\n"
		       "tally mark, now unless --at); the report counts them apart. Prints its "
		       "id.")},
	{.name = "incident list", .opts = list_opts, .run = incident_list,
	 .summary = N_("The incidents in a period (both days included), oldest first (manager "
		       "or HR).")},
	{.name = NULL},
};
