/* internal — what the service's operation files share: the call context, the operation
 * table entries and helpers that read request fields with a clear message. Only
 * src/service/ includes this. */
#ifndef BALIE_SERVICE_INTERNAL_H
#define BALIE_SERVICE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "core/lib.h"
#include "service/proto.h"
#include "service/service.h"
#include "service/wire.h"
#include "store/lib.h"

/* One request being answered. */
struct svc_call {
	struct service *svc;
	struct store *st;
	const struct config *cfg;
	struct svc_session *sess;
	const struct wire_in *req;
	struct wire_out *reply;  /* begun as an OK reply: put the answer's fields here */
	/* For SVC_AUDIT_VIEW operations: the line written before the answer leaves. */
	char object[128], result[64], detail[256];
	char err[1024];          /* the message of an error reply */
	unsigned changes;        /* extra svc_change bits (besides the operation's own) */
	const char *op_name;     /* the operation's audit name ("ban.import") */
	int64_t id;              /* the record the request names (svc_op_def.id), else 0 */
	bool deferred;           /* handed to the worker (jobs.h): the reply comes later */
	bool job_named;          /* a STORE_BUSY whose message names the running job */
};

/* How an operation is made accountable. */
enum svc_audit {
	SVC_AUDIT_STORE, /* a write: the store writes the line in the same transaction */
	SVC_AUDIT_VIEW,  /* a look at personal data: the service writes the line (from
			  * c->object/result/detail) before the answer leaves; no line, no
			  * answer */
	SVC_AUDIT_NONE   /* nothing personal (the alarm queue, the schema version) */
};

#define SVC_ANYONE (-1) /* no role needed (HELLO; raising an alarm is never refused) */

struct svc_op_def {
	enum svc_op op;
	const char *name;        /* "alarm.raise": audit action of views and denials */
	int perm;                /* enum permission, or SVC_ANYONE */
	enum svc_audit audit;
	unsigned changes;        /* svc_change bits a success changes */
	/* N_("ban id"): the request names one record by F_ID, which the dispatcher reads
	 * (required, positive) into c->id before run, or refuses naming this; NULL: it
	 * names none (or not by F_ID). */
	const char *id;
	enum store_status (*run)(struct svc_call *c);
};

/* The operation tables of the domain files (one per file, ended by an entry with run
 * NULL). */
extern const struct svc_op_def svc_ops_session[];
extern const struct svc_op_def svc_ops_alarms[];
extern const struct svc_op_def svc_ops_appts[];
extern const struct svc_op_def svc_ops_staff[];
extern const struct svc_op_def svc_ops_visits[];

/* The instants a request may name (svc_int bounds): 2000-01-01 to 2100-01-01 UTC. Beyond
 * is a mistake or an attack; stored times are ISO text with four-digit years. */
#define SVC_TIME_MIN INT64_C(946684800)
#define SVC_TIME_MAX INT64_C(4102444800)
extern const struct svc_op_def svc_ops_admin[];
extern const struct svc_op_def svc_ops_bans[];
extern const struct svc_op_def svc_ops_bans_edit[];
extern const struct svc_op_def svc_ops_bans_import[];
extern const struct svc_op_def svc_ops_check[];
extern const struct svc_op_def svc_ops_incidents[]; /* ops_incidents.c (issue 13) */

/* The service's worker (jobs.c), NULL without one (direct mode). */
struct svc_jobs;
struct svc_jobs **svc_jobs_slot(const struct service *svc);
/* Stop the worker (finishing the job under way) and free it; safe with NULL. */
void svc_jobs_stop(struct svc_jobs *w);
/* A session goes away: its job, if any, finishes without it. */
void svc_jobs_forget(struct service *svc, struct svc_session *s);

/* Note svc_change bits for the next notice. */
void svc_changed(struct service *svc, unsigned bits);

/* Tell the log (balied: the journal) what no client hears. */
void svc_log(struct service *svc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Begin reply as an error reply with status s and message msg. */
void svc_error_reply(struct wire_out *reply, enum store_status s, const char *msg);

/* Why the database cannot be used (the service is degraded), or NULL when it can. */
const char *svc_degraded(const struct service *svc);

/* The database file's path (for the alarm journal). */
const char *svc_path(const struct service *svc);

/* Fail the call with status s and a message (printf-style, already translated). */
enum store_status svc_fail(struct svc_call *c, enum store_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fail with the store's last error and status r. */
enum store_status svc_store_failed(struct svc_call *c, enum store_status r);

/* Refuse unless the session's role has permission p (a request whose fields ask for more
 * than the operation's own permission: a list of every ban, an export...). STORE_OK or
 * STORE_DENIED with the message; the denial is audited by the dispatcher. */
enum store_status svc_require(struct svc_call *c, enum permission p);

/* Read request fields with a message naming the field (what: translated name).
 * required: absent is an error. Text must pass text_check (lines: text_check_lines) and
 * be at most max bytes. On success the value is set (absent optional fields leave *out
 * alone) and STORE_OK returned; else STORE_INVALID with c->err set. */
enum store_status svc_text(struct svc_call *c, uint16_t tag, const char *what, size_t max,
			   bool required, const char **out);
enum store_status svc_lines(struct svc_call *c, uint16_t tag, const char *what, size_t max,
			    bool required, const char **out);
enum store_status svc_int(struct svc_call *c, uint16_t tag, const char *what, int64_t min,
			  int64_t max, bool required, int64_t *out);
enum store_status svc_bool(struct svc_call *c, uint16_t tag, const char *what, bool *out);
/* A positive record id (required). */
enum store_status svc_id(struct svc_call *c, uint16_t tag, const char *what, int64_t *out);
/* A date "YYYY-MM-DD" (strict). */
enum store_status svc_date(struct svc_call *c, uint16_t tag, const char *what, bool required,
			   const char **out);

/* Decode record rec of the request into a struct (descriptor d, n members) with a message
 * naming the offending member on failure. */
enum store_status svc_struct(struct svc_call *c, uint32_t rec, const struct wire_desc *d,
			     size_t n, void *p);

/* One name against the bans in force on date (visitor_bans.c, issue 13): the best hit and
 * the policy's verdict for an appointment or a visit (policy_appt_ban: an entry ban here
 * without an exception refuses). */
struct svc_visitor_ban {
	enum names_verdict verdict;   /* NAMES_CLEAR: nobody on the list */
	int64_t ban_id;
	enum ban_kind kind;
	char ends[DATES_DATE_LEN];
	bool exception;               /* an exception holds on the date */
	enum policy_appt_ban policy;
};
enum store_status svc_visitor_ban(struct svc_call *c, const char *name, const char *born,
				  const char *date, struct svc_visitor_ban *out);

/* Write the audit line of a view (action: the operation's name) on the service's own
 * store, with the actor set on it. STORE_OK, or the status with a message in err: no
 * line, no answer. */
enum store_status svc_audit_view(struct service *svc, const char *action, const char *object,
				 const char *result, const char *detail, char *err,
				 size_t errsz);

/* Set the audit line of a view: object, result (e.g. a count) and detail. */
void svc_audit_set(struct svc_call *c, const char *object, const char *result,
		   const char *detail);

/* replies.c: put the struct at p (descriptor d, n members) as the next record of the
 * reply; count structs of elem bytes from items, one record each. */
void svc_put_record(struct svc_call *c, const struct wire_desc *d, size_t n, const void *p);
void svc_put_records(struct svc_call *c, const struct wire_desc *d, size_t n,
		     const void *items, size_t elem, size_t count);

/* The outcome r of a store call as the call's: r, with the store's message when it
 * failed. With a reply: a number it gave (the id of the record it made: F_ID, a count:
 * F_COUNT), or the record it read. */
enum store_status svc_stored(struct svc_call *c, enum store_status r);
enum store_status svc_reply_int(struct svc_call *c, enum store_status r, uint16_t tag,
				int64_t v);
enum store_status svc_reply_record(struct svc_call *c, enum store_status r,
				   const struct wire_desc *d, size_t n, const void *p);
/* The same for a list the store read into a malloc'd array (NULL when it failed) of count
 * structs of elem bytes: one record each. The array is freed. */
enum store_status svc_reply_list(struct svc_call *c, enum store_status r,
				 const struct wire_desc *d, size_t n, void *items, size_t elem,
				 size_t count);

/* The audit line of a look at one record: object "kind:id" (e.g. "ban:12"). */
void svc_audit_record(struct svc_call *c, const char *kind, int64_t id, const char *result,
		      const char *detail);
/* The audit line of a look at a list: its result is how many records it held. */
void svc_audit_count(struct svc_call *c, const char *object, size_t count, const char *detail);

#endif
