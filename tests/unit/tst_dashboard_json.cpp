// Recognising dashboard files and refusing hostile or malformed ones with a clear message: size and
// depth limits, wrong JSON types, non-dashboards, newer Watchfloor formats.

#include "dashboard/DashboardFormat.h"
#include "dashboard/GrafanaImport.h"
#include "dashboard/WatchfloorJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;

class TestDashboardJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsFormats_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<DashboardFormat>("format");
        QTest::newRow("grafana panels")
            << QByteArray(R"json({"panels": []})json") << DashboardFormat::Grafana;
        QTest::newRow("grafana old rows")
            << QByteArray(R"json({"rows": []})json") << DashboardFormat::Grafana;
        QTest::newRow("grafana schemaVersion")
            << QByteArray(R"json({"schemaVersion": 39})json") << DashboardFormat::Grafana;
        QTest::newRow("grafana api wrapper")
            << QByteArray(R"json({"dashboard": {"panels": []}, "meta": {}})json") << DashboardFormat::Grafana;
        QTest::newRow("perses") << QByteArray(R"json({"kind": "Dashboard", "spec": {}})json")
                                << DashboardFormat::Perses;
        QTest::newRow("watchfloor") << QByteArray(R"json({"watchfloorDashboard": 1})json")
                                    << DashboardFormat::Watchfloor;
        QTest::newRow("perses other kind")
            << QByteArray(R"json({"kind": "Project", "spec": {}})json") << DashboardFormat::NotADashboard;
        QTest::newRow("panels not an array")
            << QByteArray(R"json({"panels": "x"})json") << DashboardFormat::NotADashboard;
        QTest::newRow("other json") << QByteArray(R"json({"name": "package.json"})json")
                                    << DashboardFormat::NotADashboard;
    }

    void detectsFormats()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(DashboardFormat, format);
        const DetectedDashboard d = detectDashboardFormat(bytes);
        QCOMPARE(d.format, format);
        QCOMPARE(d.error.isEmpty(), format != DashboardFormat::NotADashboard);
    }

    void clearErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
        QTest::newRow("truncated") << QByteArray(R"json({"panels": [)json") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[1, 2]") << u"JSON array"_s;
        QTest::newRow("bad yaml") << QByteArray("kind: [unclosed\n")
                                  << u"neither valid JSON nor valid YAML"_s;
        QTest::newRow("yaml list") << QByteArray("---\n- a\n- b\n") << u"does not hold a mapping"_s;
        QByteArray bomb("kind: Dashboard\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; ++c) {
            const char prev = char(c - 1);
            bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += QByteArray(i ? ", *" : "*") + QByteArray(1, prev);
            bomb += "]\n";
        }
        QTest::newRow("yaml alias bomb") << bomb << u"expands to more than"_s;
        QTest::newRow("not a dashboard")
            << QByteArray(R"json({"a": 1})json") << u"not a Grafana, Perses or Watchfloor"_s;
        QByteArray deep = QByteArray(200, '[') + QByteArray(200, ']');
        QTest::newRow("deep nesting") << deep << u"more than 64 levels"_s;
        // Brackets inside strings do not count as nesting.
        QTest::newRow("brackets in strings are fine")
            << (QByteArray(R"json({"title": ")json") + QByteArray(500, '[') +
                QByteArray(R"json(", "x": 1})json"))
            << u"not a Grafana"_s;
        QByteArray big(kMaxDashboardBytes + 1, ' ');
        QTest::newRow("too large") << big << u"larger than 16 MB"_s;
    }

    void clearErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        const ImportResult r = importDashboard(bytes);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    }

    void persesYaml()
    {
        QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") +
                u"/tests/data/dashboards/perses-small.yaml"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(detectDashboardFormat(bytes).format, DashboardFormat::Perses);
        const ImportResult r = importDashboard(bytes);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.dashboard.title, u"API latency"_s);
        QCOMPARE(r.dashboard.time.from, u"now-30m"_s);
        QCOMPARE(r.dashboard.refresh, u"1m"_s);
        QCOMPARE(r.dashboard.panels.size(), 1);
        const Panel& p = r.dashboard.panels[0];
        QCOMPARE(p.unit, u"s"_s);
        QCOMPARE(p.min, std::optional<double>(0));
        QCOMPARE(p.gridPos, (GridPos{0, 0, 24, 8}));
        QVERIFY(p.targets[0].expr.startsWith(u"histogram_quantile(0.95"));
        QCOMPARE(p.targets[0].legendFormat, u"{{service}}"_s);
        QCOMPARE(r.dashboard.variables[0].query,
                 u"label_values(http_requests_total{job=\"api\"}, service)"_s);
        QCOMPARE(r.dashboard.variables[1].query, u"01"_s); // quoted: stays a string
        QVERIFY(r.report.issues.isEmpty());
    }

    void wrongTypesDoNotCrashAndAreReported()
    {
        const ImportResult r = importDashboard(QByteArray(R"json({
            "schemaVersion": 30, "title": 5, "tags": "x", "time": [], "refresh": false,
            "templating": {"list": [7, {"type": "query", "name": "ok", "query": 3},
                                    {"type": "query", "name": "bad name!"}]},
            "panels": [1, "x", null, {"type": "row", "panels": "nope"},
                       {"type": "timeseries", "title": "T", "gridPos": "x", "targets": {"expr": "up"},
                        "fieldConfig": {"defaults": {"unit": 5, "min": "low", "thresholds": {"steps": "x"},
                                                     "custom": {"drawStyle": "sparkles"}}}}]})json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.dashboard.title, u"Imported Grafana dashboard"_s);
        QCOMPARE(r.dashboard.time, TimeRange{});
        QVERIFY(r.dashboard.refresh.isEmpty());
        QCOMPARE(r.dashboard.panels.size(), 1);
        const Panel& t = r.dashboard.panels[0];
        QCOMPARE(t.gridPos, GridPos{});
        QVERIFY(t.targets.isEmpty());
        QVERIFY(!t.min);
        QCOMPARE(t.drawStyle, DrawStyle::Lines);
        QCOMPARE(r.dashboard.variables.size(), 1);
        int notObjects = 0;
        for (const ImportIssue& i : r.report.issues)
            notObjects += i.why.contains(u"not an object");
        QCOMPARE(notObjects, 3);
    }

    void limitsOnCounts()
    {
        QJsonArray panels;
        for (int i = 0; i < kMaxImportedPanels + 20; ++i)
            panels.append(
                QJsonObject{{u"type"_s, u"stat"_s}, {u"title"_s, u"p%1"_s.arg(i)}, {u"id"_s, i + 1}});
        const ImportResult r =
            importDashboard(QJsonDocument(QJsonObject{{u"panels"_s, panels}}).toJson(QJsonDocument::Compact));
        QCOMPARE(r.dashboard.panels.size(), kMaxImportedPanels);
        QCOMPARE(r.report.panelsNotImported, 20);
    }

    void newerWatchfloorFormatIsRefused()
    {
        const ImportResult r =
            importDashboard(QByteArray(R"json({"watchfloorDashboard": 2, "title": "future"})json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"newer Watchfloor"), qPrintable(r.error));
        QVERIFY(!importDashboard(QByteArray(R"json({"watchfloorDashboard": "1"})json")).ok());
    }

    void watchfloorRoundTripOfEveryField()
    {
        Dashboard d;
        d.uid = u"u1"_s;
        d.title = u"All fields"_s;
        d.description = u"desc"_s;
        d.tags = {u"a"_s, u"b"_s};
        d.time = TimeRange{u"now-1d/d"_s, u"now/d"_s};
        d.refresh = u"1m"_s;
        Panel p;
        p.id = 3;
        p.type = PanelType::Heatmap;
        p.title = u"H"_s;
        p.description = u"d"_s;
        p.gridPos = {1, 2, 3, 4};
        p.targets = {Target{u"A"_s, u"up"_s, u"{{job}}"_s, true, true, u"30s"_s, {u"p"_s, u"prometheus"_s}}};
        p.datasource = {u"p"_s, u"prometheus"_s};
        p.unit = u"bytes"_s;
        p.decimals = 2;
        p.min = -1.5;
        p.max = 99;
        p.thresholds = {ThresholdMode::Percentage, {{std::nullopt, u"green"_s}, {80.0, u"red"_s}}};
        p.drawStyle = DrawStyle::Points;
        p.stacking = Stacking::Percent;
        p.logBase = 2;
        p.legendCalcs = {LegendCalc::Last, LegendCalc::Min};
        p.minInterval = u"1m"_s;
        p.maxDataPoints = 300;
        Panel text;
        text.id = 4;
        text.type = PanelType::Text;
        text.textContent = u"# hi"_s;
        d.panels = {p};
        d.rows = {Row{5, u"R"_s, true, 6, {text}}};
        Variable v;
        v.name = u"x"_s;
        v.label = u"X"_s;
        v.kind = VariableKind::Interval;
        v.query = u"1m,5m"_s;
        v.regex = u"/a/"_s;
        v.multi = v.includeAll = v.hidden = true;
        v.allValue = u".*"_s;
        v.datasourceUid = u"p"_s;
        v.options = {{u"1m"_s, u"1m"_s}};
        v.current = {u"$__all"_s};
        d.variables = {v};
        const ImportResult r = importDashboard(exportDashboard(d));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.dashboard, d);
        QCOMPARE(r.report.panelsImported, 2);
    }
};

QTEST_GUILESS_MAIN(TestDashboardJson)
#include "tst_dashboard_json.moc"
