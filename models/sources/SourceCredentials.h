#pragma once
// How Watchfloor authenticates to one data source: basic auth, a bearer token and custom headers
// (X-Scope-OrgID for Mimir, an API key header for a gateway). Kept as one entry in the SecretStore
// keyed by workspace and data source, never in the workspace file, settings or exports; header
// values are treated as secrets because a gateway's API key is one.
#include "net/HttpTypes.h"
#include "prometheus/PrometheusClient.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

struct SourceCredentials
{
    enum class Mode { None, Basic, Bearer };

    Mode mode = Mode::None;
    QString user;     // Basic
    QString password; // Basic
    QByteArray token; // Bearer
    net::HttpHeaders headers;

    bool isEmpty() const { return mode == Mode::None && headers.isEmpty(); }

    // Empty when usable, else a translated sentence naming the problem (a header name that is not an
    // HTTP token, a line break in a value, a header that would override authentication, ...).
    QString validate() const;

    prometheus::PrometheusAuth prometheusAuth() const;

    // The keychain entry: compact JSON. fromSecret() rejects anything else with nullopt.
    QByteArray toSecret() const;
    static std::optional<SourceCredentials> fromSecret(const QByteArray& secret);

    // "Name: value" per line, as the data source dialog edits them; `error` set for a bad line.
    static net::HttpHeaders parseHeaderLines(const QString& text, QString* error);
    static QString headerLines(const net::HttpHeaders& headers);

    // Where a data source's entry lives: one per workspace file and data source id.
    static QString secretKey(const QString& workspacePath, qint64 sourceId);

    friend bool operator==(const SourceCredentials&, const SourceCredentials&) = default;
};

} // namespace wf
