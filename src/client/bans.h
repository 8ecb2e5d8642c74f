/* client/bans — the ban list through the service: one client_ban_* per store_ban_* that
 * balie uses, of the same shape (see store/bans.h for the records and what each call
 * promises; owned results are freed with the store's functions). Differences: "today" is
 * always the service's own date (a today argument is kept for the shape and not sent), a
 * role without PERM_SEE_REASON gets bans with withheld set, and the service decides who
 * may do what. */
#ifndef BALIE_CLIENT_BANS_H
#define BALIE_CLIENT_BANS_H

#include "client/client.h"
#include "store/lib.h"

enum store_status client_ban_get(struct client *cl, int64_t id, struct ban *out);

/* The ban as a letter needs it: everything, for roles that may edit bans. */
enum store_status client_ban_get_for_letter(struct client *cl, int64_t id, struct ban *out);

/* A page (limit > 0), or every ban of the filter (limit 0), in the store's order. */
enum store_status client_ban_list(struct client *cl, enum ban_filter f, const char *today,
				  size_t offset, size_t limit, struct ban_list *out);
enum store_status client_ban_count(struct client *cl, enum ban_filter f, const char *today,
				   size_t *out);

/* Every ban of f (BAN_FILTER_CURRENT or BAN_FILTER_ALL) for an export, in the store's
 * order; read in pages that hold while bans are added meanwhile. */
enum store_status client_ban_export(struct client *cl, enum ban_filter f, struct ban_list *out);

enum store_status client_ban_insert(struct client *cl, const struct ban_new *b, int64_t *id_out);
enum store_status client_ban_update(struct client *cl, const struct ban *b);
enum store_status client_ban_lift(struct client *cl, int64_t id, const char *reason,
				  int expected_version);
enum store_status client_ban_activate(struct client *cl, int64_t id, int expected_version);
enum store_status client_ban_extend(struct client *cl, int64_t id, const char *ends,
				    const char *reason, const char *justification,
				    int expected_version);

enum store_status client_ban_earlier(struct client *cl, const char *given, const char *prefix,
				     const char *surname, const char *born, int64_t exclude_ban,
				     size_t *out);
enum store_status client_ban_earlier_for_person(struct client *cl, int64_t person_id,
						size_t *out);

/* Free *out with store_ban_history_free. */
enum store_status client_ban_history(struct client *cl, int64_t ban_id,
				     struct ban_history **out, size_t *n);

enum store_status client_ban_exception_add(struct client *cl, int64_t ban_id,
					   enum ban_exception_kind kind, const char *starts,
					   const char *ends, const char *detail, int64_t *id_out);
/* Free *out with free(). */
enum store_status client_ban_exception_list(struct client *cl, int64_t ban_id,
					    struct ban_exception **out, size_t *n);
enum store_status client_ban_exception_on(struct client *cl, int64_t ban_id, const char *date,
					  struct ban_exception *out);

/* user must be the session's own login name (client_user); the service refuses another.
 * Free *out with free(). */
enum store_status client_ban_notice_sweep(struct client *cl, const char *today, size_t *added);
enum store_status client_ban_notice_unseen(struct client *cl, const char *user, time_t since,
					   struct ban_notice **out, size_t *n);
enum store_status client_ban_notice_seen(struct client *cl, int64_t notice_id,
					 const char *user);

/* An import in frames: begin, rows (as many calls as wanted; each row is checked by the
 * service as it arrives), then commit with the number of rows sent (one transaction: all
 * or nothing) or abort. A failed call ends the import; nothing is written before commit. */
enum store_status client_ban_import_begin(struct client *cl);
enum store_status client_ban_import_rows(struct client *cl, const struct ban_new *rows,
					 size_t n);
enum store_status client_ban_import_commit(struct client *cl, size_t sent, size_t *imported);
enum store_status client_ban_import_abort(struct client *cl);

/* Issue 13: the bans taken over by an import (store_ban_takeovers), and a takeover
 * reviewed. Free out with store_ban_list_free. */
enum store_status client_ban_takeovers(struct client *cl, bool all, struct ban_list *out);
enum store_status client_ban_review(struct client *cl, int64_t id, const char *note);

#endif
