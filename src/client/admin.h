/* client/admin — accountability through the service (see store/audit.h, store/purge.h and
 * store/backup.h for the records and what each call promises). */
#ifndef BALIE_CLIENT_ADMIN_H
#define BALIE_CLIENT_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "client/client.h"
#include "core/lib.h"
#include "store/lib.h"

/* A console's own line (store_audit's shape): action must be one the service accepts
 * from a client ("visitor.check", "ban.open", "denied"); the actor and terminal are the
 * session's. Any role. */
enum store_status client_audit(struct client *cl, const char *action, const char *object,
			       const char *result, const char *detail);

/* The newest lines, newest first (store_audit_list's shape; limit 0 or above 1000 asks
 * for 1000), with id, time and action only: what changed, never who or whom. Any role.
 * Free *out with free(). */
enum store_status client_audit_list(struct client *cl, size_t limit, struct audit_entry **out,
				    size_t *n);

/* Call fn for every line matching f, oldest first (store_audit_each's shape; hr). The
 * lines come in pages, each of them a look the service records; fn returning non-zero
 * stops. f->after_id is where to start. The strings are valid during the call only. */
enum store_status client_audit_each(struct client *cl, const struct audit_filter *f,
				    int (*fn)(const struct audit_line *l, void *arg), void *arg);

/* store_audit_verify_head through the service (hr; head_id 0: no noted head). */
enum store_status client_audit_verify_head(struct client *cl, int64_t head_id,
					   const char *head_hash, struct audit_verify *v);

/* The retention purge with the service's configuration and date (hr). */
enum store_status client_purge(struct client *cl, bool dry_run, struct purge_report *out);

/* A backup (hr): name in the service's backup directory, or (direct mode only) path; both
 * NULL lets the service pick a name. written gets the name (or path) written. */
enum store_status client_backup(struct client *cl, const char *name, const char *path,
				bool overwrite, char *written, size_t writtensz);

/* The backups in the service's directory, oldest first (hr). Free *out with free(). */
enum store_status client_backup_list(struct client *cl, struct backup_file **out, size_t *n);

/* Restore the backup name (or, direct mode only, the file path) over the live database
 * (hr). kept gets the name under which the replaced database was kept ("" in direct
 * mode, where it is not kept). */
enum store_status client_restore(struct client *cl, const char *name, const char *path,
				 char *kept, size_t keptsz);

/* The person a ban belongs to (hr). */
enum store_status client_person_of_ban(struct client *cl, int64_t ban_id, int64_t *person_id);

/* Everything held about one person, record by record (store_person_export's shape; hr).
 * The export is recorded in the audit trail before it is sent. */
enum store_status client_person_export(struct client *cl, int64_t person_id,
				       int (*fn)(const char *section, int ncols,
						 const char *const *names,
						 const char *const *values, void *arg),
				       void *arg);

#endif
