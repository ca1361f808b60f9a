#pragma once

#include "HttpResponse.h"
#include "ReceiverTypes.h"

#include <optional>

// The receiver's request policy, decided from the request head alone, before a byte of the body is
// read: authentication, route, method, framing, media type and content coding. Pure, so every branch
// is unit-testable without sockets.
namespace wf::receiver {

enum class ContentEncoding { Identity, Gzip, Deflate };

struct Route
{
    enum class Kind { Reject, Otlp, Health };
    Kind kind = Kind::Reject;
    HttpResponse response; // Reject only
    RejectReason reason = RejectReason::Malformed;
    Signal signal = Signal::Traces;
    ContentType contentType = ContentType::Json;
    ContentEncoding encoding = ContentEncoding::Identity;
};

Route routeRequest(const HttpRequest& head, QByteArrayView bearerToken);

// "application/json; charset=utf-8" -> Json; "application/x-protobuf" -> Protobuf.
std::optional<ContentType> parseContentType(QByteArrayView value);
std::optional<ContentEncoding> parseContentEncoding(QByteArrayView value);
// "Bearer <token>" against the expected token. The time taken depends only on the expected token,
// so response timing does not reveal how much of a guess was right.
bool bearerMatches(QByteArrayView authorization, QByteArrayView expectedToken);

} // namespace wf::receiver
