#include "OtlpRouter.h"

namespace wf::receiver {

namespace {

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

Route reject(int status, RejectReason reason, std::optional<ContentType> type, const char* message)
{
    Route r;
    r.kind = Route::Kind::Reject;
    r.reason = reason;
    r.response = type ? otlpError(status, *type, QString::fromLatin1(message))
                      : plainError(status, QByteArray(message));
    return r;
}

} // namespace

std::optional<ContentType> parseContentType(QByteArrayView value)
{
    const qsizetype semi = value.indexOf(';');
    const QByteArrayView media = trimmed(semi < 0 ? value : value.first(semi));
    if (equalsNoCase(media, "application/json"))
        return ContentType::Json;
    if (equalsNoCase(media, "application/x-protobuf") || equalsNoCase(media, "application/protobuf"))
        return ContentType::Protobuf;
    return std::nullopt;
}

std::optional<ContentEncoding> parseContentEncoding(QByteArrayView value)
{
    std::optional<ContentEncoding> result = ContentEncoding::Identity;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i < value.size() && value[i] != ',')
            continue;
        const QByteArrayView coding = trimmed(value.sliced(start, i - start));
        start = i + 1;
        if (coding.isEmpty() || equalsNoCase(coding, "identity"))
            continue;
        // One compression layer at most: stacked codings only multiply the bomb surface.
        if (result != ContentEncoding::Identity)
            return std::nullopt;
        if (equalsNoCase(coding, "gzip") || equalsNoCase(coding, "x-gzip"))
            result = ContentEncoding::Gzip;
        else if (equalsNoCase(coding, "deflate"))
            result = ContentEncoding::Deflate;
        else
            return std::nullopt;
    }
    return result;
}

bool bearerMatches(QByteArrayView authorization, QByteArrayView expectedToken)
{
    const QByteArrayView a = trimmed(authorization);
    const bool scheme = a.size() > 7 && equalsNoCase(a.first(7), "bearer ");
    const QByteArrayView given = scheme ? trimmed(a.sliced(7)) : QByteArrayView();
    unsigned diff = given.size() == expectedToken.size() ? 0u : 1u;
    for (qsizetype i = 0; i < expectedToken.size(); ++i) {
        const char g = i < given.size() ? given[i] : '\0';
        diff |= static_cast<unsigned char>(g ^ expectedToken[i]);
    }
    return scheme && !expectedToken.isEmpty() && diff == 0;
}

Route routeRequest(const HttpRequest& head, QByteArrayView bearerToken)
{
    const QByteArray contentTypeHeader = head.header("content-type");
    const std::optional<ContentType> type = parseContentType(contentTypeHeader);

    if (!bearerToken.isEmpty() && !bearerMatches(head.header("authorization"), bearerToken)) {
        Route r = reject(401, RejectReason::Unauthorized, type, "missing or wrong bearer token");
        r.response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return r;
    }

    const QByteArrayView path = head.path();
    if (path == "/health") {
        if (head.method != "GET") {
            Route r = reject(405, RejectReason::NotFound, type, "method not allowed; use GET");
            r.response.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")});
            return r;
        }
        Route r;
        r.kind = Route::Kind::Health;
        return r;
    }

    std::optional<Signal> signal;
    for (const Signal s : {Signal::Traces, Signal::Logs, Signal::Metrics}) {
        if (path == signalPath(s))
            signal = s;
    }
    if (!signal)
        return reject(404, RejectReason::NotFound, type,
                      "unknown path; use /v1/traces, /v1/logs or /v1/metrics");
    if (head.method != "POST") {
        Route r = reject(405, RejectReason::NotFound, type, "method not allowed; use POST");
        r.response.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return r;
    }
    // A bodiless POST is legal HTTP but never a valid export; 411 also tells a client that streamed a
    // body without framing why it was not read.
    if (head.framing == BodyFraming::None)
        return reject(411, RejectReason::Malformed, type, "Content-Length or chunked body required");
    if (!type) {
        return reject(415, RejectReason::UnsupportedMedia, type,
                      "unsupported Content-Type; use application/json or application/x-protobuf");
    }
    // Repeated Content-Encoding fields form one list (RFC 9110 5.3), so none is silently ignored.
    QByteArray codings;
    for (const auto& [name, value] : head.headers) {
        if (name == "content-encoding")
            codings += value + ',';
    }
    const std::optional<ContentEncoding> encoding = parseContentEncoding(codings);
    if (!encoding)
        return reject(415, RejectReason::UnsupportedMedia, type,
                      "unsupported Content-Encoding; use gzip, deflate or identity");

    Route r;
    r.kind = Route::Kind::Otlp;
    r.signal = *signal;
    r.contentType = *type;
    r.encoding = *encoding;
    return r;
}

} // namespace wf::receiver
