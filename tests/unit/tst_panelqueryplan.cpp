#include "dashboard/PanelQueryPlan.h"

#include <QTest>

using namespace wf::dashboard;

class TestPanelQueryPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepFollowsWidthAndBuiltinsAreSubstituted()
    {
        Panel panel;
        panel.targets = {{QStringLiteral("A"), QStringLiteral("rate(x[$__rate_interval]) / $__interval_ms"),
                          QStringLiteral("{{instance}}")}};
        const ResolvedRange range{1'700'000'000'000, 1'700'000'000'000 + 3'600'000};
        const PanelQueryPlan plan = planPanelQueries(panel, range, 400, {}, 5000);
        // 1 h over 400 px: 9.02 s per point, rounded up to a nice 10 s.
        QCOMPARE(plan.stepMs, 10000);
        QCOMPARE(plan.startMs % plan.stepMs, 0);
        QVERIFY(plan.startMs <= range.fromMs);
        QCOMPARE(plan.endMs % plan.stepMs, 0);
        QVERIFY(plan.endMs >= range.toMs && plan.endMs < range.toMs + plan.stepMs);
        // Aligning both ends adds at most one point to the 401 the width allows.
        QVERIFY((plan.endMs - plan.startMs) / plan.stepMs + 1 <= 402);
        QCOMPARE(plan.queries.size(), 1);
        // $__rate_interval: max(step + scrape, 4 x scrape) = 20 s.
        QCOMPARE(plan.queries[0].expr, QStringLiteral("rate(x[20s]) / 10000"));
        QCOMPARE(plan.queries[0].legendFormat, QStringLiteral("{{instance}}"));
    }

    void scrapeAndMinIntervalBoundTheStep()
    {
        Panel panel;
        panel.targets = {{QStringLiteral("A"), QStringLiteral("up")}};
        const ResolvedRange range{0, 600'000};
        QCOMPARE(planPanelQueries(panel, range, 2000, {}, 15000).stepMs, 15000);
        panel.minInterval = QStringLiteral("1m");
        QCOMPARE(planPanelQueries(panel, range, 2000, {}, 15000).stepMs, 60000);
        panel.minInterval.clear();
        panel.maxDataPoints = 11; // 600 s over 10 gaps: 60 s
        QCOMPARE(planPanelQueries(panel, range, 2000, {}, 1000).stepMs, 60000);
    }

    void targetIntervalMakesOnlyThatTargetCoarser()
    {
        Panel panel;
        panel.targets = {
            {QStringLiteral("A"), QStringLiteral("a")},
            {QStringLiteral("B"), QStringLiteral("b[$__interval]"), {}, false, false, QStringLiteral("5m")}};
        const PanelQueryPlan plan = planPanelQueries(panel, {0, 3'600'000}, 1000, {}, 15000);
        QCOMPARE(plan.queries[0].stepMs, 15000);
        QCOMPARE(plan.queries[1].stepMs, 300000);
        QCOMPARE(plan.queries[1].expr, QStringLiteral("b[5m]"));
    }

    void hiddenAndEmptyTargetsAreLeftOut()
    {
        Panel panel;
        Target hidden{QStringLiteral("A"), QStringLiteral("up")};
        hidden.hidden = true;
        panel.targets = {
            hidden, {QStringLiteral("B"), QStringLiteral("  ")}, {QStringLiteral("C"), QStringLiteral("x")}};
        const PanelQueryPlan plan = planPanelQueries(panel, {0, 60'000}, 100, {});
        QCOMPARE(plan.queries.size(), 1);
        QCOMPARE(plan.queries[0].refId, QStringLiteral("C"));
    }

    void variablesAreInterpolated()
    {
        Variable job;
        job.name = QStringLiteral("job");
        job.kind = VariableKind::Custom;
        job.multi = true;
        job.options = {{QStringLiteral("node"), QStringLiteral("node")},
                       {QStringLiteral("a.b"), QStringLiteral("a.b")}};
        job.current = {QStringLiteral("node"), QStringLiteral("a.b")};
        Panel panel;
        panel.targets = {{QStringLiteral("A"), QStringLiteral("up{job=~\"$job\"}")}};
        const PanelQueryPlan plan = planPanelQueries(panel, {0, 60'000}, 100, {job});
        QCOMPARE(plan.queries[0].expr, QStringLiteral("up{job=~\"(node|a\\\\.b)\"}"));
    }

    void legendNamesTheSeries()
    {
        std::vector<wf::signalstore::SeriesSet> series(2);
        series[0].labels = {{QStringLiteral("__name__"), QStringLiteral("up")},
                            {QStringLiteral("instance"), QStringLiteral("h:9100")}};
        series[1].labels = {{QStringLiteral("instance"), QStringLiteral("g:9100")}};
        auto named = series;
        applyLegend(named, QStringLiteral("{{instance}} up"));
        QCOMPARE(named[0].labels.size(), 1);
        QCOMPARE(named[0].labels[0].second, QStringLiteral("h:9100 up"));
        QCOMPARE(named[1].labels[0].second, QStringLiteral("g:9100 up"));
        applyLegend(series, {});
        QCOMPARE(series[0].labels[0].second, QStringLiteral("up{instance=\"h:9100\"}"));
    }

    void thresholdsConvert()
    {
        Thresholds t;
        t.mode = ThresholdMode::Percentage;
        t.steps = {{std::nullopt, QStringLiteral("green")}, {80.0, QStringLiteral("red")}};
        const wf::analysis::Thresholds a = toAnalysisThresholds(t);
        QCOMPARE(a.mode, wf::analysis::Thresholds::Mode::Percentage);
        QCOMPARE(a.steps.size(), 2);
        QVERIFY(std::isinf(a.steps[0].value) && a.steps[0].value < 0);
        QCOMPARE(a.steps[1].value, 80.0);
        QCOMPARE(a.stepIndexFor(90, 0, 100), 1);
    }
};

QTEST_GUILESS_MAIN(TestPanelQueryPlan)
#include "tst_panelqueryplan.moc"
