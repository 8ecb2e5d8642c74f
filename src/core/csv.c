/* csv — stub: being written. */
#include "autoconfig.h"

#include "core/csv.h"
