/* client/staff — the support team and counter staff through the service (see
 * store/staff.h for the records and what each call promises). */
#ifndef BALIE_CLIENT_STAFF_H
#define BALIE_CLIENT_STAFF_H

#include "client/client.h"
#include "store/lib.h"

enum store_status client_staff_add(struct client *cl, const char *name, enum staff_team team,
				   const char *phone);
enum store_status client_staff_in(struct client *cl, const char *name);
enum store_status client_staff_out(struct client *cl, const char *name);
enum store_status client_staff_out_at(struct client *cl, const char *name, time_t at,
				      const char *note);
enum store_status client_staff_roster(struct client *cl, const char *name, const char *date,
				      bool on);
/* Free *out with free(). */
enum store_status client_staff_list(struct client *cl, const char *date,
				    struct staff_member **out, size_t *n);
enum store_status client_staff_unreachable(struct client *cl, const char *building,
					   const char *date, const char *period, const char *note,
					   int64_t *id_out);
enum store_status client_staff_unreachable_withdraw(struct client *cl, int64_t id);
/* Free *out with free(). */
enum store_status client_staff_unreachable_list(struct client *cl, const char *building,
						const char *from, const char *to,
						struct staff_unreachable **out, size_t *n);

#endif
