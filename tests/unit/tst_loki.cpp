// Loki responses and LokiClient. The recorded responses in tests/data/loki are hand-written per the
// documented API (see its README.md: they are NOT captures from a Loki server); a LoopbackHttpServer
// on 127.0.0.1 replays them, including Loki's error responses.

#include "LoopbackHttpServer.h"
#include "logs/LokiClient.h"
#include "logs/LokiResponse.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace wf;
using namespace wf::logs;
using test::HttpRoute;

namespace {

QByteArray recorded(const char* name)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/loki/") +
            QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing %s", name);
    return f.readAll();
}

QString label(const LabelList& l, const char* key)
{
    for (const auto& [k, v] : l)
        if (k == QLatin1String(key))
            return v;
    return {};
}

} // namespace

class TestLoki : public QObject
{
    Q_OBJECT
private slots:
    void parsesStreams()
    {
        const auto r = parseLokiQueryResponse(recorded("query_range_streams.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.type, LokiQueryResult::Type::Streams);
        QCOMPARE(r.streams.size(), std::size_t(2));
        QCOMPARE(r.entryCount, 3);
        const auto& pay = r.streams[0];
        QCOMPARE(label(pay.labels, "service_name"), QStringLiteral("payments"));
        QCOMPARE(pay.labels.front().first, QStringLiteral("level")); // sorted by name
        QCOMPARE(pay.entries[0].timeNs, 1767226210123456789LL);
        QVERIFY(pay.entries[0].line.startsWith(QStringLiteral("ERROR pool timeout after 5000ms")));
        QCOMPARE(label(pay.entries[0].metadata, "trace_id"),
                 QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(pay.entries[1].metadata.empty());
        // categorize-labels shape: structured metadata and parsed labels both kept
        const auto& gw = r.streams[1].entries[0];
        QCOMPARE(label(gw.metadata, "trace_id"), QStringLiteral("0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(label(gw.metadata, "status"), QStringLiteral("200"));
    }

    void parsesMatrixAndVector()
    {
        const auto r = parseLokiQueryResponse(recorded("query_range_matrix.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.type, LokiQueryResult::Type::Matrix);
        QCOMPARE(r.series.size(), std::size_t(2));
        QCOMPARE(r.series[0].samples.size(), std::size_t(3));
        QCOMPARE(r.series[0].samples[2].timeMs, 1767226230000LL);
        QCOMPARE(r.series[0].samples[2].value, 42.0);
        QCOMPARE(r.series[1].samples[1].value, 118.5);

        const auto v = parseLokiQueryResponse(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1767226230.5,"7"]}]}})");
        QVERIFY2(v.ok(), qPrintable(v.error));
        QCOMPARE(v.series[0].samples[0].timeMs, 1767226230500LL);
    }

    void labelLists()
    {
        const auto l = parseLokiStringList(recorded("labels.json"));
        QVERIFY(l.ok());
        QCOMPARE(l.values.size(), 4);
        QCOMPARE(l.values[3], QStringLiteral("service_name"));
        QVERIFY(parseLokiStringList(R"({"status":"success","data":null})").values.isEmpty());
        QVERIFY(!parseLokiStringList(R"({"status":"success","data":[1]})").ok());
    }

    void malformedIsRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("parse error") << QStringLiteral("not valid JSON");
        QTest::newRow("status error")
            << QByteArray(R"({"status":"error","error":"boom"})") << QStringLiteral("boom");
        QTest::newRow("no data") << QByteArray(R"({"status":"success"})") << QStringLiteral("resultType");
        QTest::newRow("bad type") << QByteArray(
                                         R"({"status":"success","data":{"resultType":"x","result":[]}})")
                                  << QStringLiteral("Unknown Loki result type");
        QTest::newRow("bad ts")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["12a","x"]]}]}})")
            << QStringLiteral("invalid timestamp");
        QTest::newRow("number line")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["1",2]]}]}})")
            << QStringLiteral("not [");
        QTest::newRow("label not string")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{"a":1},"values":[]}]}})")
            << QStringLiteral("labels");
        QTest::newRow("deep") << (QByteArray(R"({"status":"success","data":)") + QByteArray(64, '[') +
                                  QByteArray(64, ']') + "}")
                              << QStringLiteral("nested too deeply");
    }
    void malformedIsRejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto r = parseLokiQueryResponse(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected, Qt::CaseInsensitive), qPrintable(r.error));
        QVERIFY(r.streams.empty() && r.series.empty());
    }

    void megabyteLinesAreCutAndEntriesBounded()
    {
        const QByteArray big(3 * 1024 * 1024, 'z');
        QByteArray body = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{"
                          "\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"" +
                          big + "\"],[\"2\",\"small\"],[\"3\",\"small\"]]}]}}";
        LokiLimits limits;
        limits.maxEntries = 2;
        const auto r = parseLokiQueryResponse(body, limits);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.entryCount, 2);
        QCOMPARE(r.droppedEntries, 1);
        QCOMPARE(r.truncatedLines, 1);
        const auto& e = r.streams[0].entries[0];
        QVERIFY(e.truncated);
        QVERIFY(e.line.size() < limits.maxLineBytes + 100);
        QVERIFY(e.line.endsWith(QStringLiteral("[line truncated, 3145728 bytes]")));
        // A cut never splits a UTF-8 character.
        const QByteArray euro = QByteArray("\xE2\x82\xAC").repeated(10);
        QVERIFY(!truncateLine(euro, 4).contains(QChar::ReplacementCharacter));
    }

    void errorText()
    {
        QCOMPARE(lokiErrorText(400, recorded("error_parse.txt")),
                 QStringLiteral("HTTP 400: parse error at line 1, col 19: syntax error: unexpected "
                                "IDENTIFIER, expecting STRING"));
        QCOMPARE(lokiErrorText(500, R"({"status":"error","error":"internal"})"),
                 QStringLiteral("HTTP 500: internal"));
        QCOMPARE(lokiErrorText(429, ""), QStringLiteral("HTTP 429: too many requests"));
    }

    void clientAgainstReplayingServer()
    {
        test::LoopbackHttpServer server;
        server.setRoute(
            "/prefix/loki/api/v1/query_range",
            HttpRoute::ok(recorded("query_range_streams.json"), {{"Content-Type", "application/json"}}));
        server.setRoute("/prefix/loki/api/v1/labels", HttpRoute::ok(recorded("labels.json")));
        server.setRoute("/prefix/loki/api/v1/label/service_name/values",
                        HttpRoute::ok(recorded("label_service_values.json")));
        net::HttpClient http;
        LokiClient loki(&http, server.url(QStringLiteral("/prefix/")));
        loki.setTenant("team-a");

        LokiQueryRange q;
        q.logql = QStringLiteral(R"({service_name="payments"} |~ "pool (timeout|exhausted)+" != "debug")");
        q.startNs = 1767226200000000000LL;
        q.endNs = 1767226260000000000LL;
        q.limit = 500;
        std::optional<LokiQueryResult> result;
        loki.queryRange(q, this, [&](const LokiQueryResult& r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->error));
        QCOMPARE(result->entryCount, 3);

        const auto req = server.requestsFor("/prefix/loki/api/v1/query_range").value(0);
        const QUrlQuery sent(QString::fromLatin1(req.query));
        QCOMPARE(sent.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded),
                 q.logql); // passed through, '+' intact
        QCOMPARE(sent.queryItemValue(QStringLiteral("start")), QStringLiteral("1767226200000000000"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("500"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("direction")), QStringLiteral("backward"));
        QCOMPARE(req.header("X-Scope-OrgID"), QByteArray("team-a"));
        QVERIFY(!req.query.contains('+'));

        std::optional<LokiStringList> labels, values;
        loki.labels(q.startNs, q.endNs, this, [&](const LokiStringList& l) { labels = l; });
        loki.labelValues(QStringLiteral("service_name"), q.startNs, q.endNs, this,
                         [&](const LokiStringList& l) { values = l; });
        QTRY_VERIFY(labels && values);
        QCOMPARE(labels->values.size(), 4);
        QCOMPARE(values->values,
                 QStringList({QStringLiteral("auth"), QStringLiteral("cart"), QStringLiteral("checkout"),
                              QStringLiteral("gateway"), QStringLiteral("payments")}));
    }

    void clientReportsServerErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("400 parse error") << 400 << recorded("error_parse.txt")
                                         << QStringLiteral("HTTP 400: parse error at line 1, col 19");
        QTest::newRow("429 limit") << 429 << recorded("error_429.txt")
                                   << QStringLiteral("HTTP 429: the query would read too many bytes");
        QTest::newRow("500") << 500 << QByteArray("rpc error: code = Unavailable desc = connection refused")
                             << QStringLiteral("HTTP 500: rpc error");
        QTest::newRow("200 garbage") << 200 << QByteArray("<html>proxy login</html>")
                                     << QStringLiteral("not valid JSON");
    }
    void clientReportsServerErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        test::LoopbackHttpServer server;
        auto route = HttpRoute::withStatus(status, body, {{"Content-Type", "text/plain; charset=utf-8"}});
        server.setRoute("/loki/api/v1/query_range", route);
        net::HttpClient http;
        LokiClient loki(&http, server.url(QStringLiteral("/")));
        LokiQueryRange q;
        q.logql = QStringLiteral("{a=b}");
        std::optional<LokiQueryResult> result;
        auto handle = loki.queryRange(q, this, [&](const LokiQueryResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); // 429/500 are retried with backoff first
        QVERIFY(!result->ok());
        QVERIFY2(result->error.contains(expected), qPrintable(result->error));
    }
};

QTEST_GUILESS_MAIN(TestLoki)
#include "tst_loki.moc"
