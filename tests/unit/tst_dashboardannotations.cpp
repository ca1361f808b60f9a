// Annotations for dashboard charts: PromQL annotation queries (non-zero steps become points and
// regions), incident timelines (declared-to-resolved regions, moments, deploy notes), Grafana's
// annotations.list imported, and the queries surviving Watchfloor JSON.

#include "dashboard/Annotations.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/WatchfloorJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace wf;
using namespace wf::dashboard;

namespace {

constexpr qint64 kStepMs = 60'000;
constexpr qint64 kT0 = 1'700'000'000'000;

signalstore::SeriesSet series(const QString& version, const QList<double>& values)
{
    signalstore::SeriesSet s;
    s.labels = {{u"__name__"_s, u"deploys"_s}, {u"version"_s, version}};
    for (int i = 0; i < values.size(); ++i) {
        s.timesNs.push_back((kT0 + i * kStepMs) * 1'000'000);
        s.values.push_back(values.at(i));
    }
    return s;
}

incident::TimelineEvent timelineEvent(incident::EventKind kind, qint64 atMs, const QJsonObject& payload)
{
    incident::TimelineEvent e;
    e.kind = kind;
    e.atMs = atMs;
    e.payload = payload;
    return e;
}

} // namespace

class TestDashboardAnnotations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonZeroRunsBecomeRegionsAndPoints()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        AnnotationQuery q;
        q.name = u"Deploys"_s;
        q.titleFormat = u"deploy {{version}}"_s;
        // 0 1 1 1 0 2 0 NaN 3: a region over steps 1-3, points at 5 and 8.
        const auto out = annotationsFromSeries({series(u"v2"_s, {0, 1, 1, 1, 0, 2, 0, nan, 3})}, q, kStepMs);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0), (Annotation{kT0 + 1 * kStepMs, kT0 + 3 * kStepMs, u"deploy v2"_s}));
        QVERIFY(out.at(0).isRegion());
        QCOMPARE(out.at(1), (Annotation{kT0 + 5 * kStepMs, 0, u"deploy v2"_s}));
        QVERIFY(!out.at(1).isRegion());
        QCOMPARE(out.at(2).timeMs, kT0 + 8 * kStepMs);
    }

    void gapInSamplesSplitsARun()
    {
        AnnotationQuery q;
        signalstore::SeriesSet s = series(u"v1"_s, {1, 1});
        // A third sample five steps later: not the same run.
        s.timesNs.push_back((kT0 + 6 * kStepMs) * 1'000'000);
        s.values.push_back(1);
        const auto out = annotationsFromSeries({s}, q, kStepMs);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).endMs, kT0 + kStepMs);
        QCOMPARE(out.at(1).timeMs, kT0 + 6 * kStepMs);
        // Without a title format the text is the series' name (no query name given either).
        QCOMPARE(out.at(0).text, u"deploys{version=\"v1\"}"_s);
    }

    void textFormatAndLimit()
    {
        AnnotationQuery q;
        q.name = u"Alerts"_s;
        q.textFormat = u"{{version}}"_s;
        QList<double> alternating;
        for (int i = 0; i < 100; ++i)
            alternating << (i % 2);
        const auto out = annotationsFromSeries({series(u"v9"_s, alternating)}, q, kStepMs, 10);
        QCOMPARE(out.size(), 10);
        QCOMPARE(out.constFirst().text, u"Alerts: v9"_s);
        QCOMPARE(out.constFirst().timeMs, kT0 + kStepMs); // earliest kept
    }

    void timelineRegionAndMoments()
    {
        using incident::EventKind;
        const QList<incident::TimelineEvent> events = {
            timelineEvent(EventKind::Declared, kT0, {{u"title"_s, u"Checkout errors"_s}, {u"severity"_s, 2}}),
            timelineEvent(EventKind::Note, kT0 + 1000, {{u"text"_s, u"looking at the logs"_s}}),
            timelineEvent(EventKind::Note, kT0 + 2000, {{u"text"_s, u"Deployed payments v1.4.2"_s}}),
            timelineEvent(EventKind::RunbookStepFinished, kT0 + 3000, {{u"text"_s, u"pool reset"_s}}),
            timelineEvent(EventKind::StatusChange, kT0 + 9000,
                          {{u"from"_s, u"mitigated"_s}, {u"to"_s, u"resolved"_s}}),
        };
        const auto out = annotationsFromTimeline(events, kT0 + 60'000);
        QStringList texts;
        for (const Annotation& a : out)
            texts << a.text;
        // The plain note is not drawn; the deploy note is.
        QVERIFY(!texts.join(u'|').contains(u"looking at the logs"_s));
        QVERIFY(texts.join(u'|').contains(u"Deployed payments v1.4.2"_s));
        QVERIFY(texts.join(u'|').contains(u"pool reset"_s));
        const auto region =
            std::find_if(out.begin(), out.end(), [](const Annotation& a) { return a.isRegion(); });
        QVERIFY(region != out.end());
        QCOMPARE(region->timeMs, kT0);
        QCOMPARE(region->endMs, kT0 + 9000);
        QVERIFY(region->text.contains(u"Checkout errors"_s));
        QVERIFY(region->text.contains(u"resolved"_s));
    }

    void openIncidentRunsToNow()
    {
        const auto out = annotationsFromTimeline(
            {timelineEvent(incident::EventKind::Declared, kT0, {{u"title"_s, u"Slow search"_s}})},
            kT0 + 5000);
        const auto region =
            std::find_if(out.begin(), out.end(), [](const Annotation& a) { return a.isRegion(); });
        QVERIFY(region != out.end());
        QCOMPARE(region->endMs, kT0 + 5000);
        QVERIFY(region->text.contains(u"open"_s));
    }

    void inRangeKeepsOverlappingRegions()
    {
        const QList<Annotation> all = {
            {100, 0, u"a"_s}, {50, 150, u"r"_s}, {500, 0, u"late"_s}, {100, 0, u"a"_s}};
        const auto in = annotationsInRange(all, 120, 400);
        QCOMPARE(in, (QList<Annotation>{{50, 150, u"r"_s}}));
        QCOMPARE(annotationsInRange(all, 0, 1000).size(), 3); // duplicate dropped
    }

    void grafanaAnnotationsImported()
    {
        const QJsonObject root{
            {u"title"_s, u"Node"_s},
            {u"panels"_s, QJsonArray{}},
            {u"annotations"_s,
             QJsonObject{{u"list"_s,
                          QJsonArray{QJsonObject{{u"builtIn"_s, 1},
                                                 {u"name"_s, u"Annotations & Alerts"_s},
                                                 {u"datasource"_s, QJsonObject{{u"type"_s, u"grafana"_s}}}},
                                     QJsonObject{{u"name"_s, u"Deploys"_s},
                                                 {u"datasource"_s, QJsonObject{{u"type"_s, u"prometheus"_s},
                                                                               {u"uid"_s, u"prom1"_s}}},
                                                 {u"expr"_s, u"changes(build_info[2m]) > 0"_s},
                                                 {u"titleFormat"_s, u"{{version}}"_s},
                                                 {u"step"_s, u"60s"_s},
                                                 {u"enable"_s, true},
                                                 {u"iconColor"_s, u"red"_s}},
                                     QJsonObject{{u"name"_s, u"Restarts"_s},
                                                 {u"datasource"_s, QJsonObject{{u"type"_s, u"prometheus"_s}}},
                                                 {u"target"_s, QJsonObject{{u"expr"_s, u"resets(x[5m])"_s}}},
                                                 {u"enable"_s, false}},
                                     QJsonObject{{u"name"_s, u"Tickets"_s},
                                                 {u"datasource"_s, QJsonObject{{u"type"_s, u"loki"_s}}},
                                                 {u"expr"_s, u"{app=\"x\"}"_s}}}}}}};
        const ImportResult r = importDashboard(QJsonDocument(root).toJson());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.dashboard.annotations.size(), 2);
        const AnnotationQuery& deploys = r.dashboard.annotations.at(0);
        QCOMPARE(deploys.name, u"Deploys"_s);
        QCOMPARE(deploys.expr, u"changes(build_info[2m]) > 0"_s);
        QCOMPARE(deploys.titleFormat, u"{{version}}"_s);
        QCOMPARE(deploys.step, u"60s"_s);
        QCOMPARE(deploys.datasourceUid, u"prom1"_s);
        QVERIFY(deploys.enabled);
        QCOMPARE(r.dashboard.annotations.at(1).expr, u"resets(x[5m])"_s);
        QVERIFY(!r.dashboard.annotations.at(1).enabled);
        // The Loki one is reported by name; the built-in one is not mentioned.
        const QString report = r.report.toText();
        QVERIFY2(report.contains(u"Tickets"_s), qPrintable(report));
        QVERIFY(!report.contains(u"Annotations & Alerts"_s));

        // Watchfloor JSON keeps them.
        const ImportResult again = importDashboard(exportDashboard(r.dashboard));
        QVERIFY(again.ok());
        QCOMPARE(again.dashboard.annotations, r.dashboard.annotations);
    }
};

QTEST_GUILESS_MAIN(TestDashboardAnnotations)
#include "tst_dashboardannotations.moc"
