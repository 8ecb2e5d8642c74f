/* store — the only code that speaks SQL: opening and checking the database, and one
 * module per kind of record (bans, alarms, appointments, staff, visits, incidents, audit).
 * The folder's public face: code outside src/store/ includes this header only. */
#ifndef BALIE_STORE_LIB_H
#define BALIE_STORE_LIB_H

#include "store/alarms.h"
#include "store/appts.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/bans.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/health.h"
#include "store/incidents.h"
#include "store/journal.h"
#include "store/purge.h"
#include "store/staff.h"
#include "store/visits.h"

#endif
