#pragma once

#include "ReceiverTypes.h"

namespace wf::receiver {

// The receiver's stock decoder: OTLP JSON and binary protobuf (application/x-protobuf, the SDKs'
// default) through wf::otlp, with accepted items counted per service.name for the stats.
Decoder defaultDecoder();

} // namespace wf::receiver
