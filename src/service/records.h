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

/* struct appt (store/appts.h) and, in the same record, struct appts_ban_mark
 * (core/appts.h) when the list was checked against the bans */
extern const struct wire_desc records_appt[];
extern const size_t records_appt_n;
extern const struct wire_desc records_appt_mark[];
extern const size_t records_appt_mark_n;

/* struct staff_member and struct staff_unreachable (store/staff.h) */
extern const struct wire_desc records_staff_member[];
extern const size_t records_staff_member_n;
extern const struct wire_desc records_staff_unreachable[];
extern const size_t records_staff_unreachable_n;

/* struct visit (store/visits.h) */
extern const struct wire_desc records_visit[];
extern const size_t records_visit_n;
/* struct audit_line (store/audit.h): its text borrowed from the reply; no hashes */
extern const struct wire_desc records_audit_line[];
extern const size_t records_audit_line_n;

/* struct audit_entry (store/audit.h) */
extern const struct wire_desc records_audit_entry[];
extern const size_t records_audit_entry_n;

/* struct audit_verify (store/audit.h) */
extern const struct wire_desc records_audit_verify[];
extern const size_t records_audit_verify_n;

/* struct purge_report (store/purge.h) */
extern const struct wire_desc records_purge_report[];
extern const size_t records_purge_report_n;

/* struct backup_file (core/backups.h) */
extern const struct wire_desc records_backup_file[];
extern const size_t records_backup_file_n;
/* struct ban, struct ban_new, struct ban_history, struct ban_exception, struct ban_notice
 * (store/bans.h) */
extern const struct wire_desc records_ban[];
extern const size_t records_ban_n;
extern const struct wire_desc records_ban_new[];
extern const size_t records_ban_new_n;
extern const struct wire_desc records_ban_history[];
extern const size_t records_ban_history_n;
extern const struct wire_desc records_ban_exception[];
extern const size_t records_ban_exception_n;
extern const struct wire_desc records_ban_notice[];
extern const size_t records_ban_notice_n;

/* struct ban_hit (store/bans.h) without its ban: a hit travels as records_ban (its ban)
 * and these in the same record */
extern const struct wire_desc records_ban_hit[];
extern const size_t records_ban_hit_n;

/* Issue 13 (records_incidents.c): struct incident, struct incident_followup and struct
 * incident_due_row (store/incidents.h); struct incidents_earlier, struct incidents_record
 * and struct incidents_tally (core/incidents.h). */
extern const struct wire_desc records_incident[];
extern const size_t records_incident_n;
extern const struct wire_desc records_incident_followup[];
extern const size_t records_incident_followup_n;
extern const struct wire_desc records_incident_due_row[];
extern const size_t records_incident_due_row_n;
extern const struct wire_desc records_incidents_earlier[];
extern const size_t records_incidents_earlier_n;
extern const struct wire_desc records_incidents_record[];
extern const size_t records_incidents_record_n;
extern const struct wire_desc records_incidents_tally[];
extern const size_t records_incidents_tally_n;

#endif
