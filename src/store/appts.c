/* appts — stub: being written. */
#include "autoconfig.h"

#include "store/appts.h"
