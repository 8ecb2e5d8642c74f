/* panel_appts — stub */
#include "autoconfig.h"
