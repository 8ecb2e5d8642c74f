/* config/check — what every balie.conf validator uses: errors as FILE:LINE with the option
 * named, text checks, ids, lines of sections, and copying lists out of the tree. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/internal.h"
#include "core/lib.h"
#include "i18n.h"

struct config_load_ctx *config_ctx;

void config_set_error(int line, const char *msg)
{
	if (!config_ctx || config_ctx->failed)
		return;
	config_ctx->failed = true;
	config_format_error(config_ctx->err, config_ctx->errsz, config_ctx->path, line,
			    config_ctx->last_line, msg);
}

void config_format_error(char *err, size_t errsz, const char *name, int line, int last_line,
			 const char *msg)
{
	char raw[1024];
	if (line > last_line) {
		/* Past the file's end: the sentinel was swallowed by something still open. */
		line = last_line;
		msg = _("unexpected end of file: a section, list, string or comment is not closed");
	}
	if (line > 0)
		snprintf(raw, sizeof raw, "%s:%d: %s", name, line, msg);
	else
		snprintf(raw, sizeof raw, "%s: %s", name, msg);
	/* A message longer than err is cut; the start names the place, which is what counts. */
	(void)text_escape(raw, err, errsz);
}

void config_on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[768];
	if (strcmp(fmt, dgettext("confuse", "found duplicate title '%s'")) == 0) {
		/* Name the option, which libconfuse's message leaves out. */
		const char *title = va_arg(ap, const char *);
		char what[512];
		snprintf(what, sizeof what, _("\"%s\" is already the id of an earlier building"),
			 title ? title : "");
		snprintf(msg, sizeof msg, "building: %s", what);
		config_set_error(cfg ? cfg->line : 0, msg);
		return;
	}
	vsnprintf(msg, sizeof msg, fmt, ap);
	config_set_error(cfg ? cfg->line : 0, msg);
}

int config_fail(cfg_t *cfg, const char *where, const char *what)
{
	cfg_error(cfg, "%s: %s", where, what);
	return -1;
}

int config_vfail(cfg_t *cfg, const char *where, const char *fmt, va_list ap)
{
	char what[768];
	(void)vsnprintf(what, sizeof what, fmt, ap);
	return config_fail(cfg, where, what);
}

/* config_failf with the arguments in ap. */
static int failf_v(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static int failf_v(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, va_list ap)
{
	char where[256];
	config_qualify(cfg, opt, where, sizeof where);
	return config_vfail(cfg, where, fmt, ap);
}

int config_failf(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = failf_v(cfg, opt, fmt, ap);
	va_end(ap);
	return rc;
}

int config_check_range(cfg_t *cfg, cfg_opt_t *opt, long lo, long hi)
{
	long v = cfg_opt_getnint(opt, 0);
	if (v >= lo && v <= hi)
		return 0;
	return config_failf(cfg, opt, _("%ld is out of range (%ld..%ld)"), v, lo, hi);
}

void config_set_validators(cfg_t *cfg, const struct config_validator *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		(void)cfg_set_validate_func(cfg, v[i].name, v[i].fn);
}

int config_v_sentinel(cfg_t *cfg, cfg_opt_t *opt)
{
	/* The sentinel is ours; a user's line with its name is just an unknown option. */
	if (cfg->line <= config_ctx->last_line)
		return config_fail(cfg, cfg_opt_name(opt), _("no such option"));
	config_ctx->reached_end = true;
	return 0;
}

bool config_parse(cfg_t *cfg, struct config_load_ctx *ctx, const char *text,
		  void (*check)(cfg_t *cfg, struct config_load_ctx *ctx))
{
	struct config_load_ctx *saved = config_ctx;
	config_ctx = ctx;
	int rc = cfg_parse_buf(cfg, text);
	if (rc == CFG_SUCCESS && !ctx->reached_end)
		config_set_error(ctx->last_line + 1, "");
	if (rc == CFG_SUCCESS && !ctx->failed && check)
		check(cfg, ctx);
	config_ctx = saved;
	if (rc != CFG_SUCCESS && !ctx->failed)
		snprintf(ctx->err, ctx->errsz, "%s: %s", ctx->path, _("cannot be parsed"));
	return rc == CFG_SUCCESS && !ctx->failed;
}

void config_qualify(cfg_t *cfg, cfg_opt_t *opt, char *out, size_t outsz)
{
	const char *title = cfg_title(cfg);
	if (strcmp(cfg_name(cfg), "root") == 0)
		snprintf(out, outsz, "%s", cfg_opt_name(opt));
	else if (title)
		snprintf(out, outsz, "%s %s: %s", cfg_name(cfg), title, cfg_opt_name(opt));
	else
		snprintf(out, outsz, "%s: %s", cfg_name(cfg), cfg_opt_name(opt));
}

int config_check_text(cfg_t *cfg, cfg_opt_t *opt, const char *s, size_t max, bool allow_empty)
{
	enum text_problem p = text_check(s, max, allow_empty);
	if (p == TEXT_OK)
		return 0;
	if (s && p != TEXT_EMPTY && p != TEXT_TOO_LONG)
		return config_failf(cfg, opt, _("the text %s"), text_problem_message(p));
	if (p == TEXT_TOO_LONG)
		return config_failf(cfg, opt, _("the text is too long (at most %zu bytes)"), max);
	return config_failf(cfg, opt, "%s", _("must not be empty"));
}

cfg_t *config_tree_new(cfg_opt_t *opts, cfg_errfunc_t on_error, const struct config_validator *v,
		       size_t n)
{
	cfg_t *cfg = cfg_init(opts, CFGF_NONE);
	if (!cfg)
		return NULL;
	(void)cfg_set_error_function(cfg, on_error);
	config_set_validators(cfg, v, n);
	return cfg;
}

int config_check_list(cfg_t *cfg, cfg_opt_t *opt, size_t max, bool unique, config_entry_fn entry)
{
	unsigned n = cfg_opt_size(opt);
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		char what[512];
		if (config_check_text(cfg, opt, s, max, false) != 0)
			return -1;
		if (entry && !entry(s, what, sizeof what))
			return config_failf(cfg, opt, "%s", what);
		for (unsigned j = 0; unique && j < i; j++)
			if (strcmp(s, cfg_opt_getnstr(opt, j)) == 0)
				return config_failf(cfg, opt, _("\"%s\" is named twice"), s);
	}
	return 0;
}

int config_check_list_at_most(cfg_t *cfg, cfg_opt_t *opt, unsigned limit, bool unique,
			      config_entry_fn entry, const char *too_many, ...)
{
	if (cfg_opt_size(opt) <= limit)
		return config_check_list(cfg, opt, MAX_NAME, unique, entry);
	va_list ap;
	va_start(ap, too_many);
	int rc = failf_v(cfg, opt, too_many, ap);
	va_end(ap);
	return rc;
}

int config_list_holding(cfg_t *cfg, cfg_opt_t *opt, unsigned i, const char *const *names,
			size_t n)
{
	const char *s = cfg_opt_getnstr(opt, i);
	for (size_t l = 0; l < n; l++) {
		cfg_opt_t *other = cfg_getopt(cfg, names[l]);
		unsigned m = other == opt ? i : (other ? cfg_opt_size(other) : 0);
		for (unsigned j = 0; j < m; j++)
			if (strcmp(s, cfg_opt_getnstr(other, j)) == 0)
				return (int)l;
	}
	return -1;
}

bool config_valid_id(const char *s)
{
	if (!s || !*s)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(s);
}

int config_section_once(cfg_t *cfg, cfg_opt_t *opt, int *seen)
{
	if (++*seen > 1)
		return config_fail(cfg, cfg_opt_name(opt),
				   _("the section is given twice (merge the two into one)"));
	return 0;
}

int config_section_line(const char *keyword, const char *title, int fallback)
{
	int line = 1;
	size_t klen = strlen(keyword), tlen = strlen(title);
	for (const char *p = config_ctx->text; *p; line++) {
		const char *q = p + strspn(p, " \t");
		if (strncmp(q, keyword, klen) == 0 && (q[klen] == ' ' || q[klen] == '\t')) {
			q += klen + strspn(q + klen, " \t");
			if (*q == '"' || *q == '\'')
				q++;
			if (strncmp(q, title, tlen) == 0 && strchr(" \t\"'{\n", q[tlen]))
				return line;
		}
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return fallback;
}

int config_line_of(const char *needle, int from, int fallback)
{
	int line = 1;
	for (const char *p = config_ctx->text; *p; line++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (line >= from) {
			const char *hit = strstr(p, needle);
			if (hit && (size_t)(hit - p) < len)
				return line;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return fallback;
}

char *config_dup(const char *s, bool *oom)
{
	char *d = strdup(s ? s : "");
	if (!d)
		*oom = true;
	return d;
}

char **config_dup_list(cfg_t *sec, const char *name, size_t *n, bool *oom)
{
	*n = cfg_size(sec, name);
	char **v = calloc(*n ? *n : 1, sizeof *v);
	if (!v) {
		*oom = true;
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < *n; i++)
		v[i] = config_dup(cfg_getnstr(sec, name, (unsigned)i), oom);
	return v;
}

void config_free_list(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}
