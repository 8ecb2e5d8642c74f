/* draw — stub */
#include "autoconfig.h"
