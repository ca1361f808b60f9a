#include "DashboardStore.h"

#include "WatchfloorJson.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <memory>

namespace wf::dashboard {

DashboardStore::DashboardStore(Workspace& workspace)
    : m_workspace(workspace)
{}

void DashboardStore::save(const Dashboard& dashboard, QObject* context, SaveDone done)
{
    Dashboard d = dashboard;
    if (d.uid.isEmpty())
        d.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString uid = d.uid;
    const QString title = d.title;
    const QString body = QString::fromUtf8(QJsonDocument(toJson(d)).toJson(QJsonDocument::Compact));
    m_workspace.write(
        [uid, title, body](SqliteDb& db) {
            if (uid.size() > kMaxUidLength)
                throw WorkError(QCoreApplication::translate("DashboardStore",
                                                            "The dashboard id is longer than %1 characters.")
                                    .arg(kMaxUidLength));
            db.execute("INSERT INTO dashboards(uid, title, body, updated_at) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT(uid) DO UPDATE SET title = excluded.title, body = excluded.body, "
                       "updated_at = excluded.updated_at",
                       uid, title, body, QDateTime::currentMSecsSinceEpoch());
        },
        context,
        [uid, done = std::move(done)](const WriteResult& r) {
            if (done)
                done(r, r.ok ? uid : QString());
        });
}

void DashboardStore::load(const QString& uid, QObject* context, LoadDone done)
{
    auto loaded = std::make_shared<std::optional<Dashboard>>();
    m_workspace.read(
        [uid, loaded](SqliteDb& db) {
            SqliteStatement s = db.prepare("SELECT body FROM dashboards WHERE uid = ?1");
            s.bindAll(uid);
            if (!s.step())
                return;
            const QJsonDocument doc = QJsonDocument::fromJson(s.text(0).toUtf8());
            ImportResult r = importWatchfloor(doc.object());
            if (!r.ok())
                throw WorkError(QCoreApplication::translate("DashboardStore",
                                                            "The saved dashboard “%1” cannot be read: %2")
                                    .arg(uid, r.error));
            *loaded = std::move(r.dashboard);
        },
        context,
        [loaded, done = std::move(done)](const ReadResult& r) {
            if (done)
                done(r, r.ok ? *loaded : std::nullopt);
        });
}

void DashboardStore::list(QObject* context, ListDone done)
{
    auto rows = std::make_shared<QList<DashboardSummary>>();
    m_workspace.read(
        [rows](SqliteDb& db) {
            SqliteStatement s =
                db.prepare("SELECT uid, title, updated_at FROM dashboards ORDER BY title, uid");
            while (s.step())
                rows->append(DashboardSummary{s.text(0), s.text(1), s.int64(2)});
        },
        context,
        [rows, done = std::move(done)](const ReadResult& r) {
            if (done)
                done(r, r.ok ? *rows : QList<DashboardSummary>());
        });
}

void DashboardStore::remove(const QString& uid, QObject* context, Workspace::Done done)
{
    m_workspace.write(
        [uid](SqliteDb& db) {
            if (db.execute("DELETE FROM dashboards WHERE uid = ?1", uid) == 0)
                throw WorkError(
                    QCoreApplication::translate("DashboardStore", "There is no saved dashboard “%1”.")
                        .arg(uid));
        },
        context, std::move(done));
}

} // namespace wf::dashboard
