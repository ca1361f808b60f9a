#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

namespace wf::net {

// InvalidUrl also covers other malformed requests (a method that is not a token, a header with a line
// break): the request never left the process.
enum class HttpError {
    None,
    InvalidUrl,
    UnsupportedScheme,
    Dns,
    ConnectionRefused,
    ConnectTimeout,
    Timeout,
    Tls,
    TooManyRedirects,
    TooLarge,
    HttpStatus,
    Cancelled,
    Network
};

// Short, translatable name of an error kind, for health indicators ("Timeout", "TLS error").
QString describe(HttpError error);

// Never logged and never put in error messages. Sent only to the origin of the request URL: a redirect
// to another scheme, host or port drops them for the rest of the chain.
struct HttpCredentials
{
    QString user;
    QString password;
    QByteArray bearerToken;
    bool isEmpty() const { return user.isEmpty() && password.isEmpty() && bearerToken.isEmpty(); }
};

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    HttpCredentials credentials;
    std::chrono::milliseconds connectTimeout{5000};
    // Budget for the whole request: every attempt, redirect and backoff wait. A retry that could not
    // finish inside it is not started; the last failure is reported instead.
    std::chrono::milliseconds totalTimeout{30000};
    qint64 maxResponseBytes = 64LL * 1024 * 1024; // decompressed body bytes
    int maxRedirects = 5;
    int maxRetries = 2;    // applied only to idempotent methods and retryable failures
    bool verifyTls = true; // per-source opt-out; the UI shows it as insecure
};

struct HttpResult
{
    HttpError error = HttpError::None;
    QString errorMessage; // human readable, translated; names host, status, body excerpt; never secrets
    int status = 0;
    QByteArray body; // kept also for HttpStatus errors (Prometheus puts its error JSON there)
    HttpHeaders headers;
    QUrl finalUrl;
    int attempts = 0;
    qint64 elapsedMs = 0;
    bool ok() const { return error == HttpError::None; }
    QByteArray header(QByteArrayView name) const; // case-insensitive; first match; empty if absent
};

} // namespace wf::net
