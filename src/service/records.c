/* records — the wire_desc tables of the store's records (see records.h). */
#include "autoconfig.h"

#include <stddef.h>

#include "core/lib.h"
#include "service/records.h"
#include "store/lib.h"

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
	WIRE_MEMBER(11, WM_BOOL, struct alarm, journaled, 0),
	WIRE_MEMBER(12, WM_ARR, struct alarm, journal_uid, 0),
	WIRE_MEMBER(13, WM_TIME, struct alarm, cancelled_at, 0),
	WIRE_MEMBER(14, WM_ARR, struct alarm, cancelled_by, 0),
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
	WIRE_MEMBER(16, WM_ARR, struct appt, note, 0),
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
	WIRE_MEMBER(13, WM_INT, struct visit, risk, VISIT_RISK_COUNT),
	WIRE_MEMBER(14, WM_ARR, struct visit, companion, 0),
	WIRE_MEMBER(15, WM_I64, struct visit, ban_id, 0),
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
	WIRE_MEMBER(12, WM_SIZE, struct purge_report, incidents, 0),
	WIRE_MEMBER(13, WM_SIZE, struct purge_report, kept, 0),
	WIRE_MEMBER(14, WM_SIZE, struct purge_report, offences, 0),
	WIRE_MEMBER(15, WM_SIZE, struct purge_report, visits, 0),
	WIRE_MEMBER(16, WM_ARR, struct purge_report, incidents_before, 0),
	WIRE_MEMBER(17, WM_ARR, struct purge_report, offences_before, 0),
	WIRE_MEMBER(18, WM_ARR, struct purge_report, visits_before, 0),
};
const size_t records_purge_report_n = N(records_purge_report);

const struct wire_desc records_backup_file[] = {
	WIRE_MEMBER(1, WM_ARR, struct backup_file, name, 0),
	WIRE_MEMBER(2, WM_I64, struct backup_file, size, 0),
	WIRE_MEMBER(3, WM_TIME, struct backup_file, modified, 0),
};
const size_t records_backup_file_n = N(records_backup_file);
/* Texts carry no limit of their own here (0: the frame's): what a request may hold is
 * checked by the service field by field (core/bancheck.h), and a reply carries what is
 * stored. Line breaks only where the store keeps them (a justification grows a line per
 * extension; notes and history details may come from older releases). */
const struct wire_desc records_ban[] = {
	WIRE_MEMBER(1, WM_I64, struct ban, id, 0),
	WIRE_MEMBER(2, WM_I64, struct ban, person_id, 0),
	WIRE_MEMBER(3, WM_STR, struct ban, given_names, 0),
	WIRE_MEMBER(4, WM_STR, struct ban, prefix, 0),
	WIRE_MEMBER(5, WM_STR, struct ban, surname, 0),
	WIRE_MEMBER(6, WM_STR, struct ban, partner_prefix, 0),
	WIRE_MEMBER(7, WM_STR, struct ban, partner_surname, 0),
	WIRE_MEMBER(8, WM_STR, struct ban, born, 0),
	WIRE_MEMBER(9, WM_INT, struct ban, kind, BAN_KIND_COUNT),
	WIRE_MEMBER(10, WM_INT, struct ban, reason, REASON_COUNT),
	WIRE_MEMBER(11, WM_STR, struct ban, scope, 0),
	WIRE_MEMBER(12, WM_STR, struct ban, starts, 0),
	WIRE_MEMBER(13, WM_STR, struct ban, ends, 0),
	WIRE_MEMBER(14, WM_STR, struct ban, imposed_by, 0),
	WIRE_MEMBER(15, WM_STR, struct ban, letter_sent, 0),
	WIRE_MEMBER(16, WM_BOOL, struct ban, police_informed, 0),
	WIRE_MEMBER_ML(17, WM_STR, struct ban, notes, 0),
	WIRE_MEMBER(18, WM_STR, struct ban, lifted_at, 0),
	WIRE_MEMBER(19, WM_STR, struct ban, lifted_by, 0),
	WIRE_MEMBER_ML(20, WM_STR, struct ban, lifted_reason, 0),
	WIRE_MEMBER(21, WM_STR, struct ban, created_at, 0),
	WIRE_MEMBER(22, WM_STR, struct ban, created_by, 0),
	WIRE_MEMBER(23, WM_INT, struct ban, version, 0),
	WIRE_MEMBER(24, WM_INT, struct ban, status, BAN_STATUS_ACTIVE + 1),
	WIRE_MEMBER(25, WM_BOOL, struct ban, until_conversation, 0),
	WIRE_MEMBER(26, WM_BOOL, struct ban, repeat_offence, 0),
	WIRE_MEMBER_ML(27, WM_STR, struct ban, enforcement, 0),
	WIRE_MEMBER_ML(28, WM_STR, struct ban, justification, 0),
	WIRE_MEMBER(29, WM_STR, struct ban, reasons, 0),
	WIRE_MEMBER(30, WM_BOOL, struct ban, withheld, 0),
	WIRE_MEMBER(31, WM_STR, struct ban, address, 0),
	WIRE_MEMBER(32, WM_STR, struct ban, event_date, 0),
	WIRE_MEMBER(33, WM_I64, struct ban, incident_id, 0),
	WIRE_MEMBER(34, WM_STR, struct ban, takeover_source, 0),
	WIRE_MEMBER(35, WM_STR, struct ban, takeover_date, 0),
	WIRE_MEMBER(36, WM_STR, struct ban, reviewed_at, 0),
	WIRE_MEMBER(37, WM_STR, struct ban, reviewed_by, 0),
};
const size_t records_ban_n = N(records_ban);

/* Only in requests: every text one line, the service checks each against its limit. */
const struct wire_desc records_ban_new[] = {
	WIRE_MEMBER(1, WM_CSTR, struct ban_new, given_names, 0),
	WIRE_MEMBER(2, WM_CSTR, struct ban_new, prefix, 0),
	WIRE_MEMBER(3, WM_CSTR, struct ban_new, surname, 0),
	WIRE_MEMBER(4, WM_CSTR, struct ban_new, partner_prefix, 0),
	WIRE_MEMBER(5, WM_CSTR, struct ban_new, partner_surname, 0),
	WIRE_MEMBER(6, WM_CSTR, struct ban_new, born, 0),
	WIRE_MEMBER(7, WM_INT, struct ban_new, kind, BAN_KIND_COUNT),
	WIRE_MEMBER(8, WM_INT, struct ban_new, reason, REASON_COUNT),
	WIRE_MEMBER(9, WM_CSTR, struct ban_new, scope, 0),
	WIRE_MEMBER(10, WM_CSTR, struct ban_new, starts, 0),
	WIRE_MEMBER(11, WM_CSTR, struct ban_new, ends, 0),
	WIRE_MEMBER(12, WM_CSTR, struct ban_new, imposed_by, 0),
	WIRE_MEMBER(13, WM_CSTR, struct ban_new, letter_sent, 0),
	WIRE_MEMBER(14, WM_BOOL, struct ban_new, police_informed, 0),
	WIRE_MEMBER(15, WM_CSTR, struct ban_new, notes, 0),
	WIRE_MEMBER(16, WM_BOOL, struct ban_new, draft, 0),
	WIRE_MEMBER(17, WM_BOOL, struct ban_new, until_conversation, 0),
	WIRE_MEMBER(18, WM_BOOL, struct ban_new, repeat_offence, 0),
	WIRE_MEMBER(19, WM_CSTR, struct ban_new, enforcement, 0),
	WIRE_MEMBER(20, WM_CSTR, struct ban_new, justification, 0),
	WIRE_MEMBER(21, WM_CSTR, struct ban_new, reasons, 0),
	WIRE_MEMBER(22, WM_CSTR, struct ban_new, lifted_at, 0),
	WIRE_MEMBER(23, WM_CSTR, struct ban_new, lifted_by, 0),
	WIRE_MEMBER(24, WM_CSTR, struct ban_new, lifted_reason, 0),
	WIRE_MEMBER(25, WM_CSTR, struct ban_new, address, 0),
	WIRE_MEMBER(26, WM_CSTR, struct ban_new, event_date, 0),
	WIRE_MEMBER(27, WM_I64, struct ban_new, incident_id, 0),
	WIRE_MEMBER(28, WM_CSTR, struct ban_new, takeover_source, 0),
};
const size_t records_ban_new_n = N(records_ban_new);

const struct wire_desc records_ban_history[] = {
	WIRE_MEMBER(1, WM_I64, struct ban_history, id, 0),
	WIRE_MEMBER(2, WM_I64, struct ban_history, ban_id, 0),
	WIRE_MEMBER(3, WM_STR, struct ban_history, at, 0),
	WIRE_MEMBER(4, WM_STR, struct ban_history, actor, 0),
	WIRE_MEMBER(5, WM_STR, struct ban_history, action, 0),
	WIRE_MEMBER_ML(6, WM_STR, struct ban_history, detail, 0),
	WIRE_MEMBER(7, WM_INT, struct ban_history, status, BAN_STATUS_ACTIVE + 1),
	WIRE_MEMBER(8, WM_INT, struct ban_history, kind, BAN_KIND_COUNT),
	WIRE_MEMBER(9, WM_INT, struct ban_history, reason, REASON_COUNT),
	WIRE_MEMBER(10, WM_STR, struct ban_history, starts, 0),
	WIRE_MEMBER(11, WM_STR, struct ban_history, ends, 0),
	WIRE_MEMBER(12, WM_STR, struct ban_history, scope, 0),
	WIRE_MEMBER(13, WM_STR, struct ban_history, imposed_by, 0),
	WIRE_MEMBER(14, WM_STR, struct ban_history, letter_sent, 0),
	WIRE_MEMBER(15, WM_BOOL, struct ban_history, police_informed, 0),
	WIRE_MEMBER(16, WM_BOOL, struct ban_history, until_conversation, 0),
	WIRE_MEMBER_ML(17, WM_STR, struct ban_history, enforcement, 0),
	WIRE_MEMBER_ML(18, WM_STR, struct ban_history, justification, 0),
	WIRE_MEMBER(19, WM_STR, struct ban_history, lifted_at, 0),
	WIRE_MEMBER(20, WM_INT, struct ban_history, version, 0),
};
const size_t records_ban_history_n = N(records_ban_history);

const struct wire_desc records_ban_exception[] = {
	WIRE_MEMBER(1, WM_I64, struct ban_exception, id, 0),
	WIRE_MEMBER(2, WM_I64, struct ban_exception, ban_id, 0),
	WIRE_MEMBER(3, WM_INT, struct ban_exception, kind, BAN_EXCEPTION_KIND_COUNT),
	WIRE_MEMBER(4, WM_ARR, struct ban_exception, starts, 0),
	WIRE_MEMBER(5, WM_ARR, struct ban_exception, ends, 0),
	WIRE_MEMBER(6, WM_ARR, struct ban_exception, detail, 0),
	WIRE_MEMBER(7, WM_ARR, struct ban_exception, created_at, 0),
	WIRE_MEMBER(8, WM_ARR, struct ban_exception, created_by, 0),
};
const size_t records_ban_exception_n = N(records_ban_exception);

const struct wire_desc records_ban_notice[] = {
	WIRE_MEMBER(1, WM_I64, struct ban_notice, id, 0),
	WIRE_MEMBER(2, WM_I64, struct ban_notice, ban_id, 0),
	WIRE_MEMBER(3, WM_INT, struct ban_notice, event, BAN_NOTICE_EVENT_COUNT),
	WIRE_MEMBER(4, WM_ARR, struct ban_notice, at, 0),
	WIRE_MEMBER(5, WM_ARR, struct ban_notice, name, 0),
	WIRE_MEMBER(6, WM_INT, struct ban_notice, kind, BAN_KIND_COUNT),
	WIRE_MEMBER(7, WM_ARR, struct ban_notice, starts, 0),
	WIRE_MEMBER(8, WM_ARR, struct ban_notice, ends, 0),
	WIRE_MEMBER(9, WM_ARR, struct ban_notice, scope, 0),
};
const size_t records_ban_notice_n = N(records_ban_notice);

/* Tags from 200: the hit's own members share the record with its ban's (records_ban). */
const struct wire_desc records_ban_hit[] = {
	WIRE_MEMBER(200, WM_INT, struct ban_hit, score, 101),
	WIRE_MEMBER(201, WM_INT, struct ban_hit, verdict, NAMES_MATCH + 1),
	WIRE_MEMBER(202, WM_BOOL, struct ban_hit, born_differs, 0),
};
const size_t records_ban_hit_n = N(records_ban_hit);
