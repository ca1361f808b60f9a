#pragma once

#include "HttpTypes.h"

#include <QByteArrayView>
#include <QString>
#include <QUrl>

// The human-readable half of an HttpResult. Messages name what failed and where (host, status, limit)
// and never contain credentials: URLs are reduced to host[:port] before they get here.
namespace wf::net {

// At most maxChars characters of a response body that are safe to show: printable ASCII only, runs of
// whitespace and control bytes collapsed to one space, "..." appended when cut. Non-ASCII bytes become
// '?' so a binary or hostile body cannot inject terminal escapes or bidi tricks into the UI or logs.
QString printableExcerpt(QByteArrayView body, int maxChars = 200);

struct ErrorDetails
{
    QUrl url;                 // the URL of the failing hop
    int status = 0;           // HttpStatus
    QByteArray body;          // HttpStatus: excerpted
    QString detail;           // curl's error text (TLS, Network), or the offending scheme
    qint64 limit = 0;         // ms for timeouts, bytes for TooLarge, hops for TooManyRedirects
    bool headerLimit = false; // TooLarge: the headers, not the body, were too large
    bool redirect = false;    // UnsupportedScheme/InvalidUrl: a Location header, not the caller, asked
};

QString errorMessage(HttpError error, const ErrorDetails& details);

} // namespace wf::net
