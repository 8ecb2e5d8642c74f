/* service — the dispatcher: parse a request strictly, find its operation, check the role,
 * run it, write the audit line of a view before the answer, build the reply. */
#include "autoconfig.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/jobs.h"
#include "store/lib.h"

struct service {
	struct store *st;             /* NULL: the database cannot be opened (degraded) */
	char *path;                   /* the database, for the alarm journal and reopening */
	char degraded[1024];          /* why st is NULL */
	time_t retry_at;              /* degraded: when to try to open the database again */
	bool owns_store;              /* st was opened here (after being degraded) */
	const struct config *cfg;
	unsigned changes;
	char purged_on[DATES_DATE_LEN]; /* the local date of the last daily purge attempt */
	char checked_on[DATES_DATE_LEN]; /* ... and of the last daily check handed on */
	void (*log)(const char *msg);
	struct svc_jobs *jobs;        /* the worker (balied), or NULL: jobs run at once */
};

/* Every operation the service knows, by domain. */
static const struct svc_op_def *const op_tables[] = {
	svc_ops_session,
	svc_ops_alarms,
	svc_ops_appts,
	svc_ops_staff,
	svc_ops_visits,
	svc_ops_admin,
	svc_ops_bans,
	svc_ops_bans_edit,
	svc_ops_bans_import,
	svc_ops_check,
	svc_ops_incidents,
};

static const struct svc_op_def *find_op(uint16_t code)
{
	for (size_t t = 0; t < sizeof op_tables / sizeof *op_tables; t++)
		for (const struct svc_op_def *d = op_tables[t]; d->run; d++)
			if ((uint16_t)d->op == code)
				return d;
	return NULL;
}

struct service *service_new(struct store *st, const struct config *cfg)
{
	struct service *svc = calloc(1, sizeof *svc);
	if (!svc)
		return NULL;
	svc->st = st;
	svc->cfg = cfg;
	return svc;
}

void service_free(struct service *svc)
{
	if (svc) {
		svc_jobs_stop(svc->jobs);
		free(svc->path);
		if (svc->owns_store)
			store_close(svc->st);
	}
	free(svc);
}

struct service *service_new_degraded(const char *path, const struct config *cfg,
				     const char *why)
{
	struct service *svc = service_new(NULL, cfg);
	if (!svc || !(svc->path = strdup(path))) {
		free(svc);
		return NULL;
	}
	snprintf(svc->degraded, sizeof svc->degraded, "%s", why);
	return svc;
}

struct store *service_store(const struct service *svc)
{
	return svc->st;
}

const char *svc_degraded(const struct service *svc)
{
	return svc->st ? NULL : svc->degraded;
}

const char *svc_path(const struct service *svc)
{
	return svc->path ? svc->path : store_path(svc->st);
}

struct svc_jobs **svc_jobs_slot(const struct service *svc)
{
	return &((struct service *)svc)->jobs;
}

void svc_changed(struct service *svc, unsigned bits)
{
	svc->changes |= bits;
}

/* Degraded: try the database again now and then; once it opens (restored, disk freed)
 * the journal's alarms move in with the open and everything is as before. */
static void try_reopen(struct service *svc)
{
	/* The machine's own clock: BALIE_NOW (tests, rehearsals) must not stop the retries. */
	struct timespec ts;
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	if (ts.tv_sec < svc->retry_at)
		return;
	svc->retry_at = ts.tv_sec + 5;
	char err[1024];
	struct store *st = store_open(svc->path, 0, err, sizeof err);
	if (!st) {
		snprintf(svc->degraded, sizeof svc->degraded, "%s", err);
		return;
	}
	svc->st = st;
	svc->owns_store = true;
	svc_log(svc, _("%s: the database opens again; the service is back to normal"),
		svc->path);
	svc->changes |= CHANGE_ALL;
}

void service_set_log(struct service *svc, void (*log)(const char *msg))
{
	svc->log = log;
}

void svc_log(struct service *svc, const char *fmt, ...)
{
	if (!svc->log)
		return;
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	svc->log(buf);
}

void service_session_init(struct service *svc, struct svc_session *s, uid_t uid, gid_t gid,
			  pid_t pid, bool direct)
{
	memset(s, 0, sizeof *s);
	s->uid = uid;
	s->gid = gid;
	s->pid = pid;
	s->direct = direct;
	/* The password database names the caller; a uid without an account is "#UID", the
	 * form sudoers uses, so the configuration can still give it a role. */
	errno = 0;
	struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name && strlen(pw->pw_name) < sizeof s->user &&
	    text_check(pw->pw_name, 0, false) == TEXT_OK)
		snprintf(s->user, sizeof s->user, "%s", pw->pw_name);
	else
		snprintf(s->user, sizeof s->user, "#%lu", (unsigned long)uid);
	/* Direct mode: whoever may write the file has every right (design.md, "The
	 * privilege boundary"); the configured role, when there is one, is only the view the
	 * session starts in, so a desk of one still sees what its role should see. */
	enum role configured = config_role_for(svc->cfg, s->user);
	s->max_role = direct ? ROLE_HR : configured;
	s->role = direct && configured != ROLE_NONE ? configured : s->max_role;
	snprintf(s->terminal, sizeof s->terminal, "%s", direct ? "direct" : "?");
}

void service_session_end(struct service *svc, struct svc_session *s)
{
	svc_jobs_forget(svc, s);
	free(s->import);
	s->import = NULL;
}

unsigned service_take_changes(struct service *svc)
{
	unsigned c = svc->changes;
	svc->changes = 0;
	return c;
}

/* The daily retention purge as a job (jobs.h): on balied's worker, as removing a large
 * register's lapsed bans takes minutes; alarms meanwhile go to the alarm journal. */
struct daily_purge {
	struct service *svc;
	struct purge_policy pp;
	char today[DATES_DATE_LEN];
	bool ran;
};

static enum store_status daily_purge_work(struct svc_job *job, struct store *st)
{
	struct daily_purge *d = svc_job_data(job);
	struct purge_report pr;
	return store_purge_daily(st, &d->pp, d->today, &d->ran, &pr);
}

static enum store_status daily_purge_done(struct svc_job *job, struct wire_out *reply)
{
	(void)reply;
	struct daily_purge *d = svc_job_data(job);
	if (d->ran)
		d->svc->changes |= CHANGE_ALL;
	return STORE_OK;
}

/* The daily quality check as a job (jobs.h): on balied's worker, as it reads the whole
 * file (seconds at a million bans); at once in direct mode. */
struct daily_check {
	struct service *svc;
	char today[DATES_DATE_LEN];
	bool ran, whole;
};

static enum store_status daily_check_work(struct svc_job *job, struct store *st)
{
	struct daily_check *d = svc_job_data(job);
	return store_check_daily(st, d->today, &d->ran, &d->whole);
}

/* Damage found turns the service's own store read-only too: every write says so. The
 * worker's connection found it, so the service's takes it over first. */
static enum store_status daily_check_done(struct svc_job *job, struct wire_out *reply)
{
	(void)reply;
	struct daily_check *d = svc_job_data(job);
	struct store *st = d->svc->st;
	if (st && !d->whole) {
		store_check_adopt(st, false, false, "quick_check");
		if (store_writable_check(st) != STORE_OK)
			svc_log(d->svc, "%s", store_error(st));
	}
	return STORE_OK;
}

void service_tick(struct service *svc, time_t now)
{
	if (!svc->st) {
		try_reopen(svc);
		if (!svc->st)
			return;
	}
	char today[DATES_DATE_LEN];
	dates_local_date(now, today);
	/* Not while a job runs (one at a time): the daily work waits for its end, and would
	 * else be given up for the day, or be made and refused again every tick. */
	if (svc_job_running(svc, NULL, NULL, NULL))
		return;
	if (strcmp(today, svc->purged_on) != 0) {
		struct daily_purge *p = calloc(1, sizeof *p);
		if (!p) {
			svc_log(svc, "%s: %s", "retention.purge", strerror(ENOMEM));
			return;
		}
		*p = (struct daily_purge){.svc = svc};
		purge_policy_of_config(svc->cfg, &p->pp);
		snprintf(p->today, sizeof p->today, "%s", today);
		/* Another job runs: the purge comes at a later tick, and the check after it. */
		if (svc_job_service(svc, "retention.purge", N_("purge"), true, daily_purge_work,
				    daily_purge_done, p, free) != 0)
			return;
		snprintf(svc->purged_on, sizeof svc->purged_on, "%s", today);
	}
	/* Every page once a day (issue 15: about 5 ms per thousand bans). */
	if (strcmp(today, svc->checked_on) == 0)
		return;
	struct daily_check *d = calloc(1, sizeof *d);
	if (!d) {
		svc_log(svc, "%s: %s", "database.check", strerror(ENOMEM));
		return;
	}
	*d = (struct daily_check){.svc = svc, .whole = true};
	snprintf(d->today, sizeof d->today, "%s", today);
	/* Another job runs: the check comes at a later tick. */
	if (svc_job_service(svc, "database.check", N_("check"), false, daily_check_work,
			    daily_check_done, d, free) == 0)
		snprintf(svc->checked_on, sizeof svc->checked_on, "%s", today);
}

/* ------------------------------------------------------------------ helpers for handlers */

enum store_status svc_fail(struct svc_call *c, enum store_status s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(c->err, sizeof c->err, fmt, ap);
	va_end(ap);
	return s;
}

enum store_status svc_store_failed(struct svc_call *c, enum store_status r)
{
	snprintf(c->err, sizeof c->err, "%s", store_error(c->st));
	return r;
}

enum store_status svc_require(struct svc_call *c, enum permission p)
{
	if (roles_may(c->sess->role, p))
		return STORE_OK;
	return svc_fail(c, STORE_DENIED, _("permission denied: role %s may not %s"),
			roles_name(c->sess->role), roles_permission_text(p));
}

static enum store_status text_field(struct svc_call *c, uint16_t tag, const char *what,
				    size_t max, bool required, bool lines, const char **out)
{
	const struct wire_field *f = wire_find(c->req, 0, tag);
	if (!f)
		return required ? svc_fail(c, STORE_INVALID, _("%s: missing"), what) : STORE_OK;
	if (f->type != WIRE_TEXT)
		return svc_fail(c, STORE_INVALID, _("%s: not text"), what);
	enum text_problem p = lines ? text_check_lines(f->text, max, !required)
				    : text_check(f->text, max, !required);
	if (p != TEXT_OK)
		return svc_fail(c, STORE_INVALID, "%s: %s", what, text_problem_message(p));
	*out = f->text;
	return STORE_OK;
}

enum store_status svc_text(struct svc_call *c, uint16_t tag, const char *what, size_t max,
			   bool required, const char **out)
{
	return text_field(c, tag, what, max, required, false, out);
}

enum store_status svc_lines(struct svc_call *c, uint16_t tag, const char *what, size_t max,
			    bool required, const char **out)
{
	return text_field(c, tag, what, max, required, true, out);
}

enum store_status svc_int(struct svc_call *c, uint16_t tag, const char *what, int64_t min,
			  int64_t max, bool required, int64_t *out)
{
	int64_t v;
	int rc = wire_get_int(c->req, 0, tag, &v);
	if (rc == 1)
		return required ? svc_fail(c, STORE_INVALID, _("%s: missing"), what) : STORE_OK;
	if (rc != 0 || v < min || v > max)
		return svc_fail(c, STORE_INVALID, _("%s: out of range"), what);
	*out = v;
	return STORE_OK;
}

enum store_status svc_bool(struct svc_call *c, uint16_t tag, const char *what, bool *out)
{
	if (wire_get_bool(c->req, 0, tag, out) < 0)
		return svc_fail(c, STORE_INVALID, _("%s: not a yes/no value"), what);
	return STORE_OK;
}

enum store_status svc_id(struct svc_call *c, uint16_t tag, const char *what, int64_t *out)
{
	return svc_int(c, tag, what, 1, INT64_MAX, true, out);
}

enum store_status svc_date(struct svc_call *c, uint16_t tag, const char *what, bool required,
			   const char **out)
{
	const char *s = NULL;
	enum store_status r = svc_text(c, tag, what, DATES_DATE_LEN - 1, required, &s);
	if (r != STORE_OK || !s)
		return r;
	int y, m, d;
	if (*s == '\0' && !required)
		return STORE_OK;
	if (dates_parse_date(s, &y, &m, &d) != 0)
		return svc_fail(c, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				what, s);
	*out = s;
	return STORE_OK;
}

enum store_status svc_struct(struct svc_call *c, uint32_t rec, const struct wire_desc *d,
			     size_t n, void *p)
{
	uint16_t bad = 0;
	if (wire_get_struct(c->req, rec, d, n, p, &bad) == 0)
		return STORE_OK;
	return svc_fail(c, STORE_INVALID,
			_("record %lu, field %u: wrong type, out of range, too long or holds a "
			  "character that is not allowed"), (unsigned long)rec, (unsigned)bad);
}

enum store_status svc_audit_view(struct service *svc, const char *action, const char *object,
				 const char *result, const char *detail, char *err,
				 size_t errsz)
{
	enum store_status a = store_audit(svc->st, action, object, result, detail);
	if (a == STORE_OK)
		return a;
	snprintf(err, errsz, _("not answered, as the audit trail could not be written: %s"),
		 store_error(svc->st));
	return a == STORE_BUSY ? a : STORE_ERROR;
}

void svc_audit_set(struct svc_call *c, const char *object, const char *result,
		   const char *detail)
{
	snprintf(c->object, sizeof c->object, "%s", object ? object : "");
	snprintf(c->result, sizeof c->result, "%s", result ? result : "");
	snprintf(c->detail, sizeof c->detail, "%s", detail ? detail : "");
}

/* ------------------------------------------------------------------ dispatch */

void svc_error_reply(struct wire_out *reply, enum store_status s, const char *msg)
{
	wire_out_begin(reply, WIRE_REPLY, (uint16_t)s);
	wire_put_text(reply, F_MESSAGE, msg);
}

/* A refusal is accountable too: who tried what. A failure to write it is logged, and the
 * request stays refused. */
static void audit_denial(struct svc_call *c, const char *action)
{
	char detail[128];
	snprintf(detail, sizeof detail, "role %s", roles_name(c->sess->role));
	if (!c->st) {
		svc_log(c->svc, "%s: %s denied (%s); not audited: %s", c->sess->user, action,
			detail, c->svc->degraded);
		return;
	}
	if (store_audit(c->st, "denied", action, "denied", detail) != STORE_OK)
		svc_log(c->svc, "%s: %s", _("audit"), store_error(c->st));
}

static void no_role_message(struct svc_call *c)
{
	const struct config *cfg = c->cfg;
	const char *conf = cfg && cfg->source ? cfg->source : _("the built-in configuration");
	(void)svc_fail(c, STORE_DENIED,
		       _("permission denied: the login user '%s' has no role in %s; ask HR to "
			 "add it to the roles section"), c->sess->user, conf);
}

/* A write refused because the worker's job holds the lock: say so instead of "locked by
 * another program". */
static void job_busy_message(struct svc_call *c)
{
	char job[512];
	if (svc_job_writing(c->svc, job, sizeof job))
		(void)svc_fail(c, STORE_BUSY, _("not done: %s; try again shortly"), job);
}

bool service_handle(struct service *svc, struct svc_session *s, const unsigned char *body,
		    size_t len, struct wire_out *reply)
{
	struct wire_in req;
	char perr[128];
	wire_out_begin(reply, WIRE_REPLY, STORE_OK);
	if (wire_in_parse(&req, body, len, true, perr, sizeof perr) != 0) {
		char msg[256];
		snprintf(msg, sizeof msg, _("malformed request: %s"), perr);
		svc_log(svc, "uid %lu (%s): %s", (unsigned long)s->uid, s->user, msg);
		svc_error_reply(reply, STORE_INVALID, msg);
		(void)wire_out_end(reply);
		return true;
	}
	struct svc_call c = {
		.svc = svc, .st = svc->st, .cfg = svc->cfg, .sess = s, .req = &req,
		.reply = reply,
	};
	const struct svc_op_def *def = req.kind == WIRE_REQUEST ? find_op(req.code) : NULL;
	c.op_name = def ? def->name : NULL;
	enum store_status r;
	if (svc->st)
		store_set_actor(svc->st, s->user, s->terminal);
	if (!def) {
		r = svc_fail(&c, STORE_INVALID, _("unknown request %u"), (unsigned)req.code);
	} else if (!svc->st && def->op != OP_HELLO && def->op != OP_SCHEMA &&
		   def->op != OP_ALARM_RAISE && def->op != OP_ALARM_LIST) {
		/* Degraded: the alarm journal takes alarms, nothing else can be answered. */
		r = svc_fail(&c, STORE_ERROR,
			     _("%s; until the database is restored the service takes only alarms "
			       "(into the alarm journal)"), svc->degraded);
	} else if (!s->greeted && def->op != OP_HELLO) {
		r = svc_fail(&c, STORE_DENIED, _("the session has not been opened"));
	} else if (def->perm != SVC_ANYONE && !roles_may(s->role, (enum permission)def->perm)) {
		if (s->role == ROLE_NONE)
			no_role_message(&c);
		else
			(void)svc_require(&c, (enum permission)def->perm);
		audit_denial(&c, def->name);
		r = STORE_DENIED;
	} else {
		r = def->id ? svc_id(&c, F_ID, _(def->id), &c.id) : STORE_OK;
		if (r == STORE_OK)
			r = def->run(&c);
		if (r == STORE_DENIED)
			audit_denial(&c, def->name);
		/* A job's view is audited when it is done (service_job_done). */
		if (r == STORE_OK && !c.deferred && def->audit == SVC_AUDIT_VIEW)
			r = svc_audit_view(svc, def->name, c.object, c.result, c.detail, c.err,
					   sizeof c.err);
		if (r == STORE_BUSY && !c.job_named)
			job_busy_message(&c);
		/* A job's changes count when it is done (service_job_done). */
		if (r == STORE_OK && !c.deferred)
			svc->changes |= def->changes | c.changes;
	}
	/* Refusals go to the log as well (the journal, for balied): the audit trail is in
	 * the database, the log also holds the ones whose audit line could not be written
	 * (as while a job holds the lock). */
	if (r == STORE_DENIED || r == STORE_BUSY)
		svc_log(svc, "uid %lu (%s): %s: %s", (unsigned long)s->uid, s->user,
			def ? def->name : "?", c.err);
	if (r == STORE_OK && c.deferred) {
		wire_in_free(&req);
		return false;
	}
	if (r == STORE_OK && wire_out_end(reply) == 0) {
		wire_in_free(&req);
		return true;
	}
	if (r == STORE_OK)
		(void)svc_fail(&c, STORE_ERROR, _("the answer is too large; ask for less"));
	svc_error_reply(reply, r == STORE_OK ? STORE_ERROR : r, c.err[0] ? c.err : _("failed"));
	(void)wire_out_end(reply);
	wire_in_free(&req);
	return true;
}
