#include "ErrorText.h"

#include "RedirectPolicy.h"

#include <QCoreApplication>

namespace wf::net {

namespace {

// Declared so lupdate files these strings under one context with the rest of the HTTP client.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(wf::net::HttpClient)
};

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 3);
}

QString bytes(qint64 n)
{
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
        return Text::tr("%1 MiB").arg(n / (1024 * 1024));
    if (n >= 1024 && n % 1024 == 0)
        return Text::tr("%1 KiB").arg(n / 1024);
    return Text::tr("%1 bytes").arg(n);
}

} // namespace

QString describe(HttpError error)
{
    switch (error) {
    case HttpError::None:
        return Text::tr("OK");
    case HttpError::InvalidUrl:
        return Text::tr("Invalid request");
    case HttpError::UnsupportedScheme:
        return Text::tr("Unsupported scheme");
    case HttpError::Dns:
        return Text::tr("Host not found");
    case HttpError::ConnectionRefused:
        return Text::tr("Connection refused");
    case HttpError::ConnectTimeout:
        return Text::tr("Connect timeout");
    case HttpError::Timeout:
        return Text::tr("Timeout");
    case HttpError::Tls:
        return Text::tr("TLS error");
    case HttpError::TooManyRedirects:
        return Text::tr("Too many redirects");
    case HttpError::TooLarge:
        return Text::tr("Response too large");
    case HttpError::HttpStatus:
        return Text::tr("HTTP error");
    case HttpError::Cancelled:
        return Text::tr("Cancelled");
    case HttpError::Network:
        return Text::tr("Network error");
    }
    return Text::tr("Network error");
}

QString printableExcerpt(QByteArrayView body, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(body.size(), maxChars) + 3);
    bool pendingSpace = false;
    for (char raw : body) {
        const auto c = static_cast<unsigned char>(raw);
        if (c <= 0x20 || c == 0x7f) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (out.size() + (pendingSpace ? 1 : 0) >= maxChars) {
            out += QLatin1String("...");
            return out;
        }
        if (pendingSpace)
            out += u' ';
        pendingSpace = false;
        out += c < 0x80 ? QChar(char16_t(c)) : QChar(u'?');
    }
    return out;
}

QString errorMessage(HttpError error, const ErrorDetails& d)
{
    const QString host = hostForMessage(d.url);
    switch (error) {
    case HttpError::None:
        return {};
    case HttpError::InvalidUrl:
        if (d.redirect)
            return Text::tr("%1 redirected to an invalid location").arg(host);
        return d.detail.isEmpty() ? Text::tr("Invalid URL") : Text::tr("Invalid request: %1").arg(d.detail);
    case HttpError::UnsupportedScheme:
        if (d.redirect)
            return Text::tr(
                       "%1 redirected to a \"%2\" URL, which is refused: only http and https are allowed")
                .arg(host, d.detail);
        return Text::tr("Refused to use the \"%1\" scheme (%2): only http and https are allowed")
            .arg(d.detail, host.isEmpty() ? Text::tr("no host") : host);
    case HttpError::Dns:
        return Text::tr("Could not resolve host %1").arg(host);
    case HttpError::ConnectionRefused:
        return Text::tr("Connection to %1 refused").arg(host);
    case HttpError::ConnectTimeout:
        return Text::tr("Could not connect to %1 within %2 s").arg(host, seconds(d.limit));
    case HttpError::Timeout:
        return Text::tr("No complete response from %1 within %2 s").arg(host, seconds(d.limit));
    case HttpError::Tls:
        return Text::tr("TLS error with %1: %2").arg(host, d.detail);
    case HttpError::TooManyRedirects:
        return Text::tr("Too many redirects (more than %1), last at %2").arg(d.limit).arg(host);
    case HttpError::TooLarge:
        return d.headerLimit ? Text::tr("Response headers from %1 exceed %2").arg(host, bytes(d.limit))
                             : Text::tr("Response from %1 exceeds the %2 limit").arg(host, bytes(d.limit));
    case HttpError::HttpStatus: {
        const QString excerpt = printableExcerpt(d.body);
        return excerpt.isEmpty() ? Text::tr("%1 answered HTTP %2").arg(host).arg(d.status)
                                 : Text::tr("%1 answered HTTP %2: %3").arg(host).arg(d.status).arg(excerpt);
    }
    case HttpError::Cancelled:
        return Text::tr("Request to %1 cancelled").arg(host);
    case HttpError::Network:
        return Text::tr("Network error with %1: %2").arg(host, d.detail);
    }
    return {};
}

} // namespace wf::net
