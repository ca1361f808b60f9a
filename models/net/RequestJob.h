#pragma once

#include "CurlTransfer.h"
#include "ErrorText.h"
#include "HttpTypes.h"
#include "RequestState.h"
#include "RetryPolicy.h"

#include <chrono>
#include <memory>
#include <optional>
#include <random>

// The life of one request on the IO thread: attempts, redirects it follows itself, retries it
// schedules. It never waits: a retry sets wakeAt() and the multi loop starts it when due.
namespace wf::net::detail {

using Clock = std::chrono::steady_clock;

class RequestJob
{
public:
    RequestJob(std::shared_ptr<RequestState> state, HttpRequest request, Clock::time_point sentAt);

    const std::shared_ptr<RequestState>& state() const { return m_state; }
    std::optional<Clock::time_point> wakeAt() const { return m_wakeAt; }

    // Starts the next hop or attempt now. Returns a final result if it cannot (budget spent, curl error).
    std::optional<HttpResult> start(CURLM* multi, Clock::time_point now);

    // Curl finished the current transfer. Returns the final result, or nothing when the job goes on:
    // a redirect hop was started, or a retry is scheduled at wakeAt().
    std::optional<HttpResult> onTransferDone(CURLM* multi, CURLcode code, Clock::time_point now,
                                             std::mt19937_64& rng);

    // Final result for cancellation or shutdown; drops the transfer.
    HttpResult cancelled(Clock::time_point now);

private:
    std::chrono::milliseconds remaining(Clock::time_point now) const;
    HttpResult finish(HttpError error, ErrorDetails details, Clock::time_point now);
    std::optional<HttpResult> followRedirect(CURLM* multi, int status, const QByteArray& location,
                                             Clock::time_point now);

    std::shared_ptr<RequestState> m_state;
    HttpRequest m_request; // the current hop: URL, method, headers and credentials change on redirect
    Clock::time_point m_sentAt;
    Clock::time_point m_deadline;
    std::unique_ptr<CurlTransfer> m_transfer;
    std::chrono::milliseconds m_attemptConnectLimit{0};
    std::optional<Clock::time_point> m_wakeAt;
    int m_retries = 0;
    int m_redirects = 0;
    BackoffConfig m_backoff;
};

} // namespace wf::net::detail
