/* config — balie.conf read with libconfuse into an immutable struct config.
 * Looked up: --config FILE, $XDG_CONFIG_HOME/balie/balie.conf (or ~/.config/...),
 * SYSCONFDIR/balie/balie.conf (/etc/balie/balie.conf), else built-in defaults. */
#ifndef BALIE_CONFIG_H
#define BALIE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lib.h"

struct config_building {
	char *id;                 /* short id used in ban scope: "stadhuis" */
	char *name;               /* shown: "Stadhuis" */
	struct policy_week hours; /* public opening hours, evening periods marked */
	struct policy_exceptions exceptions; /* dated: holidays closed, extra periods */
	char **rooms;             /* "Spreekkamer 006", ... */
	size_t nrooms;
	/* Issue 13: the safe interview rooms (escape route, alarm button), each one of rooms;
	 * none listed means every room is safe (what rooms meant before). */
	char **safe_rooms;
	size_t nsafe_rooms;
	char **alarm_points;      /* "Balie 1", ...: alarm_points, robbery_points, fire_points */
	const char **alarm_kinds; /* per point the kind it raises: "panic", "robbery", "fire" */
	size_t nalarm_points;
};

struct config_user_role {
	char *name;               /* login user, or "@group" for a Unix group */
	enum role role;
};

struct config {
	char *source;             /* the file read, or NULL for built-in defaults */
	char *database;           /* database path (balied's, or a direct-mode default) */
	char *socket;             /* balied's socket (default BALIE_RUNDIR/balie.sock) */
	char *language;           /* "nl", "en" or "" (follow the locale) */
	char *municipality;       /* "Gemeente Voorbeeld" */
	char *building;           /* id of the building this terminal stands in */
	char *alarm_point;        /* the alarm point of this desk (raised by Ctrl-P), or "" */
	int support_minimum;      /* support-team members required while open (default 2) */
	int realarm_seconds;      /* re-signal unacknowledged alarms every N s (default 30) */
	int staffing_warning_before; /* minutes before a short period its warning shows (120) */
	struct config_building *buildings;
	size_t nbuildings;
	struct config_user_role *roles;
	size_t nroles;
	enum role default_role;   /* role of users the configuration does not map (ROLE_NONE) */
	struct config_retention {  /* months kept after the end (section retention) */
		int bans_months;         /* after a ban ended or was lifted (12) */
		int alarms_months;       /* after an alarm was raised (24) */
		int presence_months;     /* after a check-in (24) */
		int appointments_months; /* after an appointment (12) */
		int audit_months;        /* audit trail lines (60) */
		int incidents_months;    /* issue 13: after an incident its perpetrator is
					  * erased, the counts kept (60) */
		int offences_months;     /* pseudonymised records for repeat offences (60) */
		int visits_months;       /* home visits, after the return (12) */
	} retention;
	/* Issue 13: incidents (section incidents). */
	struct config_incidents {
		enum ban_reason sanction[INCIDENT_CATEGORY_COUNT]; /* sanction-table category */
		char **places;           /* places besides the buildings' rooms and alarm points */
		size_t nplaces;
		struct incidents_rules rules; /* the follow-up deadlines */
	} incidents;
	/* Protocol texts from the file; NULL = the built-in (translated) text, see
	 * config_protocol(). */
	char *protocol[4];
};

enum config_protocol {
	PROTOCOL_BAN_HIT,      /* what to do now on a MATCH */
	PROTOCOL_POSSIBLE,     /* what to do on a POSSIBLE (ask for ID) */
	PROTOCOL_ALARM,        /* shown with an active alarm */
	PROTOCOL_UNDERSTAFFED  /* support team short: aggression -> police (112) */
};

/* Find and read the configuration. explicit_path (may be NULL) is --config. On error
 * returns NULL and writes "FILE:LINE: what is wrong" (translated) to err. */
struct config *config_load(const char *explicit_path, char *err, size_t errsz);

/* Read exactly this file (no lookup); same error contract. */
struct config *config_load_file(const char *path, char *err, size_t errsz);

/* The built-in defaults (one building "stadhuis"); NULL on out-of-memory. */
struct config *config_defaults(void);

void config_free(struct config *c);

/* The protocol text to show: the configured one, else the built-in text translated into
 * the current language (so it follows the `language` option). Never NULL. */
const char *config_protocol(const struct config *c, enum config_protocol p);

/* The building with this id, or NULL. */
const struct config_building *config_building_find(const struct config *c, const char *id);

/* The names of the buildings of a scope (comma-separated ids; an unknown id as it is),
 * joined by ", ", or "all buildings" (translated) for the empty scope. */
void config_scope_names(const struct config *c, const char *scope, char *out, size_t outsz);

/* The building this terminal stands in (config->building, else the first one). */
const struct config_building *config_building_here(const struct config *c);

/* The kind of alarm a configured point raises ("panic", "robbery", "fire"), or NULL when
 * point is not a configured alarm point. */
const char *config_alarm_kind(const struct config *c, const char *point);

/* Issue 13. Whether place is a known place of an incident: a building's id or name, room or
 * alarm point, or one of the incidents section's places. */
bool config_place_known(const struct config *c, const char *place);

/* The known places joined by ", " (cut short at a whole name) into out, for messages. */
void config_places_list(const struct config *c, char *out, size_t outsz);

/* Whether room is a safe interview room of some building (safe_rooms, or any room of a
 * building that lists none). */
bool config_safe_room(const struct config *c, const char *room);

/* Role of a login user (by name, then by "@group" membership), else default_role. */
enum role config_role_for(const struct config *c, const char *user);

/* Whether a name of the roles section is known on this machine: a login account, an
 * "@group" that exists, or "#UID" (an account without a name). A typo gives its person
 * no role, silently: balied says so at start and in --check. */
bool config_role_name_known(const char *name);

/* Shared by the libconfuse readers (config, sanctions). Blank out comments (#, //,
 * slash-star) in s in place, keeping every newline and leaving quoted strings alone. */
void config_strip_comments(char *s);

/* Write "NAME:LINE: msg" (or "NAME: msg" for line <= 0), escaped, to err. A line past
 * last_line means the end-of-file sentinel was swallowed: reported as an unclosed thing
 * on last_line instead. */
void config_format_error(char *err, size_t errsz, const char *name, int line, int last_line,
			 const char *msg);

#endif
