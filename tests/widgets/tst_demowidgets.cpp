// The demo's widgets over real models: the chart adapter draws one line per series and follows the
// theme, a panel waits for data before it shows a chart, and the log list's controls reach its feed.
#include "charts/TimeSeriesChart.h"
#include "dashboards/TimeSeriesPanel.h"
#include "items/LogListModel.h"
#include "items/TraceListModel.h"
#include "live/LiveLogFeed.h"
#include "live/LiveTraceFeed.h"
#include "logs/LogListView.h"
#include "signalstore/SeriesStore.h"
#include "signalstore/SignalStore.h"
#include "theme/Theme.h"
#include "traces/TraceListView.h"

#include <QApplication>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace wf;

namespace {

signalstore::SeriesSet series(const QString& service, std::vector<double> values)
{
    signalstore::SeriesSet s;
    s.labels = {{QStringLiteral("service.name"), service}};
    for (size_t i = 0; i < values.size(); ++i)
        s.timesNs.push_back(1'767'225'600'000'000'000LL + qint64(i) * 2'000'000'000);
    s.values = std::move(values);
    return s;
}

} // namespace

class TestDemoWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chartDrawsOneLinePerSeries()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        const qint64 from = 1'767'225'600'000'000'000LL;
        chart.setSeries({series(QStringLiteral("payments"), {1, 2, std::nan(""), 4}),
                         series(QStringLiteral("gateway"), {3, 3, 3, 3})},
                        from, from + 8'000'000'000);
        QCOMPARE(chart.lineCount(), 2);
        QCOMPARE(chart.lineNames(), QStringList({QStringLiteral("gateway"), QStringLiteral("payments")}));
        // A service that stops reporting loses its points, not its colour.
        chart.setSeries({series(QStringLiteral("gateway"), {3, 3})}, from, from + 8'000'000'000);
        QCOMPARE(chart.lineNames(), QStringList{QStringLiteral("gateway")});
        QCOMPARE(ui::TimeSeriesChart::seriesName(signalstore::SeriesSet{}), QStringLiteral("all"));

        // Themes: rendering in both palettes does not crash and follows the palette.
        chart.setPalette(ui::darkPalette());
        QVERIFY(!chart.grab().isNull());
        chart.setPalette(ui::lightPalette());
        QVERIFY(!chart.grab().isNull());
    }

    void panelWaitsForData()
    {
        auto store = std::make_shared<signalstore::SeriesStore>(600'000'000'000LL, 1000);
        signalstore::SeriesQuery q;
        q.metric = QStringLiteral("http.server.request.count");
        q.function = signalstore::SeriesQuery::Function::Rate;
        ui::TimeSeriesPanel panel(QStringLiteral("Request rate"), QStringLiteral("explained"), q, {}, store);
        panel.start(50);
        QTest::qWait(300); // several refreshes of an unknown metric
        QVERIFY(!panel.showsChart());
    }

    void logListControlsReachTheFeed()
    {
        QTemporaryDir dir;
        QString error;
        auto store = signalstore::SignalStore::open(dir.filePath(QStringLiteral("s.sqlite")), {}, &error);
        QVERIFY2(store, qPrintable(error));
        items::LogListModel model;
        live::LiveLogFeed feed(store.get(), &model);
        ui::LogListView view(&model, &feed);
        view.resize(800, 300);
        view.show();
        QVERIFY(!view.searchField()->toolTip().isEmpty());
        view.pauseButton()->click();
        QVERIFY(feed.isPaused());
        view.pauseButton()->click();
        QVERIFY(!feed.isPaused());
        QTest::keyClicks(view.searchField(), QStringLiteral("pool exhausted"));
        QTRY_COMPARE(feed.searchText(), QStringLiteral("pool exhausted"));
        view.focusSearch();
        QVERIFY(view.searchField()->hasFocus() || !QApplication::focusWindow());
        QCOMPARE(view.table()->model(), &model);
    }

    void traceListShowsRows()
    {
        QTemporaryDir dir;
        QString error;
        auto store = signalstore::SignalStore::open(dir.filePath(QStringLiteral("s.sqlite")), {}, &error);
        QVERIFY2(store, qPrintable(error));
        items::TraceListModel model;
        live::LiveTraceFeed feed(store.get(), &model);
        ui::TraceListView view(&model, &feed);
        std::vector<signalstore::TraceSummary> rows;
        for (int i = 0; i < 6; ++i) {
            std::array<std::uint8_t, 16> bytes{};
            bytes[0] = std::uint8_t(i + 1);
            signalstore::TraceSummary t;
            t.traceId = telemetry::TraceId(bytes);
            t.rootService = QStringLiteral("gateway");
            t.rootName =
                i % 3 == 0 ? QStringLiteral("POST /api/checkout") : QStringLiteral("GET /api/search");
            t.startNs = 1'767'225'600'000'000'000LL - i * 250'000'000LL;
            t.durationNs = i % 3 == 0 ? 2'300'000'000LL : 48'000'000LL;
            t.spanCount = 9 + i;
            t.errorCount = i % 3 == 0 ? 2 : 0;
            rows.push_back(t);
        }
        model.setRows(rows);
        view.resize(760, 220);
        view.show();
        QCOMPARE(view.table()->model()->rowCount(), 6);
        // A picture for the eye (errors in the critical colour); WF_SHOT_DIR is set by hand, not by ctest.
        if (qEnvironmentVariableIsSet("WF_SHOT_DIR"))
            view.grab().save(qEnvironmentVariable("WF_SHOT_DIR") + QStringLiteral("/trace-list.png"));
    }
};

QTEST_MAIN(TestDemoWidgets)
#include "tst_demowidgets.moc"
