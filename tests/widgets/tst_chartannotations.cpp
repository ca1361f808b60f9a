// Incident moments on the charts: markers only inside the shown time range, not counted as data lines
// nor shown in the legend, following the range as it moves; only chart-worthy timeline kinds qualify.

#include "charts/TimeSeriesChart.h"
#include "incident/TimelineText.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

signalstore::SeriesSet line(const QString& service, qint64 fromNs)
{
    signalstore::SeriesSet s;
    s.labels = {{u"service.name"_s, service}};
    for (int i = 0; i < 10; ++i) {
        s.timesNs.push_back(fromNs + i * 1'000'000'000LL);
        s.values.push_back(i);
    }
    return s;
}

} // namespace

class TestChartAnnotations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markersFollowTheTimeRange()
    {
        const qint64 t0 = 1'800'000'000'000'000'000LL;
        ui::TimeSeriesChart chart;
        chart.setSeries({line(u"payments"_s, t0)}, t0, t0 + 10'000'000'000LL);
        const qint64 ms0 = t0 / 1'000'000;
        chart.setAnnotations({{ms0 + 2000, u"Declared SEV2"_s},
                              {ms0 + 5000, u"Status Investigating → Mitigated"_s},
                              {ms0 + 60'000, u"later"_s}});
        QCOMPARE(chart.visibleAnnotationCount(), 2);
        QCOMPARE(chart.lineCount(), 1); // markers are not data lines
        QCOMPARE(chart.lineNames(), QStringList{u"payments"_s});
        if (const QString out = qEnvironmentVariable("WF_SHOT"); !out.isEmpty()) {
            chart.resize(700, 300);
            chart.grab().save(out);
        }

        // The window moves on: the first two fall out, the third comes in.
        chart.setSeries({line(u"payments"_s, t0 + 55'000'000'000LL)}, t0 + 55'000'000'000LL,
                        t0 + 65'000'000'000LL);
        QCOMPARE(chart.visibleAnnotationCount(), 1);
        chart.setAnnotations({});
        QCOMPARE(chart.visibleAnnotationCount(), 0);
    }

    void onlyMomentsAreDrawn()
    {
        using incident::EventKind;
        QVERIFY(incident::isChartMoment(EventKind::Declared));
        QVERIFY(incident::isChartMoment(EventKind::StatusChange));
        QVERIFY(incident::isChartMoment(EventKind::RunbookStepFinished));
        QVERIFY(!incident::isChartMoment(EventKind::Note));
        QVERIFY(!incident::isChartMoment(EventKind::RoleChange));
        QVERIFY(!incident::isChartMoment(EventKind::RunbookStepStarted)); // its finish is drawn
    }
};

QTEST_MAIN(TestChartAnnotations)
#include "tst_chartannotations.moc"
