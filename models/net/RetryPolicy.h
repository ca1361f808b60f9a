#pragma once

#include "HttpTypes.h"

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

// Pure retry policy, kept free of curl so it is unit-testable: which requests may be repeated, which
// failures are worth repeating, and how long to wait.
namespace wf::net {

struct BackoffConfig
{
    std::chrono::milliseconds base{250};
    std::chrono::milliseconds cap{8000};
    // A server asking for a longer pause than this is not retried: the caller gets its 429/503 at once
    // instead of a request that silently sits for minutes.
    std::chrono::milliseconds retryAfterCap{30000};
    // An attempt is not worth starting with less budget left than this.
    std::chrono::milliseconds minAttemptBudget{100};
};

// GET, HEAD, OPTIONS, PUT, DELETE (RFC 9110 9.2.2; TRACE is never sent). Case-sensitive, as methods are.
bool isIdempotentMethod(QByteArrayView method);

// 429, 502, 503, 504: the server or a proxy in front of it says "not now", not "no".
bool isRetryableStatus(int status);

// connectionDropped: the server closed or reset the connection without a complete response.
// DNS, TLS and total-timeout failures are not retried: repeating them does not change the answer,
// and a timeout has used the budget anyway.
bool isRetryableFailure(HttpError error, int status, bool connectionDropped);

// Full jitter (uniform in [0, min(cap, base * 2^retryIndex)]) so many clients that failed together
// do not come back together. random01 is in [0, 1). retryIndex counts from 0.
std::chrono::milliseconds fullJitterBackoff(int retryIndex, const BackoffConfig& config, double random01);

// Retry-After is delta-seconds or an HTTP-date (RFC 9110 10.2.3). Dates in the past give 0.
std::optional<std::chrono::milliseconds> parseRetryAfter(QByteArrayView value, const QDateTime& nowUtc);

struct RetryPlan
{
    bool retry = false;
    std::chrono::milliseconds delay{0};
};

// Whether and when to retry after a retryable failure. The wait is max(jittered backoff, Retry-After);
// no retry when retries are used up, Retry-After exceeds its cap, or the wait plus a minimal attempt
// would not fit in what is left of the request's total budget.
RetryPlan planRetry(int retriesDone, int maxRetries, std::optional<std::chrono::milliseconds> retryAfter,
                    std::chrono::milliseconds remainingBudget, const BackoffConfig& config, double random01);

} // namespace wf::net
