// LokiTail against a loopback WebSocket server (QWebSocketServer on 127.0.0.1) that streams the
// recorded tail messages of tests/data/loki_tail (hand-written from Loki's documented format, NOT
// captures; see the README there) and then a malformed one; and its fallback to polling query_range
// when the WebSocket cannot be opened or breaks, against a LoopbackHttpServer.

#include "LoopbackHttpServer.h"
#include "logs/LokiTail.h"
#include "logs/LokiTailFrame.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wf;
using namespace wf::logs;

namespace {

QByteArray recorded(const QString& path)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}

// Accepts one client, records its request, sends `frames` (one text message each), then, if asked,
// closes the connection.
class TailServer : public QObject
{
public:
    explicit TailServer(QList<QByteArray> frames, bool closeAfter = false)
        : m_server(QStringLiteral("loki-tail-test"), QWebSocketServer::NonSecureMode)
        , m_frames(std::move(frames))
        , m_closeAfter(closeAfter)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket* client = m_server.nextPendingConnection();
            client->setParent(this);
            requestUrl = client->requestUrl();
            tenant = client->request().rawHeader("X-Scope-OrgID");
            for (const QByteArray& f : m_frames)
                client->sendTextMessage(QString::fromUtf8(f));
            client->flush();
            if (m_closeAfter)
                client->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
        });
    }
    QUrl httpUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }

    QUrl requestUrl;
    QByteArray tenant;

private:
    QWebSocketServer m_server;
    QList<QByteArray> m_frames;
    bool m_closeAfter;
};

qint64 entries(const QSignalSpy& spy)
{
    qint64 n = 0;
    for (const auto& args : spy)
        n += args.at(0).value<LokiTailBatch>().entryCount;
    return n;
}

} // namespace

class TestLokiTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseFrames()
    {
        const QList<QByteArray> lines =
            recorded(QStringLiteral("loki_tail/frames.jsonl")).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const auto f1 = parseLokiTailFrame(lines[0]);
        QVERIFY2(f1.ok(), qPrintable(f1.error));
        QCOMPARE(f1.entryCount, 2);
        QCOMPARE(f1.streams[0].labels.front(),
                 std::make_pair(QStringLiteral("level"), QStringLiteral("error")));
        QCOMPARE(f1.streams[0].entries[0].timeNs, 1767225600000000000);
        QCOMPARE(f1.streams[0].entries[0].line, QStringLiteral("pool exhausted after 3 retries"));
        QCOMPARE(parseLokiTailFrame(lines[1]).droppedByLoki, 1);
        const auto f3 = parseLokiTailFrame(lines[2]);
        QVERIFY(f3.ok());
        QCOMPARE(f3.streams[0].entries[0].metadata.front().first, QStringLiteral("trace_id"));

        const auto bad = parseLokiTailFrame(recorded(QStringLiteral("loki_tail/malformed.txt")));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.contains(QStringLiteral("entry")), qPrintable(bad.error));
        QVERIFY(bad.streams.empty() && bad.entryCount == 0);
        QVERIFY(!parseLokiTailFrame("").ok());
        QVERIFY(!parseLokiTailFrame("[]").ok());
        QVERIFY(parseLokiTailFrame(R"({"streams":null})").ok());
        // 19 digits that do not fit in 64 bits (found by fuzz_loki_tail).
        QVERIFY(!parseLokiTailFrame(R"({"streams":[{"stream":{},"values":[["9999999999999999999","x"]]}]})")
                     .ok());

        LokiLimits limits;
        limits.maxEntries = 1;
        limits.maxLineBytes = 8;
        const auto capped = parseLokiTailFrame(lines[0], limits);
        QCOMPARE(capped.entryCount, 1);
        QCOMPARE(capped.droppedByLimit, 1);
        QVERIFY(capped.streams[0].entries[0].truncated);
    }

    void tailsOverWebSocketAndSkipsMalformedFrames()
    {
        QList<QByteArray> frames = recorded(QStringLiteral("loki_tail/frames.jsonl")).trimmed().split('\n');
        frames << recorded(QStringLiteral("loki_tail/malformed.txt")).trimmed();
        TailServer server(frames);
        net::HttpClient http;
        LokiTail tail(&http, server.httpUrl());
        tail.setTenant("team-a");
        QSignalSpy batches(&tail, &LokiTail::batchReceived);
        QSignalSpy problems(&tail, &LokiTail::problem);
        QSignalSpy modes(&tail, &LokiTail::modeChanged);
        LokiTailRequest req;
        req.logql = QStringLiteral(R"({service_name=~"pay.+"} |= "pool")");
        req.startNs = 1767225000000000000;
        req.limit = 50;
        tail.start(req);
        QCOMPARE(tail.mode(), LokiTail::Mode::Connecting);
        QTRY_COMPARE(entries(batches), 4);
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("malformed")),
                 qPrintable(problems.at(0).at(0).toString()));
        QCOMPARE(tail.mode(), LokiTail::Mode::WebSocket); // a bad frame does not end the tail
        qint64 dropped = 0;
        for (const auto& args : batches)
            dropped += args.at(0).value<LokiTailBatch>().droppedEntries;
        QCOMPARE(dropped, 1);
        QCOMPARE(tail.newestNs(), 1767225600003000000);

        QCOMPARE(server.requestUrl.path(), QStringLiteral("/loki/api/v1/tail"));
        QCOMPARE(server.requestUrl.scheme(), QStringLiteral("ws"));
        const QUrlQuery sent(server.requestUrl);
        QCOMPARE(sent.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), req.logql); // '+' intact
        QCOMPARE(sent.queryItemValue(QStringLiteral("start")), QStringLiteral("1767225000000000000"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
        QCOMPARE(server.tenant, QByteArray("team-a"));

        tail.stop();
        QCOMPARE(tail.mode(), LokiTail::Mode::Idle);
        QCOMPARE(modes.last().at(0).value<LokiTail::Mode>(), LokiTail::Mode::Idle);
    }

    void fallsBackToPollingWhenTheWebSocketIsRefused()
    {
        // A plain HTTP server: the upgrade is answered 404, as by a proxy without WebSocket support.
        test::LoopbackHttpServer server;
        server.setRoute("/loki/api/v1/query_range",
                        test::HttpRoute::ok(recorded(QStringLiteral("loki/query_range_streams.json"))));
        net::HttpClient http;
        LokiTail tail(&http, server.url(QStringLiteral("/")));
        QSignalSpy batches(&tail, &LokiTail::batchReceived);
        QSignalSpy problems(&tail, &LokiTail::problem);
        LokiTailRequest req;
        req.logql = QStringLiteral(R"({service_name="payments"})");
        req.pollInterval = std::chrono::milliseconds(100);
        tail.start(req);
        QTRY_COMPARE(tail.mode(), LokiTail::Mode::Polling);
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("polling")),
                 qPrintable(problems.at(0).at(0).toString()));
        QTRY_VERIFY(entries(batches) >= 3);
        // Polls go on, forward from the newest entry seen.
        QTRY_VERIFY(server.requestsFor("/loki/api/v1/query_range").size() >= 2);
        const auto second = server.requestsFor("/loki/api/v1/query_range").at(1);
        const QUrlQuery q(QString::fromLatin1(second.query));
        QCOMPARE(q.queryItemValue(QStringLiteral("direction")), QStringLiteral("forward"));
        QCOMPARE(q.queryItemValue(QStringLiteral("start")).toLongLong(), tail.newestNs() + 1);
        tail.stop();
        const int polls = server.requestsFor("/loki/api/v1/query_range").size();
        QTest::qWait(300);
        QCOMPARE(server.requestsFor("/loki/api/v1/query_range").size(), polls); // stop means stop
    }

    void fallsBackToPollingWhenTheTailBreaks()
    {
        const QList<QByteArray> frames =
            recorded(QStringLiteral("loki_tail/frames.jsonl")).trimmed().split('\n');
        TailServer server(frames, true);
        net::HttpClient http;
        LokiTail tail(&http, server.httpUrl());
        QSignalSpy batches(&tail, &LokiTail::batchReceived);
        QSignalSpy problems(&tail, &LokiTail::problem);
        LokiTailRequest req;
        req.logql = QStringLiteral("{a=\"b\"}");
        req.pollInterval = std::chrono::milliseconds(60'000);
        tail.start(req);
        QTRY_COMPARE(entries(batches), 4);
        QTRY_COMPARE(tail.mode(), LokiTail::Mode::Polling);
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("broke")),
                 qPrintable(problems.at(0).at(0).toString()));
        // The poll goes to the same server, which speaks no HTTP API: its failure is reported, no crash.
        QTRY_VERIFY(problems.size() >= 2);
        QVERIFY2(problems.last().at(0).toString().contains(QStringLiteral("Polling Loki failed")),
                 qPrintable(problems.last().at(0).toString()));
    }

    void pollOnlyWhenWebSocketsAreOff()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/loki/api/v1/query_range",
                        test::HttpRoute::withStatus(400, "parse error at line 1, col 1"));
        net::HttpClient http;
        LokiTail tail(&http, server.url(QStringLiteral("/")));
        tail.setWebSocketEnabled(false);
        QSignalSpy problems(&tail, &LokiTail::problem);
        tail.start(LokiTailRequest{QStringLiteral("{"), 0, 10, 0, std::chrono::milliseconds(50), {}});
        QCOMPARE(tail.mode(), LokiTail::Mode::Polling);
        QTRY_VERIFY(!problems.isEmpty());
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("HTTP 400: parse error")),
                 qPrintable(problems.at(0).at(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestLokiTail)
#include "tst_lokitail.moc"
