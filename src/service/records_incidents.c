/* records_incidents — how the incident records travel (issue 13): the form, its follow-up
 * steps, the follow-up list, earlier offences and what the report counts. */
#include "autoconfig.h"

#include <stddef.h>

#include "service/records.h"
#include "store/lib.h"

#define N(a) (sizeof(a) / sizeof *(a))

/* Texts that may hold line breaks (description, witnesses, notes) are multi-line. */
const struct wire_desc records_incident[] = {
	WIRE_MEMBER(1, WM_I64, struct incident, id, 0),
	WIRE_MEMBER(2, WM_TIME, struct incident, at, 0),
	WIRE_MEMBER(3, WM_INT, struct incident, category, INCIDENT_CATEGORY_COUNT),
	WIRE_MEMBER(4, WM_INT, struct incident, channel, INCIDENT_CHANNEL_COUNT),
	WIRE_MEMBER(5, WM_ARR, struct incident, place, 0),
	WIRE_MEMBER(6, WM_ARR, struct incident, employee, 0),
	WIRE_MEMBER(7, WM_ARR, struct incident, perpetrator, 0),
	WIRE_MEMBER(8, WM_ARR, struct incident, perp_given, 0),
	WIRE_MEMBER(9, WM_ARR, struct incident, perp_prefix, 0),
	WIRE_MEMBER(10, WM_ARR, struct incident, perp_surname, 0),
	WIRE_MEMBER(11, WM_ARR, struct incident, perp_born, 0),
	WIRE_MEMBER(12, WM_ARR, struct incident, perp_address, 0),
	WIRE_MEMBER(13, WM_ARR, struct incident, perp_phone, 0),
	WIRE_MEMBER_ML(14, WM_ARR, struct incident, description, 0),
	WIRE_MEMBER_ML(15, WM_ARR, struct incident, witnesses, 0),
	WIRE_MEMBER(16, WM_INT, struct incident, injury, INCIDENT_INJURY_COUNT),
	WIRE_MEMBER(17, WM_I64, struct incident, damage_personal, 0),
	WIRE_MEMBER(18, WM_I64, struct incident, damage_municipal, 0),
	WIRE_MEMBER(19, WM_INT, struct incident, risk_assessed, INCIDENT_ANSWER_COUNT),
	WIRE_MEMBER_ML(20, WM_ARR, struct incident, measures, 0),
	WIRE_MEMBER(21, WM_INT, struct incident, police, INCIDENT_POLICE_COUNT),
	WIRE_MEMBER(22, WM_ARR, struct incident, police_date, 0),
	WIRE_MEMBER(23, WM_ARR, struct incident, police_number, 0),
	WIRE_MEMBER(24, WM_INT, struct incident, aftercare, INCIDENT_ANSWER_COUNT),
	WIRE_MEMBER(25, WM_ARR, struct incident, conversation_date, 0),
	WIRE_MEMBER(26, WM_ARR, struct incident, minutes_sent, 0),
	WIRE_MEMBER(27, WM_INT, struct incident, preventable, INCIDENT_ANSWER_COUNT),
	WIRE_MEMBER_ML(28, WM_ARR, struct incident, prevention, 0),
	WIRE_MEMBER(29, WM_INT, struct incident, discussed, INCIDENT_ANSWER_COUNT),
	WIRE_MEMBER(30, WM_I64, struct incident, alarm_id, 0),
	WIRE_MEMBER(31, WM_TIME, struct incident, completed_at, 0),
	WIRE_MEMBER(32, WM_ARR, struct incident, completed_by, 0),
	WIRE_MEMBER(33, WM_TIME, struct incident, created_at, 0),
	WIRE_MEMBER(34, WM_ARR, struct incident, created_by, 0),
	WIRE_MEMBER(35, WM_INT, struct incident, version, 0),
	WIRE_MEMBER(36, WM_TIME, struct incident, pseudonymised_at, 0),
};
const size_t records_incident_n = N(records_incident);

#define FOLLOWUP(base, type, f)                                                            \
	WIRE_MEMBER(base + 0, WM_INT, type, f due.item, INCIDENT_ITEM_COUNT),                 \
	WIRE_MEMBER(base + 1, WM_INT, type, f due.index, 0),                                  \
	WIRE_MEMBER(base + 2, WM_ARR, type, f due.key, 0),                                    \
	WIRE_MEMBER(base + 3, WM_TIME, type, f due.starts, 0),                                \
	WIRE_MEMBER(base + 4, WM_TIME, type, f due.due, 0),                                   \
	WIRE_MEMBER(base + 5, WM_INT, type, f due.span.from, 0),                              \
	WIRE_MEMBER(base + 6, WM_INT, type, f due.span.to, 0),                                \
	WIRE_MEMBER(base + 7, WM_INT, type, f due.span.unit, 0),                              \
	WIRE_MEMBER(base + 8, WM_BOOL, type, f due.done_by_fact, 0),                          \
	WIRE_MEMBER(base + 9, WM_ARR, type, f due.done_date, 0),                              \
	WIRE_MEMBER(base + 10, WM_INT, type, f state, DUE_OVERDUE + 1),                       \
	WIRE_MEMBER(base + 11, WM_BOOL, type, f marked, 0),                                   \
	WIRE_MEMBER(base + 12, WM_TIME, type, f done_at, 0),                                  \
	WIRE_MEMBER(base + 13, WM_ARR, type, f done_by, 0),                                   \
	WIRE_MEMBER_ML(base + 14, WM_ARR, type, f note, 0)

const struct wire_desc records_incident_followup[] = {
	FOLLOWUP(1, struct incident_followup, ),
};
const size_t records_incident_followup_n = N(records_incident_followup);

const struct wire_desc records_incident_due_row[] = {
	WIRE_MEMBER(1, WM_I64, struct incident_due_row, incident_id, 0),
	WIRE_MEMBER(2, WM_TIME, struct incident_due_row, at, 0),
	WIRE_MEMBER(3, WM_INT, struct incident_due_row, category, INCIDENT_CATEGORY_COUNT),
	WIRE_MEMBER(4, WM_ARR, struct incident_due_row, place, 0),
	FOLLOWUP(10, struct incident_due_row, f.),
};
const size_t records_incident_due_row_n = N(records_incident_due_row);

const struct wire_desc records_incidents_earlier[] = {
	WIRE_MEMBER(1, WM_SIZE, struct incidents_earlier, bans, 0),
	WIRE_MEMBER(2, WM_SIZE, struct incidents_earlier, incidents, 0),
	WIRE_MEMBER(3, WM_SIZE, struct incidents_earlier, kept, 0),
};
const size_t records_incidents_earlier_n = N(records_incidents_earlier);

/* A report item is an incident (tags 1-4) or a tally mark (tags 11-13), never both. */
const struct wire_desc records_incidents_record[] = {
	WIRE_MEMBER(1, WM_ARR, struct incidents_record, date, 0),
	WIRE_MEMBER(2, WM_INT, struct incidents_record, category, INCIDENT_CATEGORY_COUNT),
	WIRE_MEMBER(3, WM_INT, struct incidents_record, channel, INCIDENT_CHANNEL_COUNT),
	WIRE_MEMBER(4, WM_ARR, struct incidents_record, place, 0),
};
const size_t records_incidents_record_n = N(records_incidents_record);

const struct wire_desc records_incidents_tally[] = {
	WIRE_MEMBER(11, WM_ARR, struct incidents_tally, date, 0),
	WIRE_MEMBER(12, WM_INT, struct incidents_tally, category, INCIDENT_CATEGORY_COUNT),
	WIRE_MEMBER(13, WM_INT, struct incidents_tally, channel, INCIDENT_CHANNEL_COUNT),
};
const size_t records_incidents_tally_n = N(records_incidents_tally);
