/* panel_bans — stub */
#include "autoconfig.h"
