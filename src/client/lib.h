/* client — how balie reaches the data: one session with the service, over balied's
 * socket or in-process (direct mode); client_* mirror the store's calls.
 * The folder's public face: code outside src/client/ includes this header only. */
#ifndef BALIE_CLIENT_LIB_H
#define BALIE_CLIENT_LIB_H

#include "client/admin.h"
#include "client/alarms.h"
#include "client/appts.h"
#include "client/bans.h"
#include "client/check.h"
#include "client/client.h"
#include "client/incidents.h"
#include "client/staff.h"
#include "client/visits.h"

#endif
