/* keys — stub */
#include "autoconfig.h"
