#pragma once

#include "HttpTypes.h"

#include <QByteArrayView>
#include <QUrl>

// Pure redirect and URL policy. HttpClient follows redirects itself (curl's FOLLOWLOCATION is off) so
// that every hop is checked here: scheme allow-list, hop count, and dropping secrets on origin change.
namespace wf::net {

// http and https only; everything else (file, ftp, gopher, ...) is refused, also as a redirect target.
bool isAllowedScheme(const QUrl& url);

// Same scheme, host (case-insensitive) and effective port (default 80/443 filled in).
bool isSameOrigin(const QUrl& a, const QUrl& b);

// 301, 302, 303, 307, 308. 300 and 304 are answers, not redirects.
bool isRedirectStatus(int status);

// Resolves a Location value against the URL that answered. Returns an invalid QUrl when the value is
// empty or not a URL. The fragment is dropped: it is never sent.
QUrl resolveRedirect(const QUrl& current, QByteArrayView location);

// Headers that carry identity: Authorization, Proxy-Authorization, Cookie. Case-insensitive.
bool isSensitiveHeader(QByteArrayView name);
HttpHeaders withoutSensitiveHeaders(const HttpHeaders& headers);

// The method and body of the next hop: 303 turns everything but HEAD into a body-less GET; 301/302
// turn POST into GET (what every browser and curl's default do); 307/308 keep both.
struct RedirectedMethod
{
    QByteArray method;
    bool keepBody = false;
};
RedirectedMethod methodAfterRedirect(int status, QByteArrayView method);

// host[:port] for messages: never the user info, path or query (which may hold tokens).
QString hostForMessage(const QUrl& url);

} // namespace wf::net
