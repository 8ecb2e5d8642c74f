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
	OP_ALARM_RAISE = 10,   /* F_LOCATION, F_KIND -> F_ID (0 when journaled), F_JOURNAL,
				* F_HEALTH */
	OP_ALARM_ACK = 11,     /* F_ID */
	OP_ALARM_CLOSE = 12,   /* F_ID, F_OUTCOME */
	OP_ALARM_RESOLVE_ALL = 13, /* -> F_COUNT */
	OP_ALARM_LIST = 14,    /* F_OPEN_ONLY, F_LIMIT -> F_HEALTH, items: struct alarm */
	OP_ALARM_CANCELLED = 15, /* F_ID: a false alarm cancelled at the alarm centre -> item:
				  * struct alarm */
	OP_ALARM_GET = 16,     /* F_ID -> item: struct alarm */
	/* bans 30-79 (ops_bans*.c). "today" is always the service's own date. */
	OP_BAN_GET = 30,       /* F_ID -> item: struct ban (discreet for a role without
				* PERM_SEE_REASON, which also sees only current bans) */
	OP_BAN_LIST = 31,      /* F_FILTER, F_OFFSET, F_LIMIT, or F_AFTER (id order) ->
				* items: struct ban, F_DONE */
	OP_BAN_COUNT = 32,     /* F_FILTER -> F_COUNT */
	OP_BAN_EXPORT = 33,    /* F_FILTER (current or all), F_AFTER, F_LIMIT -> items, F_DONE */
	OP_BAN_LETTER = 34,    /* F_ID -> item: struct ban (what a letter needs) */
	OP_BAN_HISTORY = 35,   /* F_ID -> items: struct ban_history */
	OP_BAN_EARLIER = 36,   /* F_GIVEN, F_PREFIX, F_SURNAME, F_BORN, F_EXCLUDE -> F_COUNT */
	OP_BAN_EARLIER_BAN = 37,    /* F_ID -> F_COUNT */
	OP_BAN_EARLIER_PERSON = 38, /* F_ID -> F_COUNT */
	OP_BAN_INSERT = 40,    /* item: struct ban_new -> F_ID */
	OP_BAN_UPDATE = 41,    /* item: struct ban */
	OP_BAN_LIFT = 42,      /* F_ID, F_TEXT (why), F_VERSION (-1: any) */
	OP_BAN_EXTEND = 43,    /* F_ID, F_DATE (new end), F_TEXT (why), F_JUSTIFICATION,
				* F_VERSION */
	OP_BAN_ACTIVATE = 44,  /* F_ID, F_VERSION */
	OP_BAN_IMPORT_BEGIN = 50,  /* starts an import of this session (drops an unfinished
				    * one) */
	OP_BAN_IMPORT_ROWS = 51,   /* items: struct ban_new, checked and kept by the service */
	OP_BAN_IMPORT_COMMIT = 52, /* F_COUNT (rows sent) -> F_COUNT; one transaction */
	OP_BAN_IMPORT_ABORT = 53,
	OP_BAN_TAKEOVERS = 54,     /* F_ALL_TAKEOVERS -> items: struct ban, taken over by an
				    * import (issue 13) */
	OP_BAN_REVIEW = 55,        /* F_ID, F_TEXT (note): a takeover reviewed */
	OP_BAN_EXCEPTION_ADD = 60,  /* F_ID, F_KIND, F_FROM, F_TO, F_TEXT -> F_ID */
	OP_BAN_EXCEPTION_LIST = 61, /* F_ID (0: of every ban) -> items: struct ban_exception */
	OP_BAN_EXCEPTION_ON = 62,   /* F_ID -> item (valid today), or STORE_NOT_FOUND */
	OP_BAN_NOTICE_SWEEP = 70,   /* -> F_COUNT */
	OP_BAN_NOTICE_UNSEEN = 71,  /* F_USER (the session's own), F_FROM (time) -> items */
	OP_BAN_NOTICE_SEEN = 72,    /* F_ID, F_USER (the session's own) */
	/* the visitor check 80-89 */
	OP_CHECK = 80,              /* F_TEXT (the name), F_DATE (born, optional), F_LIMIT ->
				     * items: struct ban_hit (records_ban + records_ban_hit) */
	OP_CHECK_BATCH = 81,        /* items: F_TEXT, F_DATE per visitor (at most CHECK_BATCH_MAX);
				     * F_LIMIT -> items: hits, each with F_INDEX (its visitor) */
	OP_BAN_LIST_BORN = 82,      /* F_DATE (born), F_LIMIT -> items: struct ban */
	/* visitor check 80-89 */
	/* appointments 90-109 */
	OP_APPT_ADD = 90,      /* F_APPT_* of the appointment -> F_ID, F_APPT_HOURS,
				* F_APPT_BAN_* (a visitor found on the ban list, not refused) */
	OP_APPT_FLAG = 91,     /* F_ID, F_APPT_RISKY, F_APPT_PRECAUTIONS, F_VERSION,
				* F_APPT_REASON (optional) -> F_APPT_HOURS */
	OP_APPT_GET = 92,      /* F_ID -> item: struct appt */
	OP_APPT_LIST = 93,     /* F_FROM, F_TO (instants), F_APPT_RISKY_ONLY, F_APPT_CHECK_BANS
				* -> items: struct appt (+ records_appt_mark when checked) */
	/* staff 110-129 */
	OP_STAFF_ADD = 110,    /* F_STAFF_NAME, F_STAFF_TEAM, F_STAFF_PHONE */
	OP_STAFF_IN = 111,     /* F_STAFF_NAME */
	OP_STAFF_OUT = 112,    /* F_STAFF_NAME */
	OP_STAFF_OUT_AT = 113, /* F_STAFF_NAME, F_STAFF_AT, F_STAFF_NOTE */
	OP_STAFF_ROSTER = 114, /* F_STAFF_NAME, F_DATE, F_STAFF_ON */
	OP_STAFF_LIST = 115,   /* F_DATE (optional) -> items: struct staff_member */
	OP_STAFF_UNREACHABLE = 116, /* F_STAFF_BUILDING, F_DATE, F_STAFF_PERIOD, F_STAFF_NOTE
				     * -> F_ID */
	OP_STAFF_UNREACHABLE_WITHDRAW = 117, /* F_ID */
	OP_STAFF_UNREACHABLE_LIST = 118, /* F_STAFF_BUILDING, F_FROM, F_TO (dates)
					  * -> items: struct staff_unreachable */
	/* home visits 130-149 */
	OP_VISIT_OUT = 130,    /* F_VISIT_* of the visit -> F_ID, F_VISIT_BAN_* (the client
				* found on the ban list) */
	OP_VISIT_BACK = 131,   /* F_ID, F_VISIT_OUTCOME */
	OP_VISIT_LIST = 132,   /* F_VISIT_ALL -> items: struct visit */
	/* administration 150-179 (hr, but OP_AUDIT_NOTE and OP_AUDIT_RECENT) */
	OP_AUDIT_LIST = 150,   /* F_SINCE, F_ACTOR, F_ACTION, F_OBJECT, F_AFTER_ID -> items:
				* struct audit_line (a page, oldest first), F_DONE, F_LAST_ID */
	OP_AUDIT_VERIFY = 151, /* F_HEAD_ID, F_HEAD_HASH (a head noted earlier) -> item:
				* struct audit_verify */
	OP_AUDIT_NOTE = 152,   /* F_ACTION (one of a fixed list), F_OBJECT, F_RESULT, F_DETAIL:
				* a console's own line (a visitor check, a record viewed, a
				* denial) */
	OP_AUDIT_RECENT = 153, /* F_LIMIT -> items: struct audit_entry, newest first, with id,
				* time and action only (what changed, never who or whom) */
	OP_PURGE = 154,        /* F_DRY_RUN -> item: struct purge_report */
	OP_BACKUP = 155,       /* F_NAME (a name in the service's backup directory; absent: the
				* service picks one) or F_PATH (direct mode only), F_FORCE ->
				* F_NAME (or F_PATH) written */
	OP_BACKUP_LIST = 156,  /* -> items: struct backup_file */
	OP_RESTORE = 157,      /* F_NAME or F_PATH (direct mode only) -> F_KEPT: where the
				* replaced database is kept (shared mode) */
	OP_PERSON_OF_BAN = 158, /* F_BAN_ID -> F_ID */
	OP_PERSON_EXPORT = 159, /* F_ID -> items: one per record: tag 1 section, tag 2 the
				 * number of columns, then name and value for each column
				 * (tags 3, 4, 5, 6 ...) */
	/* incidents 180-219 */
	OP_INCIDENT_ADD = 180,     /* item: struct incident -> F_ID */
	OP_INCIDENT_GET = 181,     /* F_ID -> item: struct incident */
	OP_INCIDENT_UPDATE = 182,  /* item: struct incident (id, version) */
	OP_INCIDENT_COMPLETE = 183, /* F_ID, F_VERSION (-1: any) */
	OP_INCIDENT_LIST = 184,    /* F_FROM, F_TO (instants, 0 = open) -> items: struct incident */
	OP_INCIDENT_TALLY = 185,   /* F_INC_AT, F_INC_CATEGORY, F_INC_CHANNEL, F_INC_PLACE -> F_ID */
	OP_INCIDENT_FOLLOWUPS = 186, /* F_ID -> items: struct incident_followup */
	OP_INCIDENT_DONE = 187,    /* F_ID, F_INC_KEY, F_INC_AT, F_INC_NOTE */
	OP_INCIDENT_DUE = 188,     /* F_INC_ALL -> items: struct incident_due_row */
	OP_INCIDENT_EARLIER = 189, /* F_ID -> item: struct incidents_earlier */
	OP_INCIDENT_REPORT = 190,  /* F_FROM, F_TO (instants) -> items: struct incidents_record
				    * or struct incidents_tally (no names) */
	OP_MAX = 1000
};

/* What changed: the bits of a notice frame's code. A notice without bits
 * (CHANGE_NONE_WORKING) goes only to a session whose request is still being worked on (a
 * job, service/jobs.h), every few seconds: its client keeps waiting for the reply. */
enum svc_change {
	CHANGE_NONE_WORKING = 0,
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
	F_JOURNAL = 25,        /* text: alarm.raise went to the alarm journal, this record id */
	F_HEALTH = 26,         /* text: why the database takes no writes (damaged, read-only,
				* full), with alarm.raise (journaled) and alarm.list replies */
	F_FIELD_FIRST_FREE = 100, /* domain files number their own fields from here */
	/* the visitor check (ops 80-89): 800-809 */
	F_INDEX = 800,
	F_BEST = 801,
	/* bans: 300-399 */
	F_GIVEN = 300,
	F_PREFIX = 301,
	F_SURNAME = 302,
	F_BORN = 303,
	F_EXCLUDE = 304,       /* a ban id left out (0: none) */
	F_AFTER = 305,         /* id order: the items after this id */
	F_JUSTIFICATION = 306,
	F_ALL_TAKEOVERS = 307, /* bool: every takeover, also the reviewed ones */

	/* appointments: 900-929 (ten times the first op of the domain) */
	F_APPT_STARTS = 900,   /* instant */
	F_APPT_ENDS = 901,     /* instant */
	F_APPT_HOST = 902,
	F_APPT_VISITOR = 903,
	F_APPT_BORN = 904,     /* date or "" */
	F_APPT_ROOM = 905,
	F_APPT_RISKY = 906,    /* bool */
	F_APPT_PRECAUTIONS = 907, /* enum precaution bits */
	F_APPT_REASON = 908,   /* a manager's reason for a risky appointment outside public hours */
	F_APPT_HOURS = 909,    /* reply: enum appts_hours, the verdict on the public-hours rule */
	F_APPT_RISKY_ONLY = 910, /* bool */
	F_APPT_CHECK_BANS = 911, /* bool: mark visitors found on the ban list */
	F_APPT_NOTE = 912,     /* what the employee tells reception to expect */
	F_APPT_BAN_VERDICT = 913, /* reply: enum names_verdict of the visitor's best hit */
	F_APPT_BAN_ID = 914,   /* reply: that ban */
	F_APPT_BAN_EXCEPTION = 915, /* reply: bool, an exception holds on the day */

	/* staff: 1100-1129 */
	F_STAFF_NAME = 1100,
	F_STAFF_TEAM = 1101,   /* enum staff_team */
	F_STAFF_PHONE = 1102,
	F_STAFF_AT = 1103,     /* instant */
	F_STAFF_NOTE = 1104,
	F_STAFF_ON = 1105,     /* bool */
	F_STAFF_BUILDING = 1106,
	F_STAFF_PERIOD = 1107, /* "day", "evening" or "HH:MM" */

	/* home visits: 1300-1329 */
	F_VISIT_EMPLOYEE = 1300,
	F_VISIT_ADDRESS = 1301,
	F_VISIT_CLIENT = 1302,
	F_VISIT_MOBILE = 1303,
	F_VISIT_BACK = 1304,   /* instant */
	F_VISIT_CALL_AT = 1305, /* instant, 0 = no call asked */
	F_VISIT_OUTCOME = 1306,
	F_VISIT_ALL = 1307,    /* bool */
	F_VISIT_RISK = 1308,   /* enum visit_risk, assessed beforehand */
	F_VISIT_COMPANION = 1309, /* the colleague who goes along */
	F_VISIT_BAN_VERDICT = 1310, /* reply: enum names_verdict of the client's best hit */
	F_VISIT_BAN_ID = 1311, /* reply: that ban */

	/* administration: 1500-1529 */
	F_SINCE = 1500,        /* a UTC instant "YYYY-MM-DDTHH:MM:SSZ" */
	F_ACTOR = 1501,
	F_ACTION = 1502,
	F_OBJECT = 1503,
	F_RESULT = 1504,
	F_DETAIL = 1505,
	F_AFTER_ID = 1506,     /* lines with a greater id (paging) */
	F_LAST_ID = 1507,      /* the last id in this page */
	F_HEAD_ID = 1508,
	F_HEAD_HASH = 1509,
	F_NAME = 1510,         /* a backup's name: no slash, no leading dot, no ".." */
	F_FORCE = 1511,
	F_DRY_RUN = 1512,
	F_KEPT = 1513,
	F_BAN_ID = 1514,

	/* incidents: 1800-1829 */
	F_INC_KEY = 1800,      /* a follow-up step: "aftercare1", "police", ... */
	F_INC_AT = 1801,       /* instant */
	F_INC_NOTE = 1802,
	F_INC_CATEGORY = 1803, /* enum incident_category */
	F_INC_CHANNEL = 1804,  /* enum incident_channel */
	F_INC_PLACE = 1805,
	F_INC_ALL = 1806       /* bool */
};

#endif
