#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace wf::traces::detail {

// base + path (a base path prefix is kept) + a query encoded by hand: QUrlQuery leaves '+' as is,
// which Go's net/url (Jaeger, Tempo) reads as a space.
inline QUrl apiUrl(QUrl base, const QString& path, const QList<std::pair<QString, QString>>& params)
{
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    base.setPath(prefix + path);
    QByteArray query;
    for (const auto& [k, v] : params)
        query += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    base.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(query));
    return base;
}

} // namespace wf::traces::detail
