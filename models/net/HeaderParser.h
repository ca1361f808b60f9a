#pragma once

#include "HttpTypes.h"

#include <QByteArrayView>

#include <optional>

// Parsing of the raw header lines curl hands to its header callback. Everything here sees bytes from
// the network, so it is bounded and fuzzed (tests/fuzz/fuzz_http_headers.cpp).
namespace wf::net {

// "HTTP/1.1 200 OK", "HTTP/2 404": the three-digit status, or nothing if the line is not a status line.
std::optional<int> parseStatusLine(QByteArrayView line);

// "Name: value\r\n" -> {name, value} with surrounding whitespace and the line end removed. Nothing for
// lines without a colon or with a name that is not an RFC 9110 token (obs-fold continuations included).
std::optional<std::pair<QByteArray, QByteArray>> parseHeaderLine(QByteArrayView line);

// For outgoing requests: a token name and a value with no CR, LF or NUL (no header injection).
bool isValidHeaderName(QByteArrayView name);
bool isValidHeaderValue(QByteArrayView value);

// Collects the headers of the last response seen on a transfer. Interim responses (100 Continue) start
// a new status line and so reset the list. The total is capped: a server that streams headers forever
// must not grow memory any more than one that streams a body.
class ResponseHeaderCollector
{
public:
    explicit ResponseHeaderCollector(qint64 maxBytes)
        : m_maxBytes(maxBytes)
    {}
    // Returns false once the cap is exceeded; the caller aborts the transfer.
    bool feed(QByteArrayView line);
    int status() const { return m_status; }
    const HttpHeaders& headers() const { return m_headers; }
    QByteArray value(QByteArrayView name) const;
    qint64 totalBytes() const { return m_totalBytes; }
    bool overLimit() const { return m_totalBytes > m_maxBytes; }

private:
    qint64 m_maxBytes;
    qint64 m_totalBytes = 0;
    int m_status = 0;
    HttpHeaders m_headers;
};

// Case-insensitive lookup of the first header with that name.
QByteArray findHeader(const HttpHeaders& headers, QByteArrayView name);

} // namespace wf::net
