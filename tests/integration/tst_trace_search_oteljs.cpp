// Traces from the real OpenTelemetry JS SDK (otel-js/send.mjs, pinned by its package-lock.json), through
// Watchfloor's OTLP receiver into the local SignalStore, are found by the trace search (LocalTraceSource:
// service + minimum duration + errors only) and rendered in the waterfall offscreen: rows, critical path
// and the failing span asserted, a PNG written. send.mjs makes its third, failing checkout slow
// (slowMs), so exactly one trace is both slow and failing.
//
// Setup copies the sender into its own build directory and runs `npm ci` there (needs the npm
// registry), unless node_modules already matches the lock file.

#include "receiver/OtlpReceiver.h"
#include "signalstore/SignalStore.h"
#include "traces/LocalTraceSource.h"
#include "traces/TraceScatter.h"
#include "traces/TraceSearchView.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace wf;

namespace {

constexpr int kSlowMs = 400;

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

struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// No shell: the arguments go to the program as they are. The event loop turns meanwhile, so the
// receiver's queued batches are delivered.
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

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString screenshotPath(const QString& name)
{
    QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots"));
    dir.mkpath(QStringLiteral("."));
    return dir.absoluteFilePath(name);
}

} // namespace

class TestTraceSearchOtelJs : public QObject
{
    Q_OBJECT

    QString m_node;
    QString m_workDir;
    std::unique_ptr<signalstore::SignalStore> m_store;
    QTemporaryDir m_dir;
    QJsonArray m_sentSpans;

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty()) {
            // In CI (install-deps test installs them) a missing node is a broken setup, not a skip.
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("node and npm are needed to run the OpenTelemetry JS SDK; install nodejs and npm");
            QSKIP("node and npm are needed to run the OpenTelemetry JS SDK; install nodejs and npm");
        }
        m_workDir = QStringLiteral(WF_OTELJS_WORK_DIR);
        QVERIFY(QDir().mkpath(m_workDir));
        const QString lockSource = QStringLiteral(WF_OTELJS_SOURCE_DIR "/package-lock.json");
        const bool installed =
            fileBytes(m_workDir + QStringLiteral("/package-lock.json")) == fileBytes(lockSource) &&
            QFile::exists(m_workDir + QStringLiteral("/node_modules/.package-lock.json"));
        for (const char* name : {"package.json", "package-lock.json", "send.mjs"}) {
            const QString from = QStringLiteral(WF_OTELJS_SOURCE_DIR "/") + QLatin1String(name);
            const QString to = m_workDir + QLatin1Char('/') + QLatin1String(name);
            QFile::remove(to);
            QVERIFY2(QFile::copy(from, to), qPrintable(from));
        }
        if (!installed) {
            const ProcessResult r = runProgram(
                npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")},
                m_workDir, 300'000);
            QVERIFY2(r.finished && r.exitCode == 0,
                     qPrintable(QStringLiteral("npm ci failed (exit %1): %2")
                                    .arg(r.exitCode)
                                    .arg(QString::fromUtf8(r.err.right(2000)))));
        }

        // The SDK's spans through the receiver into the store.
        QVERIFY(m_dir.isValid());
        QString error;
        m_store = signalstore::SignalStore::open(m_dir.filePath(QStringLiteral("signals.db")), {}, &error);
        QVERIFY2(m_store, qPrintable(error));
        receiver::OtlpReceiver receiver;
        receiver::ReceiverConfig config;
        config.port = 0;
        receiver.setConfig(config);
        signalstore::SignalStore* store = m_store.get();
        connect(&receiver, &receiver::OtlpReceiver::tracesReceived, store,
                [store](std::shared_ptr<const telemetry::SpanBatch> b) { QVERIFY(store->ingest(b)); });
        QVERIFY2(receiver.start(), qPrintable(receiver.errorString()));
        const ProcessResult sent = runProgram(m_node,
                                              {QStringLiteral("send.mjs"),
                                               QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()),
                                               QStringLiteral("search-it"), QString::number(kSlowMs)},
                                              m_workDir, 60'000);
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.err.right(2000).constData());
        const QJsonObject manifest = QJsonDocument::fromJson(sent.out.trimmed().split('\n').last()).object();
        m_sentSpans = manifest.value(QStringLiteral("spans")).toArray();
        QCOMPARE(m_sentSpans.size(), 9); // three checkouts of three spans
        QVERIFY(waitFor([&] { return receiver.stats().of(receiver::Signal::Traces).acceptedItems >= 9; },
                        10'000));
        QTest::qWait(20);
        m_store->flush();
        QCOMPARE(m_store->stats().spansStored, 9);
        receiver.stop();
    }

    void searchFindsTheSlowFailingTrace()
    {
        // The failing checkout is the third; its trace id from the manifest.
        QString failingTrace;
        for (const QJsonValue& s : m_sentSpans)
            if (s[QStringLiteral("status")].toInt() == 2)
                failingTrace = s[QStringLiteral("traceId")].toString();
        QVERIFY(!failingTrace.isEmpty());

        traces::LocalTraceSource source(m_store.get());
        const auto run = [&](traces::TraceSearchQuery q) {
            std::optional<traces::TraceSearchResult> r;
            source.search(q, this, [&](const traces::TraceSearchResult& result) { r = result; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), 10'000); }();
            return r.value_or(traces::TraceSearchResult{{}, {}, QStringLiteral("no answer"), {}});
        };
        traces::TraceSearchQuery q;
        q.service = QStringLiteral("payments");
        q.minDurationNs = qint64(kSlowMs - 50) * 1'000'000;
        q.errorsOnly = true;
        auto r = run(q);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.traces.size(), 1u);
        QCOMPARE(r.traces[0].traceId.toHex(), failingTrace);
        QCOMPARE(r.traces[0].rootService, QStringLiteral("checkout"));
        QCOMPARE(r.traces[0].rootName, QStringLiteral("POST /checkout"));
        QVERIFY(r.traces[0].durationNs >= q.minDurationNs);

        // Each filter on its own narrows; together they are the one trace above.
        q.errorsOnly = false;
        QCOMPARE(run(q).traces.size(), 1u); // only one slow trace
        q.minDurationNs = 0;
        QCOMPARE(run(q).traces.size(), 3u); // all three pass through payments
        q.errorsOnly = true;
        QCOMPARE(run(q).traces.size(), 1u);
        q = {};
        q.service = QStringLiteral("payments");
        q.operation = QStringLiteral("charge card");
        q.tags = {{QStringLiteral("payment.provider"), QStringLiteral("acme")}};
        QCOMPARE(run(q).traces.size(), 3u); // operation and tag checked on the spans
        q.tags = {{QStringLiteral("payment.provider"), QStringLiteral("other")}};
        QCOMPARE(run(q).traces.size(), 0u);
        q = {};
        q.maxDurationNs = qint64(kSlowMs - 50) * 1'000'000;
        QCOMPARE(run(q).traces.size(), 2u); // the fast ones
        q = {};
        q.service = QStringLiteral("nobody");
        QCOMPARE(run(q).traces.size(), 0u);
    }

    void searchViewOpensTheWaterfall()
    {
        traces::LocalTraceSource source(m_store.get());
        ui::TraceSearchView search;
        search.resize(1000, 600);
        search.addSource(&source);
        QTRY_VERIFY(search.serviceField()->findText(QStringLiteral("payments")) >=
                    0); // services from the store
        search.serviceField()->setEditText(QStringLiteral("payments"));
        search.minDurationField()->setText(QStringLiteral("%1ms").arg(kSlowMs - 50));
        search.errorsOnlyBox()->setChecked(true);
        search.timeRangeBox()->setCurrentIndex(ui::TraceSearchView::LastHour);
        QSignalSpy finished(&search, &ui::TraceSearchView::searchFinished);
        search.search();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(int(search.scatter()->traces().size()), 1);

        QSignalSpy opened(&search, &ui::TraceSearchView::traceOpened);
        search.openTrace(0);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10'000);
        const auto spans = opened.at(0).at(0).value<telemetry::SpanBatch>();
        QCOMPARE(spans.size(), 3);

        ui::TraceView view;
        view.resize(1100, 500);
        view.setBatch(spans);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab();
        const ui::TraceWaterfall* w = view.waterfall();
        const traces::TraceTree* tree = w->tree();
        QCOMPARE(w->rows().count(), 3);
        QCOMPARE(int(w->paintedNodes().size()), 3);
        QCOMPARE(tree->roots().size(), 1u);
        QCOMPARE(tree->span(tree->mainRoot()).name, QStringLiteral("POST /checkout"));
        // checkout -> charge card -> SELECT payments, the last failing and slow: all on the critical path.
        QCOMPARE(tree->errorNodes().size(), 1u);
        const int failing = tree->errorNodes().front();
        QCOMPARE(tree->span(failing).name, QStringLiteral("SELECT payments"));
        QCOMPARE(tree->serviceOf(failing), QStringLiteral("payments"));
        QVERIFY(tree->node(failing).has(traces::TraceTree::Error));
        QVERIFY(tree->node(failing).has(traces::TraceTree::OnCriticalPath));
        QVERIFY(w->paintedCriticalNodes().contains(failing));
        QVERIFY(tree->node(failing).endNs - tree->node(failing).startNs >= qint64(kSlowMs - 50) * 1'000'000);
        QCOMPARE(view.selfTimeServiceAt(0), QStringLiteral("payments")); // who slowed it down
        const QString path = screenshotPath(QStringLiteral("oteljs_slow_trace.png"));
        QVERIFY(view.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_MAIN(TestTraceSearchOtelJs)
#include "tst_trace_search_oteljs.moc"
