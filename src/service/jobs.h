/* jobs — long work (the commit of a big import) off balied's poll loop: one worker thread
 * with a database connection of its own runs one job at a time, and the loop sends the
 * deferred reply when it is done. In direct mode there is no worker: a job runs at once on
 * the service's own store. Either way the work itself is the same run function.
 *
 * Rules: one job at a time, whatever its kind; a second is refused with who started the
 * first and when. While a job that writes holds the write lock, the loop's own connection
 * waits at most SVC_JOB_BUSY_MS for a lock: an alarm then goes to the alarm journal at once
 * and every other write is refused with a message naming the job (service.c). A job whose
 * session went away still finishes (all or nothing, as any transaction); its end is logged.
 * Only src/service/ includes this. */
#ifndef BALIE_SERVICE_JOBS_H
#define BALIE_SERVICE_JOBS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "service/internal.h"

/* Long enough for another connection's ordinary commit (a few ms), short enough that an
 * alarm raised meanwhile still reaches every console within design.md's 150 ms. */
#define SVC_JOB_BUSY_MS 50

struct svc_job;

/* The work, on the store it is given (the worker's connection, or the service's own in
 * direct mode). Runs on the worker thread: only the store, the job's data and messages
 * (svc_job_fail); no service state. */
typedef enum store_status (*svc_job_run_fn)(struct svc_job *job, struct store *st);
/* The fields of the OK reply (on the loop, after run succeeded; reply NULL for a job of the
 * service itself, svc_job_service). It may still refuse: another status (with
 * svc_job_fail's message) makes the reply an error. */
typedef enum store_status (*svc_job_answer_fn)(struct svc_job *job, struct wire_out *reply);

/* Run a job for the request being answered: what (N_() text: "import", "backup"), whether
 * it writes, its work and reply, and data (freed with free_data, may be NULL). changes:
 * the svc_change bits a success changes. In direct mode it runs at once (its reply fields
 * or error into c), in shared mode on the worker (c->deferred set; the reply follows from
 * service_job_done). Refused with STORE_BUSY when another job runs. Takes data in every
 * case. */
enum store_status svc_job_start(struct svc_call *c, const char *what, bool writes,
				unsigned changes, svc_job_run_fn run, svc_job_answer_fn answer,
				void *data, void (*free_data)(void *));

/* The job's data, and a number the work may leave for the reply (a count of rows). */
void *svc_job_data(struct svc_job *job);
void svc_job_set_result(struct svc_job *job, int64_t n);
int64_t svc_job_result(const struct svc_job *job);
/* The work runs on the worker's connection (no other work goes through it meanwhile). */
bool svc_job_on_worker(const struct svc_job *job);

/* From the answer of a view (SVC_AUDIT_VIEW): its audit line, written as the dispatcher
 * writes one (the operation's name, the session's actor, on the service's own connection)
 * before the reply leaves; no line, no answer. */
void svc_job_audit_set(struct svc_job *job, const char *object, const char *result,
		       const char *detail);

/* From the work or the answer: fail with status s and a message (already translated). */
enum store_status svc_job_fail(struct svc_job *job, enum store_status s, const char *msg);

/* A job of the service itself (its daily purge and check): op names it in the log, writes
 * says whether it takes the write lock; the answer is called with a NULL reply. Runs now
 * without a worker; -1 (nothing done, run it later) when another job runs; else 0
 * (started, or failed and logged). */
int svc_job_service(struct service *svc, const char *op, const char *what, bool writes,
		    svc_job_run_fn run, svc_job_answer_fn answer, void *data,
		    void (*free_data)(void *));

/* STORE_OK when no job runs; else STORE_BUSY with a message naming the job, who started it
 * and when (a second job is refused, and an import is refused before its rows come). */
enum store_status svc_job_none_running(struct svc_call *c);

/* Fills a job's data from the request's fields: STORE_OK, or the refusal (svc_fail's
 * message in c). */
typedef enum store_status (*svc_job_fill_fn)(struct svc_call *c, void *data);

/* The zeroed data (size bytes) of a job a request is about to start, filled by fill from
 * the request; refused before the request is read when another job runs (one long task at
 * a time). NULL with the status in *r when refused (STORE_BUSY), out of memory
 * (STORE_ERROR) or refused by fill (its status; the data is freed). */
void *svc_job_data_new(struct svc_call *c, size_t size, svc_job_fill_fn fill,
		       enum store_status *r);

/* svc_job_data_new and svc_job_start in one, for a job whose data (freed with free) comes
 * from the request alone and whose writes and changes do not depend on it. */
enum store_status svc_job_request(struct svc_call *c, const char *what, bool writes,
				  unsigned changes, svc_job_run_fn run, svc_job_answer_fn answer,
				  size_t size, svc_job_fill_fn fill);

/* A job that writes is running: a text saying which, by whom, since when (for a refused
 * write or a journaled alarm), and true; else false. */
bool svc_job_writing(const struct service *svc, char *out, size_t outsz);

/* A job is running (shared mode): NULL, or what it is, who started it and when (local
 * "HH:MM") for a message, and whether it writes. */
const char *svc_job_running(const struct service *svc, const char **user, char hm[6],
			    bool *writes);

#endif
