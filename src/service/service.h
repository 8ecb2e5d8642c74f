/* service — the one place that decides: a request is parsed, the caller's role checked,
 * an audit line written, the store called and a reply built. The same code serves balied's
 * socket (shared mode) and runs inside balie itself on a file the caller owns (direct mode).
 * Requests and replies are wire.h frames; their operations and fields are in proto.h. */
#ifndef BALIE_SERVICE_SERVICE_H
#define BALIE_SERVICE_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "config.h"
#include "core/lib.h"
#include "service/wire.h"
#include "store/lib.h"

struct service;

/* Who is asking, as the kernel (SO_PEERCRED) or, in direct mode, the process says. */
struct svc_session {
	uid_t uid;
	gid_t gid;
	pid_t pid;
	bool direct;             /* in-process on a file the caller may write: every right */
	bool greeted;            /* HELLO done: until then nothing else is answered */
	bool watch;              /* wants change notices (a console) */
	char user[64];           /* login name, or "#UID" when the uid has no account */
	enum role max_role;      /* what the configuration (or ownership) grants */
	enum role role;          /* what this session acts as (never more than max_role) */
	char terminal[64];       /* as the client says (a tty name); recorded, never trusted */
	char lang[32];           /* the client's language for messages ("nl", "en") */
	void *import;            /* an import in progress (service/ops_bans.c), or NULL */
	void *job;               /* a job whose reply this session waits for (jobs.h), or
				  * NULL; until it comes, nothing else of it is read */
};

/* Make a service over an open store (the service does not own it or cfg). NULL on
 * out-of-memory. */
struct service *service_new(struct store *st, const struct config *cfg);
void service_free(struct service *svc);

/* A service whose database cannot be opened (why): it answers hello and takes alarms
 * into the alarm journal next to path, lists them, refuses everything else, and tries
 * the database again every few seconds from service_tick. NULL on out-of-memory. */
struct service *service_new_degraded(const char *path, const struct config *cfg,
				     const char *why);

/* The store the service works on now, or NULL while degraded. */
struct store *service_store(const struct service *svc);

/* Set up a session for a caller: the login name from the uid, the role from the
 * configuration (direct: every right). */
void service_session_init(struct service *svc, struct svc_session *s, uid_t uid, gid_t gid,
			  pid_t pid, bool direct);
/* Forget what a session holds (an unfinished import). */
void service_session_end(struct service *svc, struct svc_session *s);

/* Answer one request body (without the length prefix) into reply (a whole frame, ready to
 * send). Builds a reply unless memory runs out (then reply->failed is set) and returns
 * true; returns false when the request went to the worker (service_jobs_start): its reply
 * comes from service_job_done. */
bool service_handle(struct service *svc, struct svc_session *s, const unsigned char *body,
		    size_t len, struct wire_out *reply);

/* balied: run long work (the commit of an import) on a worker thread with its own
 * database connection, so the loop keeps answering (see service/jobs.h). Without it, as
 * in direct mode, such work runs at once. 0, or -1 with a message in err. */
int service_jobs_start(struct service *svc, char *err, size_t errsz);

/* A descriptor that becomes readable when a job is done, or -1 without a worker. */
int service_job_fd(struct service *svc);

/* After service_job_fd turned readable: *done tells whether a job ended; if so its reply
 * is built into reply and the session that waits for it returned (NULL when it went away:
 * the work is done all the same, and logged). */
struct svc_session *service_job_done(struct service *svc, struct wire_out *reply,
				     bool *done);

/* The domains (enum svc_change bits) changed through this service since the last call. */
unsigned service_take_changes(struct service *svc);

/* Work that a long-running service does by the clock (daily purge); cheap when there is
 * nothing to do. Problems go to the log function. */
void service_tick(struct service *svc, time_t now);

/* Where the service reports what it cannot tell a client (balied: stderr/journal). */
void service_set_log(struct service *svc, void (*log)(const char *msg));

#endif
