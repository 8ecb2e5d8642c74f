/* client — how balie (console and commands) reaches the data: over balied's socket in
 * the shared set-up, or by running the same service in-process on a database file the
 * caller may write (direct mode: --db FILE). Either way every call is one request frame
 * and one reply frame, so both modes run the same checks.
 *
 * The client_* data functions (client/alarms.h, ...) have the shape of the store_*
 * functions they stand for and return enum store_status, plus STORE_DENIED (the role may
 * not) and STORE_UNAVAILABLE (the service cannot be reached). client_error() has the
 * message of the last failure, in the client's language. */
#ifndef BALIE_CLIENT_CLIENT_H
#define BALIE_CLIENT_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "core/lib.h"
#include "service/lib.h"
#include "store/lib.h"

struct client;

struct client_opts {
	const char *db_path;     /* direct mode on this file; NULL = shared mode */
	bool create;             /* direct: create the file when missing (init, demo) */
	const char *socket_path; /* shared: the service's socket (NULL: the default) */
	const struct config *config; /* direct: the service's configuration */
	const char *terminal;    /* recorded in the audit trail; NULL = the tty of stdin */
	const char *lang;        /* the language for the service's messages; NULL = ours */
	int act_as;              /* a lesser enum role to act as, or -1 */
	bool watch;              /* receive change notices (a console) */
	bool housekeeping;       /* direct mode: do the service's daily work at open (the
				  * retention purge), as balied does in the shared set-up */
};

/* The socket balied listens on unless configured otherwise. */
#define CLIENT_DEFAULT_SOCKET BALIE_RUNDIR "/balie.sock"

/* Open a session. NULL with a translated message naming the file or socket in err. */
struct client *client_open(const struct client_opts *o, char *err, size_t errsz);
void client_close(struct client *cl);

/* The message of the last failed call (never NULL). */
const char *client_error(const struct client *cl);

/* A warning that came with the last successful reply, e.g. that the database is damaged
 * and takes no writes (F_HEALTH); "" when none. */
const char *client_note(const struct client *cl);

/* Who the service says we are, and as which role we act. */
const char *client_user(const struct client *cl);
enum role client_role(const struct client *cl);
/* The database file (direct mode) or the socket (shared mode), for messages. */
const char *client_where(const struct client *cl);

/* Act as a lesser role from now on (the demo's F9); STORE_DENIED when the service's
 * grant does not cover it. */
enum store_status client_act_as(struct client *cl, enum role r);

/* The schema version of the database and, in direct mode, its path (else ""). */
enum store_status client_schema(struct client *cl, int *version, char *path, size_t pathsz);

/* Whether the session is there: in the shared set-up false while balied cannot be reached
 * (client_changes() keeps trying to reconnect, about once a second). */
bool client_connected(const struct client *cl);

/* A descriptor to poll for readability: it fires when something may have changed (a
 * pushed notice, or in direct mode a write to the database files); -1 when there is none
 * (then poll client_changes() on a timer). */
int client_watch_fd(const struct client *cl);

/* The svc_change bits of what changed since the last call (draining the descriptor);
 * in direct mode also what the service itself changed. */
unsigned client_changes(struct client *cl);

/* ------------------------------------------------------------------ for the client files */

/* Start a request for op; returns the frame to fill with fields. */
struct wire_out *client_request(struct client *cl, enum svc_op op);

/* Send the request and wait for its reply, parsed into *reply (free with wire_in_free
 * when STORE_OK; on failure nothing is to be freed and client_error() tells why). */
enum store_status client_call(struct client *cl, struct wire_in *reply);

/* client_call for requests whose reply holds nothing but the status. */
enum store_status client_call_simple(struct client *cl);

/* client_call for requests whose reply holds one number under tag, from min to max (a
 * count, an id); lacks: the message (translated) when it is absent or out of range. */
enum store_status client_call_int(struct client *cl, uint16_t tag, int64_t min, int64_t max,
				  const char *lacks, int64_t *out);

/* client_call for requests whose reply holds a new record's id (F_ID); *id_out (may be
 * NULL) is set on success. */
enum store_status client_call_id(struct client *cl, int64_t *id_out);

/* client_call for requests whose reply holds a count (F_COUNT) from 0 to max. */
enum store_status client_call_count(struct client *cl, int64_t max, int64_t *count);

/* client_call for requests whose reply is one record (record 1) of descriptor d, decoded
 * into the size bytes at out (zeroed first). On failure out is cleared with clear (may be
 * NULL for structs without owned strings). */
enum store_status client_call_one(struct client *cl, const struct wire_desc *d, size_t nd,
				  void *out, size_t size, void (*clear)(void *item));

/* Decode record rec of reply into the struct at p, as wire_get_struct does. STORE_OK, or
 * STORE_UNAVAILABLE with the call failed naming the field that does not decode; owned
 * strings already set are left for the struct's own clear function. */
enum store_status client_get_struct(struct client *cl, const struct wire_in *reply,
				    uint32_t rec, const struct wire_desc *d, size_t nd, void *p);

/* Record a client-side failure (a reply that does not decode) as the last error. */
enum store_status client_fail(struct client *cl, enum store_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Decode every record from 1 on of reply into a malloc'd array of elem-sized structs
 * (zeroed first, then wire_get_struct), returned for the caller's typed pointer with its
 * length in *n: NULL and 0 when there are none. On failure frees what it made with clear
 * (may be NULL for structs without owned strings), fails the call and returns NULL. *r:
 * the status. */
void *client_get_list(struct client *cl, const struct wire_in *reply, const struct wire_desc *d,
		      size_t nd, size_t elem, void (*clear)(void *item), size_t *n,
		      enum store_status *r);

/* client_call and client_get_list in one, for requests whose reply is such a list. */
void *client_call_list(struct client *cl, const struct wire_desc *d, size_t nd, size_t elem,
		       void (*clear)(void *item), size_t *n, enum store_status *r);

#endif
