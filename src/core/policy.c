/* policy — stub: being written. */
#include "autoconfig.h"

#include "core/policy.h"
