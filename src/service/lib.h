/* service — the one place that decides: typed frames (wire), the protocol's numbers
 * (proto), the record tables shared with the client (records) and the dispatcher.
 * The folder's public face: code outside src/service/ includes this header only. */
#ifndef BALIE_SERVICE_LIB_H
#define BALIE_SERVICE_LIB_H

#include "service/proto.h"
#include "service/records.h"
#include "service/service.h"
#include "service/wire.h"

#endif
