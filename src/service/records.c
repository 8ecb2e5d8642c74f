/* records — the wire_desc tables of the store's records (see records.h). */
#include "autoconfig.h"

#include <stddef.h>

#include "core/backups.h"
#include "service/records.h"
#include "core/appts.h"
#include "store/alarms.h"
#include "store/appts.h"
#include "store/staff.h"
#include "store/visits.h"
#include "store/audit.h"
#include "store/purge.h"

#define N(a) (sizeof(a) / sizeof *(a))

const struct wire_desc records_alarm[] = {
	WIRE_MEMBER(1, WM_I64, struct alarm, id, 0),
	WIRE_MEMBER(2, WM_ARR, struct alarm, location, 0),
	WIRE_MEMBER(3, WM_INT, struct alarm, kind, ALARM_KIND_COUNT),
	WIRE_MEMBER(4, WM_TIME, struct alarm, raised_at, 0),
	WIRE_MEMBER(5, WM_ARR, struct alarm, raised_by, 0),
	WIRE_MEMBER(6, WM_TIME, struct alarm, acked_at, 0),
	WIRE_MEMBER(7, WM_ARR, struct alarm, acked_by, 0),
	WIRE_MEMBER(8, WM_TIME, struct alarm, resolved_at, 0),
	WIRE_MEMBER(9, WM_ARR, struct alarm, resolved_by, 0),
	WIRE_MEMBER(10, WM_INT, struct alarm, outcome, ALARM_TESTED + 1),
};
const size_t records_alarm_n = N(records_alarm);

const struct wire_desc records_appt[] = {
	WIRE_MEMBER(1, WM_I64, struct appt, id, 0),
	WIRE_MEMBER(2, WM_TIME, struct appt, starts, 0),
	WIRE_MEMBER(3, WM_TIME, struct appt, ends, 0),
	WIRE_MEMBER(4, WM_ARR, struct appt, host, 0),
	WIRE_MEMBER(5, WM_ARR, struct appt, visitor, 0),
	WIRE_MEMBER(6, WM_ARR, struct appt, visitor_born, 0),
	WIRE_MEMBER(7, WM_ARR, struct appt, room, 0),
	WIRE_MEMBER(8, WM_BOOL, struct appt, risky, 0),
	WIRE_MEMBER(9, WM_INT, struct appt, precautions, PREC_ALL + 1),
	WIRE_MEMBER(10, WM_ARR, struct appt, flagged_by, 0),
	WIRE_MEMBER(11, WM_TIME, struct appt, flagged_at, 0),
	WIRE_MEMBER(12, WM_INT, struct appt, version, 0),
	WIRE_MEMBER(13, WM_ARR, struct appt, override_reason, 0),
	WIRE_MEMBER(14, WM_ARR, struct appt, override_by, 0),
	WIRE_MEMBER(15, WM_TIME, struct appt, override_at, 0),
};
const size_t records_appt_n = N(records_appt);

/* Tags apart from records_appt's: both travel in one record. */
const struct wire_desc records_appt_mark[] = {
	WIRE_MEMBER(50, WM_INT, struct appts_ban_mark, verdict, NAMES_MATCH + 1),
	WIRE_MEMBER(51, WM_I64, struct appts_ban_mark, ban_id, 0),
};
const size_t records_appt_mark_n = N(records_appt_mark);

const struct wire_desc records_staff_member[] = {
	WIRE_MEMBER(1, WM_I64, struct staff_member, id, 0),
	WIRE_MEMBER(2, WM_ARR, struct staff_member, name, 0),
	WIRE_MEMBER(3, WM_INT, struct staff_member, team, TEAM_COUNTER + 1),
	WIRE_MEMBER(4, WM_ARR, struct staff_member, phone, 0),
	WIRE_MEMBER(5, WM_BOOL, struct staff_member, present, 0),
	WIRE_MEMBER(6, WM_TIME, struct staff_member, since, 0),
	WIRE_MEMBER(7, WM_BOOL, struct staff_member, evening, 0),
};
const size_t records_staff_member_n = N(records_staff_member);

const struct wire_desc records_staff_unreachable[] = {
	WIRE_MEMBER(1, WM_I64, struct staff_unreachable, id, 0),
	WIRE_MEMBER(2, WM_ARR, struct staff_unreachable, building, 0),
	WIRE_MEMBER(3, WM_ARR, struct staff_unreachable, date, 0),
	WIRE_MEMBER(4, WM_ARR, struct staff_unreachable, period, 0),
	WIRE_MEMBER(5, WM_ARR, struct staff_unreachable, note, 0),
	WIRE_MEMBER(6, WM_TIME, struct staff_unreachable, recorded_at, 0),
	WIRE_MEMBER(7, WM_ARR, struct staff_unreachable, recorded_by, 0),
};
const size_t records_staff_unreachable_n = N(records_staff_unreachable);

const struct wire_desc records_visit[] = {
	WIRE_MEMBER(1, WM_I64, struct visit, id, 0),
	WIRE_MEMBER(2, WM_ARR, struct visit, employee, 0),
	WIRE_MEMBER(3, WM_ARR, struct visit, address, 0),
	WIRE_MEMBER(4, WM_ARR, struct visit, client, 0),
	WIRE_MEMBER(5, WM_ARR, struct visit, mobile, 0),
	WIRE_MEMBER(6, WM_TIME, struct visit, leaves_at, 0),
	WIRE_MEMBER(7, WM_TIME, struct visit, expected_back, 0),
	WIRE_MEMBER(8, WM_TIME, struct visit, call_at, 0),
	WIRE_MEMBER(9, WM_TIME, struct visit, back_at, 0),
	WIRE_MEMBER(10, WM_ARR, struct visit, outcome, 0),
	WIRE_MEMBER(11, WM_ARR, struct visit, recorded_by, 0),
	WIRE_MEMBER(12, WM_ARR, struct visit, back_by, 0),
};
const size_t records_visit_n = N(records_visit);
const struct wire_desc records_audit_line[] = {
	WIRE_MEMBER(1, WM_I64, struct audit_line, id, 0),
	WIRE_MEMBER(2, WM_CSTR, struct audit_line, at, 0),
	WIRE_MEMBER(3, WM_CSTR, struct audit_line, actor, 0),
	WIRE_MEMBER(4, WM_CSTR, struct audit_line, terminal, 0),
	WIRE_MEMBER(5, WM_CSTR, struct audit_line, action, 0),
	WIRE_MEMBER(6, WM_CSTR, struct audit_line, object, 0),
	WIRE_MEMBER(7, WM_CSTR, struct audit_line, result, 0),
	WIRE_MEMBER(8, WM_CSTR, struct audit_line, detail, 0),
};
const size_t records_audit_line_n = N(records_audit_line);

const struct wire_desc records_audit_entry[] = {
	WIRE_MEMBER(1, WM_I64, struct audit_entry, id, 0),
	WIRE_MEMBER(2, WM_TIME, struct audit_entry, at, 0),
	WIRE_MEMBER(3, WM_ARR, struct audit_entry, actor, 0),
	WIRE_MEMBER(4, WM_ARR, struct audit_entry, terminal, 0),
	WIRE_MEMBER(5, WM_ARR, struct audit_entry, action, 0),
	WIRE_MEMBER(6, WM_ARR, struct audit_entry, object, 0),
	WIRE_MEMBER(7, WM_ARR, struct audit_entry, result, 0),
	WIRE_MEMBER(8, WM_ARR, struct audit_entry, detail, 0),
};
const size_t records_audit_entry_n = N(records_audit_entry);

const struct wire_desc records_audit_verify[] = {
	WIRE_MEMBER(1, WM_SIZE, struct audit_verify, lines, 0),
	WIRE_MEMBER(2, WM_SIZE, struct audit_verify, unchained, 0),
	WIRE_MEMBER(3, WM_I64, struct audit_verify, first_bad, 0),
	WIRE_MEMBER(4, WM_ARR, struct audit_verify, why, 0),
	WIRE_MEMBER(5, WM_I64, struct audit_verify, gap_from, 0),
	WIRE_MEMBER(6, WM_I64, struct audit_verify, gap_to, 0),
	WIRE_MEMBER(7, WM_I64, struct audit_verify, head_id, 0),
	WIRE_MEMBER(8, WM_ARR, struct audit_verify, head_hash, 0),
	WIRE_MEMBER(9, WM_BOOL, struct audit_verify, noted_checked, 0),
	WIRE_MEMBER(10, WM_BOOL, struct audit_verify, noted_purged, 0),
};
const size_t records_audit_verify_n = N(records_audit_verify);

const struct wire_desc records_purge_report[] = {
	WIRE_MEMBER(1, WM_SIZE, struct purge_report, bans, 0),
	WIRE_MEMBER(2, WM_SIZE, struct purge_report, persons, 0),
	WIRE_MEMBER(3, WM_SIZE, struct purge_report, alarms, 0),
	WIRE_MEMBER(4, WM_SIZE, struct purge_report, presence, 0),
	WIRE_MEMBER(5, WM_SIZE, struct purge_report, appointments, 0),
	WIRE_MEMBER(6, WM_SIZE, struct purge_report, audit, 0),
	WIRE_MEMBER(7, WM_ARR, struct purge_report, bans_before, 0),
	WIRE_MEMBER(8, WM_ARR, struct purge_report, alarms_before, 0),
	WIRE_MEMBER(9, WM_ARR, struct purge_report, presence_before, 0),
	WIRE_MEMBER(10, WM_ARR, struct purge_report, appointments_before, 0),
	WIRE_MEMBER(11, WM_ARR, struct purge_report, audit_before, 0),
};
const size_t records_purge_report_n = N(records_purge_report);

const struct wire_desc records_backup_file[] = {
	WIRE_MEMBER(1, WM_ARR, struct backup_file, name, 0),
	WIRE_MEMBER(2, WM_I64, struct backup_file, size, 0),
	WIRE_MEMBER(3, WM_TIME, struct backup_file, modified, 0),
};
const size_t records_backup_file_n = N(records_backup_file);
