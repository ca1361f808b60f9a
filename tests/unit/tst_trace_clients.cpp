// Jaeger and Tempo clients and their response parsers. The recorded responses in tests/data/jaeger and
// tests/data/tempo are hand-written from the documented API shapes (see the READMEs there: they are NOT
// captures from real servers); a LoopbackHttpServer on 127.0.0.1 replays them, errors included.

#include "LoopbackHttpServer.h"
#include "net/HttpClient.h"
#include "traces/JaegerClient.h"
#include "traces/TempoClient.h"
#include "traces/TraceApiResponses.h"
#include "traces/TraceSearch.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace wf;
using namespace wf::traces;
using test::HttpRoute;

namespace {

QByteArray recorded(const QString& path)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}

QString param(const test::RecordedRequest& r, const char* name)
{
    return QUrlQuery(QString::fromLatin1(r.query)).queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

const auto kFast = telemetry::TraceId::fromHex(std::string_view("1f3a000000000000000000000000000a")).value();
const auto kSlow = telemetry::TraceId::fromHex(std::string_view("2b4c000000000000000000000000000b")).value();

} // namespace

class TestTraceClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagFilter()
    {
        TagFilter tags;
        QString error;
        QVERIFY(parseTagFilter(QStringLiteral(R"( http.status_code=500  customer="ACME \"Corp\"" empty=)"),
                               &tags, &error));
        QCOMPARE(tags.size(), 3);
        QCOMPARE(tags[0], std::make_pair(QStringLiteral("http.status_code"), QStringLiteral("500")));
        QCOMPARE(tags[1].second, QStringLiteral("ACME \"Corp\""));
        QCOMPARE(tags[2].second, QString());
        TagFilter again;
        QVERIFY(parseTagFilter(formatTagFilter(tags), &again, &error));
        QCOMPARE(again, tags);
        QVERIFY(!parseTagFilter(QStringLiteral("novalue"), &tags, &error));
        QVERIFY2(error.contains(QStringLiteral("novalue")), qPrintable(error));
        QVERIFY(!parseTagFilter(QStringLiteral("a=\"open"), &tags, &error));
        QVERIFY2(error.contains(QStringLiteral("closing quote")), qPrintable(error));
        QVERIFY(parseTagFilter(QString(), &tags, &error) && tags.isEmpty());
    }

    void durations()
    {
        qint64 ns = -1;
        QVERIFY(parseDurationText(QStringLiteral("250ms"), &ns));
        QCOMPARE(ns, 250'000'000);
        QVERIFY(parseDurationText(QStringLiteral("1.5s"), &ns));
        QCOMPARE(ns, 1'500'000'000);
        QVERIFY(parseDurationText(QStringLiteral("40us"), &ns));
        QCOMPARE(ns, 40'000);
        QVERIFY(parseDurationText(QStringLiteral("2m"), &ns));
        QCOMPARE(ns, 120'000'000'000);
        QVERIFY(parseDurationText(QStringLiteral("12"), &ns)); // bare: milliseconds
        QCOMPARE(ns, 12'000'000);
        QVERIFY(parseDurationText(QString(), &ns));
        QCOMPARE(ns, 0);
        QVERIFY(!parseDurationText(QStringLiteral("-3ms"), &ns));
        QVERIFY(!parseDurationText(QStringLiteral("fast"), &ns));
        QVERIFY(!parseDurationText(QStringLiteral("99999999999h"), &ns));
        QCOMPARE(goDuration(1'500'000), QStringLiteral("1500us"));
    }

    void errorText()
    {
        QCOMPARE(apiErrorText(400, recorded(QStringLiteral("jaeger/error_400.json"))),
                 QStringLiteral("HTTP 400: parameter 'service' is required"));
        QCOMPARE(apiErrorText(404, recorded(QStringLiteral("tempo/error_404.txt"))),
                 QStringLiteral("HTTP 404: trace not found"));
        QCOMPARE(apiErrorText(502, ""), QStringLiteral("HTTP 502: server error"));
        // Control characters and length are tamed: one line for a status bar.
        const QString long_ = apiErrorText(500, QByteArray(QByteArray(5000, 'x') + "\nsecond line"));
        QVERIFY(long_.size() < 320);
        QVERIFY(!long_.contains(QLatin1Char('\n')));
    }

    void parseJaeger()
    {
        const auto names = parseJaegerNames(recorded(QStringLiteral("jaeger/services.json")));
        QVERIFY2(names.ok(), qPrintable(names.error));
        QCOMPARE(names.names, QStringList({QStringLiteral("checkout"), QStringLiteral("frontend"),
                                           QStringLiteral("payments")}));
        const auto ops = parseJaegerNames(recorded(QStringLiteral("jaeger/operations_v2.json")));
        QCOMPARE(ops.names,
                 QStringList({QStringLiteral("GET /cart"), QStringLiteral("POST /cart/checkout")}));
        QVERIFY(!parseJaegerNames(R"({"data":[1,2]})").ok());
        QVERIFY(parseJaegerNames(R"({"data":null})").names.isEmpty());

        const auto r = parseJaegerTraces(recorded(QStringLiteral("jaeger/search_checkout.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.traces.size(), 2u);
        QCOMPARE(r.spans.size(), 2u);
        // Newest first: the slow failing trace started a minute later.
        QCOMPARE(r.traces[0].traceId, kSlow);
        QCOMPARE(r.traces[0].rootService, QStringLiteral("frontend"));
        QCOMPARE(r.traces[0].rootName, QStringLiteral("GET /checkout"));
        QCOMPARE(r.traces[0].durationNs, 900'000'000);
        QCOMPARE(r.traces[0].spanCount, 4);
        QVERIFY(r.traces[0].errorCount >= 1);
        QCOMPARE(r.traces[0].services, QStringList({QStringLiteral("checkout"), QStringLiteral("frontend"),
                                                    QStringLiteral("payments")}));
        QCOMPARE(r.traces[1].traceId, kFast);
        QCOMPARE(r.traces[1].errorCount, 0);
        QCOMPARE(r.traces[1].durationNs, 120'000'000);

        const auto empty = parseJaegerTraces(recorded(QStringLiteral("jaeger/search_empty.json")));
        QVERIFY2(empty.ok(), qPrintable(empty.error));
        QVERIFY(empty.traces.empty());
        const auto failed = parseJaegerTraces(recorded(QStringLiteral("jaeger/error_404.json")));
        QVERIFY(failed.error.contains(QStringLiteral("trace not found")));
        QVERIFY(!parseJaegerTraces("<html>").ok());
    }

    void parseTempo()
    {
        const auto r = parseTempoSearch(recorded(QStringLiteral("tempo/search.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.traces.size(), 3u);
        QCOMPARE(r.traces[0].rootService, QStringLiteral("frontend")); // newest first
        QCOMPARE(r.traces[0].durationNs, 912'000'000);
        // 30 hex digits: Tempo dropped the leading zeros.
        QCOMPARE(r.traces[0].traceId.toHex(), QStringLiteral("007a1d2dd4deaf177e0acf55b3c49032"));
        QCOMPARE(r.traces[0].spanCount, 5);
        QCOMPARE(r.traces[1].durationNs, 0); // durationMs omitted under 1 ms
        QCOMPARE(r.traces[2].traceId.toHex(), QStringLiteral("0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(r.traces[2].startNs, 1767225600000000000);

        QVERIFY(parseTempoSearch(recorded(QStringLiteral("tempo/search_empty.json"))).traces.empty());
        QVERIFY(parseTempoSearch(R"({})").ok());
        QVERIFY(!parseTempoSearch(R"({"traces":{}})").ok());
        const auto bad = parseTempoSearch(R"({"traces":[{"traceID":"zz","startTimeUnixNano":"1"}]})");
        QVERIFY(bad.ok() && bad.traces.empty() && !bad.note.isEmpty());

        QCOMPARE(parseTempoTagValues(recorded(QStringLiteral("tempo/tag_values_service.json"))).names.size(),
                 3);
        QCOMPARE(parseTempoTagValues(recorded(QStringLiteral("tempo/tag_values_v2_name.json"))).names,
                 QStringList({QStringLiteral("POST /checkout"), QStringLiteral("charge")}));
    }

    void jaegerClientAgainstReplayingServer()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/jaeger/api/services",
                        HttpRoute::ok(recorded(QStringLiteral("jaeger/services.json"))));
        server.setRoute("/jaeger/api/services/checkout/operations",
                        HttpRoute::ok(recorded(QStringLiteral("jaeger/operations_checkout.json"))));
        server.setRoute("/jaeger/api/traces",
                        HttpRoute::ok(recorded(QStringLiteral("jaeger/search_checkout.json")),
                                      {{"Content-Type", "application/json"}}));
        server.setRoute("/jaeger/api/traces/2b4c000000000000000000000000000b",
                        HttpRoute::ok(recorded(QStringLiteral("jaeger/trace_slow.json"))));
        net::HttpClient http;
        JaegerClient jaeger(&http, server.url(QStringLiteral("/jaeger/")));

        std::optional<NameListResult> services, operations;
        jaeger.services(this, [&](const NameListResult& r) { services = r; });
        jaeger.operations(QStringLiteral("checkout"), this, [&](const NameListResult& r) { operations = r; });
        QTRY_VERIFY(services && operations);
        QCOMPARE(services->names.size(), 3);
        QVERIFY2(operations->ok(), qPrintable(operations->error));
        QCOMPARE(operations->names.size(), 2);

        TraceSearchQuery q;
        q.service = QStringLiteral("checkout");
        q.operation = QStringLiteral("POST /cart/checkout");
        q.tags = {{QStringLiteral("customer"), QStringLiteral("ACME Corp")}};
        q.errorsOnly = true;
        q.minDurationNs = 100'000'000;
        q.maxDurationNs = 2'000'000'000;
        q.fromNs = 1767225000'000'000'000LL;
        q.toNs = 1767226000'000'000'000LL;
        q.limit = 20;
        std::optional<TraceSearchResult> found;
        jaeger.search(q, this, [&](const TraceSearchResult& r) { found = r; });
        QTRY_VERIFY(found.has_value());
        QVERIFY2(found->ok(), qPrintable(found->error));
        QCOMPARE(found->traces.size(), 2u);
        QCOMPARE(found->spans.size(), 2u); // Jaeger sends whole traces: kept for opening

        const auto req = server.requestsFor("/jaeger/api/traces").value(0);
        QCOMPARE(param(req, "service"), QStringLiteral("checkout"));
        QCOMPARE(param(req, "operation"), QStringLiteral("POST /cart/checkout"));
        const QJsonObject tags = QJsonDocument::fromJson(param(req, "tags").toUtf8()).object();
        QCOMPARE(tags.value(QStringLiteral("customer")).toString(), QStringLiteral("ACME Corp"));
        QCOMPARE(tags.value(QStringLiteral("error")).toString(), QStringLiteral("true"));
        QCOMPARE(param(req, "minDuration"), QStringLiteral("100000us"));
        QCOMPARE(param(req, "maxDuration"), QStringLiteral("2000000us"));
        QCOMPARE(param(req, "start"), QStringLiteral("1767225000000000")); // microseconds
        QCOMPARE(param(req, "end"), QStringLiteral("1767226000000000"));
        QCOMPARE(param(req, "limit"), QStringLiteral("20"));
        QVERIFY(!req.query.contains('+'));

        std::optional<TraceFetchResult> fetched;
        jaeger.fetchTrace(kSlow, this, [&](const TraceFetchResult& r) { fetched = r; });
        QTRY_VERIFY(fetched.has_value());
        QVERIFY2(fetched->ok(), qPrintable(fetched->error));
        QCOMPARE(fetched->spans.size(), 4);

        // A search without a service is refused before asking (Jaeger would answer 400).
        std::optional<TraceSearchResult> refused;
        jaeger.search(TraceSearchQuery{}, this, [&](const TraceSearchResult& r) { refused = r; });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(refused->error.contains(QStringLiteral("service")));
        QCOMPARE(server.requestsFor("/jaeger/api/traces").size(), 1);
    }

    void clientErrors_data()
    {
        QTest::addColumn<bool>("tempo");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("jaeger 400") << false << 400 << recorded(QStringLiteral("jaeger/error_400.json"))
                                    << QStringLiteral("HTTP 400: parameter 'service' is required");
        QTest::newRow("jaeger 404") << false << 404 << recorded(QStringLiteral("jaeger/error_404.json"))
                                    << QStringLiteral("HTTP 404: trace not found");
        QTest::newRow("jaeger 500") << false << 500 << recorded(QStringLiteral("jaeger/error_500.json"))
                                    << QStringLiteral("HTTP 500: elasticsearch: context deadline exceeded");
        QTest::newRow("jaeger 200 garbage")
            << false << 200 << QByteArray("<html>sign in</html>") << QStringLiteral("Not valid JSON");
        QTest::newRow("jaeger 200 error body")
            << false << 200 << recorded(QStringLiteral("jaeger/error_500.json"))
            << QStringLiteral("context deadline exceeded");
        QTest::newRow("tempo 400") << true << 400 << recorded(QStringLiteral("tempo/error_400.txt"))
                                   << QStringLiteral("HTTP 400: invalid start");
        QTest::newRow("tempo 404") << true << 404 << recorded(QStringLiteral("tempo/error_404.txt"))
                                   << QStringLiteral("HTTP 404: trace not found");
        QTest::newRow("tempo 500") << true << 500 << recorded(QStringLiteral("tempo/error_500.txt"))
                                   << QStringLiteral("HTTP 500: rpc error: code = DeadlineExceeded");
        QTest::newRow("tempo 200 garbage")
            << true << 200 << QByteArray("{\"traces\":[") << QStringLiteral("not valid JSON");
    }
    void clientErrors()
    {
        QFETCH(bool, tempo);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        test::LoopbackHttpServer server;
        const auto route = HttpRoute::withStatus(status, body);
        server.setRoute("/api/search", route);
        server.setRoute("/api/traces", route);
        server.setRoute("/api/traces/2b4c000000000000000000000000000b", route);
        net::HttpClient http;
        std::unique_ptr<TraceSearchSource> source;
        if (tempo)
            source = std::make_unique<TempoClient>(&http, server.url(QStringLiteral("/")));
        else
            source = std::make_unique<JaegerClient>(&http, server.url(QStringLiteral("/")));
        TraceSearchQuery q;
        q.service = QStringLiteral("checkout");
        std::optional<TraceSearchResult> found;
        source->search(q, this, [&](const TraceSearchResult& r) { found = r; });
        std::optional<TraceFetchResult> fetched;
        source->fetchTrace(kSlow, this, [&](const TraceFetchResult& r) { fetched = r; });
        QTRY_VERIFY(found && fetched);
        QVERIFY(!found->ok());
        QVERIFY2(found->error.contains(expected), qPrintable(found->error));
        QVERIFY(found->traces.empty());
        QVERIFY(!fetched->ok());
        QVERIFY2(fetched->error.contains(expected) || status == 200, qPrintable(fetched->error));
    }

    void timeoutIsReported()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/api/search", HttpRoute::hang());
        net::HttpClient http;
        TempoClient tempo(&http, server.url(QStringLiteral("/")));
        tempo.setTimeout(std::chrono::milliseconds(400));
        std::optional<TraceSearchResult> found;
        QElapsedTimer clock;
        clock.start();
        tempo.search(TraceSearchQuery{}, this, [&](const TraceSearchResult& r) { found = r; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 5000);
        QVERIFY(!found->ok());
        QVERIFY2(found->error.contains(QStringLiteral("within 0.4 s")), qPrintable(found->error));
        QVERIFY2(clock.elapsed() < 3000, "the total timeout bounds the wait");
    }

    void tempoClientAgainstReplayingServer()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/tempo/api/search", HttpRoute::ok(recorded(QStringLiteral("tempo/search.json"))));
        server.setRoute("/tempo/api/search/tag/service.name/values",
                        HttpRoute::ok(recorded(QStringLiteral("tempo/tag_values_service.json"))));
        server.setRoute("/tempo/api/traces/0af7651916cd43dd8448eb211c80319c",
                        HttpRoute::ok(recorded(QStringLiteral("tempo/trace_0af7.json"))));
        net::HttpClient http;
        TempoClient tempo(&http, server.url(QStringLiteral("/tempo")));
        tempo.setTenant("team-a");

        std::optional<NameListResult> services;
        tempo.services(this, [&](const NameListResult& r) { services = r; });
        QTRY_VERIFY(services.has_value());
        QCOMPARE(services->names, QStringList({QStringLiteral("checkout"), QStringLiteral("frontend"),
                                               QStringLiteral("payments")}));

        TraceSearchQuery q;
        q.service = QStringLiteral("checkout");
        q.operation = QStringLiteral("POST /checkout");
        q.tags = {{QStringLiteral("customer"), QStringLiteral("ACME Corp")}};
        q.errorsOnly = true;
        q.minDurationNs = 200'000'000;
        q.fromNs = 1767225000'000'000'000LL;
        q.toNs = 1767226000'500'000'000LL;
        std::optional<TraceSearchResult> found;
        tempo.search(q, this, [&](const TraceSearchResult& r) { found = r; });
        QTRY_VERIFY(found.has_value());
        QVERIFY2(found->ok(), qPrintable(found->error));
        QCOMPARE(found->traces.size(), 3u);
        QVERIFY(found->spans.empty()); // Tempo's search has no spans: opening fetches
        // Found with "errors only": counted as failing.
        QVERIFY(std::all_of(found->traces.begin(), found->traces.end(),
                            [](const auto& t) { return t.errorCount == 1; }));

        const auto req = server.requestsFor("/tempo/api/search").value(0);
        QCOMPARE(param(req, "tags"),
                 QStringLiteral(
                     R"(service.name=checkout name="POST /checkout" customer="ACME Corp" status=error)"));
        QCOMPARE(param(req, "minDuration"), QStringLiteral("200000us"));
        QCOMPARE(param(req, "start"), QStringLiteral("1767225000")); // seconds
        QCOMPARE(param(req, "end"), QStringLiteral("1767226001"));   // rounded up
        QCOMPARE(req.header("X-Scope-OrgID"), QByteArray("team-a"));

        std::optional<TraceFetchResult> fetched;
        tempo.fetchTrace(found->traces[2].traceId, this, [&](const TraceFetchResult& r) { fetched = r; });
        QTRY_VERIFY(fetched.has_value());
        QVERIFY2(fetched->ok(), qPrintable(fetched->error));
        QVERIFY(fetched->spans.size() >= 2);
        QCOMPARE(server.requestsFor("/tempo/api/traces/0af7651916cd43dd8448eb211c80319c")
                     .value(0)
                     .header("Accept"),
                 QByteArray("application/json"));
    }

    void traceMatching()
    {
        const auto r = parseJaegerTraces(recorded(QStringLiteral("jaeger/search_checkout.json")));
        QVERIFY(r.ok());
        const auto& slow = r.spans[0];
        const auto& summary = r.traces[0];
        TraceSearchQuery q;
        QVERIFY(traceMatches(slow, summary, q));
        q.service = QStringLiteral("payments");
        q.operation = QStringLiteral("retry charge");
        QVERIFY(traceMatches(slow, summary, q));
        QVERIFY(!traceMatches(r.spans[1], r.traces[1], q)); // the fast trace never retried
        q.tags = {{QStringLiteral("customer"), QStringLiteral("ACME Corp")},
                  {QStringLiteral("hostname"), QStringLiteral("fe-1")}};
        QVERIFY(traceMatches(slow, summary, q)); // span tag and resource (process) tag
        q.tags = {{QStringLiteral("customer"), QStringLiteral("Other")}};
        QVERIFY(!traceMatches(slow, summary, q));
        q = {};
        q.maxDurationNs = 500'000'000;
        QVERIFY(!traceMatches(slow, summary, q));
        QVERIFY(traceMatches(r.spans[1], r.traces[1], q));
        q = {};
        q.errorsOnly = true;
        QVERIFY(!traceMatches(r.spans[1], r.traces[1], q));
        q.tags = {{QStringLiteral("error"), QStringLiteral("true")}};
        QVERIFY(traceMatches(slow, summary, q));
    }
};

QTEST_GUILESS_MAIN(TestTraceClients)
#include "tst_trace_clients.moc"
