/* roles — stub: being written. */
#include "autoconfig.h"

#include "core/roles.h"
