/* bans — persons and their bans and warnings (kind, reason, scope, period, lifting), their
 * life cycle (draft, active, extended, lifted) with a history row per change, exceptions
 * during a ban, the one-line notices for reception, and the visitor check. */
#ifndef BALIE_STORE_BANS_H
#define BALIE_STORE_BANS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <time.h>

#include "core/lib.h"
#include "store/db.h"

/* Stored life-cycle status; "ended" and "lifted" follow from the dates (policy_ban_state). */
enum ban_status {
	BAN_STATUS_DRAFT,   /* not all mandatory answers given: on no receptionist's list */
	BAN_STATUS_ACTIVE   /* decided: in force from starts to ends unless lifted */
};

/* A ban with its person. All strings are owned by the struct (free with store_ban_clear),
 * never NULL ("" when empty). Dates "YYYY-MM-DD"; instants stored UTC text. */
struct ban {
	int64_t id;
	int64_t person_id;
	char *given_names, *prefix, *surname;
	char *partner_prefix, *partner_surname;
	char *born;              /* "" when unknown */
	enum ban_kind kind;
	enum ban_reason reason;
	char *scope;             /* comma-separated building ids; "" = all buildings */
	char *starts, *ends;
	char *imposed_by;
	char *letter_sent;       /* date the letter was sent, "" when not yet */
	bool police_informed;
	char *notes;             /* reason details: only for roles that may see them */
	char *lifted_at, *lifted_by, *lifted_reason; /* "" when not lifted */
	char *created_at, *created_by;
	int version;             /* bumped on every change: optimistic concurrency */
	/* Issue 5: the policy's life cycle and sanction table. */
	enum ban_status status;
	bool until_conversation; /* service stop until an order conversation took place */
	bool repeat_offence;     /* the sanction table's "repeat" row was used */
	char *enforcement;       /* extra enforcement measures besides informing reception */
	char *justification;     /* why kind or duration is outside the sanction table */
	char *reasons;           /* every category of a combination ("threat,physical"); "" */
	/* Not stored: set by the service when the role asking may not see the reason, so
	 * reason (then REASON_OTHER), reasons, notes, justification, lifted_reason, address
	 * and event_date were blanked and repeat_offence and incident_id cleared. The store
	 * always leaves it false. */
	bool withheld;
	/* Issue 13. */
	char *address;           /* the person's address, for the letter; "" */
	char *event_date;        /* the date of what happened, for the letter; "" */
	int64_t incident_id;     /* the incident it answers to, 0 when none */
	char *takeover_source;   /* taken over from another register (ban import): from
				  * where; "" for a ban imposed here */
	char *takeover_date;     /* the day it was taken over */
	char *reviewed_at;       /* a takeover reviewed against the sanction table: when */
	char *reviewed_by;
};

/* Input for a new ban (and its person). Strings are read, not kept. */
struct ban_new {
	const char *given_names, *prefix, *surname;
	const char *partner_prefix, *partner_surname;
	const char *born;        /* "" or NULL when unknown */
	enum ban_kind kind;
	enum ban_reason reason;
	const char *scope;       /* "" or NULL = all */
	const char *starts, *ends;
	const char *imposed_by;
	const char *letter_sent;
	bool police_informed;
	const char *notes;
	/* Issue 5. Zero values keep the old behaviour of callers that do not set them. */
	bool draft;              /* store as a draft even when every answer is given */
	bool until_conversation;
	bool repeat_offence;
	const char *enforcement, *justification, *reasons;
	/* Lifted already (an import of an export): the local date "YYYY-MM-DD", stored as the
	 * UTC instant of its local midnight, with who and why. NULL or "" = not lifted. */
	const char *lifted_at, *lifted_by, *lifted_reason;
	/* Issue 13. NULL or "" / 0 when not known. */
	const char *address, *event_date;
	int64_t incident_id;
	/* Set by ban import: a takeover, listed for review (store_ban_takeovers). */
	const char *takeover_source;
};

enum ban_filter {
	BAN_FILTER_ACTIVE,  /* not lifted, starts <= today <= ends */
	BAN_FILTER_CURRENT, /* not lifted, ends >= today (active and future) */
	BAN_FILTER_ALL,     /* everything, drafts too */
	BAN_FILTER_DRAFT    /* drafts only, soonest-ending first */
};

struct ban_list {
	struct ban *items;
	size_t count;
};

/* The ACTIVE and CURRENT filters see only bans with status active; ALL sees drafts too. */

/* Insert one ban (a new person each time; persons are matched by name later). It is stored
 * active when every mandatory answer is given (policy_ban_missing) and b->draft is false,
 * else as a draft. Writes a history row, an audit line and, when active, a notice. */
enum store_status store_ban_insert(struct store *st, const struct ban_new *b, int64_t *id_out);

/* Insert many bans in one transaction: all or nothing. An import takes over a register kept
 * elsewhere: its bans are active as given (unless draft is set; lifted when lifted_at is
 * set) — dropping them would let a banned visitor in — but each row with a takeover_source
 * is marked as a takeover of today, to be reviewed against the sanction table; one history
 * row each, one audit line, and no notices (thousands of them would hide the ones that
 * matter). */
enum store_status store_ban_import(struct store *st, const struct ban_new *rows, size_t n);

/* Read one ban; STORE_NOT_FOUND when there is none. */
enum store_status store_ban_get(struct store *st, int64_t id, struct ban *out);

/* List bans by filter ordered by end date (soonest first), then surname; today is the local
 * date "YYYY-MM-DD"; offset/limit page through (limit 0 = all). */
enum store_status store_ban_list(struct store *st, enum ban_filter f, const char *today,
				 size_t offset, size_t limit, struct ban_list *out);

/* The same bans in id order, from the first id after after_id on, at most limit (0 = all):
 * pages that hold even when bans are added meanwhile (an export of the whole list). */
enum store_status store_ban_list_after(struct store *st, enum ban_filter f, const char *today,
				       int64_t after_id, size_t limit, struct ban_list *out);

/* Count bans by filter. */
enum store_status store_ban_count(struct store *st, enum ban_filter f, const char *today,
				  size_t *out);

/* Change the fields of ban b->id (person and ban) when its version is still b->version;
 * STORE_CONFLICT (nothing written) when someone else changed it meanwhile. The status is not
 * changed (see store_ban_activate); an active ban keeps all its mandatory answers
 * (STORE_INVALID otherwise). Writes a history row. */
enum store_status store_ban_update(struct store *st, const struct ban *b);

/* The fields of b as a struct ban_new (pointing into b; not lifted, not a draft): what an
 * update checks. */
void store_ban_as_new(const struct ban *b, struct ban_new *out);

/* Lift a ban early: who and why are recorded (history row, notice for reception).
 * expected_version < 0 skips the check. STORE_CONFLICT when already lifted or changed
 * meanwhile. */
enum store_status store_ban_lift(struct store *st, int64_t id, const char *reason,
				 int expected_version);

/* Issue 13: the bans taken over by an import (takeover_source set), oldest takeover first;
 * only those not reviewed yet unless all. */
enum store_status store_ban_takeovers(struct store *st, bool all, struct ban_list *out);

/* Record that a manager reviewed takeover id against the sanction table (audited).
 * STORE_CONFLICT when it is no takeover or was reviewed already. */
enum store_status store_ban_review(struct store *st, int64_t id, const char *note);

/* Free the strings of one ban / a whole list (safe on zeroed structs). */
void store_ban_clear(struct ban *b);
void store_ban_list_free(struct ban_list *l);

/* ------------------------------------------------------------------ visitor check (issue 14) */

/* A ban in force that a visitor may be the subject of. */
struct ban_hit {
	struct ban ban;              /* owned: free with store_ban_hits_clear */
	int score;                   /* 0..100 */
	enum names_verdict verdict;  /* NAMES_MATCH or NAMES_POSSIBLE */
	bool born_differs;           /* both dates of birth known and different */
};

/* Check a visitor against the bans in force on today (local date "YYYY-MM-DD"): query is
 * free text (any order, initials, tussenvoegsels), born "YYYY-MM-DD" or ""/NULL (anything
 * else counts as unknown). Writes up to max hits into out, best first (MATCH before
 * POSSIBLE, then score, then the oldest ban), *n how many. Reads only the name keys the
 * query probes, in one read transaction. STORE_ERROR when the stored keys cannot be read
 * (never a silent "clear"). */
enum store_status store_ban_check(struct store *st, const char *query, const char *born,
				  const char *today, struct ban_hit *out, size_t max, size_t *n);

/* Free the bans of n hits (safe on zeroed ones). */
void store_ban_hits_clear(struct ban_hit *hits, size_t n);

/* ------------------------------------------------------------------ life cycle (issue 5) */

/* Make a draft active once every mandatory answer is given: STORE_INVALID naming the missing
 * fields otherwise, STORE_CONFLICT when it is active already or its version differs
 * (expected_version < 0 skips that check). History row, audit line, notice. */
enum store_status store_ban_activate(struct store *st, int64_t id, int expected_version);

/* Extend a ban to a later end date, with the reason (required) and, when the new duration is
 * outside the sanction table, a justification (appended to the ban's). STORE_INVALID for a
 * date that is not later than the current end; STORE_CONFLICT for a lifted ban or a changed
 * version. History row, audit line, notice. */
enum store_status store_ban_extend(struct store *st, int64_t id, const char *ends,
				   const char *reason, const char *justification,
				   int expected_version);

/* How many active bans and warnings (lifted and ended ones included, drafts not) an earlier
 * person with this name has: same surname and prefix (ASCII case ignored), the same date of
 * birth when both are known, the same first initial when both are known. exclude_ban is left
 * out of the count (0 = none). */
enum store_status store_ban_earlier(struct store *st, const char *given, const char *prefix,
				    const char *surname, const char *born, int64_t exclude_ban,
				    size_t *out);

/* The same for the person of a ban or a person id (STORE_NOT_FOUND when there is none). */
enum store_status store_ban_earlier_for_ban(struct store *st, int64_t ban_id, size_t *out);
enum store_status store_ban_earlier_for_person(struct store *st, int64_t person_id,
					       size_t *out);

/* One history row: the ban as it was right after a change, and why. Strings owned. */
struct ban_history {
	int64_t id, ban_id;
	char *at, *actor;
	char *action;            /* insert, import, update, activate, extend, lift, exception */
	char *detail;            /* the reason given for the change */
	enum ban_status status;
	enum ban_kind kind;
	enum ban_reason reason;
	char *starts, *ends, *scope, *imposed_by, *letter_sent;
	bool police_informed, until_conversation;
	char *enforcement, *justification, *lifted_at;
	int version;
};

/* Every history row of a ban, oldest first; an unknown ban gives STORE_NOT_FOUND. */
enum store_status store_ban_history(struct store *st, int64_t ban_id, struct ban_history **out,
				    size_t *n);
void store_ban_history_free(struct ban_history *h, size_t n);
/* Free the texts of one history row and empty it. */
void store_ban_history_clear(struct ban_history *h);

/* ------------------------------------------------------------------ exceptions */

enum ban_exception_kind {
	BAN_EXCEPTION_REPRESENTATIVE, /* a representative with signed authorisation */
	BAN_EXCEPTION_APPOINTMENT,    /* an appointment arranged by phone first */
	BAN_EXCEPTION_KIND_COUNT
};

struct ban_exception {
	int64_t id, ban_id;
	enum ban_exception_kind kind;
	char starts[DATES_DATE_LEN], ends[DATES_DATE_LEN];
	char detail[512];        /* who the representative is / time, place and host */
	char created_at[DATES_UTC_LEN];
	char created_by[128];
};

/* Machine name ("representative", "appointment"); parse: 0 or -1. */
const char *store_ban_exception_kind_name(enum ban_exception_kind k);
int store_ban_exception_kind_parse(const char *s, enum ban_exception_kind *out);

/* Record an exception valid from starts to ends (inclusive); detail is required (at most
 * 500 bytes). STORE_NOT_FOUND for an unknown ban. History row and audit line. */
enum store_status store_ban_exception_add(struct store *st, int64_t ban_id,
					  enum ban_exception_kind kind, const char *starts,
					  const char *ends, const char *detail, int64_t *id_out);

/* The exceptions of a ban (ban_id 0: of every ban), by start date. Free *out with free(). */
enum store_status store_ban_exception_list(struct store *st, int64_t ban_id,
					   struct ban_exception **out, size_t *n);

/* The exception of a ban valid on a date (an appointment before a representative);
 * STORE_NOT_FOUND when there is none. For the visitor check: "allowed: appointment". */
enum store_status store_ban_exception_on(struct store *st, int64_t ban_id, const char *date,
					 struct ban_exception *out);

/* ------------------------------------------------------------------ notices */

enum ban_notice_event {
	BAN_NOTICE_ACTIVE, BAN_NOTICE_EXTENDED, BAN_NOTICE_LIFTED, BAN_NOTICE_ENDED,
	BAN_NOTICE_EVENT_COUNT
};

/* A one-line notice for reception. */
struct ban_notice {
	int64_t id, ban_id;
	enum ban_notice_event event;
	char at[DATES_UTC_LEN];
	char name[256];          /* given prefix surname of the person */
	enum ban_kind kind;
	char starts[DATES_DATE_LEN], ends[DATES_DATE_LEN];
	char scope[256];
};

/* Machine name of an event ("active", "extended", "lifted", "ended"). */
const char *store_ban_notice_event_name(enum ban_notice_event e);

/* Add an "ended" notice for every active, unlifted ban whose last day lies in the seven days
 * before today (a local date); each ban ends once, so every console may run this (at start
 * and when the date changes). *added (may be NULL) counts the new notices. */
enum store_status store_ban_notice_sweep(struct store *st, const char *today, size_t *added);

/* The notices user has not marked seen, oldest first, from since on (0 = all). Free *out
 * with free(). */
enum store_status store_ban_notice_unseen(struct store *st, const char *user, time_t since,
					  struct ban_notice **out, size_t *n);

/* Mark a notice seen by user (again is harmless). STORE_NOT_FOUND for an unknown notice. */
enum store_status store_ban_notice_seen(struct store *st, int64_t notice_id, const char *user);

/* The active bans (on local date today) of persons born on born ("YYYY-MM-DD"), soonest-
 * ending first, at most limit (0 = all): the visitor check by date of birth alone. Free
 * with store_ban_list_free. */
enum store_status store_ban_list_born(struct store *st, const char *today, const char *born,
				      size_t limit, struct ban_list *out);

#endif
