/* ban_letter — 'ban letter': the Dutch letter that informs a person of a warning, a ban or an
 * invitation to an order conversation, filled from the ban (as the service gives it to those
 * who may edit bans), the configuration and a template. Every stored text is escaped before
 * it goes into the letter. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ban.h"
#include "core/lib.h"
#include "i18n.h"
#include "sanctions_conf.h"

/* The letter is an official Dutch document whatever the screen's language, so these
 * phrases are part of the letter (like the templates in data/letters/), not of the
 * interface, and are not translated. */
static const char *const nl_months[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december",
};
static const char *const nl_reason[REASON_COUNT] = {
	[REASON_VERBAL] = "verbale of non-verbale agressie",
	[REASON_THREAT] = "bedreiging",
	[REASON_OBSTRUCTION] = "het bemoeilijken of belemmeren van het werk van onze medewerkers",
	[REASON_ATTEMPT] = "een poging tot fysiek geweld",
	[REASON_PHYSICAL] = "fysiek geweld",
	[REASON_PROPERTY] = "het beschadigen van eigendommen van de gemeente",
	[REASON_OTHER] = "ongewenst gedrag",
};
static const char *const nl_kind_title[BAN_KIND_COUNT] = {
	[BAN_BUILDING] = "toegangsverbod",
	[BAN_PHONE] = "telefoonverbod",
	[BAN_BUILDING_PHONE] = "toegangs- en telefoonverbod",
	[BAN_SERVICE] = "opschorting van de dienstverlening",
	[BAN_WARNING] = "schriftelijke waarschuwing",
};

/* Columns of a printed letter: a monospaced A4 page with margins. */
#define LETTER_WIDTH 78

/* "24 november 2026" from "2026-11-24" (the text itself when it is no date). */
static void nl_date(const char *date, char *out, size_t outsz)
{
	int y, m, d;
	if (!date || dates_parse_date(date, &y, &m, &d) != 0) {
		snprintf(out, outsz, "%s", date && *date ? date : "...");
		return;
	}
	/* No-break spaces: a date is never split over two lines (sanctions_wrap). */
	snprintf(out, outsz, "%d\u00a0%s\u00a0%d", d, nl_months[m - 1], y);
}

/* "het gebouw Stadhuis", "de gebouwen Stadhuis en Milieustraat", "alle gemeentelijke
 * gebouwen", with the configured names of the scope's ids. */
static void nl_buildings(const struct config *cfg, const char *scope, char *out, size_t outsz)
{
	if (!scope || !*scope) {
		snprintf(out, outsz, "alle gemeentelijke gebouwen");
		return;
	}
	size_t count = 1;
	for (const char *p = scope; *p; p++)
		count += *p == ',';
	int len = snprintf(out, outsz, "%s", count > 1 ? "de gebouwen " : "het gebouw ");
	size_t i = 0;
	for (const char *p = scope; *p && len > 0 && (size_t)len < outsz; i++) {
		size_t n = strcspn(p, ",");
		char id[256];
		snprintf(id, sizeof id, "%.*s", (int)n, p);
		const struct config_building *b = config_building_find(cfg, id);
		const char *sep = i == 0 ? "" : i + 1 == count ? " en " : ", ";
		char shown[512];
		len += snprintf(out + len, outsz - (size_t)len, "%s%s", sep,
				cli_esc(b ? b->name : id, shown, sizeof shown));
		p += n + (p[n] == ',');
	}
}

/* The measure as the letter's sentence "Wij hebben daarom besloten tot ..." ends it. */
static void nl_measure(const struct config *cfg, const struct ban *b, char *out, size_t outsz)
{
	char where[512];
	nl_buildings(cfg, b->scope, where, sizeof where);
	switch (b->kind) {
	case BAN_BUILDING:
		snprintf(out, outsz, "een toegangsverbod voor %s", where);
		return;
	case BAN_PHONE:
		snprintf(out, outsz, "een telefoonverbod: onze medewerkers staan u telefonisch "
			 "niet meer te woord");
		return;
	case BAN_BUILDING_PHONE:
		snprintf(out, outsz, "een toegangsverbod voor %s en een telefoonverbod", where);
		return;
	case BAN_SERVICE:
		snprintf(out, outsz, "het opschorten van de dienstverlening aan u");
		return;
	case BAN_WARNING:
	case BAN_KIND_COUNT:
		break;
	}
	snprintf(out, outsz, "een schriftelijke waarschuwing");
}

/* "fysiek geweld" or, for a combination, "bedreiging en fysiek geweld". */
static void nl_reasons(const struct ban *b, char *out, size_t outsz)
{
	if (!*b->reasons) {
		snprintf(out, outsz, "%s", nl_reason[b->reason < REASON_COUNT ? b->reason
									       : REASON_OTHER]);
		return;
	}
	size_t count = 1, len = 0, i = 0;
	for (const char *p = b->reasons; *p; p++)
		count += *p == ',';
	out[0] = '\0';
	for (const char *p = b->reasons; *p; i++) {
		size_t n = strcspn(p, ",");
		char tok[32];
		enum ban_reason r = REASON_OTHER;
		snprintf(tok, sizeof tok, "%.*s", (int)n, p);
		(void)policy_reason_parse(tok, &r); /* validated by the store; else "other" */
		const char *sep = i == 0 ? "" : i + 1 == count ? " en " : ", ";
		int k = snprintf(out + len, outsz - len, "%s%s", sep, nl_reason[r]);
		if (k < 0 || (size_t)k >= outsz - len)
			return;
		len += (size_t)k;
		p += n + (p[n] == ',');
	}
}


/* The values of the placeholders that come from the database or the configuration, each
 * escaped (a name holding a terminal escape must not reach the printer's terminal). */
struct letter_values {
	char muni[512], kort[528], name[1024], signer[512];
	char datum[64], ingang[64], einde[64], kenmerk[64], measure[1536], reden[512];
	char adres[1024], voorval[96];  /* issue 13 */
};

static void fill_values(const struct cli_ctx *ctx, const struct ban *b, struct letter_values *v)
{
	const char *muni = ctx->config && ctx->config->municipality ? ctx->config->municipality
								    : "Gemeente";
	char today[DATES_DATE_LEN], name[1024];
	cli_today(today);
	nl_date(today, v->datum, sizeof v->datum);
	nl_date(b->starts, v->ingang, sizeof v->ingang);
	nl_date(b->ends, v->einde, sizeof v->einde);
	cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
	cli_esc(name, v->name, sizeof v->name);
	snprintf(v->kenmerk, sizeof v->kenmerk, "nr. %lld", (long long)b->id);
	cli_esc(muni, v->muni, sizeof v->muni);
	/* "Gemeente Ermelo" -> "gemeente Ermelo" inside a sentence. */
	if (strncmp(v->muni, "Gemeente ", 9) == 0 || strncmp(v->muni, "gemeente ", 9) == 0)
		snprintf(v->kort, sizeof v->kort, "gemeente %s", v->muni + 9);
	else
		snprintf(v->kort, sizeof v->kort, "gemeente %s", v->muni);
	nl_measure(ctx->config, b, v->measure, sizeof v->measure);
	nl_reasons(b, v->reden, sizeof v->reden);
	if (*b->imposed_by)
		cli_esc(b->imposed_by, v->signer, sizeof v->signer);
	else
		snprintf(v->signer, sizeof v->signer, "%s", "................................");
	/* Issue 13: the address to send it to, and the day it happened (the seed letters'
	 * "Op d.d. ... heeft u"); dots to fill in by hand when not recorded. */
	if (*b->address)
		cli_esc(b->address, v->adres, sizeof v->adres);
	else
		snprintf(v->adres, sizeof v->adres, "%s", "................................");
	if (*b->event_date) {
		char day[64];
		nl_date(b->event_date, day, sizeof day);
		snprintf(v->voorval, sizeof v->voorval, "Op %s", day);
	} else {
		snprintf(v->voorval, sizeof v->voorval, "Onlangs");
	}
}

/* Fill the template and print the letter; 0, or -1 after the message. */
static int print_letter(const char *cmd, const char *tmpl, enum sanctions_letter lt,
			const struct ban *b, const struct letter_values *v)
{
	static const char *const names[] = {
		"gemeente", "gemeente_kort", "naam", "datum", "kenmerk", "maatregel",
		"maatregel_kop", "reden", "ingang", "einde", "tot_ordegesprek", "politie",
		"opgelegd_door", "adres", "voorval",
	};
	const char *values[] = {
		v->muni, v->kort, v->name, v->datum, v->kenmerk, v->measure,
		nl_kind_title[b->kind < BAN_KIND_COUNT ? b->kind : BAN_WARNING], v->reden, v->ingang,
		v->einde,
		b->until_conversation ? ", of tot het ordegesprek heeft plaatsgevonden als dat "
					"eerder is" : "",
		b->police_informed ? "\nVoor de goede orde merken wij op dat wij een afschrift van "
				     "deze brief hebben gezonden aan de politie.\n" : "",
		v->signer, v->adres, v->voorval,
	};
	const char *bad = NULL;
	char *filled = sanctions_fill(tmpl, names, values, sizeof names / sizeof *names, &bad);
	char *text = filled ? sanctions_wrap(filled, LETTER_WIDTH) : NULL;
	int rc = 0;
	if (!text) {
		if (bad && !filled) {
			char shown[64], esc[160];
			snprintf(shown, sizeof shown, "%.*s", (int)strcspn(bad, "}\n"), bad);
			cli_error(_("letter %s: unknown placeholder %s} (see balie(1))"),
				  sanctions_letter_name(lt), cli_esc(shown, esc, sizeof esc));
		} else {
			cli_error("%s: %s", cmd, strerror(ENOMEM));
		}
		rc = -1;
	} else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		cli_error("%s: %s", cmd, strerror(errno));
		rc = -1;
	}
	free(text);
	free(filled);
	return rc;
}

static int ban_letter(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	const char *type = cli_text(a, "type");
	enum sanctions_letter lt = LETTER_BAN;
	if (type && sanctions_letter_parse(type, &lt) != 0) {
		char q[160];
		return cli_fail(_("%s: --type: unknown letter %s (one of: warning, ban, "
				  "invitation)"), cmd, ban_quoted(type, q, sizeof q));
	}
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct ban b = {0};
	enum store_status r = client_ban_get_for_letter(cl, id, &b);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	if (!type)
		lt = b.kind == BAN_WARNING ? LETTER_WARNING
		   : b.kind == BAN_SERVICE && b.until_conversation ? LETTER_INVITATION : LETTER_BAN;
	char err[1024];
	char *tmpl = sanctions_letter_template(ctx->config ? ctx->config->source : NULL, lt, err,
					       sizeof err);
	int status = CLI_ERROR;
	struct letter_values *v = malloc(sizeof *v);
	if (!tmpl)
		cli_error("%s", err);
	else if (!v)
		cli_error("%s: %s", cmd, strerror(ENOMEM));
	else {
		fill_values(ctx, &b, v);
		if (print_letter(cmd, tmpl, lt, &b, v) == 0)
			status = CLI_OK;
	}
	free(v);
	free(tmpl);
	store_ban_clear(&b);
	return status;
}

static const struct cli_opt letter_opts[] = {
	{.name = "type", .letter = 't', .type = CLI_TEXT, .arg = "warning|ban|invitation",
	 .max = 32, .help = N_("the letter to write (default: by the kind of ban)")},
	{.name = NULL},
};

const struct cli_command cli_ban_letter_commands[] = {
	{.name = "ban letter", .args = N_("ID"), .opts = letter_opts, .min_args = 1,
	 .max_args = 1, .run = ban_letter, .id_arg = CLI_RECORD_BAN,
	 .summary = N_("Write the letter that informs the person, as plain Dutch text to print.\n"
		       "Without --type: a warning for a written warning, an invitation for an\n"
		       "order conversation for a service stop until that conversation, else the\n"
		       "ban letter. The templates are letters/TYPE.txt next to balie.conf, else\n"
		       "the built-in ones.")},
	{.name = NULL},
};
