/* config/internal — what the parts of the balie.conf reader (and the sanctions.conf reader,
 * sanctions_conf.c) share: the file being read, the error reporting with FILE:LINE, the
 * validator helpers and each part's tables. */
#ifndef BALIE_CONFIG_INTERNAL_H
#define BALIE_CONFIG_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <confuse.h>

#include "config.h"
#include "core/lib.h"

#define DEFAULT_BUILDING "stadhuis"
#define MAX_NAME 100        /* building, room, alarm point, user names */
#define MAX_TEXT 2000       /* protocol texts */
/* A root option appended after the file: reached only when every section was closed. */
#define SENTINEL "__balie_end_of_file"

/* libconfuse callbacks carry no user pointer, so the file being read is kept here. The
 * configuration is read once at start-up by one thread; loads do not nest. */
struct config_load_ctx {
	const char *path;       /* as given, for messages */
	const char *text;       /* file contents plus sentinel, for section-start lines */
	int last_line;          /* last line of the file itself */
	char *err;
	size_t errsz;
	bool failed;            /* the first error is kept */
	bool reached_end;       /* the sentinel was read at the top level */
	int this_building_line; /* where `this_building` was set, for the cross-check */
	int alarm_point_line;   /* where `alarm_point` was set, for the cross-check */
	int roles_seen, protocol_seen;
	int retention_seen;     /* issue 7 */
	int incidents_seen;     /* issue 13 */
	int sanctions_seen;     /* incidents: sanctions */
	int seen[16];           /* times each root option was set, see schema.c */
};
extern struct config_load_ctx *config_ctx;

/* ---- check.c: reporting and the helpers every validator uses */

/* Store "PATH:LINE: message" as the error of the load (the first one is kept). */
void config_set_error(int line, const char *msg);

/* cfg_set_error_function target: libconfuse's messages and ours, with the line. */
void config_on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap);

/* Report "where: what" at the current line of cfg; returns -1 for the validators. */
int config_fail(cfg_t *cfg, const char *where, const char *what);

/* Report "where: " and the formatted message; returns -1. */
int config_vfail(cfg_t *cfg, const char *where, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Report the formatted message about option opt, named as config_qualify names it;
 * returns -1. */
int config_failf(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* An integer option from lo to hi: -1 after "OPTION: V is out of range (LO..HI)". */
int config_check_range(cfg_t *cfg, cfg_opt_t *opt, long lo, long hi);

/* One validator per option, as the parts register them on a fresh tree. */
struct config_validator {
	const char *name;               /* "building|closed": the path cfg_set_validate_func takes */
	cfg_validate_callback_t fn;
};
void config_set_validators(cfg_t *cfg, const struct config_validator *v, size_t n);

/* A fresh tree of opts (cfg_init copies the table) with on_error as its error callback and
 * the n validators v; NULL on out-of-memory. */
cfg_t *config_tree_new(cfg_opt_t *opts, cfg_errfunc_t on_error, const struct config_validator *v,
		       size_t n);

/* The end-of-text sentinel (a root option appended after the text): reached at the top
 * level only when every section, list and string was closed. */
int config_v_sentinel(cfg_t *cfg, cfg_opt_t *opt);

/* Parse text (contents, comments stripped, sentinel appended) into cfg with ctx as the
 * text being read; then check(cfg), when given, for what needs the whole file. False
 * after an error, which is in ctx->err ("NAME: cannot be parsed" when libconfuse said
 * nothing more). */
bool config_parse(cfg_t *cfg, struct config_load_ctx *ctx, const char *text,
		  void (*check)(cfg_t *cfg, struct config_load_ctx *ctx));

/* "building stadhuis: monday" for options inside a section, else the bare name. */
void config_qualify(cfg_t *cfg, cfg_opt_t *opt, char *out, size_t outsz);

/* Validate text s of option opt (printable, at most max bytes); -1 after reporting. */
int config_check_text(cfg_t *cfg, cfg_opt_t *opt, const char *s, size_t max,
		      bool allow_empty);

/* What an entry of a list option must be, besides printable text: true when s is well
 * formed, else false with the reason (quoting s) in what. */
typedef bool (*config_entry_fn)(const char *s, char *what, size_t whatsz);

/* The one check of list options: every entry printable text of at most max bytes, not
 * empty, that entry (when given) accepts, and each named once when unique; the first
 * problem is reported, -1 then. */
int config_check_list(cfg_t *cfg, cfg_opt_t *opt, size_t max, bool unique, config_entry_fn entry);

/* config_check_list (entries of at most MAX_NAME bytes) for a list of at most limit
 * entries: a longer list is reported first, with the formatted too_many; -1 after
 * reporting. */
int config_check_list_at_most(cfg_t *cfg, cfg_opt_t *opt, unsigned limit, bool unique,
			      config_entry_fn entry, const char *too_many, ...)
	__attribute__((format(printf, 6, 7)));

/* For lists that must not share an entry (the role lists, the alarm point lists): which of
 * the n list options names of cfg's section holds entry i of opt as well, the first in
 * order, where opt itself counts with its entries before i only; -1 when none. */
int config_list_holding(cfg_t *cfg, cfg_opt_t *opt, unsigned i, const char *const *names,
			size_t n);

/* An id of a-z, 0-9, _ and -, not empty. */
bool config_valid_id(const char *s);

/* A section that may appear once: count it in *seen; -1 after reporting a second one. */
int config_section_once(cfg_t *cfg, cfg_opt_t *opt, int *seen);

/* Line of "KEYWORD TITLE {" in the file, else fallback. */
int config_section_line(const char *keyword, const char *title, int fallback);

/* The first line at or after from holding needle, else fallback. */
int config_line_of(const char *needle, int from, int fallback);

/* strdup that records out-of-memory in *oom (never NULL input: NULL is ""). */
char *config_dup(const char *s, bool *oom);

/* A malloc'd copy of a string list option; *n its length. */
char **config_dup_list(cfg_t *sec, const char *name, size_t *n, bool *oom);

/* Free a list from config_dup_list. */
void config_free_list(char **v, size_t n);

/* ---- hours.c: buildings, opening hours, rooms and alarm points */

extern cfg_opt_t config_building_opts[];

/* Register the validators of the building section on a fresh tree. */
void config_hours_validators(cfg_t *cfg);

/* Fill b from a validated building section. */
void config_building_from(cfg_t *sec, struct config_building *b, bool *oom);

void config_building_free(struct config_building *b);
/* Whether point is in one of the point lists of building here ("" = the first one). */
bool config_point_in_building(cfg_t *cfg, const char *here, const char *point);

/* ---- roles.c: the roles section */

extern cfg_opt_t config_roles_opts[];

/* Make config_roles_opts (a list per role, named as the core names the role) before a tree
 * of them is made; the same every time. */
void config_roles_prepare(void);

void config_roles_validators(cfg_t *cfg);

/* Fill c->roles from the validated roles section. */
void config_roles_from(struct config *c, cfg_t *roles, bool *oom);

/* ---- incidents.c: the incidents section (issue 13) */

extern cfg_opt_t config_incidents_opts[];

/* Make the options of the sanctions section (one per incident category) before a tree of
 * config_incidents_opts is made; the same every time. */
void config_incidents_prepare(void);

void config_incidents_validators(cfg_t *cfg);

/* Fill c->incidents from the validated incidents section. */
void config_incidents_from(struct config *c, cfg_t *sec, bool *oom);

void config_incidents_free(struct config *c);

/* ---- schema.c: the root options and the whole option tree */

/* A fresh libconfuse tree with every validator set; NULL on out-of-memory. */
cfg_t *config_schema_new(void);

#endif
