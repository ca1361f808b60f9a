// DashboardView over a scripted metrics source: the widget each panel type gets, legend names,
// errors on the panel, zoom by drag into the picker's history, the shared crosshair, placeholders.

#include "charts/TimeSeriesChart.h"
#include "dashboards/DashboardPanelWidget.h"
#include "dashboards/DashboardView.h"
#include "dashboards/grid/TimeRangePicker.h"
#include "panels/GaugePanel.h"
#include "panels/StatPanel.h"
#include "panels/TextPanel.h"
#include "prometheus/MetricsSource.h"

#include <QLabel>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

class FakeSource : public prometheus::MetricsSource
{
public:
    QList<prometheus::RangeQuery> ranges;

    prometheus::MetricsCall queryRange(const prometheus::RangeQuery& q, QObject* context,
                                       Callback done) override
    {
        ranges << q;
        prometheus::MetricsResult r;
        if (q.expr.contains(u"bad"_s)) {
            r.error.kind = prometheus::MetricsErrorKind::BadQuery;
            r.error.message = u"1:5: parse error: unexpected end of input"_s;
        } else {
            for (const QString& host : {u"a"_s, u"b"_s}) {
                signalstore::SeriesSet s;
                s.labels = {{u"__name__"_s, q.expr}, {u"instance"_s, host}};
                for (qint64 t = q.startMs; t <= q.endMs; t += q.stepMs) {
                    s.timesNs.push_back(t * 1'000'000);
                    s.values.push_back(host == u"a"_s ? 40.0 : 60.0);
                }
                r.series.push_back(std::move(s));
            }
        }
        QTimer::singleShot(0, context, [done, r] { done(r); });
        return prometheus::MetricsCall::create();
    }
    prometheus::MetricsCall queryInstant(const prometheus::InstantQuery& q, QObject* context,
                                         Callback done) override
    {
        return queryRange({q.expr, q.timeMs, q.timeMs, 1000}, context, std::move(done));
    }
    QString queryLanguageNote() const override { return {}; }
};

dashboard::Panel panel(int id, dashboard::PanelType type, const QString& title, const QString& expr, int x)
{
    dashboard::Panel p;
    p.id = id;
    p.type = type;
    p.title = title;
    p.gridPos = {x, 0, 6, 8};
    if (!expr.isEmpty())
        p.targets = {{u"A"_s, expr, u"host {{instance}}"_s}};
    return p;
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void panelsGetTheirWidgetsAndData()
    {
        dashboard::Dashboard d;
        d.time = {u"now-1h"_s, u"now"_s};
        d.panels = {panel(1, dashboard::PanelType::TimeSeries, u"Load"_s, u"load"_s, 0),
                    panel(2, dashboard::PanelType::TimeSeries, u"Mem"_s, u"mem"_s, 6),
                    panel(3, dashboard::PanelType::Gauge, u"CPU"_s, u"cpu"_s, 12),
                    panel(4, dashboard::PanelType::TimeSeries, u"Broken"_s, u"bad("_s, 18),
                    panel(5, dashboard::PanelType::Unknown, u"Pie"_s, u"x"_s, 0),
                    panel(6, dashboard::PanelType::Text, u"Notes"_s, {}, 6)};
        d.panels[4].gridPos.y = 8;
        d.panels[5].gridPos.y = 8;
        d.panels[5].textContent = u"# Hello"_s;
        dashboard::ImportReport report;
        report.format = u"Grafana"_s;
        report.add(u"Pie"_s, u"panel type piechart"_s, u"Watchfloor has no pie charts."_s);
        FakeSource source;
        ui::DashboardView view(d, report, &source);
        view.setClock([] { return kNow; });
        view.resize(1200, 700);
        view.show();
        view.start();
        QTRY_VERIFY(view.panelWidget(1)->hasData() && view.panelWidget(3)->hasData());

        // Step sized to the panel's width: never more points than pixels.
        QVERIFY(!source.ranges.isEmpty());
        const auto& q = source.ranges.first();
        QVERIFY((q.endMs - q.startMs) / q.stepMs + 1 <= view.panelWidget(1)->width() + 2);

        ui::TimeSeriesChart* load = view.panelWidget(1)->chart();
        QVERIFY(load);
        QCOMPARE(load->lineNames(), (QStringList{u"host a"_s, u"host b"_s}));
        auto* gauge = qobject_cast<ui::GaugePanel*>(view.panelWidget(3)->content());
        QVERIFY(gauge);
        QCOMPARE(gauge->values().size(), 2);
        QTRY_VERIFY(view.panelWidget(4)->errorText().contains(u"parse error"_s));
        QVERIFY(view.panelWidget(4)->errorText().startsWith(u"A: "_s));
        auto* placeholder = view.panelWidget(5)->findChild<QLabel*>(u"panelPlaceholder"_s);
        QVERIFY(placeholder);
        QVERIFY(placeholder->text().contains(u"pie charts"_s));
        QVERIFY(!view.panelWidget(5)->wantsData());
        QVERIFY(qobject_cast<ui::TextPanel*>(view.panelWidget(6)->content()));
        QVERIFY(!view.reportBanner()->isHidden());
        QVERIFY(view.reportBanner()->toolTip().contains(u"piechart"_s));

        // Shared crosshair: hovering one chart moves the others'.
        Q_EMIT load->hovered(kNow - 600'000);
        QCOMPARE(view.panelWidget(2)->chart()->crosshairTimeMs(), kNow - 600'000);
        QCOMPARE(load->crosshairTimeMs(), -1);

        // Zoom by drag: the picker takes the range (and can go back), panels query it.
        const qsizetype before = source.ranges.size();
        Q_EMIT load->rangeSelected(kNow - 1'800'000, kNow - 1'200'000);
        const auto range = dashboard::resolve(view.picker()->timeRange(), kNow);
        QVERIFY(range);
        QCOMPARE(range->fromMs, kNow - 1'800'000);
        QCOMPARE(range->toMs, kNow - 1'200'000);
        QTRY_VERIFY(source.ranges.size() > before);
        QVERIFY(source.ranges.last().startMs <= kNow - 1'800'000);
        QVERIFY(source.ranges.last().endMs >= kNow - 1'200'000 &&
                source.ranges.last().endMs < kNow - 1'100'000);
        view.picker()->goBack();
        QCOMPARE(view.picker()->timeRange(), d.time);

        const QString png = QCoreApplication::applicationDirPath() + u"/dashboardview.png"_s;
        QVERIFY(view.grab().save(png));
    }

    void noSourceSaysSo()
    {
        dashboard::Dashboard d;
        d.panels = {panel(1, dashboard::PanelType::Stat, u"Up"_s, u"up"_s, 0)};
        ui::DashboardView view(d, {}, nullptr);
        view.start();
        QVERIFY(view.panelWidget(1)->errorText().contains(u"Prometheus"_s));
        QVERIFY(view.reportBanner()->isHidden());
    }
};

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
