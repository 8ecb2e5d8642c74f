/* panel_staff — stub */
#include "autoconfig.h"
