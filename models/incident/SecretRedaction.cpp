#include "SecretRedaction.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace wf::incident {
namespace {

bool isSecretKey(const QString& key)
{
    // "author" and "authority" are not secrets; "authorization" and "auth_token" are.
    static const QRegularExpression re(
        QStringLiteral("pass(word|wd)?($|_)|secret|token|api_?key|credential|authoriz|cookie|session_?id|"
                       "private_?key|^auth$|_auth$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(key).hasMatch();
}

QJsonValue redactValue(const QJsonValue& v);

QJsonArray redactArray(const QJsonArray& a)
{
    QJsonArray out;
    for (const QJsonValue& v : a)
        out.append(redactValue(v));
    return out;
}

QJsonValue redactValue(const QJsonValue& v)
{
    if (v.isObject())
        return redactSecrets(v.toObject());
    if (v.isArray())
        return redactArray(v.toArray());
    if (v.isString())
        return redactSecretsInText(v.toString());
    return v;
}

} // namespace

QString redactedMarker()
{
    return QStringLiteral("[redacted]");
}

QJsonObject redactSecrets(const QJsonObject& data)
{
    QJsonObject out;
    for (auto it = data.begin(); it != data.end(); ++it)
        out.insert(it.key(), isSecretKey(it.key()) ? QJsonValue(redactedMarker()) : redactValue(it.value()));
    return out;
}

QString redactSecretsInText(const QString& text)
{
    static const QRegularExpression scheme(
        QStringLiteral("\\b(Bearer|Basic|Token)\\s+[A-Za-z0-9._~+/=-]{8,}"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression urlPassword(QStringLiteral("(://[^/\\s:@]+):[^/\\s@]+@"));
    static const QRegularExpression keyValue(
        QStringLiteral("\\b(password|passwd|pwd|secret|token|api_?key|access_?key)=([^&\\s\"']+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(scheme, QStringLiteral("\\1 ") + redactedMarker());
    out.replace(urlPassword, QStringLiteral("\\1:") + redactedMarker() + QLatin1Char('@'));
    out.replace(keyValue, QStringLiteral("\\1=") + redactedMarker());
    return out;
}

} // namespace wf::incident
