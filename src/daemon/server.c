/* server — balied's poll loop over the listening socket and the sessions (see server.h). */
#define _GNU_SOURCE /* close_range, accept4, struct ucred */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "core/lib.h"
#include "daemon/log.h"
#include "daemon/server.h"
#include "i18n.h"
#include "service/lib.h"
#include "store/lib.h"

struct session {
	int fd;
	struct svc_session svc;
	unsigned char *in;          /* a frame being read */
	size_t inlen, incap;
	unsigned char *out;         /* replies and notices not yet sent */
	size_t outlen, outcap, outpos;
	long long working_at;       /* waiting for a job: when to say it is still at work */
};

/* How often a session waiting for a job hears that it goes on (CHANGE_NONE_WORKING):
 * well within the client's patience (CLIENT_TIMEOUT_MS). */
#define SERVER_WORKING_MS 5000

static long long mono_ms(void)
{
	struct timespec ts;
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct server {
	struct service *svc;
	struct store *st;
	int listen_fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	bool own_socket;            /* we made the socket file (not systemd) */
	struct session *sessions[SERVER_MAX_SESSIONS];
	size_t nsessions;
	struct wire_out reply;
};

/* systemd socket activation: the socket arrives as fd 3 (LISTEN_FDS=1, LISTEN_PID=us). */
static int inherited_socket(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	if (!pid || !fds || strtol(pid, NULL, 10) != (long)getpid() || strcmp(fds, "1") != 0)
		return -1;
	(void)unsetenv("LISTEN_PID");
	(void)unsetenv("LISTEN_FDS");
	(void)unsetenv("LISTEN_FDNAMES");
	int fd = 3;
	struct stat sb;
	int type = 0;
	socklen_t len = sizeof type;
	if (fstat(fd, &sb) != 0 || !S_ISSOCK(sb.st_mode) ||
	    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM)
		return -1;
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0)
		return -1;
	return fd;
}

/* Bind our own socket. A stale socket file is replaced only when nothing answers on it,
 * so a second balied cannot steal a running one's address. */
static int bind_socket(struct server *srv, const char *path, char *err, size_t errsz)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof addr.sun_path) {
		snprintf(err, errsz, _("%s: the socket path is too long"), path);
		return -1;
	}
	memcpy(addr.sun_path, path, strlen(path) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		snprintf(err, errsz, "socket: %s", strerror(errno));
		return -1;
	}
	struct stat sb;
	if (lstat(path, &sb) == 0) {
		if (!S_ISSOCK(sb.st_mode)) {
			snprintf(err, errsz, _("%s: exists and is not a socket; refusing to "
					       "replace it"), path);
			(void)close(fd);
			return -1;
		}
		int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe >= 0 && connect(probe, (struct sockaddr *)&addr, sizeof addr) == 0) {
			(void)close(probe);
			(void)close(fd);
			snprintf(err, errsz, _("%s: another balied is already listening here"), path);
			return -1;
		}
		if (probe >= 0)
			(void)close(probe);
		if (unlink(path) != 0) {
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
			(void)close(fd);
			return -1;
		}
	}
	/* Who may connect is the directory's business (and then the roles'): every local
	 * account may at least raise an alarm. */
	mode_t old = umask(0);
	int rc = bind(fd, (struct sockaddr *)&addr, sizeof addr);
	int saved = errno;
	umask(old);
	if (rc != 0 || listen(fd, 64) != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(rc != 0 ? saved : errno));
		(void)close(fd);
		return -1;
	}
	if (chmod(path, 0666) != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		(void)close(fd);
		(void)unlink(path);
		return -1;
	}
	srv->own_socket = true;
	snprintf(srv->path, sizeof srv->path, "%s", path);
	return fd;
}

struct server *server_new(struct service *svc, struct store *st, const char *path, char *err,
			  size_t errsz)
{
	struct server *srv = calloc(1, sizeof *srv);
	if (!srv) {
		snprintf(err, errsz, "%s", strerror(ENOMEM));
		return NULL;
	}
	srv->svc = svc;
	srv->st = st;
	srv->listen_fd = inherited_socket();
	if (srv->listen_fd < 0)
		srv->listen_fd = bind_socket(srv, path, err, errsz);
	if (srv->listen_fd < 0) {
		free(srv);
		return NULL;
	}
	return srv;
}

static void session_free(struct server *srv, size_t i)
{
	struct session *s = srv->sessions[i];
	service_session_end(srv->svc, &s->svc);
	(void)close(s->fd);
	free(s->in);
	free(s->out);
	free(s);
	srv->sessions[i] = srv->sessions[--srv->nsessions];
	srv->sessions[srv->nsessions] = NULL;
}

void server_free(struct server *srv)
{
	if (!srv)
		return;
	while (srv->nsessions > 0)
		session_free(srv, srv->nsessions - 1);
	if (srv->listen_fd >= 0)
		(void)close(srv->listen_fd);
	if (srv->own_socket)
		(void)unlink(srv->path);
	wire_out_free(&srv->reply);
	free(srv);
}

static void accept_sessions(struct server *srv)
{
	for (;;) {
		int fd = accept4(srv->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
			    errno != ECONNABORTED)
				log_msg("accept: %s", strerror(errno));
			return;
		}
		struct ucred cred;
		socklen_t len = sizeof cred;
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
		    len != sizeof cred) {
			log_msg("SO_PEERCRED: %s", strerror(errno));
			(void)close(fd);
			continue;
		}
		/* One account cannot take every place: the desk's consoles and the alarm
		 * hardware must always get in. */
		size_t mine = 0;
		for (size_t i = 0; i < srv->nsessions; i++)
			mine += srv->sessions[i]->svc.uid == cred.uid;
		struct session *s = srv->nsessions < SERVER_MAX_SESSIONS &&
					    mine < SERVER_MAX_PER_UID
					    ? calloc(1, sizeof *s) : NULL;
		if (!s) {
			log_msg(_("refused a session of uid %lu: too many sessions"),
				(unsigned long)cred.uid);
			(void)close(fd);
			continue;
		}
		s->fd = fd;
		service_session_init(srv->svc, &s->svc, cred.uid, cred.gid, cred.pid, false);
		srv->sessions[srv->nsessions++] = s;
	}
}

/* Queue bytes for a session; -1 when it would hold more than SERVER_MAX_PENDING (a
 * client that does not read is dropped rather than allowed to grow the service). */
static int queue(struct session *s, const unsigned char *p, size_t n)
{
	if (s->outpos > 0 && s->outpos == s->outlen)
		s->outpos = s->outlen = 0;
	if (s->outlen - s->outpos + n > SERVER_MAX_PENDING)
		return -1;
	if (s->outlen + n > s->outcap) {
		if (s->outpos > 0) {
			memmove(s->out, s->out + s->outpos, s->outlen - s->outpos);
			s->outlen -= s->outpos;
			s->outpos = 0;
		}
		if (!grow_array(&s->out, &s->outcap, s->outlen + n, 1, 4096))
			return -1;
	}
	memcpy(s->out + s->outlen, p, n);
	s->outlen += n;
	return 0;
}

/* Send what is queued without blocking; -1 when the session is gone. */
static int flush_out(struct session *s)
{
	while (s->outpos < s->outlen) {
		ssize_t w = send(s->fd, s->out + s->outpos, s->outlen - s->outpos,
				 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w > 0) {
			s->outpos += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		return -1;
	}
	return 0;
}

/* A notice frame with these change bits into n; -1 on out-of-memory. */
static int notice_frame(struct wire_out *n, unsigned changes)
{
	wire_out_begin(n, WIRE_NOTICE, (uint16_t)changes);
	return wire_out_end(n);
}

/* Tell the sessions that wait for a job, every SERVER_WORKING_MS, that it goes on. */
static void tell_working(struct server *srv)
{
	long long now = mono_ms();
	struct wire_out n = {0};
	int built = 1; /* 1: not yet, 0: built, -1: failed */
	for (size_t i = 0; i < srv->nsessions; i++) {
		struct session *s = srv->sessions[i];
		if (!s->svc.job || now < s->working_at)
			continue;
		s->working_at = now + SERVER_WORKING_MS;
		if (built == 1)
			built = notice_frame(&n, CHANGE_NONE_WORKING);
		if (built != 0 || queue(s, n.buf, n.len) != 0 || flush_out(s) != 0)
			(void)shutdown(s->fd, SHUT_RDWR); /* reaped by the loop */
	}
	wire_out_free(&n);
}

static void push_notices(struct server *srv, unsigned changes)
{
	if (!changes)
		return;
	struct wire_out n = {0};
	if (notice_frame(&n, changes) != 0) {
		wire_out_free(&n);
		return;
	}
	for (size_t i = 0; i < srv->nsessions; i++) {
		struct session *s = srv->sessions[i];
		if (s->svc.watch && (queue(s, n.buf, n.len) != 0 || flush_out(s) != 0))
			(void)shutdown(s->fd, SHUT_RDWR); /* reaped by the loop */
	}
	wire_out_free(&n);
}

/* Read from a session and answer its whole requests, a bounded number per round so that
 * one busy client cannot starve the others; -1 when it must be closed. */
static int serve_session(struct server *srv, struct session *s)
{
	for (int answered = 0; answered < 32;) {
		size_t want;
		if (s->inlen < WIRE_HEADER) {
			want = WIRE_HEADER - s->inlen;
		} else {
			long body = wire_frame_length(s->in);
			if (body < 0)
				return -1; /* an oversized or malformed frame: no second chance */
			want = WIRE_HEADER + (size_t)body - s->inlen;
		}
		if (want > 0 && s->inlen + want > s->incap) {
			/* Exactly the frame (known from its header): doubling could hold 16 MiB
			 * for one 8 MiB frame per session. */
			size_t cap = s->inlen + want;
			if (cap < 4096)
				cap = 4096;
			unsigned char *b = realloc(s->in, cap);
			if (!b)
				return -1;
			s->in = b;
			s->incap = cap;
		}
		if (want > 0) {
			ssize_t r = recv(s->fd, s->in + s->inlen, want, MSG_DONTWAIT);
			if (r == 0)
				return -1;
			if (r < 0)
				return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
			s->inlen += (size_t)r;
			if ((size_t)r < want)
				continue;
			if (s->inlen == WIRE_HEADER)
				continue; /* the header is in: now the body */
		}
		/* A whole request: answer it in the caller's language. */
		i18n_use_language(s->svc.lang[0] ? s->svc.lang : "en");
		bool now = service_handle(srv->svc, &s->svc, s->in + WIRE_HEADER,
					  s->inlen - WIRE_HEADER, &srv->reply);
		s->inlen = 0;
		answered++;
		if (!now) {
			/* The worker has it: nothing more is read until it is done. */
			s->working_at = mono_ms() + SERVER_WORKING_MS;
			return 0;
		}
		/* Our own writes show in data_version too: take them now, so that only
		 * writes by others count as unexplained changes in the loop. */
		if (service_store(srv->svc))
			(void)store_changed(service_store(srv->svc));
		if (srv->reply.failed || queue(s, srv->reply.buf, srv->reply.len) != 0)
			return -1;
		if (flush_out(s) != 0)
			return -1;
		push_notices(srv, service_take_changes(srv->svc));
		/* Shrink a buffer an import frame made large. */
		if (s->incap > (1u << 20)) {
			free(s->in);
			s->in = NULL;
			s->incap = 0;
		}
	}
	return 0;
}

/* A job is done: its reply to the session that waits for it, if it is still there. */
static void job_done(struct server *srv)
{
	bool done = false;
	struct svc_session *owner = service_job_done(srv->svc, &srv->reply, &done);
	if (!done)
		return;
	for (size_t i = 0; owner && i < srv->nsessions; i++) {
		struct session *s = srv->sessions[i];
		if (&s->svc != owner)
			continue;
		if (srv->reply.failed || queue(s, srv->reply.buf, srv->reply.len) != 0 ||
		    flush_out(s) != 0)
			(void)shutdown(s->fd, SHUT_RDWR); /* reaped by the loop */
		break;
	}
	if (service_store(srv->svc))
		(void)store_changed(service_store(srv->svc));
}

int server_run(struct server *srv, volatile sig_atomic_t *stop, char *err, size_t errsz)
{
	struct pollfd fds[SERVER_MAX_SESSIONS + 2];
	while (!*stop) {
		fds[0] = (struct pollfd){.fd = srv->listen_fd, .events = POLLIN};
		for (size_t i = 0; i < srv->nsessions; i++) {
			struct session *s = srv->sessions[i];
			/* A session waiting for a job is not read (its requests stay in order);
			 * a hang-up still shows. */
			fds[i + 1] = (struct pollfd){
				.fd = s->fd,
				.events = (s->svc.job ? 0 : POLLIN) |
					  (s->outpos < s->outlen ? POLLOUT : 0),
			};
		}
		size_t n = srv->nsessions;
		fds[n + 1] = (struct pollfd){.fd = service_job_fd(srv->svc), .events = POLLIN};
		/* A second at most: the daily work and changes made outside the service
		 * (restore by root, say) are noticed on the clock. */
		int p = poll(fds, n + 2, 1000);
		if (p < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errsz, "poll: %s", strerror(errno));
			return -1;
		}
		/* Sessions first (from the end, as closing moves the last one into place),
		 * then new ones, so fds[] still matches. */
		for (size_t i = n; i-- > 0;) {
			struct session *s = srv->sessions[i];
			short re = fds[i + 1].revents;
			int rc = 0;
			if (s->svc.job && (re & (POLLHUP | POLLERR)))
				rc = -1; /* gone while its job runs: the job finishes alone */
			else if (re & (POLLIN | POLLHUP | POLLERR))
				rc = serve_session(srv, s);
			if (rc == 0 && (re & POLLOUT))
				rc = flush_out(s);
			if (rc != 0 || (re & POLLNVAL))
				session_free(srv, i);
		}
		job_done(srv); /* cheap when none is done; the eventfd only wakes the loop */
		tell_working(srv);
		if (fds[0].revents & POLLIN)
			accept_sessions(srv);
		service_tick(srv->svc, clock_now());
		unsigned changes = service_take_changes(srv->svc);
		if (service_store(srv->svc) && store_changed(service_store(srv->svc)))
			changes |= CHANGE_ALL;
		push_notices(srv, changes);
	}
	return 0;
}
