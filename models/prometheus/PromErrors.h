#pragma once
// Turns what went wrong with a Prometheus API call into a MetricsError a panel can show: transport
// failures, HTTP statuses, the API's own error envelope, and bodies that are not the API at all.
#include "MetricsTypes.h"

#include <QByteArrayView>

namespace wf::net {
struct HttpResult;
}

namespace wf::prometheus {

// A failure before any body arrived (refused, DNS, TLS, timeout, cancel, too large). Kind None when
// the request got an answer (also an HTTP error status: its body may carry the API's error).
MetricsError errorFromTransport(const net::HttpResult& result);

// {"status":"error","errorType":...,"error":...}: the server's text kept verbatim (a PromQL parse error
// keeps its "1:31:" position, also parsed into line/column); the kind from errorType, else the status.
MetricsError errorFromEnvelope(const QString& errorType, const QString& error, int httpStatus);

// An error status whose body is not the API's JSON (a proxy page, plain text).
MetricsError errorFromStatus(int httpStatus, QByteArrayView body);

// The body starts like HTML or XML (after whitespace and a BOM): a proxy, login or error page.
bool looksLikeMarkup(QByteArrayView body);

// The body is not JSON at all, or JSON without the API's envelope.
MetricsError notPrometheusError(QByteArrayView body, int httpStatus);

MetricsError malformedError(const QString& detail);

} // namespace wf::prometheus
