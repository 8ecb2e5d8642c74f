/* theme — stub */
#include "autoconfig.h"
