/* config/sanctions_conf — sanctions.conf read with libconfuse (static option tables, a
 * validator per option, errors as FILE:LINE, the reporting and checks of config/check.c)
 * into a struct sanction_table; letter templates found. */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <confuse.h>

#include "config.h"
#include "config/internal.h"
#include "core/lib.h"
#include "i18n.h"
#include "sanctions_conf.h"

#define MAX_MONTHS 120
#define MAX_SEVERITY 100
#define MAX_FILE (1 << 20)
/* A root option appended after the text: reached only when every section was closed
 * (config_v_sentinel). Not balie.conf's SENTINEL, so neither file takes the other's. */
#define SANCTIONS_SENTINEL "__balie_end_of_sanctions"

/* The built-in copies (tools/embed.sh). */
extern const char sanctions_conf_txt[];
extern const char letters_warning_txt[];
extern const char letters_ban_txt[];
extern const char letters_invitation_txt[];

/* libconfuse's own messages (syntax) with the line; the balie.conf reader's special case
 * for building titles does not apply here. */
static void on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[768];
	vsnprintf(msg, sizeof msg, fmt, ap);
	config_set_error(cfg ? cfg->line : 0, msg);
}

static int v_months(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_range(cfg, opt, 0, MAX_MONTHS);
}

static int v_root_months(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_range(cfg, opt, 1, MAX_MONTHS);
}

static int v_severity(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_range(cfg, opt, 0, MAX_SEVERITY);
}

static int v_kinds(cfg_t *cfg, cfg_opt_t *opt)
{
	unsigned n = cfg_opt_size(opt), seen = 0;
	char shown[128];
	if (n == 0)
		return config_failf(cfg, opt, "%s", _("must name at least one kind"));
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		enum ban_kind k;
		if (policy_kind_parse(s, &k) != 0) {
			return config_failf(cfg, opt, _("unknown kind \"%s\" (one of: building, phone, "
							"building+phone, service, warning)"),
					    text_shown(s, shown, sizeof shown));
		}
		if (seen & (1u << k))
			return config_failf(cfg, opt, _("\"%s\" is named twice"), s);
		seen |= 1u << k;
	}
	return 0;
}

/* A rule section as a whole, checked when it closes. */
static int v_rule(cfg_t *cfg, cfg_opt_t *opt)
{
	cfg_t *sec = cfg_opt_getnsec(opt, cfg_opt_size(opt) - 1);
	if (!sec)
		return 0;
	if (cfg_size(sec, "kinds") == 0)
		return config_failf(cfg, opt, "%s", _("kinds: must name at least one kind"));
	long lo = cfg_getint(sec, "min_months"), hi = cfg_getint(sec, "max_months");
	if (lo > hi)
		return config_failf(cfg, opt, _("min_months %ld is more than max_months %ld"), lo,
				    hi);
	if (cfg_getbool(sec, "conversation_only") && !cfg_getbool(sec, "conversation"))
		return config_failf(cfg, opt, "%s",
				    _("conversation_only: needs conversation = true"));
	return 0;
}

static int v_category(cfg_t *cfg, cfg_opt_t *opt)
{
	cfg_t *sec = cfg_opt_getnsec(opt, cfg_opt_size(opt) - 1);
	enum ban_reason r;
	if (!sec)
		return 0;
	const char *title = cfg_title(sec);
	if (policy_reason_parse(title, &r) != 0) {
		char shown[128];
		return config_failf(cfg, opt, _("unknown category \"%s\" (one of: verbal, threat, "
						"obstruction, attempt, physical, property, other)"),
				    text_shown(title, shown, sizeof shown));
	}
	/* Rules left out would silently allow nothing. */
	if (cfg_size(sec, "first|kinds") == 0 || cfg_size(sec, "repeat|kinds") == 0) {
		char what[256];
		snprintf(what, sizeof what, _("category %s: needs a first and a repeat section "
					      "with kinds"), title);
		config_set_error(cfg->line, what);
		return -1;
	}
	return 0;
}

static cfg_opt_t rule_opts[] = {
	CFG_STR_LIST("kinds", NULL, CFGF_NONE),
	CFG_INT("min_months", 0, CFGF_NONE),
	CFG_INT("max_months", 0, CFGF_NONE),
	CFG_BOOL("police_report", cfg_false, CFGF_NONE),
	CFG_BOOL("conversation", cfg_false, CFGF_NONE),
	CFG_BOOL("conversation_only", cfg_false, CFGF_NONE),
	CFG_END(),
};

static cfg_opt_t category_opts[] = {
	CFG_INT("severity", 0, CFGF_NONE),
	CFG_SEC("first", rule_opts, CFGF_NONE),
	CFG_SEC("repeat", rule_opts, CFGF_NONE),
	CFG_END(),
};

static cfg_opt_t root_opts[] = {
	CFG_INT("other_max_months", 12, CFGF_NONE),
	CFG_INT("warning_months", 12, CFGF_NONE),
	CFG_SEC("category", category_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
	CFG_INT(SANCTIONS_SENTINEL, 0, CFGF_NONE),
	CFG_END(),
};

static cfg_t *schema_new(void)
{
	static const struct config_validator v[] = {
		{"other_max_months", v_root_months},
		{"warning_months", v_root_months},
		{"category", v_category},
		{"category|severity", v_severity},
		{"category|first", v_rule},
		{"category|repeat", v_rule},
		{"category|first|kinds", v_kinds},
		{"category|repeat|kinds", v_kinds},
		{"category|first|min_months", v_months},
		{"category|first|max_months", v_months},
		{"category|repeat|min_months", v_months},
		{"category|repeat|max_months", v_months},
		{SANCTIONS_SENTINEL, config_v_sentinel},
	};
	return config_tree_new(root_opts, on_cfg_error, v, sizeof v / sizeof *v);
}

static void rule_from(cfg_t *sec, struct sanction_rule *r)
{
	memset(r, 0, sizeof *r);
	for (unsigned i = 0; i < cfg_size(sec, "kinds"); i++) {
		enum ban_kind k;
		/* Validated while parsing: cannot fail here. */
		if (policy_kind_parse(cfg_getnstr(sec, "kinds", i), &k) != 0)
			continue;
		if (r->kinds == 0)
			r->propose = k;
		r->kinds |= 1u << k;
	}
	r->min_months = (int)cfg_getint(sec, "min_months");
	r->max_months = (int)cfg_getint(sec, "max_months");
	r->police_report = cfg_getbool(sec, "police_report");
	r->conversation = cfg_getbool(sec, "conversation");
	r->conversation_only = cfg_getbool(sec, "conversation_only");
}

int sanctions_load_text(const char *name, const char *text, struct sanction_table *out,
			char *err, size_t errsz)
{
	if (errsz > 0)
		err[0] = '\0';
	static const char tail[] = "\n" SANCTIONS_SENTINEL " = 1\n";
	const char *src = text ? text : "";
	size_t len = strlen(src);
	char *buf = malloc(len + sizeof tail);
	if (!buf) {
		snprintf(err, errsz, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	memcpy(buf, src, len);
	memcpy(buf + len, tail, sizeof tail);
	int line = 1;
	for (size_t i = 0; i < len; i++)
		line += src[i] == '\n';
	config_strip_comments(buf);
	struct config_load_ctx mine = {.path = name, .text = buf, .err = err, .errsz = errsz};
	/* The text's last line: the one holding its last byte. */
	mine.last_line = len > 0 && src[len - 1] == '\n' ? line - 1 : line;
	cfg_t *cfg = schema_new();
	int rc = -1;
	if (!cfg) {
		snprintf(err, errsz, "%s: %s", name, strerror(ENOMEM));
		goto out;
	}
	if (!config_parse(cfg, &mine, buf, NULL))
		goto out;
	if (cfg_size(cfg, "category") == 0) {
		snprintf(err, errsz, "%s: %s", name, _("no category section: the table is empty"));
		goto out;
	}
	memset(out, 0, sizeof *out);
	out->other_max_months = (int)cfg_getint(cfg, "other_max_months");
	out->warning_months = (int)cfg_getint(cfg, "warning_months");
	for (unsigned i = 0; i < cfg_size(cfg, "category"); i++) {
		cfg_t *sec = cfg_getnsec(cfg, "category", i);
		enum ban_reason r;
		if (policy_reason_parse(cfg_title(sec), &r) != 0)
			continue; /* validated while parsing */
		struct sanction_category *c = &out->cat[r];
		c->present = true;
		c->severity = (int)cfg_getint(sec, "severity");
		rule_from(cfg_getsec(sec, "first"), &c->first);
		rule_from(cfg_getsec(sec, "repeat"), &c->repeat);
	}
	rc = 0;
out:
	if (cfg)
		cfg_free(cfg);
	free(buf);
	return rc;
}

/* Read a whole text file; NULL with err set. */
static char *read_text(const char *path, char *err, size_t errsz)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 8192, len = 0;
	char *buf = malloc(cap);
	int error = buf ? 0 : ENOMEM;
	while (!error) {
		if (len + 1 >= cap && cap >= MAX_FILE) {
			error = EFBIG;
			break;
		}
		if (!grow_array(&buf, &cap, len + 2, 1, 8192)) {
			error = ENOMEM;
			break;
		}
		size_t got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
		if (got == 0) {
			if (ferror(f))
				error = errno ? errno : EIO;
			break;
		}
	}
	if (fclose(f) != 0 && !error)
		error = errno;
	if (!error && memchr(buf, '\0', len))
		error = EINVAL;
	if (error) {
		snprintf(err, errsz, "%s: %s", path,
			 error == EINVAL ? _("the file contains a NUL byte (is it a text file?)")
					 : strerror(error));
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

int sanctions_load_file(const char *path, struct sanction_table *out, char *err, size_t errsz)
{
	char *text = read_text(path, err, errsz);
	if (!text)
		return -1;
	int rc = sanctions_load_text(path, text, out, err, errsz);
	free(text);
	return rc;
}

int sanctions_default(struct sanction_table *out, char *err, size_t errsz)
{
	return sanctions_load_text("built-in sanctions.conf", sanctions_conf_txt, out, err, errsz);
}

/* path = directory of file + "/" + name; 0 or -1 when it does not fit. */
static int beside(const char *file, const char *name, char *path, size_t pathsz)
{
	const char *slash = strrchr(file, '/');
	int n = slash ? snprintf(path, pathsz, "%.*s/%s", (int)(slash - file), file, name)
		      : snprintf(path, pathsz, "%s", name);
	return n < 0 || (size_t)n >= pathsz ? -1 : 0;
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

int sanctions_load(const char *config_source, struct sanction_table *out, char *err,
		   size_t errsz)
{
	char path[PATH_MAX];
	if (config_source) {
		if (beside(config_source, "sanctions.conf", path, sizeof path) == 0 && exists(path))
			return sanctions_load_file(path, out, err, errsz);
		return sanctions_default(out, err, errsz);
	}
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n = -1;
	if (xdg && xdg[0] == '/')
		n = snprintf(path, sizeof path, "%s/balie/sanctions.conf", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, sizeof path, "%s/.config/balie/sanctions.conf", home);
	if (n > 0 && (size_t)n < sizeof path && exists(path))
		return sanctions_load_file(path, out, err, errsz);
	n = snprintf(path, sizeof path, "%s/balie/sanctions.conf", SYSCONFDIR);
	if (n > 0 && (size_t)n < sizeof path && exists(path))
		return sanctions_load_file(path, out, err, errsz);
	if (exists("/etc/balie/sanctions.conf"))
		return sanctions_load_file("/etc/balie/sanctions.conf", out, err, errsz);
	return sanctions_default(out, err, errsz);
}

/* Names only: a letter is shown by its own (Dutch) template, never by a label. */
static const struct named letters[LETTER_COUNT] = {
	[LETTER_WARNING] = {"warning", NULL},
	[LETTER_BAN] = {"ban", NULL},
	[LETTER_INVITATION] = {"invitation", NULL},
};

const char *sanctions_letter_name(enum sanctions_letter l)
{
	return named_name(letters, LETTER_COUNT, (int)l);
}

int sanctions_letter_parse(const char *s, enum sanctions_letter *out)
{
	int i = named_find(letters, LETTER_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum sanctions_letter)i;
	return 0;
}

char *sanctions_letter_template(const char *config_source, enum sanctions_letter l, char *err,
				size_t errsz)
{
	static const char *const builtin[LETTER_COUNT] = {
		letters_warning_txt, letters_ban_txt, letters_invitation_txt,
	};
	if ((unsigned)l >= LETTER_COUNT) {
		snprintf(err, errsz, "%s", _("unknown letter type"));
		return NULL;
	}
	char path[PATH_MAX], name[64];
	snprintf(name, sizeof name, "letters/%s.txt", letters[l].name);
	if (config_source && beside(config_source, name, path, sizeof path) == 0 && exists(path))
		return read_text(path, err, errsz);
	char *t = strdup(builtin[l]);
	if (!t)
		snprintf(err, errsz, "%s", strerror(ENOMEM));
	return t;
}
