#include "SourceCredentials.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf {

namespace {

constexpr int kFormat = 1;
constexpr qsizetype kMaxHeaders = 32;
constexpr qsizetype kMaxValueBytes = 8 * 1024;

bool isTokenChar(char c)
{
    // RFC 9110 token characters.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QString modeName(SourceCredentials::Mode mode)
{
    switch (mode) {
    case SourceCredentials::Mode::Basic:
        return QStringLiteral("basic");
    case SourceCredentials::Mode::Bearer:
        return QStringLiteral("bearer");
    case SourceCredentials::Mode::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace

QString SourceCredentials::validate() const
{
    if (mode == Mode::Basic) {
        if (user.isEmpty())
            return QCoreApplication::translate("SourceCredentials",
                                               "Basic authentication needs a user name.");
        if (user.contains(QLatin1Char(':')))
            return QCoreApplication::translate(
                "SourceCredentials",
                "The user name cannot contain a colon (basic authentication separates user and "
                "password with one).");
    }
    if (mode == Mode::Bearer && token.trimmed().isEmpty())
        return QCoreApplication::translate("SourceCredentials", "Bearer authentication needs a token.");
    if (token.contains('\r') || token.contains('\n') || user.contains(QLatin1Char('\n')) ||
        password.contains(QLatin1Char('\n')) || password.contains(QLatin1Char('\r')))
        return QCoreApplication::translate("SourceCredentials", "Credentials cannot contain line breaks.");
    if (headers.size() > kMaxHeaders)
        return QCoreApplication::translate("SourceCredentials", "At most %1 custom headers are allowed.")
            .arg(kMaxHeaders);
    for (const auto& [name, value] : headers) {
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return QCoreApplication::translate("SourceCredentials", "“%1” is not a valid header name.")
                .arg(QString::fromUtf8(name.left(60)));
        if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
            return QCoreApplication::translate("SourceCredentials",
                                               "The value of header “%1” contains a line break.")
                .arg(QString::fromLatin1(name));
        if (value.size() > kMaxValueBytes)
            return QCoreApplication::translate("SourceCredentials",
                                               "The value of header “%1” is longer than %2 bytes.")
                .arg(QString::fromLatin1(name))
                .arg(kMaxValueBytes);
        const QByteArray lower = name.toLower();
        if (lower == "authorization" && mode != Mode::None)
            return QCoreApplication::translate(
                "SourceCredentials",
                "An Authorization header cannot be combined with basic or bearer authentication.");
        if (lower == "host" || lower == "content-length" || lower == "transfer-encoding")
            return QCoreApplication::translate("SourceCredentials",
                                               "The header “%1” is set by Watchfloor itself.")
                .arg(QString::fromLatin1(name));
    }
    return {};
}

prometheus::PrometheusAuth SourceCredentials::prometheusAuth() const
{
    prometheus::PrometheusAuth auth;
    if (mode == Mode::Basic) {
        auth.user = user;
        auth.password = password;
    } else if (mode == Mode::Bearer) {
        auth.bearerToken = token.trimmed();
    }
    return auth;
}

QByteArray SourceCredentials::toSecret() const
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), kFormat);
    o.insert(QStringLiteral("mode"), modeName(mode));
    if (mode == Mode::Basic) {
        o.insert(QStringLiteral("user"), user);
        o.insert(QStringLiteral("password"), password);
    } else if (mode == Mode::Bearer) {
        o.insert(QStringLiteral("token"), QString::fromUtf8(token));
    }
    QJsonArray list;
    for (const auto& [name, value] : headers)
        list.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    if (!list.isEmpty())
        o.insert(QStringLiteral("headers"), list);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<SourceCredentials> SourceCredentials::fromSecret(const QByteArray& secret)
{
    if (secret.size() > 256 * 1024)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(secret, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("v")).toInt() != kFormat)
        return std::nullopt;
    SourceCredentials c;
    const QString mode = o.value(QStringLiteral("mode")).toString();
    if (mode == QLatin1String("basic")) {
        c.mode = Mode::Basic;
        c.user = o.value(QStringLiteral("user")).toString();
        c.password = o.value(QStringLiteral("password")).toString();
    } else if (mode == QLatin1String("bearer")) {
        c.mode = Mode::Bearer;
        c.token = o.value(QStringLiteral("token")).toString().toUtf8();
    } else if (mode != QLatin1String("none")) {
        return std::nullopt;
    }
    for (const QJsonValue& item : o.value(QStringLiteral("headers")).toArray()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return std::nullopt;
        c.headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    if (!c.validate().isEmpty())
        return std::nullopt;
    return c;
}

net::HttpHeaders SourceCredentials::parseHeaderLines(const QString& text, QString* error)
{
    net::HttpHeaders out;
    int lineNo = 0;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        ++lineNo;
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            if (error)
                *error =
                    QCoreApplication::translate("SourceCredentials", "Header line %1 is not “Name: value”.")
                        .arg(lineNo);
            return {};
        }
        const QString name = line.left(colon).trimmed();
        for (const QChar c : name) {
            if (c.unicode() > 0x7f || !isTokenChar(char(c.unicode()))) {
                if (error)
                    *error = QCoreApplication::translate("SourceCredentials",
                                                         "“%1” on header line %2 is not a valid header name.")
                                 .arg(name)
                                 .arg(lineNo);
                return {};
            }
        }
        out.append({name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    if (error)
        error->clear();
    return out;
}

QString SourceCredentials::headerLines(const net::HttpHeaders& headers)
{
    QStringList lines;
    for (const auto& [name, value] : headers)
        lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    return lines.join(QLatin1Char('\n'));
}

QString SourceCredentials::secretKey(const QString& workspacePath, qint64 sourceId)
{
    // A hash, not the path: keychain entries are listed in keychain managers, and the path may name
    // a customer or an incident.
    const QByteArray hash =
        QCryptographicHash::hash(workspacePath.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("datasource/%1/%2").arg(QString::fromLatin1(hash)).arg(sourceId);
}

} // namespace wf
