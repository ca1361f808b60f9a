#pragma once

#include "ReceiverTypes.h"

#include <functional>

namespace wf::receiver {

// Wraps a decoder so that, while `busy()` says the place the data goes cannot take more, requests get
// 503 with Retry-After instead of a 200 for data that would then be dropped: OTLP senders retry a 503,
// and nothing they were told was accepted is lost. Traces and logs only; metrics go to memory.
Decoder withBackpressure(Decoder inner, std::function<bool()> busy);

} // namespace wf::receiver
