// The real OpenTelemetry JS SDK (pinned in otel-js/package-lock.json) against Watchfloor's receiver
// and local stores: send.mjs exports traces, gzip-compressed logs and metrics over OTLP/HTTP and
// prints a manifest of what it sent; everything in it must come back out of the SignalStore (spans,
// logs) and the SeriesStore (metrics) as sent. Setup copies the sender into the build directory and
// runs `npm ci` there, so the packages are exactly the locked ones.

#include "TestSupport.h"
#include "graph/LiveServiceGraph.h"
#include "graph/ServiceGraph.h"
#include "live/LiveTelemetry.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SeriesStore.h"
#include "signalstore/SignalStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>

using namespace wf;
using signalstore::SeriesQuery;

namespace {

constexpr qint64 kSec = 1'000'000'000;

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

// Runs a program to completion with the test thread's event loop turning, so queued batches from the
// receiver are delivered meanwhile. No shell: the arguments go to the program as they are.
struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessResult runProgram(const QString& program, const QStringList& args, const QString& workDir,
                         int timeoutMs)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    r.finished = waitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// How an attribute value from the manifest (JSON.stringify of the SDK's attributes) is shown once
// stored: AnyValue::displayString of what the SDK's OTLP JSON serializer made of it (integers as
// intValue, other numbers as doubleValue, arrays as arrayValue).
QString displayOf(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items.append(displayOf(item));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    default:
        return v.toString();
    }
}

QString valueOf(const QList<std::pair<QString, QString>>& attributes, const QString& key)
{
    for (const auto& [k, v] : attributes)
        if (k == key)
            return v;
    return QStringLiteral("<absent>");
}

// Every manifest attribute must be stored with the same value; the stored set may not be larger.
QString attributeMismatch(const QJsonObject& expected, const QList<std::pair<QString, QString>>& stored)
{
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString want = displayOf(it.value());
        const QString got = valueOf(stored, it.key());
        if (want != got)
            return QStringLiteral("%1: sent %2, stored %3").arg(it.key(), want, got);
    }
    if (stored.size() != expected.size())
        return QStringLiteral("%1 attributes sent, %2 stored").arg(expected.size()).arg(stored.size());
    return {};
}

} // namespace

class TestOtelJs : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QString m_workDir;
    QElapsedTimer m_clock; // the whole test, npm ci included
    qint64 m_npmMs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_clock.start();
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty()) {
            // In CI (install-deps test installs them) a missing node is a broken setup, not a skip.
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("node and npm are needed to run the OpenTelemetry JS SDK; install nodejs and npm");
            QSKIP("node and npm are needed to run the OpenTelemetry JS SDK; install nodejs and npm");
        }

        // A copy in the build directory: npm ci writes node_modules next to package.json and must
        // never touch the source tree.
        m_workDir = QStringLiteral(WF_OTELJS_WORK_DIR);
        QVERIFY(QDir().mkpath(m_workDir));
        for (const char* name : {"package.json", "package-lock.json", "send.mjs"}) {
            const QString from = QStringLiteral(WF_OTELJS_SOURCE_DIR "/") + QLatin1String(name);
            const QString to = m_workDir + QLatin1Char('/') + QLatin1String(name);
            QFile::remove(to);
            QVERIFY2(QFile::copy(from, to), qPrintable(from));
        }
        QElapsedTimer npmClock;
        npmClock.start();
        const ProcessResult r =
            runProgram(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")},
                       m_workDir, 300'000);
        m_npmMs = npmClock.elapsed();
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(QStringLiteral("npm ci failed (exit %1): %2")
                                                               .arg(r.exitCode)
                                                               .arg(QString::fromUtf8(r.err.right(2000)))));
        qInfo("npm ci: %lld ms", m_npmMs);
    }

    void cleanupTestCase() { qInfo("whole test, npm ci included: %lld ms", m_clock.elapsed()); }

    void sdkSignalsArriveAsSent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        auto signals_ =
            signalstore::SignalStore::open(dir.filePath(QStringLiteral("signals.db")), {}, &error);
        QVERIFY2(signals_, qPrintable(error));
        signalstore::SeriesStore series(3600 * kSec, 10'000);

        receiver::OtlpReceiver receiver;
        receiver::ReceiverConfig config;
        config.port = 0;
        receiver.setConfig(config);
        signalstore::SignalStore* store = signals_.get();
        connect(&receiver, &receiver::OtlpReceiver::tracesReceived, store,
                [store](std::shared_ptr<const telemetry::SpanBatch> b) { QVERIFY(store->ingest(b)); });
        connect(&receiver, &receiver::OtlpReceiver::logsReceived, store,
                [store](std::shared_ptr<const telemetry::LogBatch> b) { QVERIFY(store->ingest(b)); });
        qint64 metricPoints = 0;
        connect(&receiver, &receiver::OtlpReceiver::metricsReceived, this,
                [&](std::shared_ptr<const telemetry::MetricBatch> b) { metricPoints += series.append(*b); });
        QVERIFY2(receiver.start(), qPrintable(receiver.errorString()));

        const QString runId = QStringLiteral("it-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QElapsedTimer sendClock;
        sendClock.start();
        const ProcessResult sent = runProgram(
            m_node,
            {QStringLiteral("send.mjs"), QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()), runId},
            m_workDir, 60'000);
        qInfo("node send.mjs: %lld ms", sendClock.elapsed());
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.err.right(2000).constData());
        const QByteArray manifestLine = sent.out.trimmed().split('\n').last();
        QJsonParseError parseError;
        const QJsonObject manifest = QJsonDocument::fromJson(manifestLine, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, manifestLine.constData());
        QCOMPARE(manifest.value(QStringLiteral("runId")).toString(), runId);
        const QJsonArray spans = manifest.value(QStringLiteral("spans")).toArray();
        const QJsonArray logs = manifest.value(QStringLiteral("logs")).toArray();
        const QJsonArray metrics = manifest.value(QStringLiteral("metrics")).toArray();
        QVERIFY(!spans.isEmpty() && !logs.isEmpty() && !metrics.isEmpty());

        // The SDK has exported everything when node exits; wait until each item was decoded and its
        // batch delivered here, then until the store committed it.
        const auto accepted = [&](receiver::Signal s) { return receiver.stats().of(s).acceptedItems; };
        QVERIFY2(waitFor(
                     [&] {
                         return accepted(receiver::Signal::Traces) >= spans.size() &&
                                accepted(receiver::Signal::Logs) >= logs.size() && metricPoints > 0;
                     },
                     10'000),
                 qPrintable(QStringLiteral("accepted spans %1, logs %2, metric points %3")
                                .arg(accepted(receiver::Signal::Traces))
                                .arg(accepted(receiver::Signal::Logs))
                                .arg(metricPoints)));
        QCOMPARE(accepted(receiver::Signal::Traces), qint64(spans.size()));
        QCOMPARE(accepted(receiver::Signal::Logs), qint64(logs.size()));
        QCOMPARE(receiver.stats().rejectedTotal(), 0);
        QCOMPARE(receiver.stats().of(receiver::Signal::Metrics).acceptedItems, metricPoints);
        QTest::qWait(20); // queued deliveries of the last batches
        store->flush();
        QCOMPARE(store->stats().spansStored, qint64(spans.size()));
        QCOMPARE(store->stats().logRecordsStored, qint64(logs.size()));

        // Helpers' QVERIFYs only leave the helper: stop at the first failure.
        checkSpans(*store, spans, runId);
        if (QTest::currentTestFailed())
            return;
        checkLogs(*store, logs);
        if (QTest::currentTestFailed())
            return;
        checkMetrics(series, metrics);
        receiver.stop();
    }

private:
    void checkSpans(signalstore::SignalStore& store, const QJsonArray& sent, const QString& runId)
    {
        // One query per trace, as the trace view asks.
        std::map<QString, std::vector<signalstore::StoredSpan>> byTrace;
        for (const QJsonValue& v : sent)
            byTrace[v.toObject().value(QStringLiteral("traceId")).toString()];
        for (auto& [traceHex, stored] : byTrace) {
            const auto traceId = telemetry::TraceId::fromHex(QStringView(traceHex));
            QVERIFY2(traceId, qPrintable(traceHex));
            std::optional<signalstore::QueryResult<std::vector<signalstore::StoredSpan>>> result;
            store.trace(*traceId, this, [&](auto r) { result = std::move(r); });
            QVERIFY(waitFor([&] { return result.has_value(); }, 5000));
            QVERIFY2(result->ok, qPrintable(result->error));
            stored = result->value;
        }
        for (const QJsonValue& v : sent) {
            const QJsonObject want = v.toObject();
            const QString spanHex = want.value(QStringLiteral("spanId")).toString();
            const auto& stored = byTrace[want.value(QStringLiteral("traceId")).toString()];
            const auto it = std::find_if(stored.begin(), stored.end(),
                                         [&](const auto& s) { return s.spanId.toHex() == spanHex; });
            QVERIFY2(it != stored.end(), qPrintable(QStringLiteral("span %1 not stored").arg(spanHex)));
            const QString parent = want.value(QStringLiteral("parentSpanId")).toString();
            QCOMPARE(it->parentSpanId.isValid() ? it->parentSpanId.toHex() : QString(), parent);
            QCOMPARE(it->service, want.value(QStringLiteral("service")).toString());
            QCOMPARE(it->name, want.value(QStringLiteral("name")).toString());
            QCOMPARE(it->statusCode, want.value(QStringLiteral("status")).toInt());
            const QString mismatch =
                attributeMismatch(want.value(QStringLiteral("attributes")).toObject(), it->attributes);
            QVERIFY2(mismatch.isEmpty(), qPrintable(spanHex + QStringLiteral(" ") + mismatch));
            QCOMPARE(valueOf(it->resourceAttributes, QStringLiteral("watchfloor.run_id")), runId);
            QCOMPARE(valueOf(it->resourceAttributes, QStringLiteral("service.name")), it->service);
            QVERIFY(it->endNs >= it->startNs && it->startNs > 0);
        }
        qsizetype storedCount = 0;
        for (const auto& [trace, stored] : byTrace)
            storedCount += qsizetype(stored.size());
        QCOMPARE(storedCount, sent.size());
    }

    void checkLogs(signalstore::SignalStore& store, const QJsonArray& sent)
    {
        std::optional<signalstore::QueryResult<std::vector<signalstore::LogRow>>> result;
        store.queryLogs({}, this, [&](auto r) { result = std::move(r); });
        QVERIFY(waitFor([&] { return result.has_value(); }, 5000));
        QVERIFY2(result->ok, qPrintable(result->error));
        QCOMPARE(qsizetype(result->value.size()), sent.size());
        for (const QJsonValue& v : sent) {
            const QJsonObject want = v.toObject();
            const QString body = want.value(QStringLiteral("body")).toString();
            const auto it = std::find_if(result->value.begin(), result->value.end(),
                                         [&](const auto& row) { return row.body == body; });
            QVERIFY2(it != result->value.end(), qPrintable(QStringLiteral("log not stored: ") + body));
            QCOMPARE(it->severityNumber, want.value(QStringLiteral("severityNumber")).toInt());
            QCOMPARE(it->traceId.toHex(), want.value(QStringLiteral("traceId")).toString());
            QCOMPARE(it->spanId.toHex(), want.value(QStringLiteral("spanId")).toString());
            QCOMPARE(it->service, QStringLiteral("checkout"));
            const QString mismatch =
                attributeMismatch(want.value(QStringLiteral("attributes")).toObject(), it->attributes);
            QVERIFY2(mismatch.isEmpty(), qPrintable(body + QStringLiteral(": ") + mismatch));
        }
    }

    void checkMetrics(const signalstore::SeriesStore& series, const QJsonArray& sent)
    {
        // One step covering the whole run, so each series gives one value.
        const auto query = [&](const QString& name, SeriesQuery::Function f, const QStringList& groupBy) {
            SeriesQuery q;
            q.metric = name;
            q.function = f;
            q.groupBy = groupBy;
            q.stepNs = 24 * 3600 * kSec;
            return series.query(q);
        };
        for (const QJsonValue& v : sent) {
            const QJsonObject want = v.toObject();
            const QString name = want.value(QStringLiteral("name")).toString();
            const QString type = want.value(QStringLiteral("type")).toString();
            for (const QJsonValue& pv : want.value(QStringLiteral("points")).toArray()) {
                const QJsonObject point = pv.toObject();
                const QJsonObject attributes = point.value(QStringLiteral("attributes")).toObject();
                QVERIFY(attributes.size() == 1);
                const QString key = attributes.begin().key();
                const QString value = displayOf(attributes.begin().value());
                const auto valueIn =
                    [&](const signalstore::QueryResult<std::vector<signalstore::SeriesSet>>& r) {
                        for (const auto& s : r.value)
                            if (s.labels.value(0).second == value && s.values.size() == 1)
                                return s.values[0];
                        return std::nan("");
                    };
                if (type == QLatin1String("histogram")) {
                    const double count = point.value(QStringLiteral("count")).toDouble();
                    const double sum = point.value(QStringLiteral("sum")).toDouble();
                    const auto mean = query(name, SeriesQuery::Function::Mean, {key});
                    QVERIFY2(mean.ok, qPrintable(mean.error));
                    QCOMPARE(valueIn(mean), sum / count);
                    // The SDK's cumulative point started when the meter did, within the window: its
                    // whole count is this step's increase.
                    const auto rate = query(name, SeriesQuery::Function::Rate, {key});
                    QVERIFY2(rate.ok, qPrintable(rate.error));
                    QCOMPARE(qRound(valueIn(rate) * 24 * 3600), qRound(count));
                    const auto p50 = query(name, SeriesQuery::Function::Quantile, {key});
                    QVERIFY2(p50.ok, qPrintable(p50.error));
                    QVERIFY(valueIn(p50) > 0);
                } else {
                    const auto raw = query(name, SeriesQuery::Function::Raw, {key});
                    QVERIFY2(raw.ok, qPrintable(raw.error));
                    QCOMPARE(valueIn(raw), point.value(QStringLiteral("value")).toDouble());
                    const bool monotonic = want.value(QStringLiteral("monotonic")).toBool();
                    QCOMPARE(query(name, SeriesQuery::Function::Rate, {key}).ok, monotonic);
                }
            }
        }
        const auto infos = series.metrics();
        QCOMPARE(infos.size(), sent.size());
    }

private Q_SLOTS:
    // The normal app's path: LiveTelemetry (what a workspace starts) stores the SDK's spans, and the
    // same receiver signal feeds the service graph engine behind the Service graph tab.
    void sdkTracesThroughLiveTelemetryDrawTheGraph()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        live::LiveTelemetryConfig config;
        config.folder = dir.path();
        config.port = 0;
        live::LiveTelemetry telemetry(config);
        graph::LiveServiceGraph graph;
        connect(telemetry.receiver(), &receiver::OtlpReceiver::tracesReceived, &graph,
                [&graph](std::shared_ptr<const telemetry::SpanBatch> b) { graph.addSpans(*b); });
        QString error;
        QVERIFY2(telemetry.start(&error), qPrintable(error));
        QVERIFY(telemetry.receiver()->config().address.isLoopback());

        const ProcessResult sent =
            runProgram(m_node,
                       {QStringLiteral("send.mjs"),
                        QStringLiteral("http://127.0.0.1:%1").arg(telemetry.receiver()->port()),
                        QStringLiteral("live-%1").arg(QDateTime::currentMSecsSinceEpoch())},
                       m_workDir, 60'000);
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.err.right(2000).constData());
        const int spansSent = QJsonDocument::fromJson(sent.out.trimmed().split('\n').last())
                                  .object()
                                  .value(QStringLiteral("spans"))
                                  .toArray()
                                  .size();
        QCOMPARE(spansSent, 9); // three checkouts, each checkout -> charge card -> SELECT payments

        QVERIFY(waitFor(
            [&] {
                telemetry.signalStore()->flush();
                return telemetry.signalStore()->stats().spansStored >= spansSent;
            },
            10'000));
        QCOMPARE(telemetry.signalStore()->stats().spansStored, qint64(spansSent));

        const graph::ServiceGraph g = graph.graph(0, std::numeric_limits<qint64>::max());
        const int checkout = g.findNode(QStringLiteral("checkout"));
        const int payments = g.findNode(QStringLiteral("payments"));
        const int database = g.findNode(QStringLiteral("postgresql"));
        QVERIFY(checkout >= 0 && payments >= 0 && database >= 0);
        QCOMPARE(g.nodeCount(), 3);
        QVERIFY(g.findEdge(checkout, payments) >= 0);
        QVERIFY(g.findEdge(payments, database) >= 0);
        QCOMPARE(g.edgeCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOtelJs)
#include "tst_oteljs.moc"
