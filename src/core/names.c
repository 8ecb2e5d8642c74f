/* names — stub: being written. */
#include "autoconfig.h"

#include "core/names.h"
