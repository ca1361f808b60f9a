// Workspace: opening rules (what is refused, and that a refused file is left exactly as it was),
// migrations from every earlier schema, and the write/read threading contract.

#include "store/Migrations.h"
#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <filesystem>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using wf::OpenError;
using wf::OpenMode;
using wf::SqliteDb;
using wf::SqliteStatement;
using wf::StoreResult;
using wf::Workspace;

Q_DECLARE_METATYPE(wf::OpenMode)
Q_DECLARE_METATYPE(wf::OpenError)

namespace {

// ---- file helpers ----

struct FileSnapshot
{
    QByteArray sha256;
    std::filesystem::file_time_type mtime;
    bool operator==(const FileSnapshot&) const = default;
};

FileSnapshot snapshot(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return {QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256),
            std::filesystem::last_write_time(std::filesystem::path(path.toStdU16String()))};
}

QStringList sidecars(const QString& path)
{
    QStringList found;
    for (const QString& suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
        if (QFile::exists(path + suffix))
            found << suffix;
    return found;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (char& c : b)
        c = char(rng.bounded(256));
    return b;
}

// A raw connection for building fixtures and checking results behind the Workspace's back. Read-write
// even for checks, because only a read-write connection removes its -wal/-shm files on close.
SqliteDb raw(const QString& path)
{
    return SqliteDb::open(path, SqliteDb::Access::ReadWriteCreate);
}

qint64 rawInt(const QString& path, std::string_view sql)
{
    SqliteDb db = raw(path);
    return db.queryInt64(sql).value_or(-1);
}

// The schema as SQLite stores it, to compare a migrated file with a freshly created one.
QStringList schemaOf(const QString& path)
{
    SqliteDb db = raw(path);
    QStringList out;
    SqliteStatement s = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    while (s.step())
        out << s.text(0) % u' ' % s.text(1) % u' ' % s.text(2);
    return out;
}

bool isRoot()
{
    return ::geteuid() == 0;
}

// ---- synchronous wrappers (tests only: the app never waits) ----

StoreResult writeAndWait(Workspace& ws, Workspace::Work work, wf::WriteOptions options = {})
{
    std::optional<StoreResult> result;
    QObject context;
    ws.write(
        std::move(work), &context, [&](const StoreResult& r) { result = r; }, options);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return StoreResult{false, -1, u"timed out"_s};
    return *result;
}

StoreResult readAndWait(Workspace& ws, Workspace::Work work)
{
    std::optional<StoreResult> result;
    QObject context;
    ws.read(std::move(work), &context, [&](const StoreResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return StoreResult{false, -1, u"timed out"_s};
    return *result;
}

std::unique_ptr<Workspace> openOrFail(const QString& path, OpenMode mode)
{
    wf::OpenResult r = Workspace::open(path, mode);
    if (!r)
        qWarning().noquote() << "open failed:" << r.message;
    return std::move(r.workspace);
}

// A closed, valid workspace with a few pages of data in it.
QString makeWorkspace(const QString& path, int uiRows = 0)
{
    auto ws = openOrFail(path, OpenMode::CreateIfMissing);
    if (!ws)
        return {};
    const StoreResult r = writeAndWait(*ws, [uiRows](SqliteDb& db) {
        db.execute("INSERT INTO datasources(name, kind, url, created_at) VALUES (?1, ?2, ?3, ?4)", u"prom"_s,
                   u"prometheus"_s, u"http://localhost:9090"_s, qint64(1));
        for (int i = 0; i < uiRows; ++i)
            db.execute("INSERT INTO ui_state(key, value, updated_at) VALUES (?1, ?2, ?3)", QString::number(i),
                       QByteArray(1000, char('a' + i % 26)), qint64(i));
    });
    return r.ok ? path : QString();
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void createFromEmpty();
    void createFromZeroByteFile();
    void reopenKeepsDataAndDoesNotMigrate();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void failedUpgradeLeavesFileAsItWas();
    void newerVersionIsRefused_data();
    void newerVersionIsRefused();
    void foreignSqliteFileIsRefused_data();
    void foreignSqliteFileIsRefused();
    void damagedFileIsRefused_data();
    void damagedFileIsRefused();
    void readOnlyModeRefusesWrites();
    void notWritableFileIsRefusedForEditing();
    void missingFile();

    void doneRunsOnlyAfterCommit();
    void failingWriteRollsBack();
    void workErrorsRollBackWithTheirMessage();
    void destroyedContextGetsNoCallback();
    void concurrentWritersAllLandInOrder();
    void destructorDrainsPendingWrites();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file(const QString& name) const { return m_dir->filePath(name); }
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestWorkspace::createFromEmpty()
{
    const QString path = file(u"new.watchfloor"_s);
    {
        wf::OpenResult r = Workspace::open(path, OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        QCOMPARE(r.error, OpenError::None);
        QCOMPARE(r.workspace->schemaVersion(), Workspace::latestSchemaVersion());
        QVERIFY(!r.workspace->isReadOnly());
        QCOMPARE(r.workspace->path(), QFileInfo(path).absoluteFilePath());
        // While open: WAL on, as seen from another connection.
        QCOMPARE(rawInt(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    }
    QCOMPARE(sidecars(path), QStringList());
    QCOMPARE(rawInt(path, "PRAGMA user_version"), qint64(Workspace::latestSchemaVersion()));
    QCOMPARE(quint32(rawInt(path, "PRAGMA application_id")), wf::kWorkspaceApplicationId);
    QCOMPARE(quint32(rawInt(path, "PRAGMA application_id")), 0x57464C52u);
    for (const char* table : {"meta", "datasources", "ui_state"}) {
        SqliteDb db = raw(path);
        QVERIFY2(db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                               QString::fromLatin1(table)) == 1,
                 table);
    }
    QCOMPARE(rawInt(path, "SELECT count(*) FROM meta WHERE key IN ('created_by', 'created_at')"), 2);
    // The header says WAL (file format bytes 18 and 19 are 2).
    const QByteArray header = readAll(path).left(20);
    QCOMPARE(int(header.at(18)), 2);
    QCOMPARE(int(header.at(19)), 2);
}

void TestWorkspace::createFromZeroByteFile()
{
    const QString path = file(u"empty.watchfloor"_s);
    QVERIFY(writeFile(path, {}));
    wf::OpenResult refused = Workspace::open(path, OpenMode::ReadWrite);
    QVERIFY(!refused);
    QCOMPARE(refused.error, OpenError::NotSqlite);
    QVERIFY2(refused.message.contains(QDir::toNativeSeparators(path)), qPrintable(refused.message));
    QCOMPARE(QFileInfo(path).size(), 0);

    wf::OpenResult created = Workspace::open(path, OpenMode::CreateIfMissing);
    QVERIFY2(created, qPrintable(created.message));
    QCOMPARE(created.workspace->schemaVersion(), Workspace::latestSchemaVersion());
}

void TestWorkspace::reopenKeepsDataAndDoesNotMigrate()
{
    const QString path = makeWorkspace(file(u"keep.watchfloor"_s));
    QVERIFY(!path.isEmpty());
    const FileSnapshot before = snapshot(path);
    {
        auto ws = openOrFail(path, OpenMode::ReadWrite);
        QVERIFY(ws);
        std::optional<qint64> count;
        QVERIFY(readAndWait(*ws, [&](SqliteDb& db) {
                    count = db.queryInt64("SELECT count(*) FROM datasources WHERE name = ?1", u"prom"_s);
                }).ok);
        QCOMPARE(count, std::optional<qint64>(1));
    }
    // Opening an up-to-date workspace and reading from it writes nothing at all: had a migration run
    // again, it would have failed (CREATE TABLE of an existing table) or changed the bytes.
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
}

void TestWorkspace::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<quint32>("applicationId");
    QTest::addColumn<bool>("wal");
    QTest::newRow("v0 empty SQLite file") << 0 << 0u << false;
    QTest::newRow("v0 with application_id") << 0 << wf::kWorkspaceApplicationId << false;
    for (int v = 1; v < Workspace::latestSchemaVersion(); ++v) {
        QTest::addRow("v%d rollback journal", v) << v << wf::kWorkspaceApplicationId << false;
        QTest::addRow("v%d wal", v) << v << wf::kWorkspaceApplicationId << true;
    }
}

void TestWorkspace::migratesFromEveryEarlierVersion()
{
    QFETCH(int, version);
    QFETCH(quint32, applicationId);
    QFETCH(bool, wal);
    const QString path = file(u"old.watchfloor"_s);
    {
        // Build the file exactly as that version left it: the real migrations up to `version`.
        SqliteDb db = raw(path);
        if (wal)
            db.executeScript("PRAGMA journal_mode = WAL");
        db.executeScript("CREATE TABLE scratch(x); DROP TABLE scratch"); // a real header, no tables
        if (applicationId != 0)
            db.executeScript("PRAGMA application_id = 1464224850"); // 0x57464C52
        wf::migrate(db, version);
        QCOMPARE(db.queryInt64("PRAGMA user_version"), std::optional<qint64>(version));
        // Data each version could hold; later migrations must carry it over.
        if (version >= 1) {
            db.execute("INSERT INTO datasources(name, kind, url, insecure_tls, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                       u"old-prom"_s, u"prometheus"_s, u"http://old:9090"_s, 1, qint64(42));
            db.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", u"marker"_s, u"v1"_s);
        }
        if (version >= 2)
            db.execute("INSERT INTO ui_state(key, value, updated_at) VALUES (?1, ?2, ?3)", u"layout"_s,
                       QByteArray("\x01\x02\x00\x03", 4), qint64(7));
    }
    {
        wf::OpenResult r = Workspace::open(path, OpenMode::ReadWrite);
        QVERIFY2(r, qPrintable(r.message));
        QCOMPARE(r.workspace->schemaVersion(), Workspace::latestSchemaVersion());
    }
    QCOMPARE(sidecars(path), QStringList());
    QCOMPARE(rawInt(path, "PRAGMA user_version"), qint64(Workspace::latestSchemaVersion()));
    QCOMPARE(quint32(rawInt(path, "PRAGMA application_id")), wf::kWorkspaceApplicationId);
    QCOMPARE(int(readAll(path).at(18)), 2); // now WAL

    // Same schema as a workspace created by this build.
    const QString fresh = makeWorkspace(file(u"fresh.watchfloor"_s));
    QVERIFY(!fresh.isEmpty());
    QCOMPARE(schemaOf(path), schemaOf(fresh));

    SqliteDb db = raw(path);
    QCOMPARE(db.queryInt64("SELECT count(*) FROM meta WHERE key = 'created_by'"), std::optional<qint64>(1));
    if (version >= 1) {
        SqliteStatement s = db.prepare("SELECT name, kind, url, insecure_tls, created_at FROM datasources");
        QVERIFY(s.step());
        QCOMPARE(s.text(0), u"old-prom"_s);
        QCOMPARE(s.text(2), u"http://old:9090"_s);
        QCOMPARE(s.int64(3), 1);
        QCOMPARE(s.int64(4), 42);
        QVERIFY(!s.step());
        QCOMPARE(db.queryInt64("SELECT count(*) FROM meta WHERE key = 'marker'"), std::optional<qint64>(1));
    }
    if (version >= 2) {
        SqliteStatement s = db.prepare("SELECT value, updated_at FROM ui_state WHERE key = 'layout'");
        QVERIFY(s.step());
        QCOMPARE(s.blob(0), QByteArray("\x01\x02\x00\x03", 4));
        QCOMPARE(s.int64(1), 7);
    }
}

void TestWorkspace::failedUpgradeLeavesFileAsItWas()
{
    // A v1 file in rollback-journal mode (as an exported bundle would be) whose migration 2 cannot
    // apply. The upgrade runs before the switch to WAL, so the refusal leaves every byte as it was.
    const QString path = file(u"stuck.watchfloor"_s);
    {
        SqliteDb db = raw(path);
        wf::migrate(db, 1);
        db.executeScript("CREATE TABLE ui_state(something_else TEXT)");
    }
    const FileSnapshot before = snapshot(path);
    wf::OpenResult r = Workspace::open(path, OpenMode::ReadWrite);
    QVERIFY(!r);
    QCOMPARE(r.error, OpenError::MigrationFailed);
    QVERIFY2(r.message.contains(u"from schema 1 to %1"_s.arg(Workspace::latestSchemaVersion())),
             qPrintable(r.message));
    QVERIFY2(r.message.contains(u"table ui_state already exists"_s), qPrintable(r.message)); // SQLite's words
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
    QCOMPARE(rawInt(path, "PRAGMA user_version"), 1);
}

void TestWorkspace::newerVersionIsRefused_data()
{
    QTest::addColumn<OpenMode>("mode");
    QTest::newRow("ReadWrite") << OpenMode::ReadWrite;
    QTest::newRow("ReadOnly") << OpenMode::ReadOnly;
    QTest::newRow("CreateIfMissing") << OpenMode::CreateIfMissing;
}

void TestWorkspace::newerVersionIsRefused()
{
    QFETCH(OpenMode, mode);
    const QString path = makeWorkspace(file(u"future.watchfloor"_s));
    QVERIFY(!path.isEmpty());
    const int future = Workspace::latestSchemaVersion() + 5;
    {
        SqliteDb db = raw(path);
        db.executeScript("CREATE TABLE from_the_future(x)");
        const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(future);
        db.executeScript(sql.constData());
    }
    QCOMPARE(sidecars(path), QStringList());
    const FileSnapshot before = snapshot(path);

    wf::OpenResult r = Workspace::open(path, mode);
    QVERIFY(!r);
    QCOMPARE(r.error, OpenError::TooNew);
    QVERIFY2(r.message.contains(u"schema %1"_s.arg(future)), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"knows %1"_s.arg(Workspace::latestSchemaVersion())), qPrintable(r.message));
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"nothing was changed"_s), qPrintable(r.message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
}

void TestWorkspace::foreignSqliteFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<OpenMode>("mode");
    const QByteArray otherApp = "PRAGMA application_id = 305419896; CREATE TABLE notes(body TEXT);"
                                "INSERT INTO notes VALUES ('mine')";
    const QByteArray noAppId = "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine')";
    const QByteArray walNoAppId = "PRAGMA journal_mode = WAL; " + noAppId;
    for (auto [name, mode] :
         {std::pair{"ReadWrite", OpenMode::ReadWrite}, std::pair{"ReadOnly", OpenMode::ReadOnly},
          std::pair{"CreateIfMissing", OpenMode::CreateIfMissing}}) {
        QTest::addRow("other application_id, %s", name) << otherApp << mode;
        QTest::addRow("no application_id, tables, %s", name) << noAppId << mode;
        QTest::addRow("no application_id, tables, WAL, %s", name) << walNoAppId << mode;
    }
}

void TestWorkspace::foreignSqliteFileIsRefused()
{
    QFETCH(QByteArray, setup);
    QFETCH(OpenMode, mode);
    const QString path = file(u"notes.db"_s);
    {
        SqliteDb db = raw(path);
        db.executeScript(setup.constData());
    }
    QCOMPARE(sidecars(path), QStringList());
    const FileSnapshot before = snapshot(path);

    wf::OpenResult r = Workspace::open(path, mode);
    QVERIFY(!r);
    QCOMPARE(r.error, OpenError::NotWorkspace);
    QVERIFY2(r.message.contains(u"not a Watchfloor workspace"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
    QCOMPARE(rawInt(path, "SELECT count(*) FROM notes"), 1);
}

void TestWorkspace::damagedFileIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<OpenMode>("mode");
    QTest::addColumn<OpenError>("expected");
    const std::pair<const char*, OpenError> kinds[] = {
        {"random bytes", OpenError::NotSqlite},
        {"text file", OpenError::NotSqlite},
        {"truncated to half", OpenError::Corrupt},
        {"truncated inside the header", OpenError::Corrupt},
        {"garbage after a valid header", OpenError::Corrupt},
        {"zeros after a valid header", OpenError::Corrupt},
        {"garbage pages inside", OpenError::Corrupt},
    };
    for (auto [kind, expected] : kinds)
        for (auto [name, mode] :
             {std::pair{"ReadWrite", OpenMode::ReadWrite}, std::pair{"ReadOnly", OpenMode::ReadOnly},
              std::pair{"CreateIfMissing", OpenMode::CreateIfMissing}})
            QTest::addRow("%s, %s", kind, name) << QString::fromLatin1(kind) << mode << expected;
}

void TestWorkspace::damagedFileIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(OpenMode, mode);
    QFETCH(OpenError, expected);
    const QString valid = makeWorkspace(file(u"valid.watchfloor"_s), 64);
    QVERIFY(!valid.isEmpty());
    const QByteArray good = readAll(valid);
    QVERIFY(good.size() > 16 * 4096);

    QByteArray bytes;
    if (kind == u"random bytes")
        bytes = randomBytes(8192, 1);
    else if (kind == u"text file")
        bytes = "key = value\nThis is not a database.\n";
    else if (kind == u"truncated to half")
        bytes = good.left(good.size() / 2);
    else if (kind == u"truncated inside the header")
        bytes = good.left(50);
    else if (kind == u"garbage after a valid header")
        bytes = good.left(100) + randomBytes(good.size() - 100, 2);
    else if (kind == u"zeros after a valid header")
        bytes = good.left(100) + QByteArray(good.size() - 100, '\0');
    else if (kind == u"garbage pages inside")
        bytes = good.left(4096) + randomBytes(good.size() - 2 * 4096, 3) + good.right(4096);
    const QString path = file(u"damaged.watchfloor"_s);
    QVERIFY(writeFile(path, bytes));
    const FileSnapshot before = snapshot(path);

    wf::OpenResult r = Workspace::open(path, mode);
    QVERIFY(!r);
    QCOMPARE(r.error, expected);
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"Nothing was changed"_s), qPrintable(r.message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
}

void TestWorkspace::readOnlyModeRefusesWrites()
{
    const QString path = makeWorkspace(file(u"ro.watchfloor"_s));
    QVERIFY(!path.isEmpty());
    const FileSnapshot before = snapshot(path);
    {
        wf::OpenResult r = Workspace::open(path, OpenMode::ReadOnly);
        QVERIFY2(r, qPrintable(r.message));
        Workspace& ws = *r.workspace;
        QVERIFY(ws.isReadOnly());

        std::optional<qint64> count;
        QVERIFY(readAndWait(ws, [&](SqliteDb& db) {
                    count = db.queryInt64("SELECT count(*) FROM datasources");
                }).ok);
        QCOMPARE(count, std::optional<qint64>(1));

        bool workRan = false;
        const StoreResult w = writeAndWait(ws, [&](SqliteDb&) { workRan = true; });
        QVERIFY(!w.ok);
        QVERIFY(!workRan);
        QVERIFY2(w.error.contains(u"read-only"_s), qPrintable(w.error));
        QVERIFY2(w.error.contains(QDir::toNativeSeparators(path)), qPrintable(w.error));

        // Even SQL smuggled into a read is refused by the connection itself.
        const StoreResult sneaky = readAndWait(ws, [](SqliteDb& db) {
            db.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", u"x"_s, u"y"_s);
        });
        QVERIFY(!sneaky.ok);
        QCOMPARE(sneaky.sqliteCode & 0xff, SQLITE_READONLY);
    }
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
}

void TestWorkspace::notWritableFileIsRefusedForEditing()
{
    const QString path = makeWorkspace(file(u"locked.watchfloor"_s));
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    if (isRoot())
        QSKIP("Running as root: file permissions do not stop root from writing, so a 0444 file is "
              "writable and the read-only-file refusal cannot be observed. The ReadOnly-mode path is "
              "covered by readOnlyModeRefusesWrites.");
    const FileSnapshot before = snapshot(path);
    wf::OpenResult r = Workspace::open(path, OpenMode::ReadWrite);
    QVERIFY(!r);
    QCOMPARE(r.error, OpenError::ReadOnlyFile);
    QVERIFY2(r.message.contains(u"read-only"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());

    wf::OpenResult ro = Workspace::open(path, OpenMode::ReadOnly);
    QVERIFY2(ro, qPrintable(ro.message));
    QVERIFY(ro.workspace->isReadOnly());
    ro.workspace.reset();
    QCOMPARE(snapshot(path), before);
    QCOMPARE(sidecars(path), QStringList());
}

void TestWorkspace::missingFile()
{
    const QString path = file(u"missing.watchfloor"_s);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        wf::OpenResult r = Workspace::open(path, mode);
        QVERIFY(!r);
        QCOMPARE(r.error, OpenError::NotFound);
        QVERIFY2(r.message.contains(QDir::toNativeSeparators(path)), qPrintable(r.message));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(sidecars(path), QStringList());
    }
    const QString inMissingFolder = file(u"no/such/folder/ws.watchfloor"_s);
    wf::OpenResult r = Workspace::open(inMissingFolder, OpenMode::CreateIfMissing);
    QVERIFY(!r);
    QCOMPARE(r.error, OpenError::NotFound);
    QVERIFY2(r.message.contains(u"folder"_s), qPrintable(r.message));

    wf::OpenResult dir = Workspace::open(m_dir->path(), OpenMode::CreateIfMissing);
    QVERIFY(!dir);
    QCOMPARE(dir.error, OpenError::NotAFile);
}

void TestWorkspace::doneRunsOnlyAfterCommit()
{
    const QString path = file(u"commit.watchfloor"_s);
    auto ws = openOrFail(path, OpenMode::CreateIfMissing);
    QVERIFY(ws);
    for (bool durable : {false, true}) {
        const QString key = durable ? u"durable"_s : u"normal"_s;
        std::optional<qint64> seenByOtherConnection;
        bool called = false;
        ws->write(
            [key](SqliteDb& db) { db.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", key, u"1"_s); },
            this,
            [&](const StoreResult& r) {
                QVERIFY(r.ok);
                QCOMPARE(QThread::currentThread(), thread());
                // A separate connection sees the row: the transaction had committed.
                SqliteDb other = SqliteDb::open(path, SqliteDb::Access::ReadOnly);
                seenByOtherConnection = other.queryInt64("SELECT count(*) FROM meta WHERE key = ?1", key);
                called = true;
            },
            wf::WriteOptions{durable});
        QVERIFY(!called); // always queued, never called from inside write()
        QTRY_VERIFY(called);
        QCOMPARE(seenByOtherConnection, std::optional<qint64>(1));
    }
}

void TestWorkspace::failingWriteRollsBack()
{
    auto ws = openOrFail(file(u"rollback.watchfloor"_s), OpenMode::CreateIfMissing);
    QVERIFY(ws);
    const StoreResult r = writeAndWait(*ws, [](SqliteDb& db) {
        const char* sql = "INSERT INTO datasources(name, kind, url, created_at) VALUES (?1, ?2, ?3, ?4)";
        db.execute(sql, u"good"_s, u"loki"_s, u"http://loki"_s, qint64(1));
        db.execute(sql, u"bad"_s, u"not-a-kind"_s, u"http://x"_s, qint64(1)); // CHECK fails
    });
    QVERIFY(!r.ok);
    QCOMPARE(r.sqliteCode, SQLITE_CONSTRAINT_CHECK);
    QVERIFY2(r.error.contains(u"CHECK constraint failed"_s), qPrintable(r.error));

    std::optional<qint64> count;
    QVERIFY(readAndWait(*ws, [&](SqliteDb& db) {
                count = db.queryInt64("SELECT count(*) FROM datasources");
            }).ok);
    QCOMPARE(count, std::optional<qint64>(0)); // the first, valid row went too

    // The connection is usable after a rollback.
    QVERIFY(writeAndWait(*ws, [](SqliteDb& db) {
                db.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", u"after"_s, u"ok"_s);
            }).ok);
}

void TestWorkspace::workErrorsRollBackWithTheirMessage()
{
    auto ws = openOrFail(file(u"errors.watchfloor"_s), OpenMode::CreateIfMissing);
    QVERIFY(ws);
    auto insertThen = [](auto thrower) {
        return [thrower](SqliteDb& db) {
            db.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", u"k"_s, u"v"_s);
            thrower();
        };
    };
    const StoreResult a = writeAndWait(*ws, insertThen([] { throw wf::WorkError(u"name taken: “ü”"_s); }));
    QVERIFY(!a.ok);
    QCOMPARE(a.error, u"name taken: “ü”"_s);
    QCOMPARE(a.sqliteCode, 0);
    const StoreResult b = writeAndWait(*ws, insertThen([] { throw std::runtime_error("plain failure"); }));
    QVERIFY(!b.ok);
    QCOMPARE(b.error, u"plain failure"_s);
    std::optional<qint64> count;
    QVERIFY(readAndWait(*ws, [&](SqliteDb& db) {
                count = db.queryInt64("SELECT count(*) FROM meta WHERE key='k'");
            }).ok);
    QCOMPARE(count, std::optional<qint64>(0));
}

void TestWorkspace::destroyedContextGetsNoCallback()
{
    auto ws = openOrFail(file(u"context.watchfloor"_s), OpenMode::CreateIfMissing);
    QVERIFY(ws);
    std::atomic<int> worksRun{0};

    // 1. Context destroyed while its write is still queued behind a blocked one.
    QSemaphore gate;
    ws->write([&](SqliteDb&) { gate.acquire(); }, nullptr, nullptr);
    auto early = std::make_unique<QObject>();
    bool earlyCalled = false;
    ws->write([&](SqliteDb&) { ++worksRun; }, early.get(), [&](const StoreResult&) { earlyCalled = true; });
    early.reset();
    gate.release();

    // 2. Context destroyed after the commit, with the callback already posted to its queue.
    auto late = std::make_unique<QObject>();
    bool lateCalled = false;
    QSemaphore committed;
    ws->write([&](SqliteDb&) { ++worksRun; }, late.get(), [&](const StoreResult&) { lateCalled = true; });
    ws->write([&](SqliteDb&) { committed.release(); }, nullptr, nullptr);
    QVERIFY(committed.tryAcquire(1, 10000)); // no event processing in between
    late.reset();

    // A later write with a live context flushes everything queued before it.
    QVERIFY(writeAndWait(*ws, [](SqliteDb&) {}).ok);
    QCoreApplication::processEvents();
    QCOMPARE(worksRun.load(), 2); // the work itself still ran and committed
    QVERIFY(!earlyCalled);
    QVERIFY(!lateCalled);
}

void TestWorkspace::concurrentWritersAllLandInOrder()
{
    const QString path = file(u"concurrent.watchfloor"_s);
    auto ws = openOrFail(path, OpenMode::CreateIfMissing);
    QVERIFY(ws);
    constexpr int kThreads = 4;
    constexpr int kPerThread = 250;
    int callbacks = 0; // only touched on this thread: the callbacks are delivered here
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                ws->write(
                    [t, i](SqliteDb& db) {
                        db.execute("INSERT INTO ui_state(key, value, updated_at) VALUES (?1, ?2, ?3)",
                                   u"%1/%2"_s.arg(t).arg(i), QByteArray::number(t), qint64(i));
                    },
                    this, [&](const StoreResult& r) { callbacks += r.ok ? 1 : 1000000; });
            }
        });
    }
    for (auto& th : threads)
        th.join();
    QTRY_COMPARE_WITH_TIMEOUT(callbacks, kThreads * kPerThread, 30000);

    // Every row is there, and each caller's rows were committed in the order it queued them.
    std::vector<std::vector<qint64>> seqs(kThreads);
    QVERIFY(readAndWait(*ws, [&](SqliteDb& db) {
                SqliteStatement s = db.prepare("SELECT value, updated_at FROM ui_state ORDER BY rowid");
                while (s.step())
                    seqs[size_t(s.blob(0).toInt())].push_back(s.int64(1));
            }).ok);
    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(int(seqs[size_t(t)].size()), kPerThread);
        QVERIFY(std::is_sorted(seqs[size_t(t)].begin(), seqs[size_t(t)].end()));
    }
}

void TestWorkspace::destructorDrainsPendingWrites()
{
    const QString path = file(u"drain.watchfloor"_s);
    constexpr int kWrites = 500;
    int callbacks = 0;
    {
        auto ws = openOrFail(path, OpenMode::CreateIfMissing);
        QVERIFY(ws);
        for (int i = 0; i < kWrites; ++i)
            ws->write(
                [i](SqliteDb& db) {
                    db.execute("INSERT INTO ui_state(key, value, updated_at) VALUES (?1, ?2, ?3)",
                               QString::number(i), QByteArray("x"), qint64(i));
                },
                this, [&](const StoreResult& r) { callbacks += r.ok ? 1 : 0; });
        // Destroyed right away, with nearly everything still queued.
    }
    QCOMPARE(sidecars(path), QStringList());
    QCOMPARE(rawInt(path, "SELECT count(*) FROM ui_state"), kWrites);
    // The callbacks still arrive: the writes were saved, and their context is alive.
    QTRY_COMPARE(callbacks, kWrites);
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
