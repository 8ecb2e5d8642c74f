/* records_incidents — how the incident records travel (issue 13): the form, its follow-up
 * steps, the follow-up list, earlier offences and what the report counts. */
#include "autoconfig.h"

#include <stddef.h>

#include "service/records.h"
#include "store/lib.h"

#define N(a) (sizeof(a) / sizeof *(a))

/* Texts that may hold line breaks (description, witnesses, notes) are multi-line. */
const struct wire_desc records_incident[] = {
	WIRE_I64(1, struct incident, id),
	WIRE_TIME(2, struct incident, at),
	WIRE_ENUM(3, struct incident, category, INCIDENT_CATEGORY_COUNT),
	WIRE_ENUM(4, struct incident, channel, INCIDENT_CHANNEL_COUNT),
	WIRE_ARR(5, struct incident, place),
	WIRE_ARR(6, struct incident, employee),
	WIRE_ARR(7, struct incident, perpetrator),
	WIRE_ARR(8, struct incident, perp_given),
	WIRE_ARR(9, struct incident, perp_prefix),
	WIRE_ARR(10, struct incident, perp_surname),
	WIRE_ARR(11, struct incident, perp_born),
	WIRE_ARR(12, struct incident, perp_address),
	WIRE_ARR(13, struct incident, perp_phone),
	WIRE_ARR_ML(14, struct incident, description),
	WIRE_ARR_ML(15, struct incident, witnesses),
	WIRE_ENUM(16, struct incident, injury, INCIDENT_INJURY_COUNT),
	WIRE_I64(17, struct incident, damage_personal),
	WIRE_I64(18, struct incident, damage_municipal),
	WIRE_ENUM(19, struct incident, risk_assessed, INCIDENT_ANSWER_COUNT),
	WIRE_ARR_ML(20, struct incident, measures),
	WIRE_ENUM(21, struct incident, police, INCIDENT_POLICE_COUNT),
	WIRE_ARR(22, struct incident, police_date),
	WIRE_ARR(23, struct incident, police_number),
	WIRE_ENUM(24, struct incident, aftercare, INCIDENT_ANSWER_COUNT),
	WIRE_ARR(25, struct incident, conversation_date),
	WIRE_ARR(26, struct incident, minutes_sent),
	WIRE_ENUM(27, struct incident, preventable, INCIDENT_ANSWER_COUNT),
	WIRE_ARR_ML(28, struct incident, prevention),
	WIRE_ENUM(29, struct incident, discussed, INCIDENT_ANSWER_COUNT),
	WIRE_I64(30, struct incident, alarm_id),
	WIRE_TIME(31, struct incident, completed_at),
	WIRE_ARR(32, struct incident, completed_by),
	WIRE_TIME(33, struct incident, created_at),
	WIRE_ARR(34, struct incident, created_by),
	WIRE_INT(35, struct incident, version),
	WIRE_TIME(36, struct incident, pseudonymised_at),
};
const size_t records_incident_n = N(records_incident);

#define FOLLOWUP(base, type, f)                                                            \
	WIRE_ENUM(base + 0, type, f due.item, INCIDENT_ITEM_COUNT),                        \
	WIRE_INT(base + 1, type, f due.index),                                             \
	WIRE_ARR(base + 2, type, f due.key),                                               \
	WIRE_TIME(base + 3, type, f due.starts),                                           \
	WIRE_TIME(base + 4, type, f due.due),                                              \
	WIRE_INT(base + 5, type, f due.span.from),                                         \
	WIRE_INT(base + 6, type, f due.span.to),                                           \
	WIRE_INT(base + 7, type, f due.span.unit),                                         \
	WIRE_BOOL(base + 8, type, f due.done_by_fact),                                     \
	WIRE_ARR(base + 9, type, f due.done_date),                                         \
	WIRE_ENUM(base + 10, type, f state, DUE_OVERDUE + 1),                              \
	WIRE_BOOL(base + 11, type, f marked),                                              \
	WIRE_TIME(base + 12, type, f done_at),                                             \
	WIRE_ARR(base + 13, type, f done_by),                                              \
	WIRE_ARR_ML(base + 14, type, f note)

const struct wire_desc records_incident_followup[] = {
	FOLLOWUP(1, struct incident_followup, ),
};
const size_t records_incident_followup_n = N(records_incident_followup);

const struct wire_desc records_incident_due_row[] = {
	WIRE_I64(1, struct incident_due_row, incident_id),
	WIRE_TIME(2, struct incident_due_row, at),
	WIRE_ENUM(3, struct incident_due_row, category, INCIDENT_CATEGORY_COUNT),
	WIRE_ARR(4, struct incident_due_row, place),
	FOLLOWUP(10, struct incident_due_row, f.),
};
const size_t records_incident_due_row_n = N(records_incident_due_row);

const struct wire_desc records_incidents_earlier[] = {
	WIRE_SIZE(1, struct incidents_earlier, bans),
	WIRE_SIZE(2, struct incidents_earlier, incidents),
	WIRE_SIZE(3, struct incidents_earlier, kept),
};
const size_t records_incidents_earlier_n = N(records_incidents_earlier);

/* A report item is an incident (tags 1-4) or a tally mark (tags 11-13), never both. */
const struct wire_desc records_incidents_record[] = {
	WIRE_ARR(1, struct incidents_record, date),
	WIRE_ENUM(2, struct incidents_record, category, INCIDENT_CATEGORY_COUNT),
	WIRE_ENUM(3, struct incidents_record, channel, INCIDENT_CHANNEL_COUNT),
	WIRE_ARR(4, struct incidents_record, place),
};
const size_t records_incidents_record_n = N(records_incidents_record);

const struct wire_desc records_incidents_tally[] = {
	WIRE_ARR(11, struct incidents_tally, date),
	WIRE_ENUM(12, struct incidents_tally, category, INCIDENT_CATEGORY_COUNT),
	WIRE_ENUM(13, struct incidents_tally, channel, INCIDENT_CHANNEL_COUNT),
};
const size_t records_incidents_tally_n = N(records_incidents_tally);
