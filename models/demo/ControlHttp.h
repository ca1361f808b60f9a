#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

#include <utility>

namespace wf::demo {

class ShopSimulation;

// The demo shop's control endpoint speaks a deliberately tiny subset of HTTP/1.1: one request per
// connection, no body use, strict limits. Parsing and routing live here (pure, testable); the socket
// handling is in app/demo-shop/ControlServer.
struct ControlRequest
{
    QByteArray method;
    QByteArray path;                                  // without the query string
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    qint64 contentLength = 0;
    QByteArray header(QByteArrayView lowerCaseName) const; // first match or empty
};

struct ControlParse
{
    enum class Status { NeedMore, Complete, Invalid };
    Status status = Status::NeedMore;
    int errorStatus = 0;       // HTTP status to answer with when Invalid (400, 403, 431)
    qsizetype headerBytes = 0; // size of the head including the blank line, when Complete
};

constexpr qsizetype kControlMaxHeaderBytes = 8 * 1024;
constexpr qint64 kControlMaxBodyBytes = 4 * 1024;

// Parses the request head at the start of buffer. Rejects: heads over 8 KiB (431), non-CRLF line
// ends, obsolete line folding, methods that are not upper-case tokens, targets not starting with '/'
// or with control characters, versions other than HTTP/1.0 and 1.1, more than 64 headers, malformed
// or too large Content-Length, any Transfer-Encoding (400), a missing or non-loopback Host (400),
// and an Origin header (403: a web page in a browser on this machine must not drive the demo).
ControlParse parseControlRequest(QByteArrayView buffer, ControlRequest& out);

struct ControlReply
{
    int status = 200;
    QJsonObject body;
    QByteArray allow; // for 405
};

// GET /state, POST /actions/payments-db-pool/reset, POST /actions/payments/restart; 404 otherwise,
// 405 for a known path with another method.
ControlReply routeControlRequest(const ControlRequest& request, ShopSimulation& simulation);
ControlReply errorReply(int status);

// A complete HTTP/1.1 response with a JSON body and Connection: close.
QByteArray serializeControlReply(const ControlReply& reply);

} // namespace wf::demo
