/* server — balied's socket: accept sessions, learn each caller from the kernel
 * (SO_PEERCRED), read framed requests, answer them through the service one at a time and
 * push change notices to every watching console. One thread, one poll loop; a client that
 * stalls, floods or disappears costs only its own session, never a database lock (the
 * service reads a request whole before it touches the store). */
#ifndef BALIE_DAEMON_SERVER_H
#define BALIE_DAEMON_SERVER_H

#include <signal.h>

#include "service/lib.h"

#define SERVER_MAX_SESSIONS 256
#define SERVER_MAX_PER_UID 32
#define SERVER_MAX_PENDING (64u << 20) /* unsent replies/notices per session */

struct server;

/* Listen on path (a Unix socket made mode 0666: who may connect is decided by the
 * directory's mode and by the roles), or on the socket systemd passes (LISTEN_FDS).
 * NULL with a message in err. */
struct server *server_new(struct service *svc, struct store *st, const char *path, char *err,
			  size_t errsz);

/* Serve until *stop is set (by a signal handler); 0, or -1 with a message in err. */
int server_run(struct server *srv, volatile sig_atomic_t *stop, char *err, size_t errsz);

/* Close every session and the socket (removing the socket file balied made). */
void server_free(struct server *srv);

#endif
