/* jobs — long work off balied's poll loop: one worker thread, one job at a time, the end
 * signalled through an eventfd the loop polls (see jobs.h for the rules). */
#include "autoconfig.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "service/jobs.h"
#include "store/lib.h"

struct svc_job {
	const char *what;                /* N_() text */
	bool writes;
	unsigned changes;
	svc_job_run_fn run;
	svc_job_answer_fn answer;
	bool for_service;                /* the service's own: no reply (answer gets NULL) */
	void *data;
	void (*free_data)(void *);
	int64_t result;
	/* a view's audit line (svc_job_audit_set), written before the reply leaves */
	bool view;
	char object[128], result_text[64], detail[256];
	/* who asked: the session waits for the reply (NULL once it went away) */
	struct svc_session *owner;
	char op[32];                     /* the operation's audit name, for the log */
	char user[64], terminal[64], lang[32];
	time_t started;
	struct store *st;                /* the worker's connection, for this job only */
	enum store_status status;
	char err[1024];
};

/* The worker. Only `todo`, `done` and `quit` are shared, under `lock`; everything else
 * belongs to the loop (`current`, `next`) or, while it runs, to the worker (the job). */
struct svc_jobs {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct svc_job *todo, *done;
	bool quit;
	int efd;                         /* readable when a job is done */
	struct svc_job *current;         /* handed over and not yet collected (loop only) */
	struct svc_job *next;            /* a client's job waiting for the service's own
					  * (the daily purge or check) to end: it is not refused */
};

/* A job for a session (NULL: the service's own), started now. */
static struct svc_job *job_new(struct svc_session *sess, const char *what, bool writes,
			       unsigned changes, svc_job_run_fn run, svc_job_answer_fn answer,
			       void *data, void (*free_data)(void *))
{
	struct svc_job *j = calloc(1, sizeof *j);
	if (!j) {
		if (free_data)
			free_data(data);
		return NULL;
	}
	*j = (struct svc_job){
		.what = what, .writes = writes, .changes = changes, .run = run,
		.answer = answer, .data = data, .free_data = free_data, .owner = sess,
		.for_service = !sess, .started = clock_now(),
	};
	snprintf(j->user, sizeof j->user, "%s", sess ? sess->user : "balied");
	snprintf(j->terminal, sizeof j->terminal, "%s", sess ? sess->terminal : "service");
	snprintf(j->lang, sizeof j->lang, "%s", sess && sess->lang[0] ? sess->lang : "en");
	return j;
}

static void job_free(struct svc_job *j)
{
	if (!j)
		return;
	if (j->free_data)
		j->free_data(j->data);
	store_close(j->st);
	free(j);
}

void *svc_job_data(struct svc_job *job)
{
	return job->data;
}

void svc_job_set_result(struct svc_job *job, int64_t n)
{
	job->result = n;
}

bool svc_job_on_worker(const struct svc_job *job)
{
	return job->st != NULL;
}

int64_t svc_job_result(const struct svc_job *job)
{
	return job->result;
}

void svc_job_audit_set(struct svc_job *job, const char *object, const char *result,
		       const char *detail)
{
	job->view = true;
	snprintf(job->object, sizeof job->object, "%s", object);
	snprintf(job->result_text, sizeof job->result_text, "%s", result);
	snprintf(job->detail, sizeof job->detail, "%s", detail);
}

enum store_status svc_job_fail(struct svc_job *job, enum store_status s, const char *msg)
{
	snprintf(job->err, sizeof job->err, "%s", msg);
	return s;
}

/* The work, and its message from the store when it did not say one itself. */
static void job_work(struct svc_job *j, struct store *st)
{
	j->err[0] = '\0';
	j->status = j->run(j, st);
	if (j->status != STORE_OK && !j->err[0])
		snprintf(j->err, sizeof j->err, "%s", store_error(st));
}

static void *worker_main(void *arg)
{
	struct svc_jobs *w = arg;
	(void)pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->todo && !w->quit)
			(void)pthread_cond_wait(&w->wake, &w->lock);
		/* Asked to quit with a job handed over: finish it first, never half of it. */
		if (!w->todo)
			break;
		struct svc_job *j = w->todo;
		w->todo = NULL;
		(void)pthread_mutex_unlock(&w->lock);
		job_work(j, j->st);
		(void)pthread_mutex_lock(&w->lock);
		w->done = j;
		uint64_t one = 1;
		/* Only a wake-up: its result does not matter, as it can fail only on a full
		 * counter (the fd is readable then) and the loop looks for `done` every
		 * round anyway. */
		ssize_t woke = write(w->efd, &one, sizeof one);
		(void)woke;
	}
	(void)pthread_mutex_unlock(&w->lock);
	return NULL;
}

int service_jobs_start(struct service *svc, char *err, size_t errsz)
{
	struct svc_jobs **slot = svc_jobs_slot(svc);
	if (*slot)
		return 0;
	/* The loop switches LANGUAGE for each client (i18n_use_language) while the worker's
	 * messages read it: have it set already, so a switch only replaces its value (glibc
	 * keeps the old string) and never moves the environment under the worker. An empty
	 * LANGUAGE means nothing to gettext. */
	if (!getenv("LANGUAGE") && setenv("LANGUAGE", "", 0) != 0) {
		snprintf(err, errsz, "setenv: %s", strerror(errno));
		return -1;
	}
	struct svc_jobs *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(err, errsz, "%s", strerror(ENOMEM));
		return -1;
	}
	w->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	int rc = w->efd < 0 ? errno : pthread_mutex_init(&w->lock, NULL);
	if (rc == 0 && (rc = pthread_cond_init(&w->wake, NULL)) != 0)
		(void)pthread_mutex_destroy(&w->lock);
	if (rc == 0 && (rc = pthread_create(&w->thread, NULL, worker_main, w)) != 0) {
		(void)pthread_cond_destroy(&w->wake);
		(void)pthread_mutex_destroy(&w->lock);
	}
	if (rc != 0) {
		snprintf(err, errsz, "%s: %s", _("the worker thread"), strerror(rc));
		if (w->efd >= 0)
			(void)close(w->efd);
		free(w);
		return -1;
	}
	*slot = w;
	return 0;
}

void svc_jobs_stop(struct svc_jobs *w)
{
	if (!w)
		return;
	(void)pthread_mutex_lock(&w->lock);
	w->quit = true;
	(void)pthread_cond_signal(&w->wake);
	(void)pthread_mutex_unlock(&w->lock);
	/* A job under way is finished: a transaction is committed or rolled back whole. */
	(void)pthread_join(w->thread, NULL);
	job_free(w->done);
	if (w->current != w->done)
		job_free(w->current);
	job_free(w->next); /* never begun: nothing of it written */
	(void)pthread_cond_destroy(&w->wake);
	(void)pthread_mutex_destroy(&w->lock);
	(void)close(w->efd);
	free(w);
}

int service_job_fd(struct service *svc)
{
	struct svc_jobs *w = *svc_jobs_slot(svc);
	return w ? w->efd : -1;
}

const char *svc_job_running(const struct service *svc, const char **user, char hm[6],
			    bool *writes)
{
	struct svc_jobs *w = *svc_jobs_slot((struct service *)svc);
	/* A client's job first: the one a refusal should name. */
	struct svc_job *j = w && w->next ? w->next : w ? w->current : NULL;
	if (!j)
		return NULL;
	if (user)
		*user = j->user;
	if (hm)
		dates_local_hm(j->started, hm);
	if (writes)
		*writes = j->writes;
	return _(j->what);
}

bool svc_job_writing(const struct service *svc, char *out, size_t outsz)
{
	const char *user = "";
	char hm[6];
	bool writes = false;
	const char *what = svc_job_running(svc, &user, hm, &writes);
	if (!what || !writes)
		return false;
	snprintf(out, outsz, _("a large %s, started %s by %s, is being written to the database"),
		 what, hm, user);
	return true;
}

enum store_status svc_job_none_running(struct svc_call *c)
{
	const char *user = "";
	char hm[6];
	struct svc_jobs *w = *svc_jobs_slot(c->svc);
	/* Only the service's own job runs: a client's waits for it, and is not refused. */
	if (!w || (!w->next && (!w->current || w->current->for_service)))
		return STORE_OK;
	const char *what = svc_job_running(c->svc, &user, hm, NULL);
	c->job_named = true;
	return svc_fail(c, STORE_BUSY, _("another long task (%s) is running, started %s by %s; "
					 "try again when it is done"), what, hm, user);
}

void *svc_job_data_new(struct svc_call *c, size_t size, svc_job_fill_fn fill,
		       enum store_status *r)
{
	if ((*r = svc_job_none_running(c)) != STORE_OK)
		return NULL;
	void *data = calloc(1, size);
	if (!data) {
		*r = svc_fail(c, STORE_ERROR, "%s", strerror(ENOMEM));
		return NULL;
	}
	if ((*r = fill(c, data)) != STORE_OK) {
		free(data);
		return NULL;
	}
	return data;
}

enum store_status svc_job_request(struct svc_call *c, const char *what, bool writes,
				  unsigned changes, svc_job_run_fn run, svc_job_answer_fn answer,
				  size_t size, svc_job_fill_fn fill)
{
	enum store_status r;
	void *data = svc_job_data_new(c, size, fill, &r);
	if (!data)
		return r;
	return svc_job_start(c, what, writes, changes, run, answer, data, free);
}

/* Give the worker j (with its connection) to do now. */
static void job_hand(struct service *svc, struct svc_jobs *w, struct svc_job *j)
{
	if (j->writes && service_store(svc))
		store_set_busy_timeout(service_store(svc), SVC_JOB_BUSY_MS);
	w->current = j;
	svc_log(svc, _("%s by %s: started on the worker"), j->op, j->user);
	(void)pthread_mutex_lock(&w->lock);
	w->todo = j;
	(void)pthread_cond_signal(&w->wake);
	(void)pthread_mutex_unlock(&w->lock);
}

/* Start j on the worker w, or let it wait for the service's own job; -1 (j freed) with a
 * message in err when its connection cannot be opened. */
static int job_start(struct service *svc, struct svc_jobs *w, struct svc_job *j,
		     const char *op, char *err, size_t errsz)
{
	/* The worker's own connection (SQLite connections are not shared between threads),
	 * opened here, as opening touches the program's shared state, and anew for every
	 * job, so a restore in between is never missed. */
	j->st = store_open(svc_path(svc), 0, err, errsz);
	if (!j->st) {
		job_free(j);
		return -1;
	}
	store_set_actor(j->st, j->user, j->terminal);
	snprintf(j->op, sizeof j->op, "%s", op);
	if (j->owner)
		j->owner->job = j;
	if (w->current)
		w->next = j;
	else
		job_hand(svc, w, j);
	return 0;
}

enum store_status svc_job_start(struct svc_call *c, const char *what, bool writes,
				unsigned changes, svc_job_run_fn run, svc_job_answer_fn answer,
				void *data, void (*free_data)(void *))
{
	struct svc_job *j = job_new(c->sess, what, writes, changes, run, answer, data, free_data);
	if (!j)
		return svc_fail(c, STORE_ERROR, "%s", strerror(ENOMEM));
	struct svc_jobs *w = *svc_jobs_slot(c->svc);
	enum store_status r;
	if (!w) {
		/* Direct mode: nobody else waits on this process; the work runs now. */
		job_work(j, c->st);
		r = j->status;
		if (r == STORE_OK)
			r = j->answer(j, c->reply);
		if (r != STORE_OK)
			(void)svc_fail(c, r, "%s", j->err);
		else if (j->view) /* the dispatcher writes it, as for any view */
			svc_audit_set(c, j->object, j->result_text, j->detail);
		job_free(j);
		return r;
	}
	if ((r = svc_job_none_running(c)) != STORE_OK) {
		job_free(j);
		return r;
	}
	char err[1024];
	if (job_start(c->svc, w, j, c->op_name ? c->op_name : "?", err, sizeof err) != 0)
		return svc_fail(c, STORE_ERROR, "%s", err);
	c->deferred = true;
	return STORE_OK;
}

int svc_job_service(struct service *svc, const char *op, const char *what, bool writes,
		    svc_job_run_fn run, svc_job_answer_fn answer, void *data,
		    void (*free_data)(void *))
{
	struct svc_job *j = job_new(NULL, what, writes, 0, run, answer, data, free_data);
	if (!j) {
		svc_log(svc, "%s: %s", op, strerror(ENOMEM));
		return 0;
	}
	struct svc_jobs *w = *svc_jobs_slot(svc);
	if (!w) {
		snprintf(j->op, sizeof j->op, "%s", op);
		store_set_actor(service_store(svc), j->user, j->terminal);
		job_work(j, service_store(svc));
		if (j->status == STORE_OK)
			j->status = j->answer(j, NULL);
		else
			svc_log(svc, _("%s by %s: failed: %s"), j->op, j->user, j->err);
		job_free(j);
		return 0;
	}
	if (w->current || w->next) {
		job_free(j);
		return -1;
	}
	char err[1024];
	if (job_start(svc, w, j, op, err, sizeof err) != 0)
		svc_log(svc, "%s: %s", op, err);
	return 0;
}

void svc_jobs_forget(struct service *svc, struct svc_session *s)
{
	struct svc_jobs *w = *svc_jobs_slot(svc);
	if (w && w->current && w->current->owner == s)
		w->current->owner = NULL;
	if (w && w->next && w->next->owner == s)
		w->next->owner = NULL; /* it still runs: the client may have gone on purpose */
	s->job = NULL;
}

struct svc_session *service_job_done(struct service *svc, struct wire_out *reply, bool *done)
{
	struct svc_jobs *w = *svc_jobs_slot(svc);
	*done = false;
	if (!w)
		return NULL;
	/* Only a wake-up: `done` says what there is (the loop asks every round, so a lost
	 * wake-up costs at most its poll timeout). */
	uint64_t n;
	if (read(w->efd, &n, sizeof n) < 0 && errno != EAGAIN && errno != EINTR)
		svc_log(svc, "eventfd: %s", strerror(errno));
	(void)pthread_mutex_lock(&w->lock);
	struct svc_job *j = w->done;
	w->done = NULL;
	(void)pthread_mutex_unlock(&w->lock);
	if (!j)
		return NULL;
	*done = true;
	w->current = NULL;
	struct store *st = service_store(svc);
	if (st && j->writes)
		store_set_busy_timeout(st, 0);
	struct svc_session *owner = j->owner;
	if (owner)
		owner->job = NULL;
	i18n_use_language(j->lang);
	if (j->status == STORE_OK) {
		wire_out_begin(reply, WIRE_REPLY, STORE_OK);
		j->status = j->answer(j, j->for_service ? NULL : reply);
	}
	if (j->status == STORE_OK && j->view) {
		/* As the dispatcher does for a view answered at once: who looked. */
		if (st)
			store_set_actor(st, j->user, j->terminal);
		j->status = st ? svc_audit_view(svc, j->op, j->object, j->result_text, j->detail,
						j->err, sizeof j->err)
			       : svc_job_fail(j, STORE_ERROR, svc_degraded(svc));
	}
	if (j->status == STORE_OK) {
		svc_changed(svc, j->changes);
		svc_log(svc, _("%s by %s: done (%lld)"), j->op, j->user, (long long)j->result);
	} else {
		svc_log(svc, _("%s by %s: failed: %s"), j->op, j->user, j->err);
		svc_error_reply(reply, j->status, j->err);
	}
	if (wire_out_end(reply) != 0) {
		svc_error_reply(reply, STORE_ERROR, _("the answer is too large; ask for less"));
		(void)wire_out_end(reply);
	}
	/* Alarms that went to the journal while the job held the lock move in now. */
	if (st && store_journal_merge_pending(st) == STORE_OK)
		svc_changed(svc, CHANGE_ALARMS);
	job_free(j);
	if (w->next) {
		job_hand(svc, w, w->next);
		w->next = NULL;
	}
	return owner;
}
