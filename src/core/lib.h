/* core — the rules as pure functions (no SQL, no curses, no I/O): dates, text hygiene,
 * names and matching, policy, roles, sanctions, incidents, appointments, visits, CSV.
 * The folder's public face: code outside src/core/ includes this header only. */
#ifndef BALIE_CORE_LIB_H
#define BALIE_CORE_LIB_H

#include "core/appts.h"
#include "core/backups.h"
#include "core/bancheck.h"
#include "core/csv.h"
#include "core/dates.h"
#include "core/grow.h"
#include "core/incidents.h"
#include "core/named.h"
#include "core/names.h"
#include "core/policy.h"
#include "core/roles.h"
#include "core/sanctions.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/visitor.h"
#include "core/visits.h"

#endif
