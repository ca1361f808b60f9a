#include "demo/ControlHttp.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace wf::demo;

namespace {

constexpr qint64 kSecond = kNanosPerSecond;

// Everything a simulation released, accumulated over several takeBatch() calls.
struct Collected
{
    QList<ResourceInfo> resources;
    QList<SimSpan> spans;
    QList<SimLogRecord> logs;
    QList<SimMetric> metrics;
    QByteArray encoded; // every batch's three bodies, concatenated

    void add(const TelemetryBatch& b, bool encode = false)
    {
        resources = b.resources;
        spans += b.spans;
        logs += b.logs;
        metrics += b.metrics;
        if (encode)
            encoded += OtlpJsonWriter::traces(b) + OtlpJsonWriter::logs(b) + OtlpJsonWriter::metrics(b);
    }
};

void runTo(ShopSimulation& sim, Collected& out, qint64 endNs, qint64 sliceNs = kSecond, bool encode = false)
{
    while (sim.now() < endNs) {
        sim.advanceTo(std::min(endNs, sim.now() + sliceNs));
        out.add(sim.takeBatch(), encode);
    }
}

QString serviceOf(const Collected& c, const SimSpan& s)
{
    return c.resources.at(s.origin.resource).service;
}
QString regionOf(const Collected& c, const SimSpan& s)
{
    return c.resources.at(s.origin.resource).region;
}
qint64 startOf(const ShopSimulation& sim, const SimSpan& s)
{
    return s.startTimeUnixNano - sim.config().startUnixNano;
}

struct Rate
{
    int total = 0;
    int errors = 0;
    double value() const { return total == 0 ? 0.0 : double(errors) / total; }
};

// Server spans of one service (optionally one region) starting in [from, to).
Rate serverErrorRate(const ShopSimulation& sim, const Collected& c, const QString& service, qint64 from,
                     qint64 to, const QString& region = {})
{
    Rate r;
    for (const SimSpan& s : c.spans) {
        if (s.kind != SpanKind::Server || serviceOf(c, s) != service)
            continue;
        if (!region.isEmpty() && regionOf(c, s) != region)
            continue;
        const qint64 start = startOf(sim, s);
        if (start < from || start >= to)
            continue;
        ++r.total;
        if (s.status == StatusCode::Error)
            ++r.errors;
    }
    return r;
}

double p95DbLatencyMs(const ShopSimulation& sim, const Collected& c, const QString& peer, qint64 from,
                      qint64 to)
{
    QList<double> ms;
    for (const SimSpan& s : c.spans) {
        if (s.kind != SpanKind::Client || stringAttribute(s.attributes, u"peer.service") != peer)
            continue;
        const qint64 start = startOf(sim, s);
        if (start >= from && start < to)
            ms.append(double(s.endTimeUnixNano - s.startTimeUnixNano) / kNanosPerMilli);
    }
    if (ms.isEmpty())
        return 0;
    std::sort(ms.begin(), ms.end());
    return ms.at(qsizetype(double(ms.size() - 1) * 0.95));
}

ShopConfig config(quint64 seed = 7, qint64 failureAfterS = 60)
{
    ShopConfig c;
    c.seed = seed;
    c.scenario.failureAfterNs = failureAfterS * kSecond;
    return c;
}

} // namespace

class TestShopSimulation : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedGivesIdenticalOutput()
    {
        QByteArray runs[3];
        const quint64 seeds[3] = {7, 7, 8};
        for (int i = 0; i < 3; ++i) {
            ShopSimulation sim(config(seeds[i], 20));
            Collected c;
            runTo(sim, c, 45 * kSecond, 700 * kNanosPerMilli, true);
            QVERIFY(sim.applyRemediation(u"payments-db-pool").has_value());
            runTo(sim, c, 60 * kSecond, 700 * kNanosPerMilli, true);
            QVERIFY(c.spans.size() > 5000);
            runs[i] = c.encoded;
        }
        QVERIFY(runs[0] == runs[1]);
        QVERIFY(runs[0] != runs[2]);
    }

    void sliceSizeDoesNotChangeTheTraffic()
    {
        // The app advances by wall-clock slices; only batch boundaries may differ, not the spans.
        ShopSimulation a(config(3, 10));
        ShopSimulation b(config(3, 10));
        Collected ca;
        Collected cb;
        runTo(a, ca, 40 * kSecond, kSecond);
        runTo(b, cb, 40 * kSecond, 333 * kNanosPerMilli);
        QCOMPARE(ca.spans.size(), cb.spans.size());
        QCOMPARE(ca.logs.size(), cb.logs.size());
        QVERIFY(OtlpJsonWriter::traces(TelemetryBatch{ca.resources, {}, ca.spans, {}, {}}) ==
                OtlpJsonWriter::traces(TelemetryBatch{cb.resources, {}, cb.spans, {}, {}}));
    }

    void failureStartsAtTheConfiguredTime()
    {
        ShopSimulation sim(config(1, 30));
        sim.advanceTo(29 * kSecond + 900 * kNanosPerMilli);
        QCOMPARE(sim.state().phase, ShopPhase::Normal);
        QCOMPARE(sim.state().degradingSinceNs, -1);
        sim.advanceTo(30 * kSecond);
        QCOMPARE(sim.state().phase, ShopPhase::Degrading);
        QCOMPARE(sim.state().degradingSinceNs, 30 * kSecond);
        sim.advanceTo(49 * kSecond);
        QCOMPARE(sim.state().phase, ShopPhase::Degrading);
        sim.advanceTo(50 * kSecond);
        QCOMPARE(sim.state().phase, ShopPhase::Failed);
        QCOMPARE(sim.state().failedSinceNs, 50 * kSecond);
        QCOMPARE(sim.state().failingRegion, u"eu-west"_s);
    }

    void checkoutErrorRateBeforeAndDuringFailure()
    {
        ShopSimulation sim(config());
        Collected c;
        runTo(sim, c, 150 * kSecond);
        const Rate before = serverErrorRate(sim, c, u"checkout"_s, 0, 60 * kSecond);
        const Rate during = serverErrorRate(sim, c, u"checkout"_s, 85 * kSecond, 145 * kSecond);
        qInfo("checkout errors: before %d/%d, during %d/%d", before.errors, before.total, during.errors,
              during.total);
        QVERIFY(before.total > 150);
        QVERIFY(before.value() < 0.02);
        QVERIFY(during.value() > 0.20);
        QVERIFY(during.value() < 0.50);
    }

    void onlyTheFailingRegionsGatewayErrors()
    {
        ShopSimulation sim(config());
        Collected c;
        runTo(sim, c, 150 * kSecond);
        const Rate eu = serverErrorRate(sim, c, u"gateway"_s, 85 * kSecond, 145 * kSecond, u"eu-west"_s);
        const Rate us = serverErrorRate(sim, c, u"gateway"_s, 85 * kSecond, 145 * kSecond, u"us-east"_s);
        const Rate euBefore = serverErrorRate(sim, c, u"gateway"_s, 0, 60 * kSecond, u"eu-west"_s);
        qInfo("gateway 5xx: eu-west before %d/%d during %d/%d, us-east during %d/%d", euBefore.errors,
              euBefore.total, eu.errors, eu.total, us.errors, us.total);
        QVERIFY(euBefore.value() < 0.02);
        QVERIFY(eu.value() > 0.08);
        QVERIFY(us.value() < 0.02);
        for (const SimSpan& s : c.spans) {
            if (serviceOf(c, s) == u"gateway"_s && s.kind == SpanKind::Server &&
                s.status == StatusCode::Error)
                QVERIFY(intAttribute(s.attributes, u"http.response.status_code") >= 500);
        }
    }

    void paymentsDbLatencyRises()
    {
        ShopSimulation sim(config());
        Collected c;
        runTo(sim, c, 150 * kSecond);
        const double before = p95DbLatencyMs(sim, c, u"payments-db"_s, 0, 60 * kSecond);
        const double during = p95DbLatencyMs(sim, c, u"payments-db"_s, 85 * kSecond, 145 * kSecond);
        const double usersDb = p95DbLatencyMs(sim, c, u"users-db"_s, 85 * kSecond, 145 * kSecond);
        qInfo("payments-db p95: before %.1f ms, during %.1f ms; users-db during %.1f ms", before, during,
              usersDb);
        QVERIFY(before > 0);
        QVERIFY(during > 5 * before);
        QVERIFY(usersDb < 20);
    }

    void remediationRecoversWithin15Seconds_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("applied");
        QTest::newRow("pool reset") << u"payments-db-pool"_s << u"payments-db-pool/reset"_s;
        QTest::newRow("restart") << u"restart payments"_s << u"payments/restart"_s;
    }
    void remediationRecoversWithin15Seconds()
    {
        QFETCH(QString, action);
        QFETCH(QString, applied);
        ShopSimulation sim(config(5, 30));
        QCOMPARE(sim.applyRemediation(action), std::optional(RemediationOutcome::NothingToFix));
        Collected c;
        runTo(sim, c, 80 * kSecond);
        QCOMPARE(sim.state().phase, ShopPhase::Failed);
        const qint64 lagAtFailure = sim.state().kafkaConsumerLag;
        QVERIFY2(lagAtFailure > 10, qPrintable(QString::number(lagAtFailure)));

        QCOMPARE(sim.applyRemediation(action), std::optional(RemediationOutcome::Applied));
        QCOMPARE(sim.applyRemediation(action), std::optional(RemediationOutcome::AlreadyApplied));
        QVERIFY(!sim.applyRemediation(u"reboot the internet").has_value());
        ShopState s = sim.state();
        QCOMPARE(s.phase, ShopPhase::Recovering);
        QCOMPARE(s.remediation, applied);
        QCOMPARE(s.remediatedAtNs, 80 * kSecond);

        runTo(sim, c, 95 * kSecond);
        s = sim.state();
        QCOMPARE(s.phase, ShopPhase::Recovered);
        QVERIFY(s.recoveredAtNs > 80 * kSecond && s.recoveredAtNs <= 95 * kSecond);
        QCOMPARE(s.severity, 0.0);
        runTo(sim, c, 130 * kSecond);
        const Rate after = serverErrorRate(sim, c, u"checkout"_s, 95 * kSecond, 125 * kSecond);
        QVERIFY2(after.value() < 0.02, qPrintable(QString::number(after.value())));
        QVERIFY2(sim.state().kafkaConsumerLag < 5, qPrintable(QString::number(sim.state().kafkaConsumerLag)));
        QCOMPARE(sim.applyRemediation(action), std::optional(RemediationOutcome::NothingToFix));
    }

    void spansFormValidTraces()
    {
        ShopSimulation sim(config(11, 20));
        Collected c;
        runTo(sim, c, 70 * kSecond);
        // Spans still in flight at the end may lack their parent; only check finished traces.
        QHash<QByteArray, QList<const SimSpan*>> byTrace;
        QSet<quint64> spanIds;
        for (const SimSpan& s : c.spans) {
            byTrace[s.traceId.toHex()].append(&s);
            QVERIFY(s.spanId.isValid());
            QVERIFY2(!spanIds.contains(s.spanId.value), "duplicate span id");
            spanIds.insert(s.spanId.value);
            QVERIFY(s.endTimeUnixNano >= s.startTimeUnixNano);
        }
        int checked = 0;
        int consumers = 0;
        const qint64 cutoff = c.spans.isEmpty() ? 0 : sim.config().startUnixNano + 60 * kSecond;
        for (auto it = byTrace.cbegin(); it != byTrace.cend(); ++it) {
            QHash<quint64, const SimSpan*> ids;
            int roots = 0;
            qint64 firstStart = std::numeric_limits<qint64>::max();
            for (const SimSpan* s : it.value()) {
                ids.insert(s->spanId.value, s);
                firstStart = std::min(firstStart, s->startTimeUnixNano);
            }
            if (firstStart > cutoff)
                continue;
            for (const SimSpan* s : it.value()) {
                if (!s->parentSpanId.isValid()) {
                    ++roots;
                    QCOMPARE(s->kind, SpanKind::Server);
                    QCOMPARE(serviceOf(c, *s), u"gateway"_s);
                    continue;
                }
                const SimSpan* parent = ids.value(s->parentSpanId.value);
                QVERIFY2(parent != nullptr, "parentSpanId not in the trace");
                QVERIFY(s->startTimeUnixNano >= parent->startTimeUnixNano);
                const bool crossesProcess = s->kind == SpanKind::Server || s->kind == SpanKind::Consumer;
                QCOMPARE(s->flags, crossesProcess ? kFlagsRemoteParent : kFlagsLocalParent);
                if (s->kind == SpanKind::Server)
                    QCOMPARE(parent->kind, SpanKind::Client);
                if (s->kind == SpanKind::Consumer) {
                    ++consumers;
                    QCOMPARE(parent->kind, SpanKind::Producer);
                    QCOMPARE(s->links.size(), 1);
                    QVERIFY(s->links.first().spanId == parent->spanId);
                    QVERIFY(s->links.first().traceId == s->traceId);
                    QVERIFY(serviceOf(c, *s) != serviceOf(c, *parent));
                    QVERIFY(s->startTimeUnixNano >= parent->endTimeUnixNano);
                } else {
                    // Children end inside their parent (the consumer runs after its producer ends).
                    QVERIFY(s->endTimeUnixNano <= parent->endTimeUnixNano);
                }
            }
            QCOMPARE(roots, 1);
            ++checked;
        }
        QVERIFY(checked > 500);
        QVERIFY(consumers > 50);
    }

    void spansCarrySemanticConventionAttributes()
    {
        ShopSimulation sim(config(2, 10));
        Collected c;
        runTo(sim, c, 45 * kSecond);
        QSet<QString> services;
        QSet<QString> kinds;
        bool sawException = false;
        for (const SimSpan& s : c.spans) {
            services.insert(serviceOf(c, s));
            kinds.insert(QString::number(int(s.kind)));
            if (s.kind == SpanKind::Server) {
                QVERIFY(!stringAttribute(s.attributes, u"http.request.method").isEmpty());
                QVERIFY(!stringAttribute(s.attributes, u"http.route").isEmpty());
                QVERIFY(intAttribute(s.attributes, u"http.response.status_code") >= 200);
            }
            if (stringAttribute(s.attributes, u"db.system") == u"postgresql"_s)
                QVERIFY(!stringAttribute(s.attributes, u"db.statement").isEmpty());
            if (s.kind == SpanKind::Producer || s.kind == SpanKind::Consumer) {
                QCOMPARE(stringAttribute(s.attributes, u"messaging.system"), u"kafka"_s);
                QCOMPARE(stringAttribute(s.attributes, u"messaging.destination.name"), u"orders.placed"_s);
            }
            for (const SpanEvent& e : s.events) {
                if (e.name == u"exception"_s) {
                    sawException = true;
                    QVERIFY(s.status == StatusCode::Error);
                    QVERIFY(!stringAttribute(e.attributes, u"exception.type").isEmpty());
                    QVERIFY(!stringAttribute(e.attributes, u"exception.message").isEmpty());
                    QVERIFY(stringAttribute(e.attributes, u"exception.stacktrace").contains(u'\n'));
                }
            }
        }
        QCOMPARE(services.size(), kShopServiceCount);
        QCOMPARE(kinds.size(), 5);
        QVERIFY(sawException);
        for (const ResourceInfo& r : c.resources) {
            QCOMPARE(stringAttribute(r.attributes, u"service.name"), r.service);
            QVERIFY(!stringAttribute(r.attributes, u"service.version").isEmpty());
            QCOMPARE(stringAttribute(r.attributes, u"deployment.environment"), u"demo"_s);
            QCOMPARE(stringAttribute(r.attributes, u"cloud.region"), r.region);
        }
    }

    void logsCarryContextAndVariety()
    {
        ShopSimulation sim(config(4, 10));
        Collected c;
        runTo(sim, c, 50 * kSecond);
        QHash<int, int> bySeverity;
        int withTrace = 0;
        int multiLine = 0;
        for (const SimLogRecord& l : c.logs) {
            ++bySeverity[int(l.severity)];
            if (l.traceId.isValid())
                ++withTrace;
            if (l.body.contains(u'\n'))
                ++multiLine;
        }
        qInfo("logs: %lld (info %d, warn %d, error %d), %d with trace, %d multi-line", c.logs.size(),
              bySeverity.value(int(Severity::Info)), bySeverity.value(int(Severity::Warn)),
              bySeverity.value(int(Severity::Error)), withTrace, multiLine);
        QVERIFY(bySeverity.value(int(Severity::Info)) > 500);
        QVERIFY(bySeverity.value(int(Severity::Warn)) > 10);
        QVERIFY(bySeverity.value(int(Severity::Error)) > 50);
        QVERIFY(withTrace > c.logs.size() * 9 / 10);
        QVERIFY(multiLine > 10);
        // Logs inside a span refer to a span that exists.
        QSet<quint64> spanIds;
        for (const SimSpan& s : c.spans)
            spanIds.insert(s.spanId.value);
        for (const SimLogRecord& l : c.logs) {
            if (l.spanId.isValid() && l.timeUnixNano < sim.config().startUnixNano + 45 * kSecond)
                QVERIFY(spanIds.contains(l.spanId.value));
        }
    }

    void metricsFollowTheIncident()
    {
        ShopSimulation sim(config(9, 20));
        Collected c;
        runTo(sim, c, 70 * kSecond);
        const int paymentsEu = sim.resourceIndex(ShopService::Payments, 0);
        const int checkoutEu = sim.resourceIndex(ShopService::Checkout, 0);
        QList<qint64> lag;
        QList<qint64> poolUsed;
        qint64 lastCheckoutErrors = -1;
        quint64 lastHistogramCount = 0;
        QSet<QString> names;
        for (const SimMetric& m : c.metrics) {
            names.insert(m.name);
            if (m.origin.resource == paymentsEu && m.name == u"messaging.kafka.consumer.lag"_s)
                lag.append(std::get<qint64>(m.points.first().value));
            if (m.origin.resource == paymentsEu && m.name == u"db.client.connections.usage"_s)
                poolUsed.append(std::get<qint64>(m.points.first().value));
            if (m.origin.resource == checkoutEu && m.name == u"http.server.error.count"_s) {
                const qint64 v = std::get<qint64>(m.points.first().value);
                QVERIFY(v >= lastCheckoutErrors); // cumulative
                lastCheckoutErrors = v;
            }
            if (m.origin.resource == checkoutEu && m.name == u"http.server.request.duration"_s) {
                quint64 total = 0;
                for (const MetricPoint& p : m.points) {
                    const auto& h = std::get<HistogramValue>(p.value);
                    QCOMPARE(h.bucketCounts.size(), h.explicitBounds.size() + 1);
                    quint64 sum = 0;
                    for (quint64 b : h.bucketCounts)
                        sum += b;
                    QCOMPARE(sum, h.count);
                    total += h.count;
                }
                QVERIFY(total >= lastHistogramCount);
                lastHistogramCount = total;
            }
        }
        const QSet<QString> expected{u"http.server.request.duration"_s, u"http.server.request.count"_s,
                                     u"http.server.error.count"_s,      u"process.cpu.utilization"_s,
                                     u"process.memory.usage"_s,         u"db.client.connections.usage"_s,
                                     u"db.client.connections.max"_s,    u"messaging.kafka.consumer.lag"_s};
        QCOMPARE(names, expected);
        QCOMPARE(lag.size(), 70); // one collection per simulated second
        QVERIFY(lag.at(15) < 5);
        QVERIFY(lag.last() > 10);
        QVERIFY(poolUsed.at(15) < 12);
        QCOMPARE(poolUsed.last(), 20);
        QVERIFY(lastCheckoutErrors > 20);
    }

    void stateSerialises()
    {
        ShopSimulation sim(config(1, 5));
        sim.advanceTo(30 * kSecond);
        const QJsonObject o = toJson(sim.state());
        QCOMPARE(o.value(u"phase"_s).toString(), u"failed"_s);
        QCOMPARE(o.value(u"failureAfterSeconds"_s).toDouble(), 5.0);
        QCOMPARE(o.value(u"degradingSinceSeconds"_s).toDouble(), 5.0);
        QCOMPARE(o.value(u"failedSinceSeconds"_s).toDouble(), 25.0);
        QVERIFY(o.value(u"remediatedAtSeconds"_s).isNull());
        QCOMPARE(o.value(u"failingRegion"_s).toString(), u"eu-west"_s);
        QCOMPARE(qint64(o.value(u"startUnixMs"_s).toDouble()), sim.config().startUnixNano / kNanosPerMilli);
    }

    void remediationNames()
    {
        QCOMPARE(parseRemediation(u"payments-db-pool"), std::optional(Remediation::ResetPaymentsDbPool));
        QCOMPARE(parseRemediation(u" Payments-DB-Pool/reset "),
                 std::optional(Remediation::ResetPaymentsDbPool));
        QCOMPARE(parseRemediation(u"restart payments"), std::optional(Remediation::RestartPayments));
        QCOMPARE(parseRemediation(u"payments/restart"), std::optional(Remediation::RestartPayments));
        QVERIFY(!parseRemediation(u"restart checkout").has_value());
        QVERIFY(!parseRemediation(u"").has_value());
    }

    // The control endpoint's request parsing and routing (the socket side is in tst_demoshop).
    void controlRequestParsing_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status"); // 0: complete, -1: needs more bytes, else the error status
        const QByteArray host = "Host: 127.0.0.1:5000\r\n";
        QTest::newRow("get state") << ("GET /state HTTP/1.1\r\n" + host + "\r\n") << 0;
        QTest::newRow("query ignored") << ("GET /state?pretty=1 HTTP/1.1\r\n" + host + "\r\n") << 0;
        QTest::newRow("localhost") << QByteArray("GET /state HTTP/1.0\r\nHost: localhost\r\n\r\n") << 0;
        QTest::newRow("ipv6 loopback") << QByteArray("GET /state HTTP/1.1\r\nHost: [::1]:80\r\n\r\n") << 0;
        QTest::newRow("post with body")
            << ("POST /actions/payments/restart HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\n{}") << 0;
        QTest::newRow("incomplete") << QByteArray("GET /state HTTP/1.1\r\nHost: 127.0.0.1") << -1;
        QTest::newRow("bare LF") << QByteArray("GET /state HTTP/1.1\nHost: 127.0.0.1\n\n") << 400;
        QTest::newRow("lower-case method") << ("get /state HTTP/1.1\r\n" + host + "\r\n") << 400;
        QTest::newRow("absolute target") << ("GET http://x/state HTTP/1.1\r\n" + host + "\r\n") << 400;
        QTest::newRow("extra space") << ("GET /state  HTTP/1.1\r\n" + host + "\r\n") << 400;
        QTest::newRow("http/2") << ("GET /state HTTP/2.0\r\n" + host + "\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET /state HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("foreign host")
            << QByteArray("GET /state HTTP/1.1\r\nHost: evil.example:5000\r\n\r\n") << 400;
        QTest::newRow("origin") << ("POST /actions/payments/restart HTTP/1.1\r\n" + host +
                                    "Origin: https://evil.example\r\n\r\n")
                                << 403;
        QTest::newRow("folding") << ("GET /state HTTP/1.1\r\n" + host + " continued\r\n\r\n") << 400;
        QTest::newRow("bad header name") << ("GET /state HTTP/1.1\r\n" + host + "Bad Name: x\r\n\r\n") << 400;
        QTest::newRow("chunked") << ("POST /actions/payments/restart HTTP/1.1\r\n" + host +
                                     "Transfer-Encoding: chunked\r\n\r\n")
                                 << 400;
        QTest::newRow("negative length")
            << ("POST /x HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two lengths") << ("POST /x HTTP/1.1\r\n" + host +
                                         "Content-Length: 1\r\nContent-Length: 1\r\n\r\n")
                                     << 400;
        QTest::newRow("large body") << ("POST /x HTTP/1.1\r\n" + host + "Content-Length: 100000\r\n\r\n")
                                    << 413;
        QTest::newRow("huge head, complete")
            << ("GET /state HTTP/1.1\r\n" + host + "X-Pad: " + QByteArray(9000, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("huge head, unfinished")
            << ("GET /state HTTP/1.1\r\n" + host + QByteArray(9000, 'a')) << 431;
    }
    void controlRequestParsing()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ControlRequest parsed;
        const ControlParse p = parseControlRequest(request, parsed);
        if (status == 0) {
            QCOMPARE(p.status, ControlParse::Status::Complete);
            QVERIFY(parsed.path.startsWith('/'));
            QVERIFY(!parsed.path.contains('?'));
            QCOMPARE(request.size() - p.headerBytes, parsed.contentLength);
        } else if (status == -1) {
            QCOMPARE(p.status, ControlParse::Status::NeedMore);
        } else {
            QCOMPARE(p.status, ControlParse::Status::Invalid);
            QCOMPARE(p.errorStatus, status);
        }
    }

    void controlRouting()
    {
        ShopSimulation sim(config(1, 5));
        sim.advanceTo(30 * kSecond);
        auto request = [](const char* method, const char* path) {
            ControlRequest r;
            r.method = method;
            r.path = path;
            return r;
        };
        ControlReply r = routeControlRequest(request("GET", "/state"), sim);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(u"phase"_s).toString(), u"failed"_s);
        r = routeControlRequest(request("POST", "/state"), sim);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.allow, QByteArray("GET"));
        r = routeControlRequest(request("GET", "/actions/payments-db-pool/reset"), sim);
        QCOMPARE(r.status, 405);
        QCOMPARE(sim.state().phase, ShopPhase::Failed);
        QCOMPARE(routeControlRequest(request("POST", "/actions/unknown"), sim).status, 404);
        QCOMPARE(routeControlRequest(request("GET", "/"), sim).status, 404);

        r = routeControlRequest(request("POST", "/actions/payments-db-pool/reset"), sim);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(r.body.value(u"state"_s).toObject().value(u"phase"_s).toString(), u"recovering"_s);
        r = routeControlRequest(request("POST", "/actions/payments/restart"), sim);
        QCOMPARE(r.body.value(u"outcome"_s).toString(), u"already-applied"_s);

        const QByteArray wire = serializeControlReply(errorReply(405));
        QVERIFY(wire.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"));
        QVERIFY(wire.contains("\r\nContent-Type: application/json\r\n"));
        QVERIFY(wire.contains("\r\nConnection: close\r\n\r\n{"));
    }
};

QTEST_GUILESS_MAIN(TestShopSimulation)
#include "tst_shopsimulation.moc"
