/* panel_alarms — stub */
#include "autoconfig.h"
