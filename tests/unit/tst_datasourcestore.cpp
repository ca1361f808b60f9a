// DataSourceStore: validation messages, unique names, a full round trip through the workspace, and
// that nothing secret can end up in the file.

#include "store/DataSourceStore.h"
#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using wf::DataSource;
using wf::DataSourceStore;
using wf::StoreResult;

namespace {

DataSource source(const QString& name, const QString& kind = u"prometheus"_s,
                  const QString& url = u"http://localhost:9090"_s)
{
    return DataSource{0, name, kind, QUrl(url), false};
}

} // namespace

class TestDataSourceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void validationMessages_data();
    void validationMessages();
    void validSourcesPass();
    void uniqueNames();
    void roundTrip();
    void noSecretColumns();
    void passwordInUrlNeverReachesTheFile();

private:
    StoreResult add(const DataSource& s, qint64* id = nullptr);
    StoreResult update(const DataSource& s);
    StoreResult remove(qint64 id);
    QList<DataSource> list();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    std::unique_ptr<DataSourceStore> m_store;
};

void TestDataSourceStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    wf::OpenResult r =
        wf::Workspace::open(m_dir->filePath(u"ds.watchfloor"_s), wf::OpenMode::CreateIfMissing);
    QVERIFY2(r, qPrintable(r.message));
    m_ws = std::move(r.workspace);
    m_store = std::make_unique<DataSourceStore>(*m_ws);
}

void TestDataSourceStore::cleanup()
{
    m_store.reset();
    m_ws.reset();
    m_dir.reset();
}

StoreResult TestDataSourceStore::add(const DataSource& s, qint64* id)
{
    std::optional<StoreResult> result;
    m_store->add(s, this, [&](const StoreResult& r, qint64 newId) {
        result = r;
        if (id)
            *id = newId;
    });
    return QTest::qWaitFor([&] { return result.has_value(); }, 10000) ? *result
                                                                      : StoreResult{false, -1, u"timeout"_s};
}

StoreResult TestDataSourceStore::update(const DataSource& s)
{
    std::optional<StoreResult> result;
    m_store->update(s, this, [&](const StoreResult& r) { result = r; });
    return QTest::qWaitFor([&] { return result.has_value(); }, 10000) ? *result
                                                                      : StoreResult{false, -1, u"timeout"_s};
}

StoreResult TestDataSourceStore::remove(qint64 id)
{
    std::optional<StoreResult> result;
    m_store->remove(id, this, [&](const StoreResult& r) { result = r; });
    return QTest::qWaitFor([&] { return result.has_value(); }, 10000) ? *result
                                                                      : StoreResult{false, -1, u"timeout"_s};
}

QList<DataSource> TestDataSourceStore::list()
{
    std::optional<QList<DataSource>> rows;
    m_store->list(this, [&](const StoreResult& r, const QList<DataSource>& l) {
        QVERIFY2(r.ok, qPrintable(r.error));
        rows = l;
    });
    if (!QTest::qWaitFor([&] { return rows.has_value(); }, 10000))
        return {};
    return *rows;
}

void TestDataSourceStore::validationMessages_data()
{
    QTest::addColumn<DataSource>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty name") << source(QString()) << u"needs a name"_s;
    QTest::newRow("blank name") << source(u"   "_s) << u"needs a name"_s;
    QTest::newRow("101 characters") << source(QString(101, u'n')) << u"at most 100 characters"_s;
    QTest::newRow("unknown kind") << source(u"x"_s, u"graphite"_s) << u"“graphite” is not a known kind"_s;
    QTest::newRow("kind is case-sensitive") << source(u"x"_s, u"Prometheus"_s) << u"not a known kind"_s;
    QTest::newRow("ftp") << source(u"x"_s, u"loki"_s, u"ftp://logs.example"_s) << u"http:// or https://"_s;
    QTest::newRow("file") << source(u"x"_s, u"loki"_s, u"file:///etc/passwd"_s) << u"http:// or https://"_s;
    QTest::newRow("no url") << source(u"x"_s, u"loki"_s, QString()) << u"not a valid URL"_s;
    QTest::newRow("no host") << source(u"x"_s, u"loki"_s, u"http://"_s) << u"no host name"_s;
    QTest::newRow("password in url") << source(u"x"_s, u"loki"_s, u"https://me:hunter2@loki.example"_s)
                                     << u"contains a password"_s;
}

void TestDataSourceStore::validationMessages()
{
    QFETCH(DataSource, input);
    QFETCH(QString, mentions);
    const QString message = DataSourceStore::validate(input);
    QVERIFY2(message.contains(mentions), qPrintable(message));
    // The store refuses it with the same message, and stores nothing.
    const StoreResult r = add(input);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, message);
    QCOMPARE(list().size(), 0);
}

void TestDataSourceStore::validSourcesPass()
{
    for (const QString& kind : DataSourceStore::kinds())
        QVERIFY2(DataSourceStore::validate(source(kind, kind)).isEmpty(), qPrintable(kind));
    QCOMPARE(DataSourceStore::kinds().size(), 6);
    QVERIFY(DataSourceStore::validate(source(QString(100, u'n'))).isEmpty());
    QVERIFY(
        DataSourceStore::validate(source(u"x"_s, u"otlp"_s, u"https://user@collector:4318/v1"_s)).isEmpty());
    QVERIFY(DataSourceStore::validate(source(u"x"_s, u"tempo"_s, u"HTTPS://tempo.example"_s)).isEmpty());
}

void TestDataSourceStore::uniqueNames()
{
    qint64 first = 0;
    QVERIFY(add(source(u"prom"_s), &first).ok);
    const StoreResult dup = add(source(u"prom"_s, u"loki"_s, u"http://loki"_s));
    QVERIFY(!dup.ok);
    QVERIFY2(dup.error.contains(u"A data source named “prom” already exists"_s), qPrintable(dup.error));
    // Surrounding blanks do not make a different name.
    QVERIFY(!add(source(u"  prom "_s)).ok);

    qint64 second = 0;
    QVERIFY(add(source(u"loki"_s, u"loki"_s, u"http://loki"_s), &second).ok);
    DataSource rename = source(u"prom"_s, u"loki"_s, u"http://loki"_s);
    rename.id = second;
    const StoreResult clash = update(rename);
    QVERIFY(!clash.ok);
    QVERIFY2(clash.error.contains(u"already exists"_s), qPrintable(clash.error));

    // Saving a source under its own name is not a clash.
    DataSource same = source(u"prom"_s, u"prometheus"_s, u"http://other:9090"_s);
    same.id = first;
    QVERIFY(update(same).ok);
    QCOMPARE(list().size(), 2);
}

void TestDataSourceStore::roundTrip()
{
    qint64 idB = 0, idA = 0, idC = 0;
    QVERIFY(add(source(u"b-loki"_s, u"loki"_s, u"http://loki:3100/"_s), &idB).ok);
    DataSource a{0, u"a-tempo"_s, u"tempo"_s, QUrl(u"https://tempo.example/api?x=1&y=%C3%BC"_s), true};
    QVERIFY(add(a, &idA).ok);
    QVERIFY(add(source(u"  c-otlp  "_s, u"otlp"_s, u"http://127.0.0.1:4318"_s), &idC).ok);
    QVERIFY(idA > 0 && idB > 0 && idC > 0);
    QVERIFY(idA != idB && idB != idC);

    QList<DataSource> rows = list();
    QCOMPARE(rows.size(), 3);
    a.id = idA;
    QCOMPARE(rows[0], a); // ordered by name, every field as stored
    QCOMPARE(rows[1].name, u"b-loki"_s);
    QCOMPARE(rows[2].name, u"c-otlp"_s); // trimmed
    QCOMPARE(rows[2].url, QUrl(u"http://127.0.0.1:4318"_s));
    QVERIFY(!rows[2].insecureTls);

    DataSource changed = rows[1];
    changed.name = u"b-loki-prod"_s;
    changed.url = QUrl(u"https://loki.prod:3100"_s);
    changed.insecureTls = true;
    QVERIFY(update(changed).ok);
    rows = list();
    QCOMPARE(rows[1], changed);

    QVERIFY(remove(idA).ok);
    rows = list();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].id, idB);
    const StoreResult again = remove(idA);
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains(QString::number(idA)), qPrintable(again.error));
    DataSource gone = a;
    const StoreResult ghost = update(gone);
    QVERIFY(!ghost.ok);
    QVERIFY2(ghost.error.contains(u"no longer exists"_s), qPrintable(ghost.error));
}

void TestDataSourceStore::noSecretColumns()
{
    QStringList columns;
    std::optional<StoreResult> result;
    m_ws->read(
        [&columns](wf::SqliteDb& db) {
            wf::SqliteStatement tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
            while (tables.step()) {
                const QString table = tables.text(0);
                wf::SqliteStatement cols = db.prepare("SELECT name FROM pragma_table_info(?1)");
                cols.bind(1, table);
                while (cols.step())
                    columns << table % u'.' % cols.text(0);
            }
        },
        this, [&](const StoreResult& r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok);
    QVERIFY(columns.contains(u"datasources.url"_s)); // the query did see the tables
    static const QRegularExpression secret(
        u"pass|secret|token|key_?id|api_?key|credential|authoriz|\\.auth(_|$)|bearer"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const QString& c : columns)
        QVERIFY2(!secret.match(c).hasMatch(), qPrintable(c));
}

void TestDataSourceStore::passwordInUrlNeverReachesTheFile()
{
    const QString path = m_ws->path();
    QVERIFY(!add(source(u"leaky"_s, u"loki"_s, u"https://admin:s3cr3t-pw@loki.example"_s)).ok);
    QVERIFY(add(source(u"fine"_s, u"loki"_s, u"https://admin@loki.example"_s)).ok);
    m_store.reset();
    m_ws.reset();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("loki.example"));
    QVERIFY(!bytes.contains("s3cr3t-pw"));
}

QTEST_GUILESS_MAIN(TestDataSourceStore)
#include "tst_datasourcestore.moc"
