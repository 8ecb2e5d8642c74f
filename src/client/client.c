/* client — one session with the service: in-process on a file (direct mode) or over
 * balied's Unix socket (shared mode); requests, replies and pushed change notices. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "client/client.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "service/lib.h"
#include "store/lib.h"

/* How long a call waits for the service without a word from it: long enough for most
 * requests, short enough that a hung service does not freeze a desk for good. A request
 * the service works on for longer (an import's commit) keeps the wait alive with
 * CHANGE_NONE_WORKING notices. */
#define CLIENT_TIMEOUT_MS 120000

struct client {
	bool direct;
	/* direct mode */
	struct store *st;
	struct service *svc;
	struct svc_session sess;
	struct wire_out answer;      /* the service's reply frame, in-process */
	uint64_t counters[STORE_CHANGE_COUNT]; /* the store's change counters, last seen */
	bool counted;                /* counters holds a reading */
	/* shared mode */
	int fd;
	unsigned char *in;           /* bytes read and not yet taken as frames */
	size_t inlen, incap;
	struct sockaddr_un addr;
	/* both */
	struct client_opts opts;
	char terminal[64], lang[32];
	struct wire_out req;
	unsigned changes;
	char user[64];
	enum role role;
	char where[4096];
	char err[1024];
	long long retry_ms;          /* shared mode, disconnected: when to try again */
	char note[1024];             /* F_HEALTH of the last successful reply */
	char journal[24];            /* F_JOURNAL of the last successful reply */
};

enum store_status client_fail(struct client *cl, enum store_status s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(cl->err, sizeof cl->err, fmt, ap);
	va_end(ap);
	return s;
}

const char *client_error(const struct client *cl)
{
	return cl->err[0] ? cl->err : _("failed");
}

const char *client_user(const struct client *cl)
{
	return cl->user;
}

enum role client_role(const struct client *cl)
{
	return cl->role;
}

const char *client_note(const struct client *cl)
{
	return cl->note;
}

const char *client_alarm_journaled(const struct client *cl)
{
	return cl->journal;
}

const char *client_where(const struct client *cl)
{
	return cl->where;
}

struct wire_out *client_request(struct client *cl, enum svc_op op)
{
	wire_out_begin(&cl->req, WIRE_REQUEST, (uint16_t)op);
	return &cl->req;
}

/* ------------------------------------------------------------------ shared mode I/O */

static void disconnect(struct client *cl)
{
	if (cl->fd >= 0)
		(void)close(cl->fd);
	cl->fd = -1;
	cl->inlen = 0;
}

/* Milliseconds left until deadline (a CLOCK_MONOTONIC value in ms), at least 0. */
static long long now_ms(void)
{
	struct timespec ts;
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum store_status lost(struct client *cl, const char *why)
{
	disconnect(cl);
	return client_fail(cl, STORE_UNAVAILABLE, _("the service at %s: %s"), cl->where, why);
}

static enum store_status send_all(struct client *cl, const unsigned char *p, size_t n,
				  long long deadline)
{
	while (n > 0) {
		ssize_t w = send(cl->fd, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			long long left = deadline - now_ms();
			struct pollfd pfd = {.fd = cl->fd, .events = POLLOUT};
			if (left <= 0)
				return lost(cl, _("did not take the request in time"));
			if (poll(&pfd, 1, (int)(left > 1000 ? 1000 : left)) < 0 && errno != EINTR)
				return lost(cl, strerror(errno));
			continue;
		}
		return lost(cl, strerror(w < 0 ? errno : EPIPE));
	}
	return STORE_OK;
}

/* Read what the socket has (without blocking); 0, or -1 when the connection ended. */
static int read_some(struct client *cl)
{
	for (;;) {
		if (cl->incap - cl->inlen < 65536) {
			size_t cap = cl->incap ? cl->incap * 2 : 131072;
			if (cap > 2 * (size_t)(WIRE_HEADER + WIRE_FRAME_MAX))
				cap = 2 * (size_t)(WIRE_HEADER + WIRE_FRAME_MAX);
			if (cap <= cl->inlen) {
				errno = EMSGSIZE;
				return -1;
			}
			unsigned char *b = realloc(cl->in, cap);
			if (!b)
				return -1;
			cl->in = b;
			cl->incap = cap;
		}
		ssize_t r = recv(cl->fd, cl->in + cl->inlen, cl->incap - cl->inlen, MSG_DONTWAIT);
		if (r > 0) {
			cl->inlen += (size_t)r;
			continue;
		}
		if (r == 0) {
			errno = ECONNRESET;
			return -1;
		}
		if (errno == EINTR)
			continue;
		return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
	}
}

/* Take one whole frame from the input buffer: 1 with the body and its length set (valid until the next
 * take), 0 when incomplete, -1 on a malformed length. */
static int take_frame(struct client *cl, size_t *consumed, const unsigned char **body,
		      size_t *len)
{
	if (cl->inlen < WIRE_HEADER)
		return 0;
	long n = wire_frame_length(cl->in);
	if (n < 0)
		return -1;
	if (cl->inlen < WIRE_HEADER + (size_t)n)
		return 0;
	*body = cl->in + WIRE_HEADER;
	*len = (size_t)n;
	*consumed = WIRE_HEADER + (size_t)n;
	return 1;
}

static void drop_front(struct client *cl, size_t n)
{
	memmove(cl->in, cl->in + n, cl->inlen - n);
	cl->inlen -= n;
}

/* Handle every whole notice at the front; stop at the first reply. 1 when a reply waits
 * at the front, 0 when the buffer holds no whole frame, -1 on a protocol error. */
static int absorb_notices(struct client *cl, bool *working)
{
	for (;;) {
		const unsigned char *body = NULL;
		size_t len = 0, used = 0;
		int t = take_frame(cl, &used, &body, &len);
		if (t <= 0)
			return t;
		if (body[2] != WIRE_NOTICE)
			return 1;
		unsigned bits = (unsigned)((body[4] << 8) | body[5]);
		if (bits == CHANGE_NONE_WORKING && working)
			*working = true;
		cl->changes |= bits;
		drop_front(cl, used);
	}
}

static enum store_status shared_call(struct client *cl, struct wire_in *reply);
static enum store_status hello(struct client *cl);

static enum store_status connect_service(struct client *cl)
{
	cl->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (cl->fd < 0)
		return client_fail(cl, STORE_UNAVAILABLE, "%s: %s", cl->where, strerror(errno));
	if (connect(cl->fd, (struct sockaddr *)&cl->addr, sizeof cl->addr) != 0) {
		int e = errno;
		disconnect(cl);
		if (e == ENOENT || e == ECONNREFUSED)
			return client_fail(cl, STORE_UNAVAILABLE,
					   _("%s: the service balied is not running (%s); start it "
					     "with 'systemctl start balied', or use --db FILE for a "
					     "database of your own"), cl->where, strerror(e));
		return client_fail(cl, STORE_UNAVAILABLE, "%s: %s", cl->where, strerror(e));
	}
	return hello(cl);
}

static enum store_status shared_call(struct client *cl, struct wire_in *reply)
{
	if (cl->fd < 0) {
		/* The service restarted: a new session, then this request again. */
		struct wire_out saved = cl->req;
		cl->req = (struct wire_out){0};
		enum store_status r = connect_service(cl);
		wire_out_free(&cl->req);
		cl->req = saved;
		if (r != STORE_OK)
			return r;
		cl->changes |= CHANGE_ALL; /* what happened meanwhile is unknown */
	}
	long long deadline = now_ms() + CLIENT_TIMEOUT_MS;
	enum store_status r = send_all(cl, cl->req.buf, cl->req.len, deadline);
	if (r != STORE_OK)
		return r;
	for (;;) {
		bool working = false;
		int a = absorb_notices(cl, &working);
		if (a < 0)
			return lost(cl, _("sent a malformed frame"));
		if (a == 1)
			break;
		/* The service says it is still at this request (a big import's commit on its
		 * worker): the wait goes on, as long as it keeps saying so. */
		if (working)
			deadline = now_ms() + CLIENT_TIMEOUT_MS;
		long long left = deadline - now_ms();
		if (left <= 0)
			return lost(cl, _("did not answer in time"));
		struct pollfd pfd = {.fd = cl->fd, .events = POLLIN};
		int p = poll(&pfd, 1, (int)(left > 1000 ? 1000 : left));
		if (p < 0 && errno != EINTR)
			return lost(cl, strerror(errno));
		if (p > 0 && read_some(cl) != 0)
			return lost(cl, errno == ECONNRESET ? _("closed the connection")
							    : strerror(errno));
	}
	const unsigned char *body = NULL;
	size_t len = 0, used = 0;
	if (take_frame(cl, &used, &body, &len) != 1)
		return lost(cl, _("sent a malformed frame"));
	char perr[128];
	int rc = wire_in_parse(reply, body, len, false, perr, sizeof perr);
	drop_front(cl, used);
	if (rc != 0)
		return lost(cl, perr);
	return STORE_OK;
}

/* ------------------------------------------------------------------ both modes */

static enum store_status direct_call(struct client *cl, struct wire_in *reply)
{
	service_handle(cl->svc, &cl->sess, cl->req.buf + WIRE_HEADER, cl->req.len - WIRE_HEADER,
		       &cl->answer);
	cl->changes |= service_take_changes(cl->svc);
	if (cl->answer.failed)
		return client_fail(cl, STORE_ERROR, "%s", strerror(ENOMEM));
	char perr[128];
	if (wire_in_parse(reply, cl->answer.buf + WIRE_HEADER, cl->answer.len - WIRE_HEADER,
			  false, perr, sizeof perr) != 0)
		return client_fail(cl, STORE_ERROR, "%s", perr);
	return STORE_OK;
}

enum store_status client_call(struct client *cl, struct wire_in *reply)
{
	memset(reply, 0, sizeof *reply);
	if (wire_out_end(&cl->req) != 0)
		return client_fail(cl, STORE_INVALID, _("the request is too large"));
	enum store_status r = cl->direct ? direct_call(cl, reply) : shared_call(cl, reply);
	if (r != STORE_OK)
		return r;
	if (reply->kind != WIRE_REPLY) {
		wire_in_free(reply);
		return client_fail(cl, STORE_UNAVAILABLE, _("the service sent no reply"));
	}
	if (reply->code == STORE_OK) {
		const char *t = NULL;
		cl->err[0] = '\0';
		cl->note[0] = cl->journal[0] = '\0';
		if (wire_get_text(reply, 0, F_HEALTH, sizeof cl->note - 1, &t) == 0 && t)
			snprintf(cl->note, sizeof cl->note, "%s", t);
		t = NULL;
		if (wire_get_text(reply, 0, F_JOURNAL, sizeof cl->journal - 1, &t) == 0 && t)
			snprintf(cl->journal, sizeof cl->journal, "%s", t);
		return STORE_OK;
	}
	const char *msg = NULL;
	if (wire_get_text(reply, 0, F_MESSAGE, sizeof cl->err - 1, &msg) != 0 || !msg)
		msg = _("failed");
	snprintf(cl->err, sizeof cl->err, "%s", msg);
	enum store_status s = reply->code <= STORE_UNAVAILABLE ? (enum store_status)reply->code
							       : STORE_ERROR;
	wire_in_free(reply);
	return s;
}

enum store_status client_call_simple(struct client *cl)
{
	struct wire_in reply;
	enum store_status r = client_call(cl, &reply);
	if (r == STORE_OK)
		wire_in_free(&reply);
	return r;
}

enum store_status client_call_int(struct client *cl, uint16_t tag, int64_t min, int64_t max,
				  const char *lacks, int64_t *out)
{
	struct wire_in reply;
	enum store_status r = client_call(cl, &reply);
	if (r != STORE_OK)
		return r;
	int64_t v = 0;
	if (wire_get_int(&reply, 0, tag, &v) != 0 || v < min || v > max)
		r = client_fail(cl, STORE_UNAVAILABLE, "%s", lacks);
	else
		*out = v;
	wire_in_free(&reply);
	return r;
}

enum store_status client_call_id(struct client *cl, int64_t *id_out)
{
	int64_t id = 0;
	enum store_status r = client_call_int(cl, F_ID, INT64_MIN, INT64_MAX,
					      _("the service's reply lacks the id"), &id);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status client_call_count(struct client *cl, int64_t max, int64_t *count)
{
	return client_call_int(cl, F_COUNT, 0, max, _("the service's reply lacks the count"),
			       count);
}

/* The call fails on a record of the reply: bad is the field that does not decode (0 when
 * the record itself is missing or one too many). */
static enum store_status undecodable(struct client *cl, uint16_t bad)
{
	return client_fail(cl, STORE_UNAVAILABLE,
			   _("the service sent a record that does not decode (field %u)"),
			   (unsigned)bad);
}

enum store_status client_get_struct(struct client *cl, const struct wire_in *reply,
				    uint32_t rec, const struct wire_desc *d, size_t nd, void *p)
{
	uint16_t bad = 0;
	if (wire_get_struct(reply, rec, d, nd, p, &bad) != 0)
		return undecodable(cl, bad);
	return STORE_OK;
}

enum store_status client_call_one(struct client *cl, const struct wire_desc *d, size_t nd,
				  void *out, size_t size, void (*clear)(void *item))
{
	memset(out, 0, size);
	struct wire_in reply;
	enum store_status r = client_call(cl, &reply);
	if (r != STORE_OK)
		return r;
	r = reply.nrecs == 2 ? client_get_struct(cl, &reply, 1, d, nd, out) : undecodable(cl, 0);
	if (r != STORE_OK && clear)
		clear(out);
	wire_in_free(&reply);
	return r;
}

void *client_call_list(struct client *cl, const struct wire_desc *d, size_t nd, size_t elem,
		       void (*clear)(void *item), size_t *n, enum store_status *r)
{
	*n = 0;
	struct wire_in reply;
	if ((*r = client_call(cl, &reply)) != STORE_OK)
		return NULL;
	void *items = client_get_list(cl, &reply, d, nd, elem, clear, n, r);
	wire_in_free(&reply);
	return items;
}

void *client_get_list(struct client *cl, const struct wire_in *reply, const struct wire_desc *d,
		      size_t nd, size_t elem, void (*clear)(void *item), size_t *n,
		      enum store_status *r)
{
	*n = 0;
	*r = STORE_OK;
	size_t count = reply->nrecs > 0 ? reply->nrecs - 1 : 0;
	if (count == 0)
		return NULL;
	unsigned char *items = calloc(count, elem);
	if (!items) {
		*r = client_fail(cl, STORE_ERROR, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		*r = client_get_struct(cl, reply, (uint32_t)i + 1, d, nd, items + i * elem);
		if (*r != STORE_OK) {
			for (size_t j = 0; clear && j <= i; j++)
				clear(items + j * elem);
			free(items);
			return NULL;
		}
	}
	*n = count;
	return items;
}

static enum store_status hello(struct client *cl)
{
	struct wire_out *q = client_request(cl, OP_HELLO);
	wire_put_text(q, F_TERMINAL, cl->terminal);
	wire_put_text(q, F_LANG, cl->lang);
	if (cl->opts.act_as >= 0)
		wire_put_int(q, F_ROLE, cl->opts.act_as);
	wire_put_bool(q, F_WATCH, cl->opts.watch);
	struct wire_in reply;
	enum store_status r = client_call(cl, &reply);
	if (r != STORE_OK)
		return r;
	const char *user = NULL;
	int64_t role = ROLE_NONE;
	if (wire_get_text(&reply, 0, F_USER, sizeof cl->user - 1, &user) != 0 ||
	    wire_get_int(&reply, 0, F_ROLE, &role) != 0 || role < 0 || role >= ROLE_COUNT) {
		wire_in_free(&reply);
		return client_fail(cl, STORE_UNAVAILABLE, _("the service's greeting does not "
							    "decode"));
	}
	snprintf(cl->user, sizeof cl->user, "%s", user);
	cl->role = (enum role)role;
	wire_in_free(&reply);
	return STORE_OK;
}

enum store_status client_act_as(struct client *cl, enum role r)
{
	int old = cl->opts.act_as;
	cl->opts.act_as = (int)r;
	enum store_status s = hello(cl);
	if (s != STORE_OK)
		cl->opts.act_as = old;
	return s;
}

/* The language our messages are in, for the service's messages to match. */
static void our_language(char *out, size_t outsz)
{
	const char *l = getenv("LANGUAGE");
	if (!l || !*l)
		l = setlocale(LC_MESSAGES, NULL);
	if (!l || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0 || strncmp(l, "C.", 2) == 0)
		l = "en";
	snprintf(out, outsz, "%s", l);
}

/* What the in-process service cannot tell a caller (a failed daily purge): a failure of
 * that work must not keep the desk from working, but it is not hidden either. */
static void log_stderr(const char *msg)
{
	char buf[1024];
	(void)text_escape(msg, buf, sizeof buf);
	fprintf(stderr, "%s: %s\n", PACKAGE, buf);
}

struct client *client_open(const struct client_opts *o, char *err, size_t errsz)
{
	struct client *cl = calloc(1, sizeof *cl);
	if (!cl) {
		snprintf(err, errsz, "%s", strerror(ENOMEM));
		return NULL;
	}
	cl->fd = -1;
	cl->opts = *o;
	cl->opts.db_path = cl->opts.socket_path = NULL; /* kept in where */
	const char *tty = o->terminal ? o->terminal : ttyname(STDIN_FILENO);
	snprintf(cl->terminal, sizeof cl->terminal, "%s", tty ? tty : "cli");
	if (o->lang)
		snprintf(cl->lang, sizeof cl->lang, "%s", o->lang);
	else
		our_language(cl->lang, sizeof cl->lang);
	enum store_status r;
	if (o->db_path) {
		cl->direct = true;
		snprintf(cl->where, sizeof cl->where, "%s", o->db_path);
		cl->st = store_open(o->db_path, o->create ? STORE_CREATE : 0, err, errsz);
		if (!cl->st) {
			free(cl);
			return NULL;
		}
		cl->svc = service_new(cl->st, o->config);
		if (!cl->svc) {
			snprintf(err, errsz, "%s", strerror(ENOMEM));
			client_close(cl);
			return NULL;
		}
		service_session_init(cl->svc, &cl->sess, getuid(), getgid(), getpid(), true);
		/* Only the daily work has no caller to tell; a refusal is the caller's error. */
		if (o->housekeeping) {
			service_set_log(cl->svc, log_stderr);
			service_tick(cl->svc, clock_now());
			service_set_log(cl->svc, NULL);
		}
		r = hello(cl);
	} else {
		const char *path = o->socket_path ? o->socket_path : CLIENT_DEFAULT_SOCKET;
		snprintf(cl->where, sizeof cl->where, "%s", path);
		if (strlen(path) >= sizeof cl->addr.sun_path) {
			snprintf(err, errsz, _("%s: the socket path is too long"), path);
			client_close(cl);
			return NULL;
		}
		cl->addr.sun_family = AF_UNIX;
		memcpy(cl->addr.sun_path, path, strlen(path) + 1);
		r = connect_service(cl);
	}
	if (r != STORE_OK) {
		snprintf(err, errsz, "%s", cl->err);
		client_close(cl);
		return NULL;
	}
	return cl;
}

void client_close(struct client *cl)
{
	if (!cl)
		return;
	if (cl->svc) {
		service_session_end(cl->svc, &cl->sess);
		service_free(cl->svc);
	}
	store_close(cl->st);
	disconnect(cl);
	free(cl->in);
	wire_out_free(&cl->req);
	wire_out_free(&cl->answer);
	free(cl);
}

enum store_status client_schema(struct client *cl, int *version, char *path, size_t pathsz)
{
	(void)client_request(cl, OP_SCHEMA);
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	int64_t v = 0;
	const char *p = "";
	if (wire_get_int(&a, 0, F_SCHEMA, &v) != 0 || v < 0 || v > INT32_MAX ||
	    wire_get_text(&a, 0, F_PATH, pathsz - 1, &p) < 0)
		r = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	*version = (int)v;
	snprintf(path, pathsz, "%s", p);
	wire_in_free(&a);
	return r;
}

int client_watch_fd(const struct client *cl)
{
	return cl->direct ? store_watch_fd(cl->st) : cl->fd;
}

/* The svc_change bits of the store's change-counter domains that moved since the last
 * reading (every bit when they cannot be read). */
static unsigned counted_changes(struct client *cl)
{
	static const unsigned bits[STORE_CHANGE_COUNT] = {
		[STORE_CHANGE_ALARMS] = CHANGE_ALARMS, [STORE_CHANGE_BANS] = CHANGE_BANS,
		[STORE_CHANGE_NOTICES] = CHANGE_BANS, [STORE_CHANGE_APPOINTMENTS] = CHANGE_APPTS,
		[STORE_CHANGE_STAFF] = CHANGE_STAFF, [STORE_CHANGE_VISITS] = CHANGE_VISITS,
		[STORE_CHANGE_INCIDENTS] = CHANGE_INCIDENTS,
	};
	uint64_t now[STORE_CHANGE_COUNT];
	if (store_change_counters(cl->st, now, STORE_CHANGE_COUNT) != STORE_OK) {
		cl->counted = false;
		return CHANGE_ALL;
	}
	unsigned m = cl->counted ? store_change_mask(cl->counters, now, STORE_CHANGE_COUNT)
				 : ~0u;
	memcpy(cl->counters, now, sizeof now);
	cl->counted = true;
	unsigned c = 0;
	for (int d = 0; d < STORE_CHANGE_COUNT; d++)
		if (m & (1u << d))
			c |= bits[d];
	return c;
}

bool client_connected(const struct client *cl)
{
	return cl->direct || cl->fd >= 0;
}

unsigned client_changes(struct client *cl)
{
	if (cl->direct) {
		store_watch_drain(cl->st);
		/* what changed, from the counters the store's triggers keep */
		if (store_changed(cl->st))
			cl->changes |= counted_changes(cl);
		cl->changes |= service_take_changes(cl->svc);
	} else if (cl->fd < 0) {
		/* A console left without its service keeps trying, once a second; when the
		 * service is back everything is read again. */
		long long now = now_ms();
		if (now >= cl->retry_ms) {
			cl->retry_ms = now + 1000;
			if (connect_service(cl) == STORE_OK)
				cl->changes |= CHANGE_ALL;
		}
	} else {
		/* A reply nobody asked for is as wrong as a broken frame. */
		if (read_some(cl) != 0 || absorb_notices(cl, NULL) != 0) {
			/* Gone: the next call reconnects; meanwhile everything may have
			 * changed. */
			disconnect(cl);
			cl->changes |= CHANGE_ALL;
		}
	}
	unsigned c = cl->changes;
	cl->changes = 0;
	return c;
}
