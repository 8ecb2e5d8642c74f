/* records — the wire_desc tables of the store's records (see records.h). */
#include "autoconfig.h"

#include <stddef.h>

#include "core/lib.h"
#include "service/records.h"
#include "store/lib.h"

#define N(a) (sizeof(a) / sizeof *(a))

const struct wire_desc records_alarm[] = {
	WIRE_I64(1, struct alarm, id),
	WIRE_ARR(2, struct alarm, location),
	WIRE_ENUM(3, struct alarm, kind, ALARM_KIND_COUNT),
	WIRE_TIME(4, struct alarm, raised_at),
	WIRE_ARR(5, struct alarm, raised_by),
	WIRE_TIME(6, struct alarm, acked_at),
	WIRE_ARR(7, struct alarm, acked_by),
	WIRE_TIME(8, struct alarm, resolved_at),
	WIRE_ARR(9, struct alarm, resolved_by),
	WIRE_ENUM(10, struct alarm, outcome, ALARM_TESTED + 1),
	WIRE_BOOL(11, struct alarm, journaled),
	WIRE_ARR(12, struct alarm, journal_uid),
	WIRE_TIME(13, struct alarm, cancelled_at),
	WIRE_ARR(14, struct alarm, cancelled_by),
};
const size_t records_alarm_n = N(records_alarm);

const struct wire_desc records_appt[] = {
	WIRE_I64(1, struct appt, id),
	WIRE_TIME(2, struct appt, starts),
	WIRE_TIME(3, struct appt, ends),
	WIRE_ARR(4, struct appt, host),
	WIRE_ARR(5, struct appt, visitor),
	WIRE_ARR(6, struct appt, visitor_born),
	WIRE_ARR(7, struct appt, room),
	WIRE_BOOL(8, struct appt, risky),
	WIRE_ENUM(9, struct appt, precautions, PREC_ALL + 1),
	WIRE_ARR(10, struct appt, flagged_by),
	WIRE_TIME(11, struct appt, flagged_at),
	WIRE_INT(12, struct appt, version),
	WIRE_ARR(13, struct appt, override_reason),
	WIRE_ARR(14, struct appt, override_by),
	WIRE_TIME(15, struct appt, override_at),
	WIRE_ARR(16, struct appt, note),
};
const size_t records_appt_n = N(records_appt);

/* Tags apart from records_appt's: both travel in one record. */
const struct wire_desc records_appt_mark[] = {
	WIRE_ENUM(50, struct appts_ban_mark, verdict, NAMES_MATCH + 1),
	WIRE_I64(51, struct appts_ban_mark, ban_id),
};
const size_t records_appt_mark_n = N(records_appt_mark);

const struct wire_desc records_staff_member[] = {
	WIRE_I64(1, struct staff_member, id),
	WIRE_ARR(2, struct staff_member, name),
	WIRE_ENUM(3, struct staff_member, team, TEAM_COUNTER + 1),
	WIRE_ARR(4, struct staff_member, phone),
	WIRE_BOOL(5, struct staff_member, present),
	WIRE_TIME(6, struct staff_member, since),
	WIRE_BOOL(7, struct staff_member, evening),
};
const size_t records_staff_member_n = N(records_staff_member);

const struct wire_desc records_staff_unreachable[] = {
	WIRE_I64(1, struct staff_unreachable, id),
	WIRE_ARR(2, struct staff_unreachable, building),
	WIRE_ARR(3, struct staff_unreachable, date),
	WIRE_ARR(4, struct staff_unreachable, period),
	WIRE_ARR(5, struct staff_unreachable, note),
	WIRE_TIME(6, struct staff_unreachable, recorded_at),
	WIRE_ARR(7, struct staff_unreachable, recorded_by),
};
const size_t records_staff_unreachable_n = N(records_staff_unreachable);

const struct wire_desc records_visit[] = {
	WIRE_I64(1, struct visit, id),
	WIRE_ARR(2, struct visit, employee),
	WIRE_ARR(3, struct visit, address),
	WIRE_ARR(4, struct visit, client),
	WIRE_ARR(5, struct visit, mobile),
	WIRE_TIME(6, struct visit, leaves_at),
	WIRE_TIME(7, struct visit, expected_back),
	WIRE_TIME(8, struct visit, call_at),
	WIRE_TIME(9, struct visit, back_at),
	WIRE_ARR(10, struct visit, outcome),
	WIRE_ARR(11, struct visit, recorded_by),
	WIRE_ARR(12, struct visit, back_by),
	WIRE_ENUM(13, struct visit, risk, VISIT_RISK_COUNT),
	WIRE_ARR(14, struct visit, companion),
	WIRE_I64(15, struct visit, ban_id),
};
const size_t records_visit_n = N(records_visit);
const struct wire_desc records_audit_line[] = {
	WIRE_I64(1, struct audit_line, id),
	WIRE_CSTR(2, struct audit_line, at),
	WIRE_CSTR(3, struct audit_line, actor),
	WIRE_CSTR(4, struct audit_line, terminal),
	WIRE_CSTR(5, struct audit_line, action),
	WIRE_CSTR(6, struct audit_line, object),
	WIRE_CSTR(7, struct audit_line, result),
	WIRE_CSTR(8, struct audit_line, detail),
};
const size_t records_audit_line_n = N(records_audit_line);

const struct wire_desc records_audit_entry[] = {
	WIRE_I64(1, struct audit_entry, id),
	WIRE_TIME(2, struct audit_entry, at),
	WIRE_ARR(3, struct audit_entry, actor),
	WIRE_ARR(4, struct audit_entry, terminal),
	WIRE_ARR(5, struct audit_entry, action),
	WIRE_ARR(6, struct audit_entry, object),
	WIRE_ARR(7, struct audit_entry, result),
	WIRE_ARR(8, struct audit_entry, detail),
};
const size_t records_audit_entry_n = N(records_audit_entry);

const struct wire_desc records_audit_verify[] = {
	WIRE_SIZE(1, struct audit_verify, lines),
	WIRE_SIZE(2, struct audit_verify, unchained),
	WIRE_I64(3, struct audit_verify, first_bad),
	WIRE_ARR(4, struct audit_verify, why),
	WIRE_I64(5, struct audit_verify, gap_from),
	WIRE_I64(6, struct audit_verify, gap_to),
	WIRE_I64(7, struct audit_verify, head_id),
	WIRE_ARR(8, struct audit_verify, head_hash),
	WIRE_BOOL(9, struct audit_verify, noted_checked),
	WIRE_BOOL(10, struct audit_verify, noted_purged),
};
const size_t records_audit_verify_n = N(records_audit_verify);

const struct wire_desc records_purge_report[] = {
	WIRE_SIZE(1, struct purge_report, bans),
	WIRE_SIZE(2, struct purge_report, persons),
	WIRE_SIZE(3, struct purge_report, alarms),
	WIRE_SIZE(4, struct purge_report, presence),
	WIRE_SIZE(5, struct purge_report, appointments),
	WIRE_SIZE(6, struct purge_report, audit),
	WIRE_ARR(7, struct purge_report, bans_before),
	WIRE_ARR(8, struct purge_report, alarms_before),
	WIRE_ARR(9, struct purge_report, presence_before),
	WIRE_ARR(10, struct purge_report, appointments_before),
	WIRE_ARR(11, struct purge_report, audit_before),
	WIRE_SIZE(12, struct purge_report, incidents),
	WIRE_SIZE(13, struct purge_report, kept),
	WIRE_SIZE(14, struct purge_report, offences),
	WIRE_SIZE(15, struct purge_report, visits),
	WIRE_ARR(16, struct purge_report, incidents_before),
	WIRE_ARR(17, struct purge_report, offences_before),
	WIRE_ARR(18, struct purge_report, visits_before),
};
const size_t records_purge_report_n = N(records_purge_report);

const struct wire_desc records_backup_file[] = {
	WIRE_ARR(1, struct backup_file, name),
	WIRE_I64(2, struct backup_file, size),
	WIRE_TIME(3, struct backup_file, modified),
};
const size_t records_backup_file_n = N(records_backup_file);
/* Texts carry no limit of their own here (0: the frame's): what a request may hold is
 * checked by the service field by field (core/bancheck.h), and a reply carries what is
 * stored. Line breaks only where the store keeps them (a justification grows a line per
 * extension; notes and history details may come from older releases). */
const struct wire_desc records_ban[] = {
	WIRE_I64(1, struct ban, id),
	WIRE_I64(2, struct ban, person_id),
	WIRE_STR(3, struct ban, given_names),
	WIRE_STR(4, struct ban, prefix),
	WIRE_STR(5, struct ban, surname),
	WIRE_STR(6, struct ban, partner_prefix),
	WIRE_STR(7, struct ban, partner_surname),
	WIRE_STR(8, struct ban, born),
	WIRE_ENUM(9, struct ban, kind, BAN_KIND_COUNT),
	WIRE_ENUM(10, struct ban, reason, REASON_COUNT),
	WIRE_STR(11, struct ban, scope),
	WIRE_STR(12, struct ban, starts),
	WIRE_STR(13, struct ban, ends),
	WIRE_STR(14, struct ban, imposed_by),
	WIRE_STR(15, struct ban, letter_sent),
	WIRE_BOOL(16, struct ban, police_informed),
	WIRE_STR_ML(17, struct ban, notes),
	WIRE_STR(18, struct ban, lifted_at),
	WIRE_STR(19, struct ban, lifted_by),
	WIRE_STR_ML(20, struct ban, lifted_reason),
	WIRE_STR(21, struct ban, created_at),
	WIRE_STR(22, struct ban, created_by),
	WIRE_INT(23, struct ban, version),
	WIRE_ENUM(24, struct ban, status, BAN_STATUS_ACTIVE + 1),
	WIRE_BOOL(25, struct ban, until_conversation),
	WIRE_BOOL(26, struct ban, repeat_offence),
	WIRE_STR_ML(27, struct ban, enforcement),
	WIRE_STR_ML(28, struct ban, justification),
	WIRE_STR(29, struct ban, reasons),
	WIRE_BOOL(30, struct ban, withheld),
	WIRE_STR(31, struct ban, address),
	WIRE_STR(32, struct ban, event_date),
	WIRE_I64(33, struct ban, incident_id),
	WIRE_STR(34, struct ban, takeover_source),
	WIRE_STR(35, struct ban, takeover_date),
	WIRE_STR(36, struct ban, reviewed_at),
	WIRE_STR(37, struct ban, reviewed_by),
};
const size_t records_ban_n = N(records_ban);

/* Only in requests: every text one line, the service checks each against its limit. */
const struct wire_desc records_ban_new[] = {
	WIRE_CSTR(1, struct ban_new, given_names),
	WIRE_CSTR(2, struct ban_new, prefix),
	WIRE_CSTR(3, struct ban_new, surname),
	WIRE_CSTR(4, struct ban_new, partner_prefix),
	WIRE_CSTR(5, struct ban_new, partner_surname),
	WIRE_CSTR(6, struct ban_new, born),
	WIRE_ENUM(7, struct ban_new, kind, BAN_KIND_COUNT),
	WIRE_ENUM(8, struct ban_new, reason, REASON_COUNT),
	WIRE_CSTR(9, struct ban_new, scope),
	WIRE_CSTR(10, struct ban_new, starts),
	WIRE_CSTR(11, struct ban_new, ends),
	WIRE_CSTR(12, struct ban_new, imposed_by),
	WIRE_CSTR(13, struct ban_new, letter_sent),
	WIRE_BOOL(14, struct ban_new, police_informed),
	WIRE_CSTR(15, struct ban_new, notes),
	WIRE_BOOL(16, struct ban_new, draft),
	WIRE_BOOL(17, struct ban_new, until_conversation),
	WIRE_BOOL(18, struct ban_new, repeat_offence),
	WIRE_CSTR(19, struct ban_new, enforcement),
	WIRE_CSTR(20, struct ban_new, justification),
	WIRE_CSTR(21, struct ban_new, reasons),
	WIRE_CSTR(22, struct ban_new, lifted_at),
	WIRE_CSTR(23, struct ban_new, lifted_by),
	WIRE_CSTR(24, struct ban_new, lifted_reason),
	WIRE_CSTR(25, struct ban_new, address),
	WIRE_CSTR(26, struct ban_new, event_date),
	WIRE_I64(27, struct ban_new, incident_id),
	WIRE_CSTR(28, struct ban_new, takeover_source),
};
const size_t records_ban_new_n = N(records_ban_new);

const struct wire_desc records_ban_history[] = {
	WIRE_I64(1, struct ban_history, id),
	WIRE_I64(2, struct ban_history, ban_id),
	WIRE_STR(3, struct ban_history, at),
	WIRE_STR(4, struct ban_history, actor),
	WIRE_STR(5, struct ban_history, action),
	WIRE_STR_ML(6, struct ban_history, detail),
	WIRE_ENUM(7, struct ban_history, status, BAN_STATUS_ACTIVE + 1),
	WIRE_ENUM(8, struct ban_history, kind, BAN_KIND_COUNT),
	WIRE_ENUM(9, struct ban_history, reason, REASON_COUNT),
	WIRE_STR(10, struct ban_history, starts),
	WIRE_STR(11, struct ban_history, ends),
	WIRE_STR(12, struct ban_history, scope),
	WIRE_STR(13, struct ban_history, imposed_by),
	WIRE_STR(14, struct ban_history, letter_sent),
	WIRE_BOOL(15, struct ban_history, police_informed),
	WIRE_BOOL(16, struct ban_history, until_conversation),
	WIRE_STR_ML(17, struct ban_history, enforcement),
	WIRE_STR_ML(18, struct ban_history, justification),
	WIRE_STR(19, struct ban_history, lifted_at),
	WIRE_INT(20, struct ban_history, version),
};
const size_t records_ban_history_n = N(records_ban_history);

const struct wire_desc records_ban_exception[] = {
	WIRE_I64(1, struct ban_exception, id),
	WIRE_I64(2, struct ban_exception, ban_id),
	WIRE_ENUM(3, struct ban_exception, kind, BAN_EXCEPTION_KIND_COUNT),
	WIRE_ARR(4, struct ban_exception, starts),
	WIRE_ARR(5, struct ban_exception, ends),
	WIRE_ARR(6, struct ban_exception, detail),
	WIRE_ARR(7, struct ban_exception, created_at),
	WIRE_ARR(8, struct ban_exception, created_by),
};
const size_t records_ban_exception_n = N(records_ban_exception);

const struct wire_desc records_ban_notice[] = {
	WIRE_I64(1, struct ban_notice, id),
	WIRE_I64(2, struct ban_notice, ban_id),
	WIRE_ENUM(3, struct ban_notice, event, BAN_NOTICE_EVENT_COUNT),
	WIRE_ARR(4, struct ban_notice, at),
	WIRE_ARR(5, struct ban_notice, name),
	WIRE_ENUM(6, struct ban_notice, kind, BAN_KIND_COUNT),
	WIRE_ARR(7, struct ban_notice, starts),
	WIRE_ARR(8, struct ban_notice, ends),
	WIRE_ARR(9, struct ban_notice, scope),
};
const size_t records_ban_notice_n = N(records_ban_notice);

/* Tags from 200: the hit's own members share the record with its ban's (records_ban). */
const struct wire_desc records_ban_hit[] = {
	WIRE_ENUM(200, struct ban_hit, score, 101),
	WIRE_ENUM(201, struct ban_hit, verdict, NAMES_MATCH + 1),
	WIRE_BOOL(202, struct ban_hit, born_differs),
};
const size_t records_ban_hit_n = N(records_ban_hit);
