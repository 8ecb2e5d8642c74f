/* text — stub: being written. */
#include "autoconfig.h"

#include "core/text.h"
