/* config — balie.conf read with libconfuse (static option tables, a validator per option,
 * errors as FILE:LINE) into an immutable struct config; a bad file is refused as a whole.
 * This part finds and reads the file; config/schema.c, hours.c and roles.c hold the rest. */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/internal.h"
#include "i18n.h"

#define MAX_FILE (1 << 20)  /* a configuration file larger than this is a mistake */

/* The building used when the file defines none, in the file's own syntax. */
static const char builtin_building[] =
	"building " DEFAULT_BUILDING " {\n"
	"  name = \"Stadhuis\"\n"
	"  monday = {\"08:30-17:00\"}\n"
	"  tuesday = {\"08:30-17:00\"}\n"
	"  wednesday = {\"08:30-17:00\"}\n"
	"  thursday = {\"08:30-17:00\", \"18:00-20:00\"}\n"
	"  friday = {\"08:30-17:00\"}\n"
	"  evening_from = \"17:00\"\n"
	"  rooms = {\"Spreekkamer 006\", \"Spreekkamer 008\"}\n"
	"  alarm_points = {\"Balie 1\", \"Balie 2\", \"Spreekkamer 006\", \"Spreekkamer 008\",\n"
	"                  \"Burgerzaken (overval)\"}\n"
	"}\n";

static const char *const protocol_names[4] = {"ban_hit", "possible", "alarm", "understaffed"};

/* Built-in protocol texts, translated when shown (config_protocol). */
static const char *const protocol_builtin[4] = {
	[PROTOCOL_BAN_HIT] = N_("Entry ban: do not serve this visitor and do not let them in. "
				"Stay calm and polite and keep the counter between you. Call the "
				"porter: press the alarm button or phone the porters. Entering "
				"despite a ban is trespass: if the visitor will not leave, the porter "
				"or the police removes them. On any aggression call the police at "
				"once: 112."),
	[PROTOCOL_POSSIBLE] = N_("Possible hit: the name resembles someone on the ban list. "
				 "Before serving, ask politely for an ID and compare the full "
				 "name and the date of birth with the ban. Same person: follow "
				 "the ban protocol. Not the same person: serve as usual. In "
				 "doubt, call the porter or a manager."),
	[PROTOCOL_ALARM] = N_("Alarm: the porter on duty goes there at once and acknowledges "
			      "the alarm here. Keep your distance, do not go in alone and keep "
			      "the escape route free. Pressed by mistake? Mark it as a false "
			      "alarm at once. On violence call the police: 112."),
	[PROTOCOL_UNDERSTAFFED] = N_("Too few members of the support team are present. Tell "
				     "the manager on duty. If no porter can come, call the "
				     "police at once on any aggression: 112. Do not start risky "
				     "appointments without a porter on standby."),
};

/* Turn a parsed, validated tree into a struct config; NULL on out-of-memory. */
static struct config *config_from(cfg_t *cfg, cfg_t *fallback, const char *source)
{
	struct config *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	bool oom = false;
	c->source = source ? config_dup(source, &oom) : NULL;
	c->database = config_dup(cfg_getstr(cfg, "database"), &oom);
	c->socket = config_dup(cfg_getstr(cfg, "socket"), &oom);
	c->language = config_dup(cfg_getstr(cfg, "language"), &oom);
	c->municipality = config_dup(cfg_getstr(cfg, "municipality"), &oom);
	c->support_minimum = (int)cfg_getint(cfg, "support_minimum");
	c->realarm_seconds = (int)cfg_getint(cfg, "realarm_interval");
	c->staffing_warning_before = (int)cfg_getint(cfg, "staffing_warning_before");
	if (roles_parse(cfg_getstr(cfg, "default_role"), &c->default_role) != 0)
		c->default_role = ROLE_NONE; /* "none", the default */
	cfg_t *ret = cfg_getsec(cfg, "retention");
	c->retention.bans_months = (int)cfg_getint(ret, "bans_months");
	c->retention.alarms_months = (int)cfg_getint(ret, "alarms_months");
	c->retention.presence_months = (int)cfg_getint(ret, "presence_months");
	c->retention.appointments_months = (int)cfg_getint(ret, "appointments_months");
	c->retention.audit_months = (int)cfg_getint(ret, "audit_months");
	c->retention.incidents_months = (int)cfg_getint(ret, "incidents_months");
	c->retention.offences_months = (int)cfg_getint(ret, "offences_months");
	c->retention.visits_months = (int)cfg_getint(ret, "visits_months");
	config_incidents_from(c, cfg_getsec(cfg, "incidents"), &oom);

	cfg_t *from = cfg_size(cfg, "building") > 0 ? cfg : fallback;
	size_t nb = cfg_size(from, "building");
	c->buildings = calloc(nb ? nb : 1, sizeof *c->buildings);
	if (!c->buildings) {
		oom = true;
	} else {
		for (size_t i = 0; i < nb; i++) {
			config_building_from(cfg_getnsec(from, "building", (unsigned)i),
				      &c->buildings[i], &oom);
			c->nbuildings++;
		}
	}
	const char *here = cfg_getstr(cfg, "this_building");
	c->building = config_dup(here && *here ? here
				  : c->nbuildings > 0 ? c->buildings[0].id : DEFAULT_BUILDING,
				  &oom);
	c->alarm_point = config_dup(cfg_getstr(cfg, "alarm_point"), &oom);

	config_roles_from(c, cfg_getsec(cfg, "roles"), &oom);

	cfg_t *prot = cfg_getsec(cfg, "protocol");
	for (int i = 0; i < 4; i++) {
		const char *s = prot ? cfg_getstr(prot, protocol_names[i]) : NULL;
		/* An empty text means "the built-in one", like leaving it out. */
		if (s && *s)
			c->protocol[i] = config_dup(s, &oom);
	}
	if (oom) {
		config_free(c);
		return NULL;
	}
	return c;
}

/* The built-in building as a parsed tree; NULL on out-of-memory. */
static cfg_t *builtin_tree(void)
{
	cfg_t *cfg = config_schema_new();
	if (!cfg)
		return NULL;
	struct config_load_ctx *saved = config_ctx;
	struct config_load_ctx mine = {.path = "built-in", .text = builtin_building,
				       .last_line = 100};
	char err[256];
	mine.err = err;
	mine.errsz = sizeof err;
	config_ctx = &mine;
	int rc = cfg_parse_buf(cfg, builtin_building);
	config_ctx = saved;
	if (rc != CFG_SUCCESS) {
		cfg_free(cfg);
		return NULL;
	}
	return cfg;
}

/* libconfuse 3.3 miscounts lines after comments and refuses comments inside lists;
 * without comments its line numbers are right. */
void config_strip_comments(char *s)
{
	enum { CODE, DQUOTE, SQUOTE, LINE, BLOCK } st = CODE;
	char prev = '\n';
	for (char *p = s; *p; p++) {
		switch (st) {
		case CODE:
			if (*p == '"') {
				st = DQUOTE;
			} else if (*p == '\'') {
				st = SQUOTE;
			} else if (*p == '#') {
				st = LINE;
				*p = ' ';
			} else if (*p == '/' && (p[1] == '/' || p[1] == '*') &&
				   strchr(" \t\r\n{},=(", prev)) {
				/* Only at the start of a word: "a//b" is an unquoted value. */
				st = p[1] == '/' ? LINE : BLOCK;
				p[0] = p[1] = ' ';
				p++;
			}
			break;
		case DQUOTE:
		case SQUOTE:
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == (st == DQUOTE ? '"' : '\''))
				st = CODE;
			break;
		case LINE:
			if (*p == '\n')
				st = CODE;
			else
				*p = ' ';
			break;
		case BLOCK:
			if (*p == '*' && p[1] == '/') {
				p[0] = p[1] = ' ';
				p++;
				st = CODE;
			} else if (*p != '\n') {
				*p = ' ';
			}
			break;
		}
		prev = *p;
	}
}

/* Read a whole file into memory with the sentinel appended; NULL with err set. */
static char *read_file(const char *path, int *last_line, char *err, size_t errsz)
{
	static const char tail[] = "\n" SENTINEL " = 1\n";
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 0, len = 0;
	char *buf = NULL;
	int error = 0;
	for (;;) {
		if (!grow_array(&buf, &cap, len + sizeof tail + 2, 1, 8192)) {
			error = ENOMEM;
			break;
		}
		size_t want = cap - len - sizeof tail - 1;
		size_t got = fread(buf + len, 1, want, f);
		len += got;
		if (len > MAX_FILE) {
			error = EFBIG;
			break;
		}
		if (got < want) {
			if (ferror(f))
				error = errno ? errno : EIO;
			break;
		}
	}
	if (fclose(f) != 0 && !error)
		error = errno;
	if (error) {
		snprintf(err, errsz, "%s: %s", path, error == EFBIG
			 ? _("the file is too large for a configuration file") : strerror(error));
		free(buf);
		return NULL;
	}
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\0') {
			snprintf(err, errsz, "%s:%d: %s", path, line,
				 _("the file contains a NUL byte (is it a text file?)"));
			free(buf);
			return NULL;
		}
		line += buf[i] == '\n';
	}
	/* The file's last line: the one holding its last byte. */
	*last_line = len > 0 && buf[len - 1] == '\n' ? line - 1 : line;
	memcpy(buf + len, tail, sizeof tail);
	config_strip_comments(buf);
	return buf;
}

/* What needs the whole file: this_building names one of its buildings, alarm_point is a
 * point of that building. */
static void cross_check(cfg_t *cfg, struct config_load_ctx *ctx)
{
	const char *here = cfg_getstr(cfg, "this_building");
	bool own = cfg_size(cfg, "building") > 0;
	char what[512];
	if (here && *here && (own ? cfg_gettsec(cfg, "building", here) == NULL
				  : strcmp(here, DEFAULT_BUILDING) != 0)) {
		snprintf(what, sizeof what,
			 _("this_building: no building section \"%s\" in this file"), here);
		config_set_error(ctx->this_building_line, what);
	}
	const char *point = cfg_getstr(cfg, "alarm_point");
	if (point && *point && !config_point_in_building(cfg, here, point)) {
		snprintf(what, sizeof what, _("alarm_point: \"%s\" is not an alarm point of this "
					      "building (%s)"), point,
			 here && *here ? here : _("the first building"));
		config_set_error(ctx->alarm_point_line, what);
	}
}

struct config *config_load_file(const char *path, char *err, size_t errsz)
{
	if (errsz > 0)
		err[0] = '\0';
	if (!path || !*path) {
		snprintf(err, errsz, "%s", _("no configuration file named"));
		return NULL;
	}
	struct config_load_ctx mine = {.path = path, .err = err, .errsz = errsz};
	char *text = read_file(path, &mine.last_line, err, errsz);
	if (!text)
		return NULL;
	mine.text = text;

	struct config *c = NULL;
	cfg_t *fallback = NULL;
	cfg_t *cfg = config_schema_new();
	if (!cfg) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	if (!config_parse(cfg, &mine, text, cross_check))
		goto out;
	if (cfg_size(cfg, "building") == 0 && !(fallback = builtin_tree())) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	c = config_from(cfg, fallback, path);
	if (!c)
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
out:
	if (fallback)
		cfg_free(fallback);
	if (cfg)
		cfg_free(cfg);
	free(text);
	return c;
}

struct config *config_defaults(void)
{
	cfg_t *cfg = config_schema_new();
	cfg_t *fallback = builtin_tree();
	struct config *c = cfg && fallback ? config_from(cfg, fallback, NULL) : NULL;
	if (fallback)
		cfg_free(fallback);
	if (cfg)
		cfg_free(cfg);
	return c;
}

/* Try one candidate file: 1 when it does not exist, else the result of loading it. */
static int try_file(const char *path, struct config **out, char *err, size_t errsz)
{
	if (access(path, F_OK) != 0 && (errno == ENOENT || errno == ENOTDIR))
		return 1;
	*out = config_load_file(path, err, errsz);
	return 0;
}

struct config *config_load(const char *explicit_path, char *err, size_t errsz)
{
	if (errsz > 0)
		err[0] = '\0';
	if (explicit_path)
		return config_load_file(explicit_path, err, errsz);

	char path[PATH_MAX];
	struct config *c = NULL;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n = -1;
	/* The XDG base-directory rules ignore a relative XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		n = snprintf(path, sizeof path, "%s/balie/balie.conf", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, sizeof path, "%s/.config/balie/balie.conf", home);
	if (n > 0 && (size_t)n < sizeof path && try_file(path, &c, err, errsz) == 0)
		return c;

	n = snprintf(path, sizeof path, "%s/balie/balie.conf", SYSCONFDIR);
	if (n > 0 && (size_t)n < sizeof path && try_file(path, &c, err, errsz) == 0)
		return c;
	if (strcmp(SYSCONFDIR, "/etc") != 0 &&
	    try_file("/etc/balie/balie.conf", &c, err, errsz) == 0)
		return c;

	c = config_defaults();
	if (!c)
		snprintf(err, errsz, "%s", strerror(ENOMEM));
	return c;
}

void config_free(struct config *c)
{
	if (!c)
		return;
	free(c->source);
	free(c->database);
	free(c->socket);
	free(c->language);
	free(c->municipality);
	free(c->building);
	free(c->alarm_point);
	for (size_t i = 0; c->buildings && i < c->nbuildings; i++)
		config_building_free(&c->buildings[i]);
	free(c->buildings);
	for (size_t i = 0; c->roles && i < c->nroles; i++)
		free(c->roles[i].name);
	free(c->roles);
	config_incidents_free(c);
	for (int i = 0; i < 4; i++)
		free(c->protocol[i]);
	free(c);
}

const char *config_protocol(const struct config *c, enum config_protocol p)
{
	if ((unsigned)p >= 4)
		return "";
	if (c && c->protocol[p] && *c->protocol[p])
		return c->protocol[p];
	return _(protocol_builtin[p]);
}
