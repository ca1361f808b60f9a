#pragma once

#include "HttpTypes.h"

#include <optional>

// Checks a request before it reaches the IO thread, so malformed input fails with a clear message and
// never reaches curl (a header with CRLF would otherwise inject headers).
namespace wf::net {

struct RequestProblem
{
    HttpError error = HttpError::InvalidUrl;
    QString detail; // names the offending part (header name, scheme); never a secret value
};

// Normalizes in place: user info in the URL moves into credentials (so redirect stripping and message
// scrubbing treat it like any credential), limits are clamped to sane ranges.
std::optional<RequestProblem> normalizeRequest(HttpRequest& request);

} // namespace wf::net
