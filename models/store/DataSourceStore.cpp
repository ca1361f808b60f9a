#include "DataSourceStore.h"

#include "SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace wf {

namespace {

// Inside a write transaction (BEGIN IMMEDIATE), so no other writer can slip a duplicate in between.
void ensureUniqueName(SqliteDb& db, const QString& name, qint64 exceptId)
{
    if (db.queryInt64("SELECT id FROM datasources WHERE name = ?1 AND id <> ?2", name, exceptId))
        throw WorkError(
            QCoreApplication::translate("DataSourceStore", "A data source named “%1” already exists.")
                .arg(name));
}

DataSource normalized(DataSource s)
{
    s.name = s.name.trimmed();
    return s;
}

} // namespace

DataSourceStore::DataSourceStore(Workspace& workspace)
    : m_workspace(workspace)
{}

QStringList DataSourceStore::kinds()
{
    // Must match the CHECK constraint of the datasources table (Migrations.cpp).
    return {QStringLiteral("prometheus"), QStringLiteral("alertmanager"), QStringLiteral("loki"),
            QStringLiteral("jaeger"),     QStringLiteral("tempo"),        QStringLiteral("otlp")};
}

QString DataSourceStore::validate(const DataSource& source)
{
    const QString name = source.name.trimmed();
    if (name.isEmpty())
        return QCoreApplication::translate("DataSourceStore", "The data source needs a name.");
    if (name.size() > kMaxNameLength)
        return QCoreApplication::translate("DataSourceStore",
                                           "The name “%1…” is too long: at most %2 characters.")
            .arg(name.left(20))
            .arg(kMaxNameLength);
    if (!kinds().contains(source.kind))
        return QCoreApplication::translate("DataSourceStore",
                                           "“%1” is not a known kind of data source; use one of: %2.")
            .arg(source.kind, kinds().join(QStringLiteral(", ")));
    const QUrl& url = source.url;
    if (!url.isValid() || url.isEmpty())
        return QCoreApplication::translate("DataSourceStore", "The address of “%1” is not a valid URL.")
            .arg(name);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QCoreApplication::translate("DataSourceStore",
                                           "The address of “%1” must start with http:// or https://.")
            .arg(name);
    if (url.host().isEmpty())
        return QCoreApplication::translate("DataSourceStore", "The address of “%1” has no host name.")
            .arg(name);
    if (!url.password().isEmpty())
        return QCoreApplication::translate(
                   "DataSourceStore",
                   "The address of “%1” contains a password. Remove it from the URL and enter it as the "
                   "data source's credentials, which are kept in the system keychain.")
            .arg(name);
    return {};
}

void DataSourceStore::list(QObject* context, ListDone done)
{
    auto rows = std::make_shared<QList<DataSource>>();
    m_workspace.read(
        [rows](SqliteDb& db) {
            SqliteStatement s =
                db.prepare("SELECT id, name, kind, url, insecure_tls FROM datasources ORDER BY name, id");
            while (s.step()) {
                rows->append(DataSource{s.int64(0), s.text(1), s.text(2), QUrl(s.text(3), QUrl::StrictMode),
                                        s.int64(4) != 0});
            }
        },
        context,
        [rows, done = std::move(done)](const ReadResult& r) { done(r, r.ok ? *rows : QList<DataSource>()); });
}

void DataSourceStore::add(const DataSource& source, QObject* context, AddDone done)
{
    auto id = std::make_shared<qint64>(0);
    m_workspace.write(
        [s = normalized(source), id](SqliteDb& db) {
            if (const QString error = validate(s); !error.isEmpty())
                throw WorkError(error);
            ensureUniqueName(db, s.name, 0);
            db.execute("INSERT INTO datasources(name, kind, url, insecure_tls, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                       s.name, s.kind, s.url.toString(QUrl::FullyEncoded), s.insecureTls,
                       QDateTime::currentMSecsSinceEpoch());
            *id = db.lastInsertRowId();
        },
        context,
        [id, done = std::move(done)](const WriteResult& r) {
            if (done)
                done(r, r.ok ? *id : 0);
        });
}

void DataSourceStore::update(const DataSource& source, QObject* context, Workspace::Done done)
{
    m_workspace.write(
        [s = normalized(source)](SqliteDb& db) {
            if (const QString error = validate(s); !error.isEmpty())
                throw WorkError(error);
            ensureUniqueName(db, s.name, s.id);
            const int changed =
                db.execute("UPDATE datasources SET name = ?1, kind = ?2, url = ?3, "
                           "insecure_tls = ?4 WHERE id = ?5",
                           s.name, s.kind, s.url.toString(QUrl::FullyEncoded), s.insecureTls, s.id);
            if (changed == 0)
                throw WorkError(
                    QCoreApplication::translate("DataSourceStore", "The data source “%1” no longer exists.")
                        .arg(s.name));
        },
        context, std::move(done));
}

void DataSourceStore::remove(qint64 id, QObject* context, Workspace::Done done)
{
    m_workspace.write(
        [id](SqliteDb& db) {
            if (db.execute("DELETE FROM datasources WHERE id = ?1", id) == 0)
                throw WorkError(
                    QCoreApplication::translate("DataSourceStore", "There is no data source with id %1.")
                        .arg(id));
        },
        context, std::move(done));
}

} // namespace wf
