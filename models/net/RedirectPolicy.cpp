#include "RedirectPolicy.h"

namespace wf::net {

namespace {

int effectivePort(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1);
}

} // namespace

bool isAllowedScheme(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

bool isSameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QUrl resolveRedirect(const QUrl& current, QByteArrayView location)
{
    const QByteArray trimmed = location.trimmed().toByteArray();
    if (trimmed.isEmpty())
        return {};
    const QUrl relative = QUrl::fromEncoded(trimmed, QUrl::StrictMode);
    if (!relative.isValid())
        return {};
    QUrl next = current.resolved(relative);
    next.setFragment(QString());
    if (!next.isValid() || next.scheme().isEmpty())
        return {};
    return next;
}

bool isSensitiveHeader(QByteArrayView name)
{
    const QByteArray n = name.trimmed().toByteArray().toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie";
}

HttpHeaders withoutSensitiveHeaders(const HttpHeaders& headers)
{
    HttpHeaders out;
    out.reserve(headers.size());
    for (const auto& h : headers)
        if (!isSensitiveHeader(h.first))
            out.append(h);
    return out;
}

RedirectedMethod methodAfterRedirect(int status, QByteArrayView method)
{
    if (status == 303 && method != "HEAD")
        return {QByteArrayLiteral("GET"), false};
    if ((status == 301 || status == 302) && method == "POST")
        return {QByteArrayLiteral("GET"), false};
    return {method.toByteArray(), true};
}

QString hostForMessage(const QUrl& url)
{
    QString host = url.host(QUrl::EncodeUnicode);
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (url.port() >= 0)
        host += u':' + QString::number(url.port());
    return host;
}

} // namespace wf::net
