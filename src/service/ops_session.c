/* ops_session — opening a session (who is asking, in which language, acting as which
 * role) and the schema version. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "store/lib.h"

/* A language tag as gettext takes it ("nl", "nl_NL.UTF-8", "nl:en"): nothing else may
 * reach setenv in the service. */
static bool lang_ok(const char *s)
{
	if (strlen(s) >= 32)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("_.@:-", *p)))
			return false;
	return true;
}

static enum store_status hello(struct svc_call *c)
{
	const char *terminal = NULL, *lang = NULL;
	int64_t role = -1;
	bool watch = false;
	enum store_status r;
	if ((r = svc_text(c, F_TERMINAL, _("terminal"), sizeof c->sess->terminal - 1, false,
			  &terminal)) != STORE_OK ||
	    (r = svc_text(c, F_LANG, _("language"), sizeof c->sess->lang - 1, false,
			  &lang)) != STORE_OK ||
	    (r = svc_int(c, F_ROLE, _("role"), ROLE_NONE, ROLE_COUNT - 1, false, &role)) !=
		    STORE_OK ||
	    (r = svc_bool(c, F_WATCH, _("watch"), &watch)) != STORE_OK)
		return r;
	if (lang && !lang_ok(lang))
		return svc_fail(c, STORE_INVALID, _("language: \"%s\" is not a language tag"),
				lang);
	/* A session may act as a lesser role (trying the console as a receptionist), never
	 * as a greater one. */
	if (role >= 0 && !roles_covers(c->sess->max_role, (enum role)role))
		return svc_fail(c, STORE_DENIED, _("role %s may not act as %s"),
				roles_name(c->sess->max_role), roles_name((enum role)role));
	/* The terminal is what the client says: recorded for the audit trail beside the
	 * login name the kernel vouches for, never used to decide anything. */
	if (terminal && *terminal)
		snprintf(c->sess->terminal, sizeof c->sess->terminal, "%s", terminal);
	if (lang)
		snprintf(c->sess->lang, sizeof c->sess->lang, "%s", lang);
	if (role >= 0)
		c->sess->role = (enum role)role;
	c->sess->watch = watch;
	c->sess->greeted = true;
	wire_put_text(c->reply, F_USER, c->sess->user);
	wire_put_int(c->reply, F_ROLE, c->sess->role);
	wire_put_bool(c->reply, F_DIRECT, c->sess->direct);
	wire_put_int(c->reply, F_SCHEMA, c->st ? store_schema_version(c->st) : 0);
	return STORE_OK;
}

static enum store_status schema(struct svc_call *c)
{
	if (c->sess->direct) {
		/* balie init: every page, once (seconds at a million bans; balied checks its
		 * database itself). A damaged database is reported, not described. */
		bool ok = !store_damaged(c->st);
		char why[256];
		enum store_status r = ok ? store_quick_check(c->st, &ok, why, sizeof why) : STORE_OK;
		if (r != STORE_OK)
			return svc_store_failed(c, r);
		if (!ok && store_writable_check(c->st) != STORE_OK)
			return svc_store_failed(c, STORE_ERROR);
	}
	wire_put_int(c->reply, F_SCHEMA, c->st ? store_schema_version(c->st) : 0);
	/* The path of the shared database is the service's business. */
	if (c->sess->direct)
		wire_put_text(c->reply, F_PATH, store_path(c->st));
	return STORE_OK;
}

const struct svc_op_def svc_ops_session[] = {
	{OP_HELLO, "session.hello", SVC_ANYONE, SVC_AUDIT_NONE, 0, NULL, hello},
	{OP_SCHEMA, "session.schema", SVC_ANYONE, SVC_AUDIT_NONE, 0, NULL, schema},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
