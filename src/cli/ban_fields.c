/* ban_fields — the fields of a ban as 'ban add' takes them and a CSV row holds them: checked
 * field by field (core/bancheck, the configuration's buildings) for a message that names
 * the field, before anything goes to the service; and the helpers the ban commands share. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/ban.h"
#include "core/lib.h"
#include "i18n.h"
#include "sanctions_conf.h"

static const char *const options[BANF_COUNT] = {
	[BANF_GIVEN] = "--given", [BANF_PREFIX] = "--prefix", [BANF_SURNAME] = "--surname",
	[BANF_BORN] = "--born", [BANF_KIND] = "--kind", [BANF_STARTS] = "--starts",
	[BANF_ENDS] = "--ends", [BANF_REASON] = "--reason",
	[BANF_PARTNER_PREFIX] = "--partner-prefix", [BANF_PARTNER_SURNAME] = "--partner-surname",
	[BANF_SCOPE] = "--scope", [BANF_IMPOSED_BY] = "--imposed-by",
	[BANF_LETTER_SENT] = "--letter-sent", [BANF_POLICE] = "--police", [BANF_NOTES] = "--notes",
	/* Only in the CSV (an export read back): 'ban add' never sets these. */
	[BANF_STATUS] = "--draft", [BANF_LIFTED_AT] = "lifted_at", [BANF_LIFTED_BY] = "lifted_by",
	[BANF_LIFTED_REASON] = "lifted_reason",
	[BANF_ADDRESS] = "--address", [BANF_EVENT_DATE] = "--event-date",
	[BANF_TAKEOVER] = "--source",
	[BANF_ENFORCEMENT] = "--enforcement", [BANF_JUSTIFICATION] = "--justification",
	[BANF_REASONS] = "--reason",
};

const char *ban_field_option(enum banf f)
{
	return (unsigned)f < BANF_COUNT ? options[f] : "?";
}

const char *ban_quoted(const char *v, char *buf, size_t bufsz)
{
	char esc[128];
	(void)text_escape(v, esc, sizeof esc);
	snprintf(buf, bufsz, "\"%s\"", esc);
	return buf;
}

int ban_parse_yesno(const char *v, bool *out)
{
	static const char *const yes[] = {"yes", "1", "true", "ja", "y", "j"};
	static const char *const no[] = {"no", "0", "false", "nee", "n", ""};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

int ban_fields_check(const struct config *cfg, char *v[BANF_COUNT], const char *today,
		     struct ban_new *out, struct ban_norm *norm, enum banf *bad, char *why,
		     size_t whysz)
{
	static char empty[] = "";
	char q[160];
	for (int c = 0; c < BANF_COUNT; c++) {
		if (!v[c])
			v[c] = empty;
		else
			text_trim(v[c]);
		if (c < BANF_CSV_COUNT && bancheck_text((enum banf)c, v[c], why, whysz) != 0) {
			*bad = (enum banf)c;
			return -1;
		}
	}
	*bad = BANF_KIND;
	if (policy_kind_parse(v[BANF_KIND], &out->kind) != 0) {
		snprintf(why, whysz, _("unknown kind %s (one of: building, phone, building+phone, "
				       "service, warning)"), ban_quoted(v[BANF_KIND], q, sizeof q));
		return -1;
	}
	*bad = BANF_REASON;
	if (policy_reason_parse(v[BANF_REASON], &out->reason) != 0) {
		snprintf(why, whysz, _("unknown reason %s (one of: verbal, threat, obstruction, "
				       "attempt, physical, property, other)"),
			 ban_quoted(v[BANF_REASON], q, sizeof q));
		return -1;
	}
	if (bancheck_dates((const char *const *)v, today, bad, why, whysz) != 0)
		return -1;
	*bad = BANF_POLICE;
	if (ban_parse_yesno(v[BANF_POLICE], &out->police_informed) != 0) {
		snprintf(why, whysz, _("%s is not yes or no"), ban_quoted(v[BANF_POLICE], q, sizeof q));
		return -1;
	}
	/* A typo in a building id must never make a ban apply nowhere. */
	*bad = BANF_SCOPE;
	size_t nb = cfg ? cfg->nbuildings : 0;
	const char **ids = calloc(nb ? nb : 1, sizeof *ids);
	if (!ids) {
		snprintf(why, whysz, "%s", strerror(ENOMEM));
		return -1;
	}
	for (size_t i = 0; i < nb; i++)
		ids[i] = cfg->buildings[i].id;
	int scope = bancheck_scope(v[BANF_SCOPE], ids, nb, norm->scope, sizeof norm->scope, why,
				   whysz);
	free(ids);
	if (scope != 0)
		return -1;
	*bad = BANF_STATUS;
	if (strcmp(v[BANF_STATUS], "draft") == 0) {
		out->draft = true;
	} else if (*v[BANF_STATUS] && strcmp(v[BANF_STATUS], "active") != 0) {
		snprintf(why, whysz, _("unknown status %s (one of: active, draft)"),
			 ban_quoted(v[BANF_STATUS], q, sizeof q));
		return -1;
	}
	out->given_names = v[BANF_GIVEN];
	out->prefix = v[BANF_PREFIX];
	out->surname = v[BANF_SURNAME];
	out->partner_prefix = v[BANF_PARTNER_PREFIX];
	out->partner_surname = v[BANF_PARTNER_SURNAME];
	out->born = v[BANF_BORN];
	out->scope = norm->scope;
	out->starts = v[BANF_STARTS];
	out->ends = v[BANF_ENDS];
	out->imposed_by = v[BANF_IMPOSED_BY];
	out->letter_sent = v[BANF_LETTER_SENT];
	out->notes = v[BANF_NOTES];
	out->lifted_at = v[BANF_LIFTED_AT];
	out->lifted_by = v[BANF_LIFTED_BY];
	out->lifted_reason = v[BANF_LIFTED_REASON];
	out->address = v[BANF_ADDRESS];
	out->event_date = v[BANF_EVENT_DATE];
	return 0;
}

int ban_table(const struct cli_ctx *ctx, struct sanction_table *t)
{
	char err[1024];
	if (sanctions_load(ctx->config ? ctx->config->source : NULL, t, err, sizeof err) != 0) {
		cli_error("%s", err);
		return -1;
	}
	return 0;
}
