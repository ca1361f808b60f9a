#include "RequestValidation.h"

#include "HeaderParser.h"
#include "RedirectPolicy.h"

#include <algorithm>

namespace wf::net {

std::optional<RequestProblem> normalizeRequest(HttpRequest& r)
{
    if (!r.url.isValid() || r.url.isRelative())
        return RequestProblem{HttpError::InvalidUrl, QStringLiteral("URL is not absolute or not valid")};
    if (!isAllowedScheme(r.url))
        return RequestProblem{HttpError::UnsupportedScheme, r.url.scheme()};
    if (r.url.host().isEmpty())
        return RequestProblem{HttpError::InvalidUrl, QStringLiteral("URL has no host")};
    if (!isValidHeaderName(r.method))
        return RequestProblem{HttpError::InvalidUrl, QStringLiteral("method is not an HTTP token")};
    for (const auto& [name, value] : std::as_const(r.headers)) {
        if (!isValidHeaderName(name))
            return RequestProblem{HttpError::InvalidUrl, QStringLiteral("header name is not an HTTP token")};
        if (!isValidHeaderValue(value))
            return RequestProblem{
                HttpError::InvalidUrl,
                QStringLiteral("header %1 contains a line break").arg(QString::fromLatin1(name))};
    }
    if (!isValidHeaderValue(r.credentials.bearerToken))
        return RequestProblem{HttpError::InvalidUrl, QStringLiteral("bearer token contains a line break")};

    if (!r.url.userInfo().isEmpty()) {
        if (r.credentials.user.isEmpty() && r.credentials.password.isEmpty()) {
            r.credentials.user = r.url.userName(QUrl::FullyDecoded);
            r.credentials.password = r.url.password(QUrl::FullyDecoded);
        }
        r.url.setUserInfo(QString());
    }
    r.url.setFragment(QString());

    using std::chrono::milliseconds;
    r.totalTimeout = std::max(r.totalTimeout, milliseconds(1));
    r.connectTimeout = std::clamp(r.connectTimeout, milliseconds(1), r.totalTimeout);
    r.maxResponseBytes = std::max<qint64>(r.maxResponseBytes, 1);
    r.maxRedirects = std::clamp(r.maxRedirects, 0, 50);
    r.maxRetries = std::clamp(r.maxRetries, 0, 10);
    return std::nullopt;
}

} // namespace wf::net
