#include "RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace wf::net {

using std::chrono::milliseconds;

bool isIdempotentMethod(QByteArrayView method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" ||
           method == "DELETE";
}

bool isRetryableStatus(int status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

bool isRetryableFailure(HttpError error, int status, bool connectionDropped)
{
    switch (error) {
    case HttpError::ConnectionRefused:
    case HttpError::ConnectTimeout:
        return true;
    case HttpError::HttpStatus:
        return isRetryableStatus(status);
    case HttpError::Network:
        return connectionDropped;
    default:
        return false;
    }
}

milliseconds fullJitterBackoff(int retryIndex, const BackoffConfig& config, double random01)
{
    // Doubling in floating point cannot overflow; the cap bounds it before converting back.
    const double exp = std::ldexp(double(config.base.count()), std::clamp(retryIndex, 0, 62));
    const double ceiling = std::min(exp, double(config.cap.count()));
    const double r = std::clamp(random01, 0.0, 1.0);
    return milliseconds(qint64(std::floor(ceiling * r)));
}

std::optional<milliseconds> parseRetryAfter(QByteArrayView value, const QDateTime& nowUtc)
{
    const QByteArray v = value.trimmed().toByteArray();
    if (v.isEmpty())
        return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // More than nine digits is over 30 years: clamp rather than overflow.
        if (v.size() > 9)
            return milliseconds(999'999'999LL * 1000);
        return milliseconds(v.toLongLong() * 1000);
    }
    // IMF-fixdate ends in "GMT", which Qt's RFC 2822 parser does not take; the offset form it does.
    QString date = QString::fromLatin1(v);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(3) + QLatin1String("+0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return milliseconds(std::max<qint64>(0, nowUtc.msecsTo(when)));
}

RetryPlan planRetry(int retriesDone, int maxRetries, std::optional<milliseconds> retryAfter,
                    milliseconds remainingBudget, const BackoffConfig& config, double random01)
{
    if (retriesDone >= maxRetries)
        return {};
    milliseconds delay = fullJitterBackoff(retriesDone, config, random01);
    if (retryAfter) {
        if (*retryAfter > config.retryAfterCap)
            return {};
        delay = std::max(delay, *retryAfter);
    }
    if (delay + config.minAttemptBudget > remainingBudget)
        return {};
    return {true, delay};
}

} // namespace wf::net
