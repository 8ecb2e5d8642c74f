/* staff — stub: being written. */
#include "autoconfig.h"

#include "store/staff.h"
