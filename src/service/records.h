/* records — how the store's records travel between the service and the client: one
 * wire_desc table per struct (tags are per table). Both sides use the same tables, so a
 * field added to a struct is added here once. */
#ifndef BALIE_SERVICE_RECORDS_H
#define BALIE_SERVICE_RECORDS_H

#include <stddef.h>

#include "service/wire.h"

/* struct alarm (store/alarms.h) */
extern const struct wire_desc records_alarm[];
extern const size_t records_alarm_n;

#endif
