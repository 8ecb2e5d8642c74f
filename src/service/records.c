/* records — the wire_desc tables of the store's records (see records.h). */
#include "autoconfig.h"

#include <stddef.h>

#include "service/records.h"
#include "store/alarms.h"

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
