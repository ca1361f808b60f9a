#pragma once
// Keeps credentials out of what Watchfloor stores as evidence, and so out of every export made from
// it: a pinned log line or span often carries an Authorization header or a token in a URL.
#include <QJsonObject>
#include <QString>

namespace wf::incident {

// The placeholder a redacted value becomes.
QString redactedMarker();

// Values under secret-looking keys (password, token, authorization, cookie, api_key, ...) become the
// marker, at any depth; in every other string, bearer/basic credentials and passwords in URLs are.
QJsonObject redactSecrets(const QJsonObject& data);
QString redactSecretsInText(const QString& text);

} // namespace wf::incident
