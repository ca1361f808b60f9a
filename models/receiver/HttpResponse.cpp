#include "HttpResponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wf::receiver {

namespace {

// google.rpc.Code closest to an HTTP status, for the Status body.
int rpcCode(int status)
{
    switch (status) {
    case 401:
        return 16; // UNAUTHENTICATED
    case 404:
        return 5; // NOT_FOUND
    case 405:
    case 501:
    case 505:
        return 12; // UNIMPLEMENTED
    case 408:
        return 4; // DEADLINE_EXCEEDED
    case 413:
    case 414:
    case 429:
    case 431:
        return 8; // RESOURCE_EXHAUSTED
    case 500:
        return 13; // INTERNAL
    case 503:
        return 14; // UNAVAILABLE
    default:
        return 3; // INVALID_ARGUMENT
    }
}

void appendVarint(QByteArray& out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

void appendBytesField(QByteArray& out, int field, const QByteArray& bytes)
{
    appendVarint(out, quint64(field) << 3 | 2);
    appendVarint(out, quint64(bytes.size()));
    out.append(bytes);
}

void appendVarintField(QByteArray& out, int field, quint64 value)
{
    appendVarint(out, quint64(field) << 3 | 0);
    appendVarint(out, value);
}

QByteArray contentTypeOf(ContentType type)
{
    return type == ContentType::Json ? QByteArrayLiteral("application/json")
                                     : QByteArrayLiteral("application/x-protobuf");
}

QString rejectedField(Signal signal)
{
    switch (signal) {
    case Signal::Traces:
        return QStringLiteral("rejectedSpans");
    case Signal::Logs:
        return QStringLiteral("rejectedLogRecords");
    case Signal::Metrics:
        return QStringLiteral("rejectedDataPoints");
    }
    return {};
}

} // namespace

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

QByteArray serializeResponse(const HttpResponse& response, bool keepAlive)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += (keepAlive && !response.close) ? QByteArrayView("Connection: keep-alive\r\n")
                                          : QByteArrayView("Connection: close\r\n");
    out += "\r\n";
    out += response.body;
    return out;
}

HttpResponse otlpSuccess(Signal signal, ContentType type, qint64 rejectedItems, const QString& message)
{
    HttpResponse r;
    r.contentType = contentTypeOf(type);
    const bool partial = rejectedItems > 0 || !message.isEmpty();
    if (type == ContentType::Json) {
        QJsonObject root;
        if (partial) {
            QJsonObject ps;
            ps.insert(rejectedField(signal), double(rejectedItems));
            if (!message.isEmpty())
                ps.insert(QStringLiteral("errorMessage"), message);
            root.insert(QStringLiteral("partialSuccess"), ps);
        }
        r.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    } else if (partial) {
        // Export*ServiceResponse { Export*PartialSuccess partial_success = 1 { int64 rejected = 1;
        // string error_message = 2; } } for all three signals.
        QByteArray inner;
        if (rejectedItems > 0)
            appendVarintField(inner, 1, quint64(rejectedItems));
        if (!message.isEmpty())
            appendBytesField(inner, 2, message.toUtf8());
        appendBytesField(r.body, 1, inner);
    }
    return r;
}

HttpResponse otlpError(int status, ContentType type, const QString& message)
{
    HttpResponse r;
    r.status = status;
    r.contentType = contentTypeOf(type);
    if (type == ContentType::Json) {
        QJsonObject root;
        root.insert(QStringLiteral("code"), rpcCode(status));
        root.insert(QStringLiteral("message"), message);
        r.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    } else {
        // google.rpc.Status { int32 code = 1; string message = 2; }
        appendVarintField(r.body, 1, quint64(rpcCode(status)));
        appendBytesField(r.body, 2, message.toUtf8());
    }
    return r;
}

HttpResponse plainError(int status, const QByteArray& message)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = message + '\n';
    return r;
}

HttpResponse withRetryAfter(HttpResponse response)
{
    response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    return response;
}

} // namespace wf::receiver
