// The trace search view (form, scatter, list), the compare view and the trace view's links, offscreen,
// over an in-memory TraceSearchSource. Traces come from tests/data/jaeger/search_checkout.json (hand-
// written, see the README there) plus generated ones for a scatter with some spread.

#include "items/TraceListModel.h"
#include "theme/Theme.h"
#include "traces/TraceApiResponses.h"
#include "traces/TraceCompareView.h"
#include "traces/TraceScatter.h"
#include "traces/TraceSearchSource.h"
#include "traces/TraceSearchView.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace wf;
using namespace wf::traces;

namespace {

QByteArray recorded(const QString& path)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}

QString screenshotPath(const QString& name)
{
    QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots"));
    dir.mkpath(QStringLiteral("."));
    return dir.absoluteFilePath(name);
}

// Answers from memory, a few milliseconds later (queued, as a real source does), applying the query
// with traceMatches like a server would.
class MemorySource : public TraceSearchSource
{
public:
    MemorySource()
    {
        const TraceSearchResult r =
            parseJaegerTraces(recorded(QStringLiteral("jaeger/search_checkout.json")));
        Q_ASSERT(r.ok());
        traces = r.traces;
        spans = r.spans;
        // 40 more: durations 50..400 ms with a few slow outliers and some failures, over 20 minutes.
        const qint64 t0 = r.traces.back().startNs - 20 * 60'000'000'000LL;
        for (int i = 0; i < 40; ++i) {
            signalstore::TraceSummary s;
            s.traceId =
                telemetry::TraceId::fromHex(QStringLiteral("%1").arg(i + 0x100, 32, 16, QLatin1Char('0')))
                    .value();
            s.rootService = QStringLiteral("frontend");
            s.rootName = i % 3 ? QStringLiteral("GET /checkout") : QStringLiteral("GET /cart");
            s.startNs = t0 + i * 30'000'000'000LL;
            s.durationNs = (50 + (i * 37) % 350) * 1'000'000LL + (i % 13 == 0 ? 1'200'000'000LL : 0);
            s.spanCount = 3 + i % 4;
            s.errorCount = i % 7 == 0 ? 1 : 0;
            s.services = {QStringLiteral("checkout"), QStringLiteral("frontend")};
            traces.push_back(s);
            spans.push_back(r.spans[1]); // the spans are not what this test looks at
        }
        std::stable_sort(traces.begin(), traces.end(),
                         [](const auto& a, const auto& b) { return a.startNs > b.startNs; });
    }
    QString displayName() const override { return QStringLiteral("Memory"); }
    void search(const TraceSearchQuery& query, QObject* context,
                std::function<void(const TraceSearchResult&)> done) override
    {
        ++searches;
        lastQuery = query;
        TraceSearchResult r;
        if (!failWith.isEmpty()) {
            r.error = failWith;
        } else {
            for (const auto& t : traces) {
                if (summaryMatches(t, query) && (query.operation.isEmpty() || t.rootName == query.operation))
                    r.traces.push_back(t);
            }
        }
        QTimer::singleShot(delayMs, context, [done, r] { done(r); });
    }
    void fetchTrace(const telemetry::TraceId& id, QObject* context,
                    std::function<void(const TraceFetchResult&)> done) override
    {
        ++fetches;
        TraceFetchResult r;
        r.error = QStringLiteral("not here");
        for (std::size_t i = 0; i < traces.size(); ++i) {
            if (traces[i].traceId == id) {
                r.error.clear();
                for (std::size_t k = 0; k < spans.size(); ++k)
                    if (!spans[k].isEmpty() && spans[k].spans().front().traceId == id)
                        r.spans = spans[k];
            }
        }
        QTimer::singleShot(1, context, [done, r] { done(r); });
    }
    void services(QObject* context, std::function<void(const NameListResult&)> done) override
    {
        NameListResult r;
        r.names = {QStringLiteral("checkout"), QStringLiteral("frontend"), QStringLiteral("payments")};
        QTimer::singleShot(1, context, [done, r] { done(r); });
    }
    void operations(const QString&, QObject* context,
                    std::function<void(const NameListResult&)> done) override
    {
        NameListResult r;
        r.names = {QStringLiteral("GET /cart"), QStringLiteral("GET /checkout")};
        QTimer::singleShot(1, context, [done, r] { done(r); });
    }

    std::vector<signalstore::TraceSummary> traces;
    std::vector<telemetry::SpanBatch> spans;
    TraceSearchQuery lastQuery;
    QString failWith;
    int delayMs = 5;
    int searches = 0;
    int fetches = 0;
};

} // namespace

class TestTraceSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formBecomesQuery()
    {
        ui::TraceSearchView view;
        MemorySource source;
        view.addSource(&source);
        QTRY_COMPARE(view.serviceField()->count(), 4); // "" + three services
        view.serviceField()->setEditText(QStringLiteral("checkout"));
        view.tagsField()->setText(QStringLiteral("customer=\"ACME Corp\""));
        view.minDurationField()->setText(QStringLiteral("250ms"));
        view.maxDurationField()->setText(QStringLiteral("2s"));
        view.errorsOnlyBox()->setChecked(true);
        view.timeRangeBox()->setCurrentIndex(ui::TraceSearchView::LastHour);
        TraceSearchQuery q;
        QString error;
        QVERIFY2(view.buildQuery(&q, &error), qPrintable(error));
        QCOMPARE(q.service, QStringLiteral("checkout"));
        QCOMPARE(q.tags.value(0).second, QStringLiteral("ACME Corp"));
        QCOMPARE(q.minDurationNs, 250'000'000);
        QCOMPARE(q.maxDurationNs, 2'000'000'000);
        QVERIFY(q.errorsOnly);
        QCOMPARE(q.toNs - q.fromNs, 3600'000'000'000LL);

        // A field that does not parse: said in the status line, nothing sent.
        view.minDurationField()->setText(QStringLiteral("soon"));
        QSignalSpy finished(&view, &ui::TraceSearchView::searchFinished);
        view.search();
        QCOMPARE(source.searches, 0);
        QCOMPARE(finished.size(), 1);
        QVERIFY2(view.statusText().contains(QStringLiteral("soon")), qPrintable(view.statusText()));
        view.minDurationField()->setText(QStringLiteral("3s"));
        view.search();
        QVERIFY(view.statusText().contains(QStringLiteral("shorter")));
    }

    void resultsAsScatterAndList()
    {
        ui::TraceSearchView view;
        view.resize(1000, 640);
        MemorySource source;
        view.addSource(&source);
        view.timeRangeBox()->setCurrentIndex(ui::TraceSearchView::AnyTime);
        QSignalSpy finished(&view, &ui::TraceSearchView::searchFinished);
        QTest::keyClick(view.tagsField(), Qt::Key_Return); // Enter in a field searches
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 42);
        QCOMPARE(view.model()->rowCount(), 42);
        QCOMPARE(int(view.scatter()->traces().size()), 42);
        QCOMPARE(view.statusText(), QStringLiteral("42 trace(s)"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // The slowest dot is the highest; a failing trace's dot is painted in the critical colour.
        const auto& traces = view.scatter()->traces();
        const auto slowest =
            int(std::max_element(traces.begin(), traces.end(),
                                 [](const auto& a, const auto& b) { return a.durationNs < b.durationNs; }) -
                traces.begin());
        for (int i = 0; i < int(traces.size()); ++i)
            QVERIFY(view.scatter()->dotPosition(i).y() >= view.scatter()->dotPosition(slowest).y());
        const QImage img = view.scatter()->grab().toImage();
        int failing = -1;
        for (int i = 0; i < int(traces.size()) && failing < 0; ++i)
            if (traces[std::size_t(i)].errorCount > 0 &&
                view.scatter()->indexAt(view.scatter()->dotPosition(i).toPoint()) == i)
                failing = i;
        QVERIFY(failing >= 0);
        const QColor painted =
            img.pixelColor(view.scatter()->dotPosition(failing).toPoint() * img.devicePixelRatio());
        const QColor critical = ui::semanticColor(ui::Semantic::Critical, view.palette());
        QVERIFY2(qAbs(painted.hue() - critical.hue()) < 20 && painted.saturation() > 80,
                 qPrintable(painted.name()));

        // Click a dot: its row becomes current. Enter on the list opens the trace.
        QTest::mouseClick(view.scatter(), Qt::LeftButton, {}, view.scatter()->dotPosition(slowest).toPoint());
        QCOMPARE(view.scatter()->selectedIndex(), slowest);
        const int row = view.table()->currentIndex().row();
        QCOMPARE(view.model()->row(row).traceId, traces[std::size_t(slowest)].traceId);
        const QString path = screenshotPath(QStringLiteral("trace_search_scatter.png"));
        QVERIFY(view.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));

        // Open the newest (the Jaeger trace that has spans): through Enter on its row.
        QSignalSpy opened(&view, &ui::TraceSearchView::traceOpened);
        view.table()->setFocus();
        view.table()->setCurrentIndex(view.model()->index(0, 0));
        QTest::keyClick(view.table(), Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(1).value<signalstore::TraceSummary>().traceId, view.model()->row(0).traceId);
        QCOMPARE(opened.at(0).at(0).value<telemetry::SpanBatch>().size(), 4);
        // Double-clicking a dot opens too.
        QTest::mouseDClick(view.scatter(), Qt::LeftButton, {}, view.scatter()->dotPosition(0).toPoint());
        QTRY_COMPARE(opened.size(), 2);
    }

    void staleResultsAreDroppedAndErrorsShown()
    {
        ui::TraceSearchView view;
        MemorySource source;
        view.addSource(&source);
        view.timeRangeBox()->setCurrentIndex(ui::TraceSearchView::AnyTime);
        QSignalSpy finished(&view, &ui::TraceSearchView::searchFinished);
        source.delayMs = 200;
        view.search(); // slow, all traces
        source.delayMs = 1;
        view.operationField()->setEditText(QStringLiteral("GET /cart"));
        view.search(); // fast, fewer
        QTRY_COMPARE(finished.size(), 1);
        const int cartTraces = view.model()->rowCount();
        QVERIFY(cartTraces > 0 && cartTraces < 42);
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1); // the older, slower answer was dropped
        QCOMPARE(view.model()->rowCount(), cartTraces);

        source.failWith = QStringLiteral("HTTP 500: rpc error");
        view.search();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY2(view.statusText().contains(QStringLiteral("HTTP 500: rpc error")),
                 qPrintable(view.statusText()));
    }

    void compareTwoTraces()
    {
        ui::TraceSearchView view;
        MemorySource source;
        view.addSource(&source);
        view.timeRangeBox()->setCurrentIndex(ui::TraceSearchView::AnyTime);
        view.serviceField()->setEditText(QStringLiteral("payments"));
        QSignalSpy finished(&view, &ui::TraceSearchView::searchFinished);
        view.search();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(view.model()->rowCount(), 2); // only the Jaeger traces pass through payments

        // Two rows selected, Ctrl+D: the faster becomes the baseline.
        QSignalSpy compare(&view, &ui::TraceSearchView::compareRequested);
        view.table()->selectAll();
        view.compareAction()->trigger();
        QTRY_COMPARE(compare.size(), 1);
        const auto baseline = compare.at(0).at(1).value<signalstore::TraceSummary>();
        const auto other = compare.at(0).at(3).value<signalstore::TraceSummary>();
        QVERIFY(baseline.durationNs < other.durationNs);

        // One row, "Compare with…", then open another: compared instead of opened.
        QSignalSpy opened(&view, &ui::TraceSearchView::traceOpened);
        view.table()->clearSelection();
        view.table()->setCurrentIndex(view.model()->index(1, 0));
        view.compareAction()->trigger();
        QVERIFY(view.statusText().contains(QStringLiteral("Baseline")));
        view.openTrace(0);
        QTRY_COMPARE(compare.size(), 2);
        QCOMPARE(opened.size(), 0);

        ui::TraceCompareView cv;
        cv.resize(1100, 420);
        auto a = std::make_shared<const TraceTree>(
            TraceTree::build(compare.at(0).at(0).value<telemetry::SpanBatch>()));
        auto b = std::make_shared<const TraceTree>(
            TraceTree::build(compare.at(0).at(2).value<telemetry::SpanBatch>()));
        cv.setTraces(a, baseline, b, other);
        const TraceComparison& c = cv.comparison();
        QCOMPARE(c.added, 1); // "retry charge" exists only in the slow trace
        QCOMPARE(c.missing, 0);
        QVERIFY(c.slower >= 2);
        QCOMPARE(cv.table()->rowCount(), int(c.diffs.size()));
        QCOMPARE(cv.table()->item(0, ui::TraceCompareView::ChangeColumn)->text(), QStringLiteral("added"));
        QVERIFY(cv.table()
                    ->item(0, ui::TraceCompareView::PathColumn)
                    ->text()
                    .endsWith(QStringLiteral("payments:retry charge")));
        QCOMPARE(cv.table()->item(1, ui::TraceCompareView::ChangeColumn)->text(), QStringLiteral("slower"));
        // The largest slowdown first: the payments charge, 60 ms -> 870 ms.
        QVERIFY(cv.table()
                    ->item(1, ui::TraceCompareView::PathColumn)
                    ->text()
                    .endsWith(QStringLiteral("payments:charge")));
        QCOMPARE(cv.table()->item(1, ui::TraceCompareView::DeltaColumn)->text(), QStringLiteral("+810.0 ms"));
        QVERIFY(cv.summaryText().contains(QStringLiteral("1 span(s) added")));
        // Self-time delta: the checkout span's own time barely moved, its children took the time.
        bool sawSelf = false;
        for (int r = 0; r < cv.table()->rowCount(); ++r) {
            if (cv.table()
                    ->item(r, ui::TraceCompareView::PathColumn)
                    ->text()
                    .endsWith(QStringLiteral("checkout:POST /cart/checkout"))) {
                QVERIFY(!cv.table()->item(r, ui::TraceCompareView::SelfDeltaColumn)->text().isEmpty());
                sawSelf = true;
            }
        }
        QVERIFY(sawSelf);
        cv.show();
        QVERIFY(QTest::qWaitForWindowExposed(&cv));
        const QString path = screenshotPath(QStringLiteral("trace_compare.png"));
        QVERIFY(cv.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void traceViewLinksToLogsAndMetrics()
    {
        const TraceSearchResult r =
            parseJaegerTraces(recorded(QStringLiteral("jaeger/search_checkout.json")));
        ui::TraceView view;
        QVERIFY(!view.logsAction()->isEnabled());
        view.setBatch(r.spans[0]);
        QVERIFY(view.logsAction()->isEnabled());
        QSignalSpy logs(&view, &ui::TraceView::logsRequested);
        QSignalSpy metrics(&view, &ui::TraceView::metricsRequested);
        view.logsAction()->trigger();
        QCOMPARE(logs.size(), 1);
        QCOMPARE(logs.at(0).at(0).value<telemetry::TraceId>(), r.traces[0].traceId);
        // The selected span's service, over the span's time.
        const TraceTree* tree = view.waterfall()->tree();
        int payments = -1;
        for (int i = 0; i < tree->size() && payments < 0; ++i)
            if (tree->serviceOf(i) == QStringLiteral("payments"))
                payments = i;
        view.waterfall()->selectNode(payments);
        view.metricsAction()->trigger();
        QCOMPARE(metrics.size(), 1);
        QCOMPARE(metrics.at(0).at(0).toString(), QStringLiteral("payments"));
        QCOMPARE(metrics.at(0).at(1).toLongLong(), tree->node(payments).startNs);
        // Without a selection, the main root's service.
        view.waterfall()->selectNode(-1);
        view.metricsAction()->trigger();
        QCOMPARE(metrics.at(1).at(0).toString(), QStringLiteral("frontend"));
    }
};

QTEST_MAIN(TestTraceSearch)
#include "tst_trace_search.moc"
