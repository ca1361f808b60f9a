#include "PromErrors.h"

#include "net/HttpTypes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace wf::prometheus {

namespace {

// A short, printable excerpt of a body that is not the API: enough for the user to recognise a proxy
// or login page, never the whole thing.
QString excerpt(QByteArrayView body)
{
    QString text = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 160))).simplified();
    text.remove(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f]")));
    return text;
}

MetricsErrorKind kindForStatus(int status)
{
    switch (status) {
    case 400:
        return MetricsErrorKind::BadQuery;
    case 401:
    case 403:
        return MetricsErrorKind::Unauthorized;
    case 404:
        return MetricsErrorKind::NotFound;
    case 422:
        return MetricsErrorKind::Execution;
    case 503:
        return MetricsErrorKind::Unavailable;
    case 504:
        return MetricsErrorKind::Timeout;
    default:
        return MetricsErrorKind::HttpStatus;
    }
}

} // namespace

MetricsError errorFromTransport(const net::HttpResult& result)
{
    MetricsError e;
    e.httpStatus = result.status;
    switch (result.error) {
    case net::HttpError::None:
    case net::HttpError::HttpStatus:
        return {};
    case net::HttpError::Cancelled:
        e.kind = MetricsErrorKind::Cancelled;
        break;
    case net::HttpError::Timeout:
    case net::HttpError::ConnectTimeout:
        e.kind = MetricsErrorKind::Timeout;
        break;
    case net::HttpError::TooLarge:
        e.kind = MetricsErrorKind::TooLarge;
        break;
    case net::HttpError::InvalidUrl:
    case net::HttpError::UnsupportedScheme:
        e.kind = MetricsErrorKind::InvalidRequest;
        break;
    default:
        e.kind = MetricsErrorKind::Network;
        break;
    }
    e.message = result.errorMessage.isEmpty() ? net::describe(result.error) : result.errorMessage;
    return e;
}

MetricsError errorFromEnvelope(const QString& errorType, const QString& error, int httpStatus)
{
    MetricsError e;
    e.errorType = errorType;
    e.httpStatus = httpStatus;
    if (errorType == QLatin1String("bad_data"))
        e.kind = MetricsErrorKind::BadQuery;
    else if (errorType == QLatin1String("execution"))
        e.kind = MetricsErrorKind::Execution;
    else if (errorType == QLatin1String("timeout") || errorType == QLatin1String("canceled"))
        e.kind = MetricsErrorKind::Timeout;
    else if (errorType == QLatin1String("unavailable"))
        e.kind = MetricsErrorKind::Unavailable;
    else if (errorType == QLatin1String("not_found"))
        e.kind = MetricsErrorKind::NotFound;
    else
        e.kind = httpStatus >= 400 ? kindForStatus(httpStatus) : MetricsErrorKind::Execution;

    QString text = error.trimmed();
    if (text.isEmpty())
        text = QCoreApplication::translate("PrometheusErrors", "no error text");
    // Prometheus writes "<line>:<col>: parse error: ..." (the column of the offending character).
    static const QRegularExpression position(QStringLiteral("(?:^|[\\s\"]:?\\s*)(\\d+):(\\d+): parse error"));
    if (const QRegularExpressionMatch m = position.match(text); m.hasMatch()) {
        e.line = m.captured(1).toInt();
        e.column = m.captured(2).toInt();
    }

    switch (e.kind) {
    case MetricsErrorKind::BadQuery:
        e.message = QCoreApplication::translate("PrometheusErrors", "The query was rejected: %1").arg(text);
        break;
    case MetricsErrorKind::Execution:
        e.message =
            QCoreApplication::translate("PrometheusErrors", "The query failed on the server: %1").arg(text);
        break;
    case MetricsErrorKind::Timeout:
        e.message =
            QCoreApplication::translate("PrometheusErrors", "The server gave up on the query (timeout): %1")
                .arg(text);
        break;
    case MetricsErrorKind::Unavailable:
        e.message = QCoreApplication::translate("PrometheusErrors",
                                                "The server is unavailable (overloaded or starting): %1")
                        .arg(text);
        break;
    default:
        e.message = QCoreApplication::translate("PrometheusErrors", "The server reported an error (%1): %2")
                        .arg(errorType.isEmpty() ? QString::number(httpStatus) : errorType, text);
        break;
    }
    return e;
}

MetricsError errorFromStatus(int httpStatus, QByteArrayView body)
{
    MetricsError e;
    e.httpStatus = httpStatus;
    e.kind = kindForStatus(httpStatus);
    const QString what = excerpt(body);
    switch (e.kind) {
    case MetricsErrorKind::BadQuery:
        e.message = QCoreApplication::translate("PrometheusErrors",
                                                "The server rejected the request as invalid (HTTP 400).");
        break;
    case MetricsErrorKind::Unauthorized:
        e.message =
            QCoreApplication::translate(
                "PrometheusErrors", "The server refused access (HTTP %1): check the user, password or token.")
                .arg(httpStatus);
        break;
    case MetricsErrorKind::NotFound:
        e.message = QCoreApplication::translate(
            "PrometheusErrors", "The server has no such API (HTTP 404): check the data source URL.");
        break;
    case MetricsErrorKind::Execution:
        e.message =
            QCoreApplication::translate("PrometheusErrors", "The query could not be executed (HTTP 422).");
        break;
    case MetricsErrorKind::Unavailable:
        e.message = QCoreApplication::translate(
            "PrometheusErrors", "The server is unavailable (HTTP 503): it may be overloaded or starting.");
        break;
    case MetricsErrorKind::Timeout:
        e.message = QCoreApplication::translate("PrometheusErrors",
                                                "A gateway timed out waiting for the server (HTTP 504).");
        break;
    default:
        e.message =
            QCoreApplication::translate("PrometheusErrors", "The server answered HTTP %1.").arg(httpStatus);
        break;
    }
    if (!what.isEmpty())
        e.message +=
            QLatin1Char(' ') + QCoreApplication::translate("PrometheusErrors", "It said: %1").arg(what);
    return e;
}

bool looksLikeMarkup(QByteArrayView body)
{
    QByteArrayView b = body;
    if (b.startsWith("\xEF\xBB\xBF"))
        b = b.sliced(3);
    b = b.trimmed();
    return b.startsWith('<');
}

MetricsError notPrometheusError(QByteArrayView body, int httpStatus)
{
    if (httpStatus >= 400)
        return errorFromStatus(httpStatus, body);
    MetricsError e;
    e.kind = MetricsErrorKind::NotPrometheus;
    e.httpStatus = httpStatus;
    if (looksLikeMarkup(body))
        e.message = QCoreApplication::translate(
                        "PrometheusErrors",
                        "The server answered with a web page, not the Prometheus API (a proxy or login "
                        "page?): %1")
                        .arg(excerpt(body));
    else if (body.trimmed().isEmpty())
        e.message = QCoreApplication::translate(
            "PrometheusErrors", "The server answered with an empty body, not the Prometheus API.");
    else
        e.message = QCoreApplication::translate("PrometheusErrors",
                                                "The server's answer is not the Prometheus API's JSON: %1")
                        .arg(excerpt(body));
    return e;
}

MetricsError malformedError(const QString& detail)
{
    MetricsError e;
    e.kind = MetricsErrorKind::Malformed;
    e.message = QCoreApplication::translate("PrometheusErrors",
                                            "The server's answer does not follow the Prometheus API: %1")
                    .arg(detail);
    return e;
}

} // namespace wf::prometheus
