#pragma once

#include "ReceiverTypes.h"

namespace wf::receiver {

// The receiver's stock decoder: OTLP JSON through wf::otlp (and protobuf once wf::otlp has it), with
// accepted items counted per service.name for the stats.
Decoder defaultDecoder();

} // namespace wf::receiver
