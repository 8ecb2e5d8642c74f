/* dialog — stub */
#include "autoconfig.h"
