#include "RequestJob.h"

#include "CurlErrors.h"
#include "ErrorText.h"
#include "RedirectPolicy.h"

namespace wf::net::detail {

using std::chrono::milliseconds;

RequestJob::RequestJob(std::shared_ptr<RequestState> state, HttpRequest request, Clock::time_point sentAt)
    : m_state(std::move(state))
    , m_request(std::move(request))
    , m_sentAt(sentAt)
    , m_deadline(sentAt + m_request.totalTimeout)
{}

milliseconds RequestJob::remaining(Clock::time_point now) const
{
    return std::chrono::duration_cast<milliseconds>(m_deadline - now);
}

std::optional<HttpResult> RequestJob::start(CURLM* multi, Clock::time_point now)
{
    m_wakeAt.reset();
    const milliseconds left = remaining(now);
    if (left <= milliseconds(0))
        return finish(HttpError::Timeout, {m_request.url, 0, {}, {}, m_request.totalTimeout.count()}, now);

    // Every attempt gets only what is left of the request's budget, so retries and redirects can never
    // stretch a request past totalTimeout.
    TransferConfig config{m_request.method,
                          m_request.url,
                          m_request.headers,
                          m_request.body,
                          m_request.credentials,
                          std::min(m_request.connectTimeout, left),
                          left,
                          m_request.maxResponseBytes,
                          m_request.verifyTls};
    m_attemptConnectLimit = config.connectTimeout;
    m_transfer = std::make_unique<CurlTransfer>(config, this);
    if (!m_transfer->isValid() || m_transfer->attach(multi) != CURLM_OK) {
        m_transfer.reset();
        return finish(HttpError::Network, {m_request.url, 0, {}, QStringLiteral("curl could not start")},
                      now);
    }
    return std::nullopt;
}

std::optional<HttpResult> RequestJob::onTransferDone(CURLM* multi, CURLcode code, Clock::time_point now,
                                                     std::mt19937_64& rng)
{
    // Take the transfer out now: whatever happens next, this hop is over and its handle leaves the multi.
    std::unique_ptr<CurlTransfer> t = std::move(m_transfer);
    CURL* easy = t->easy();

    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t connectUs = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectUs);
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);

    ErrorDetails details{m_request.url, int(status)};
    if (t->bodyTooLarge() || t->headersTooLarge()) {
        details.headerLimit = t->headersTooLarge();
        details.limit = details.headerLimit ? kMaxResponseHeaderBytes : m_request.maxResponseBytes;
        return finish(HttpError::TooLarge, details, now);
    }

    CurlFailure failure = classifyCurlCode(code, connectUs > 0 || status > 0, osErrno);
    details.detail = QString::fromUtf8(t->errorText()).trimmed();
    if (details.detail.isEmpty() && code != CURLE_OK)
        details.detail = QString::fromUtf8(curl_easy_strerror(code));
    if (failure.error == HttpError::ConnectTimeout)
        details.limit = m_attemptConnectLimit.count();
    else if (failure.error == HttpError::Timeout)
        details.limit = m_request.totalTimeout.count();

    const ResponseHeaderCollector& headers = t->responseHeaders();
    if (failure.error == HttpError::None && isRedirectStatus(int(status))) {
        const QByteArray location = headers.value("Location");
        if (!location.isEmpty())
            return followRedirect(multi, int(status), location, now);
    }
    if (failure.error == HttpError::None && status >= 400)
        failure.error = HttpError::HttpStatus;

    if (failure.error != HttpError::None && isIdempotentMethod(m_request.method) &&
        isRetryableFailure(failure.error, int(status), failure.connectionDropped)) {
        std::optional<milliseconds> retryAfter;
        if (failure.error == HttpError::HttpStatus)
            retryAfter = parseRetryAfter(headers.value("Retry-After"), QDateTime::currentDateTimeUtc());
        const double r = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        const RetryPlan plan =
            planRetry(m_retries, m_request.maxRetries, retryAfter, remaining(now), m_backoff, r);
        if (plan.retry) {
            ++m_retries;
            m_wakeAt = now + plan.delay;
            return std::nullopt;
        }
    }

    HttpResult result;
    if (failure.error == HttpError::None || failure.error == HttpError::HttpStatus) {
        details.body = t->takeBody();
        result = finish(failure.error, details, now);
        result.body = std::move(details.body);
    } else {
        result = finish(failure.error, details, now);
    }
    result.status = int(status);
    result.headers = headers.headers();
    return result;
}

std::optional<HttpResult> RequestJob::followRedirect(CURLM* multi, int status, const QByteArray& location,
                                                     Clock::time_point now)
{
    ErrorDetails details{m_request.url, status};
    details.redirect = true;
    if (++m_redirects > m_request.maxRedirects) {
        details.limit = m_request.maxRedirects;
        return finish(HttpError::TooManyRedirects, details, now);
    }
    QUrl next = resolveRedirect(m_request.url, location);
    if (!next.isValid())
        return finish(HttpError::InvalidUrl, details, now);
    if (!isAllowedScheme(next)) {
        details.detail = next.scheme();
        return finish(HttpError::UnsupportedScheme, details, now);
    }
    // Credentials we were given belong to the origin we were given; once the chain leaves it they are
    // gone for good, even if a later hop comes back. User info in a Location is the server's, not ours:
    // never sent either.
    if (!isSameOrigin(m_request.url, next)) {
        m_request.headers = withoutSensitiveHeaders(m_request.headers);
        m_request.credentials = {};
    }
    next.setUserInfo(QString());
    const RedirectedMethod method = methodAfterRedirect(status, m_request.method);
    m_request.method = method.method;
    if (!method.keepBody)
        m_request.body.clear();
    m_request.url = next;
    return start(multi, now);
}

HttpResult RequestJob::cancelled(Clock::time_point now)
{
    m_transfer.reset();
    return finish(HttpError::Cancelled, {m_request.url}, now);
}

HttpResult RequestJob::finish(HttpError error, ErrorDetails details, Clock::time_point now)
{
    HttpResult r;
    r.error = error;
    r.errorMessage = errorMessage(error, details);
    r.status = details.status;
    r.finalUrl = m_request.url;
    r.attempts = 1 + m_retries;
    r.elapsedMs = std::chrono::duration_cast<milliseconds>(now - m_sentAt).count();
    return r;
}

} // namespace wf::net::detail
