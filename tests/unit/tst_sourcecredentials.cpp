// Data source credentials: the keychain entry's format and validation, the session-only fallback when
// no keychain is reachable, and the controller keeping every secret out of the workspace file (the
// file and its WAL are searched byte for byte for the password, token and header value).

#include "LoopbackHttpServer.h"
#include "items/SourceHealthModel.h"
#include "net/HttpClient.h"
#include "prometheus/ScrapeInterval.h"
#include "sources/MemorySecretStore.h"
#include "sources/SessionSecretStore.h"
#include "sources/SourceCredentials.h"
#include "sources/SourcesController.h"
#include "store/Workspace.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;
using namespace wf::prometheus;

namespace {

const QString kPassword = u"pa55-Zebra-Quartz-91"_s;
const QByteArray kToken = "tok-Harbour-Lantern-7731";
const QByteArray kHeaderSecret = "hdr-Marble-Falcon-5520";

SourceCredentials basic()
{
    SourceCredentials c;
    c.mode = SourceCredentials::Mode::Basic;
    c.user = u"ops"_s;
    c.password = kPassword;
    c.headers = {{"X-Scope-OrgID", "tenant-1"}, {"X-Api-Key", kHeaderSecret}};
    return c;
}

SecretResult waitFor(std::function<void(SecretStore::Done)> call)
{
    std::optional<SecretResult> out;
    call([&out](const SecretResult& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qFatal("secret store did not answer");
    return *out;
}

// Every file under `dir` that holds any of the needles, with the needle found.
QStringList filesHolding(const QString& dir, const QList<QByteArray>& needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const QByteArray& n : needles) {
            // Also UTF-16, in case something wrote a QString raw.
            const QByteArray utf16 =
                QByteArray(reinterpret_cast<const char*>(QString::fromUtf8(n).utf16()), n.size() * 2);
            if (bytes.contains(n) || bytes.contains(utf16))
                hits << path + u": "_s + QString::fromUtf8(n);
        }
    }
    return hits;
}

} // namespace

class TestSourceCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secretRoundTripsAndRejectsForeignText()
    {
        const SourceCredentials c = basic();
        const auto back = SourceCredentials::fromSecret(c.toSecret());
        QVERIFY(back.has_value());
        QCOMPARE(*back, c);

        SourceCredentials bearer;
        bearer.mode = SourceCredentials::Mode::Bearer;
        bearer.token = kToken;
        QCOMPARE(*SourceCredentials::fromSecret(bearer.toSecret()), bearer);
        QCOMPARE(bearer.prometheusAuth().bearerToken, kToken);
        QVERIFY(bearer.prometheusAuth().user.isEmpty());

        QVERIFY(!SourceCredentials::fromSecret("hunter2").has_value());
        QVERIFY(!SourceCredentials::fromSecret(R"({"v":2,"mode":"basic"})").has_value());
        QVERIFY(!SourceCredentials::fromSecret(R"({"v":1,"mode":"kerberos"})").has_value());
        // A stored header that would smuggle a second line is refused, not sent.
        QVERIFY(
            !SourceCredentials::fromSecret(R"({"v":1,"mode":"none","headers":[["X-A","a\r\nHost: evil"]]})")
                 .has_value());
    }

    void validationNamesTheProblem()
    {
        SourceCredentials c;
        c.mode = SourceCredentials::Mode::Basic;
        QVERIFY(c.validate().contains(u"user name"_s));
        c.user = u"a:b"_s;
        QVERIFY(c.validate().contains(u"colon"_s));
        c.user = u"ops"_s;
        QVERIFY(c.validate().isEmpty());
        c.headers = {{"Bad Name", "x"}};
        QVERIFY(c.validate().contains(u"Bad Name"_s));
        c.headers = {{"Authorization", "Basic x"}};
        QVERIFY(c.validate().contains(u"Authorization"_s));
        c.headers = {{"Host", "evil"}};
        QVERIFY(c.validate().contains(u"Host"_s));
        c.mode = SourceCredentials::Mode::Bearer;
        c.headers = {};
        QVERIFY(c.validate().contains(u"token"_s));
    }

    void headerLinesParse()
    {
        QString error;
        const auto headers =
            SourceCredentials::parseHeaderLines(u"X-Scope-OrgID: tenant-1\n\n  X-Api-Key:  k:v \n"_s, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(headers.size(), 2);
        QCOMPARE(headers[1].first, QByteArray("X-Api-Key"));
        QCOMPARE(headers[1].second, QByteArray("k:v"));
        QCOMPARE(SourceCredentials::parseHeaderLines(SourceCredentials::headerLines(headers), nullptr),
                 headers);
        SourceCredentials::parseHeaderLines(u"no colon here"_s, &error);
        QVERIFY(error.contains(u"line 1"_s));
        SourceCredentials::parseHeaderLines(u"X-Ok: 1\nBäd: 2"_s, &error);
        QVERIFY(error.contains(u"line 2"_s));
    }

    void secretKeyHidesTheWorkspacePath()
    {
        const QString key = SourceCredentials::secretKey(u"/home/ops/acme-outage.watchfloor"_s, 7);
        QVERIFY(key.endsWith(u"/7"_s));
        QVERIFY(!key.contains(u"acme"_s));
        QVERIFY(key != SourceCredentials::secretKey(u"/home/ops/other.watchfloor"_s, 7));
    }

    void unreachableKeychainKeepsTheSecretForTheSessionOnly()
    {
        auto keychain = std::make_unique<MemorySecretStore>();
        MemorySecretStore* raw = keychain.get();
        raw->setUnavailable(u"org.freedesktop.secrets was not provided by any .service files"_s);
        SessionSecretStore store(std::move(keychain));
        QObject context;

        const SecretResult written =
            waitFor([&](auto done) { store.write(u"k"_s, "s3cret", &context, done); });
        QVERIFY(written.ok());
        QVERIFY(written.sessionOnly);
        QVERIFY2(written.error.contains(u"session"_s) && written.error.contains(u"org.freedesktop.secrets"_s),
                 qPrintable(written.error));
        QVERIFY(!raw->contains(u"k"_s));

        const SecretResult read = waitFor([&](auto done) { store.read(u"k"_s, &context, done); });
        QVERIFY(read.ok());
        QVERIFY(read.sessionOnly);
        QCOMPARE(read.secret, QByteArray("s3cret"));

        // Once the keychain is back, a write goes there and the session copy is dropped.
        raw->setUnavailable({});
        const SecretResult again = waitFor([&](auto done) { store.write(u"k"_s, "n3w", &context, done); });
        QVERIFY(again.ok());
        QVERIFY(!again.sessionOnly);
        QVERIFY(raw->contains(u"k"_s));
        QCOMPARE(waitFor([&](auto done) { store.read(u"k"_s, &context, done); }).secret, QByteArray("n3w"));

        const SecretResult removed = waitFor([&](auto done) { store.remove(u"k"_s, &context, done); });
        QVERIFY(removed.ok());
        QCOMPARE(waitFor([&](auto done) { store.read(u"k"_s, &context, done); }).status,
                 SecretResult::Status::NotFound);
    }

    void noAnswerAfterTheContextIsGone()
    {
        MemorySecretStore store;
        bool called = false;
        {
            QObject context;
            store.write(u"k"_s, "v", &context, [&](const SecretResult&) { called = true; });
        }
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void controllerKeepsSecretsOutOfTheWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ops.watchfloor"_s);
        OpenResult opened = Workspace::open(path, OpenMode::CreateIfMissing);
        QVERIFY2(opened, qPrintable(opened.message));
        std::unique_ptr<Workspace> ws = std::move(opened.workspace);

        net::HttpClient http;
        SourceHealthModel model;
        MemorySecretStore secrets;
        SourcesController controller(&http, &model);
        controller.setSecretStore(&secrets);
        QSignalSpy loaded(&controller, &SourcesController::loaded);
        controller.setWorkspace(ws.get());
        QVERIFY(loaded.wait(5000));

        // Port 9 on loopback: nothing listens, the health probe fails fast and sends nothing anywhere.
        DataSource source{0, u"prod"_s, u"prometheus"_s, QUrl(u"http://127.0.0.1:9/"_s), false};
        loaded.clear();
        controller.add(source, basic());
        QVERIFY(loaded.wait(5000));
        const std::optional<DataSource> saved = controller.source(u"prod"_s);
        QVERIFY(saved && saved->id > 0);
        const QString key = SourceCredentials::secretKey(ws->path(), saved->id);
        QVERIFY(secrets.contains(key));
        QCOMPARE(controller.credentials(saved->id), basic());

        // Switch to a bearer token: the keychain entry follows, the workspace still holds nothing.
        SourceCredentials bearer;
        bearer.mode = SourceCredentials::Mode::Bearer;
        bearer.token = kToken;
        bearer.headers = {{"X-Api-Key", kHeaderSecret}};
        loaded.clear();
        controller.update(*saved, bearer);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(controller.credentials(saved->id), bearer);

        // A fresh controller (the next start) reads them back from the store.
        SourceHealthModel model2;
        SourcesController next(&http, &model2);
        next.setSecretStore(&secrets);
        QSignalSpy loaded2(&next, &SourcesController::loaded);
        next.setWorkspace(ws.get());
        QVERIFY(loaded2.wait(5000));
        QCOMPARE(next.credentials(saved->id), bearer);
        next.setWorkspace(nullptr);

        const QList<QByteArray> needles{kPassword.toUtf8(), kToken, kHeaderSecret};
        // The file and its WAL while open, and the checkpointed file after closing.
        QCOMPARE(filesHolding(dir.path(), needles), QStringList());
        QCOMPARE(
            filesHolding(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), needles),
            QStringList());
        controller.setWorkspace(nullptr);
        ws.reset();
        QCOMPARE(filesHolding(dir.path(), needles), QStringList());

        // Removing the source removes its secret.
        opened = Workspace::open(path, OpenMode::ReadWrite);
        QVERIFY(opened);
        ws = std::move(opened.workspace);
        loaded.clear();
        controller.setWorkspace(ws.get());
        QVERIFY(loaded.wait(5000));
        loaded.clear();
        controller.remove(u"prod"_s);
        QVERIFY(loaded.wait(5000));
        QVERIFY(!secrets.contains(key));
        controller.setWorkspace(nullptr);
    }

    void healthProbesCarryTheSourceCredentials()
    {
        // A source behind authentication would show as down (401) if its probe went without them.
        test::LoopbackHttpServer server;
        server.setRoute("/api/v1/status/buildinfo",
                        test::HttpRoute::ok(R"({"status":"success","data":{"version":"2.42.0"}})"));
        QTemporaryDir dir;
        OpenResult opened = Workspace::open(dir.filePath(u"p.watchfloor"_s), OpenMode::CreateIfMissing);
        QVERIFY(opened);
        net::HttpClient http;
        SourceHealthModel model;
        MemorySecretStore secrets;
        SourcesController controller(&http, &model);
        controller.setSecretStore(&secrets);
        QSignalSpy loaded(&controller, &SourcesController::loaded);
        controller.setWorkspace(opened.workspace.get());
        QVERIFY(loaded.wait(5000));
        SourceCredentials bearer;
        bearer.mode = SourceCredentials::Mode::Bearer;
        bearer.token = kToken;
        bearer.headers = {{"X-Scope-OrgID", "tenant-9"}};
        controller.add({0, u"p"_s, u"prometheus"_s, server.url(u"/"_s), false}, bearer);
        QTRY_VERIFY_WITH_TIMEOUT(!server.requestsFor("/api/v1/status/buildinfo").isEmpty(), 5000);
        const auto probe = server.requestsFor("/api/v1/status/buildinfo").constLast();
        QCOMPARE(probe.header("Authorization"), "Bearer " + kToken);
        QCOMPARE(probe.header("X-Scope-OrgID"), QByteArray("tenant-9"));
        controller.setWorkspace(nullptr);
    }

    void unreachableKeychainIsToldOnSave()
    {
        QTemporaryDir dir;
        OpenResult opened = Workspace::open(dir.filePath(u"w.watchfloor"_s), OpenMode::CreateIfMissing);
        QVERIFY(opened);
        net::HttpClient http;
        SourceHealthModel model;
        auto keychain = std::make_unique<MemorySecretStore>();
        keychain->setUnavailable(u"no Secret Service on the session bus"_s);
        SessionSecretStore secrets(std::move(keychain));
        SourcesController controller(&http, &model);
        controller.setSecretStore(&secrets);
        QSignalSpy loaded(&controller, &SourcesController::loaded);
        QSignalSpy warning(&controller, &SourcesController::warning);
        controller.setWorkspace(opened.workspace.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(warning.size(), 0); // reading from an absent keychain is no news
        loaded.clear();
        controller.add({0, u"p"_s, u"prometheus"_s, QUrl(u"http://127.0.0.1:9/"_s), false}, basic());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(warning.size(), 1);
        QVERIFY(warning.at(0).at(0).toString().contains(u"this session only"_s));
        QCOMPARE(controller.credentials(controller.source(u"p"_s)->id), basic());
        QCOMPARE(filesHolding(dir.path(), {kPassword.toUtf8(), kHeaderSecret}), QStringList());
        controller.setWorkspace(nullptr);
    }

    void promDurations()
    {
        QCOMPARE(parsePromDurationMs(u"1s").value_or(-1), qint64(1000));
        QCOMPARE(parsePromDurationMs(u"15s").value_or(-1), qint64(15000));
        QCOMPARE(parsePromDurationMs(u"1m30s").value_or(-1), qint64(90000));
        QCOMPARE(parsePromDurationMs(u"500ms").value_or(-1), qint64(500));
        QCOMPARE(parsePromDurationMs(u"1h5m").value_or(-1), qint64(3900000));
        QCOMPARE(parsePromDurationMs(u"2d").value_or(-1), qint64(2 * 86400000LL));
        QVERIFY(!parsePromDurationMs(u"").has_value());
        QVERIFY(!parsePromDurationMs(u"0s").has_value());
        QVERIFY(!parsePromDurationMs(u"5").has_value());
        QVERIFY(!parsePromDurationMs(u"1s1m").has_value()); // units largest first
        QVERIFY(!parsePromDurationMs(u"1.5s").has_value());
        QVERIFY(!parsePromDurationMs(u"2y").has_value());
    }

    void scrapeIntervalFromConfigAndTargets()
    {
        QCOMPARE(
            globalScrapeIntervalMs(u"global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"_s).value_or(-1),
            qint64(1000));
        // Prometheus' default when the global section leaves it out.
        QCOMPARE(globalScrapeIntervalMs(u"scrape_configs: []\n"_s).value_or(-1), qint64(60000));
        QVERIFY(!globalScrapeIntervalMs(u"global:\n  scrape_interval: soon\n"_s).has_value());
        QVERIFY(!globalScrapeIntervalMs(u"- a\n- b\n"_s).has_value());
        QVERIFY(!globalScrapeIntervalMs(u"global: [unclosed\n"_s).has_value());
        PromTarget a, b, c;
        a.scrapeInterval = u"30s"_s;
        b.scrapeInterval = u"5s"_s;
        c.scrapeInterval = u"bogus"_s;
        QCOMPARE(shortestTargetIntervalMs({a, b, c}).value_or(-1), qint64(5000));
        QVERIFY(!shortestTargetIntervalMs({c}).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSourceCredentials)
#include "tst_sourcecredentials.moc"
