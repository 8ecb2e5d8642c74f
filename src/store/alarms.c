/* alarms — stub: being written. */
#include "autoconfig.h"

#include "store/alarms.h"
