#pragma once

#include "ReceiverTypes.h"

#include <QByteArray>
#include <QString>

// Responses as the OTLP/HTTP specification wants them: 200 with an (optionally partial-success)
// export response, errors with a google.rpc.Status body, each encoded like the request (JSON or
// protobuf). Protocol text goes to another program's logs, in English, so it is not translated.
namespace wf::receiver {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType; // empty: no body
    QByteArray body;
    HttpHeaderList headers; // extra: Retry-After, Allow, WWW-Authenticate
    bool close = false;     // end the connection after this response
};

// Status line, Content-Length, Connection and the extra headers; keepAlive false adds
// "Connection: close".
QByteArray serializeResponse(const HttpResponse& response, bool keepAlive);
QByteArrayView reasonPhrase(int status);

// 200 with {} or a partialSuccess naming the rejected count and why.
HttpResponse otlpSuccess(Signal signal, ContentType type, qint64 rejectedItems, const QString& message);
// An error with a Status body ({"code":3,"message":"..."}) in the request's encoding.
HttpResponse otlpError(int status, ContentType type, const QString& message);
// An error for requests whose encoding is unknown or unsupported: text/plain.
HttpResponse plainError(int status, const QByteArray& message);
// Adds Retry-After: 1, which OTLP exporters honour for 429 and 503.
HttpResponse withRetryAfter(HttpResponse response);

} // namespace wf::receiver
