// DashboardStore: save (insert and replace), load, list, delete through the workspace, persistence
// across reopening, and migration 5 from a version-4 workspace that keeps its data.

#include "dashboard/DashboardStore.h"
#include "store/Migrations.h"
#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;
using wf::StoreResult;

namespace {

Dashboard sample(const QString& uid, const QString& title)
{
    Dashboard d;
    d.uid = uid;
    d.title = title;
    d.tags = {u"t"_s};
    Panel p;
    p.id = 1;
    p.title = u"CPU"_s;
    p.targets = {Target{u"A"_s, u"rate(node_cpu_seconds_total[5m])"_s, u"{{cpu}}"_s}};
    d.panels = {p};
    return d;
}

} // namespace

class TestDashboardStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        open();
    }

    void cleanup()
    {
        m_store.reset();
        m_ws.reset();
        m_dir.reset();
    }

    void saveLoadListDelete()
    {
        QString uid;
        QVERIFY(save(sample(u"b"_s, u"Beta"_s), &uid).ok);
        QCOMPARE(uid, u"b"_s);
        QVERIFY(save(sample(u"a"_s, u"Alpha"_s)).ok);
        QList<DashboardSummary> all = list();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].title, u"Alpha"_s); // ordered by title
        QVERIFY(all[0].updatedAtMs > 0);

        const std::optional<Dashboard> loaded = load(u"b"_s);
        QVERIFY(loaded);
        QCOMPARE(*loaded, sample(u"b"_s, u"Beta"_s));
        QVERIFY(!load(u"missing"_s));

        // Saving the same uid again replaces it.
        Dashboard changed = sample(u"b"_s, u"Beta 2"_s);
        changed.panels[0].title = u"Load"_s;
        QVERIFY(save(changed).ok);
        QCOMPARE(list().size(), 2);
        QCOMPARE(load(u"b"_s)->panels[0].title, u"Load"_s);

        QVERIFY(remove(u"a"_s).ok);
        QCOMPARE(list().size(), 1);
        const StoreResult again = remove(u"a"_s);
        QVERIFY(!again.ok);
        QVERIFY2(again.error.contains(u"no saved dashboard"), qPrintable(again.error));
    }

    void emptyUidGetsOne()
    {
        QString uid;
        QVERIFY(save(sample(QString(), u"New"_s), &uid).ok);
        QCOMPARE(uid.size(), 36);
        QCOMPARE(load(uid)->uid, uid);
        QVERIFY(!save(sample(QString(300, u'x'), u"Long"_s)).ok);
    }

    void survivesReopen()
    {
        QVERIFY(save(sample(u"keep"_s, u"Kept"_s)).ok);
        m_store.reset();
        m_ws.reset();
        open();
        QCOMPARE(load(u"keep"_s)->title, u"Kept"_s);
    }

    void unreadableBodyIsAnError()
    {
        QVERIFY(save(sample(u"x"_s, u"X"_s)).ok);
        std::optional<StoreResult> done;
        m_ws->write(
            [](wf::SqliteDb& db) {
                db.execute("UPDATE dashboards SET body = ?1", u"{\"watchfloorDashboard\": 9}"_s);
            },
            this, [&](const StoreResult& r) { done = r; });
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 10000));
        std::optional<StoreResult> result;
        m_store->load(u"x"_s, this,
                      [&](const StoreResult& r, const std::optional<Dashboard>&) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(u"newer Watchfloor"), qPrintable(result->error));
    }

    void migratesFromVersion4()
    {
        m_store.reset();
        m_ws.reset();
        const QString path = m_dir->filePath(u"v4.watchfloor"_s);
        {
            wf::SqliteDb db = wf::SqliteDb::open(path, wf::SqliteDb::Access::ReadWriteCreate);
            wf::migrate(db, 4);
            db.execute("INSERT INTO datasources(name, kind, url, insecure_tls, created_at) VALUES (?1, ?2, "
                       "?3, 0, 1)",
                       u"prom"_s, u"prometheus"_s, u"http://localhost:9090"_s);
            QVERIFY(
                !db.queryInt64("SELECT count(*) FROM sqlite_master WHERE name = 'dashboards'").value_or(1));
        }
        wf::OpenResult r = wf::Workspace::open(path, wf::OpenMode::ReadWrite);
        QVERIFY2(r, qPrintable(r.message));
        QVERIFY(r.workspace->schemaVersion() >= 5);
        m_ws = std::move(r.workspace);
        m_store = std::make_unique<DashboardStore>(*m_ws);
        QVERIFY(list().isEmpty());
        QVERIFY(save(sample(u"m"_s, u"Migrated"_s)).ok);
        QCOMPARE(load(u"m"_s)->title, u"Migrated"_s);
        std::optional<qint64> sources;
        std::optional<StoreResult> done;
        m_ws->read([&](wf::SqliteDb& db) { sources = db.queryInt64("SELECT count(*) FROM datasources"); },
                   this, [&](const StoreResult& res) { done = res; });
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 10000));
        QCOMPARE(sources, std::optional<qint64>(1));
    }

private:
    void open()
    {
        wf::OpenResult r =
            wf::Workspace::open(m_dir->filePath(u"d.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        m_ws = std::move(r.workspace);
        m_store = std::make_unique<DashboardStore>(*m_ws);
    }

    StoreResult save(const Dashboard& d, QString* uid = nullptr)
    {
        std::optional<StoreResult> result;
        m_store->save(d, this, [&](const StoreResult& r, const QString& u) {
            result = r;
            if (uid)
                *uid = u;
        });
        return QTest::qWaitFor([&] { return result.has_value(); }, 10000)
                   ? *result
                   : StoreResult{false, -1, u"timeout"_s};
    }

    std::optional<Dashboard> load(const QString& uid)
    {
        std::optional<std::optional<Dashboard>> out;
        m_store->load(uid, this, [&](const StoreResult& r, const std::optional<Dashboard>& d) {
            if (!r.ok)
                qWarning() << r.error;
            out = d;
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return std::nullopt;
        return *out;
    }

    QList<DashboardSummary> list()
    {
        std::optional<QList<DashboardSummary>> rows;
        m_store->list(this, [&](const StoreResult& r, const QList<DashboardSummary>& l) {
            if (!r.ok)
                qWarning() << r.error;
            rows = l;
        });
        if (!QTest::qWaitFor([&] { return rows.has_value(); }, 10000))
            return {};
        return *rows;
    }

    StoreResult remove(const QString& uid)
    {
        std::optional<StoreResult> result;
        m_store->remove(uid, this, [&](const StoreResult& r) { result = r; });
        return QTest::qWaitFor([&] { return result.has_value(); }, 10000)
                   ? *result
                   : StoreResult{false, -1, u"timeout"_s};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    std::unique_ptr<DashboardStore> m_store;
};

QTEST_GUILESS_MAIN(TestDashboardStore)
#include "tst_dashboardstore.moc"
