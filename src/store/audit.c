/* audit — stub: being written. */
#include "autoconfig.h"

#include "store/audit.h"
