/* bans — stub: being written. */
#include "autoconfig.h"

#include "store/bans.h"
