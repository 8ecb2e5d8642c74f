/* proto — the service's operations, the change bits of its notices and the field tags of
 * its messages. Shared by the service (src/service) and the client (src/client).
 *
 * Conventions: record 0 of a request or reply holds scalar fields tagged with enum
 * proto_field; a reply listing things puts one item per record from record 1 on, each
 * encoded with the item's wire_desc table (its own tags). An error reply has a status
 * other than STORE_OK and the message in F_MESSAGE. */
#ifndef BALIE_SERVICE_PROTO_H
#define BALIE_SERVICE_PROTO_H

#include "service/wire.h"

/* Operations. Numbers are part of the protocol: never reuse one; ranges per domain keep
 * parallel work apart. */
enum svc_op {
	/* session 1-9 */
	OP_HELLO = 1,          /* F_TERMINAL, F_LANG, F_ROLE (optional: act as a lesser role),
				* F_WATCH -> F_USER, F_ROLE, F_DIRECT, F_SCHEMA */
	OP_SCHEMA = 2,         /* -> F_SCHEMA, F_PATH (direct mode only) */
	/* alarms 10-29 */
	OP_ALARM_RAISE = 10,   /* F_LOCATION, F_KIND -> F_ID */
	OP_ALARM_ACK = 11,     /* F_ID */
	OP_ALARM_CLOSE = 12,   /* F_ID, F_OUTCOME */
	OP_ALARM_RESOLVE_ALL = 13, /* -> F_COUNT */
	OP_ALARM_LIST = 14,    /* F_OPEN_ONLY, F_LIMIT -> items: struct alarm */
	/* bans 30-79, visitor check 80-89, appointments 90-109, staff 110-129,
	 * home visits 130-149, administration 150-179, incidents 180-219 */
	OP_MAX = 1000
};

/* What changed: the bits of a notice frame's code. */
enum svc_change {
	CHANGE_ALARMS = 1u << 0,
	CHANGE_BANS = 1u << 1,
	CHANGE_APPTS = 1u << 2,
	CHANGE_STAFF = 1u << 3,
	CHANGE_VISITS = 1u << 4,
	CHANGE_INCIDENTS = 1u << 5,
	CHANGE_ALL = 0xffffu
};

/* Scalar fields of record 0. */
enum proto_field {
	F_MESSAGE = 1,         /* text: the error message of a failed request */
	F_ID = 2,
	F_COUNT = 3,
	F_USER = 4,
	F_ROLE = 5,            /* enum role */
	F_DIRECT = 6,          /* bool */
	F_SCHEMA = 7,          /* schema version */
	F_TERMINAL = 8,
	F_LANG = 9,
	F_WATCH = 10,          /* bool */
	F_PATH = 11,
	F_LOCATION = 12,
	F_KIND = 13,
	F_OUTCOME = 14,
	F_OPEN_ONLY = 15,
	F_LIMIT = 16,
	F_OFFSET = 17,
	F_DATE = 18,
	F_FROM = 19,
	F_TO = 20,
	F_TEXT = 21,
	F_VERSION = 22,
	F_FILTER = 23,
	F_DONE = 24,
	F_FIELD_FIRST_FREE = 100 /* domain files number their own fields from here */
};

#endif
