#pragma once

#include "HttpTypes.h"

#include <curl/curl.h>

// Maps curl's result codes onto HttpError. Kept apart from the transfer so the mapping reads as a table.
namespace wf::net::detail {

struct CurlFailure
{
    HttpError error = HttpError::None;
    bool connectionDropped = false; // reset/closed mid-request: retryable for idempotent methods
};

// connected: the TCP (and TLS) connection was established, which tells a connect timeout from a total
// one. osErrno: CURLINFO_OS_ERRNO, which tells "refused" from "unreachable".
CurlFailure classifyCurlCode(CURLcode code, bool connected, long osErrno);

} // namespace wf::net::detail
