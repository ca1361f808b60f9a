// Grafana dashboard import: the Node Exporter Full style file written for this test (every panel is
// imported or reported, with the options Watchfloor draws carried over), the old "rows" schema,
// library panels, data source placeholders and mixed data sources.

#include "DashboardTestData.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/GrafanaImport.h"
#include "dashboard/GridLayout.h"
#include "dashboard/WatchfloorJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;
using dashboardtest::findPanel;

namespace {

QStringList panelTitles(const QJsonArray& panels)
{
    QStringList out;
    for (const QJsonValue& v : panels) {
        const QJsonObject p = v.toObject();
        if (p.value(u"type").toString() == u"row")
            out << panelTitles(p.value(u"panels").toArray());
        else
            out << (p.contains(u"title") ? p.value(u"title").toString()
                                         : p.value(u"libraryPanel").toObject().value(u"name").toString());
    }
    return out;
}

bool reportHas(const ImportReport& report, const QString& panel, const QString& whatContains)
{
    return std::any_of(report.issues.cbegin(), report.issues.cend(), [&](const ImportIssue& i) {
        return i.panel == panel && i.what.contains(whatContains);
    });
}

ImportResult importJson(const char* json)
{
    return importDashboard(QByteArray(json));
}

} // namespace

class TestGrafanaImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_bytes = dashboardtest::readDashboardFile(u"node-exporter-full.json"_s);
        m_result = importDashboard(m_bytes);
        QVERIFY2(m_result.ok(), qPrintable(m_result.error));
        qInfo().noquote() << m_result.report.toText();
    }

    void everyPanelIsImportedOrReported()
    {
        const QStringList titles =
            panelTitles(QJsonDocument::fromJson(m_bytes).object().value(u"panels").toArray());
        QCOMPARE(titles.size(), 21);
        for (const QString& title : titles) {
            QString why;
            QVERIFY2(dashboardtest::importedOrReported(m_result, title, &why), qPrintable(why));
        }
        QCOMPARE(m_result.report.panelsImported + m_result.report.panelsNotImported, titles.size());
        QCOMPARE(m_result.report.panelsNotImported, 2); // the pie chart plugin and the library panel
        QCOMPARE(m_result.report.format, u"Grafana"_s);
    }

    void dashboardFields()
    {
        const Dashboard& d = m_result.dashboard;
        QCOMPARE(d.title, u"Node Exporter Full (Watchfloor test)"_s);
        QCOMPARE(d.uid, u"rYdddlPWk-wf"_s);
        QCOMPARE(d.tags, (QStringList{u"linux"_s, u"node-exporter"_s}));
        QCOMPARE(d.time, (TimeRange{u"now-24h"_s, u"now"_s}));
        QCOMPARE(d.refresh, u"30s"_s);
        QCOMPARE(d.rows.size(), 4);
        QCOMPARE(d.rows[1].title, u"Basic CPU / Mem / Net / Disk"_s);
        const Row& disk = d.rows[2];
        QCOMPARE(disk.title, u"Storage Disk"_s);
        QVERIFY(disk.collapsed);
        QCOMPARE(disk.panels.size(), 3);
        QVERIFY(reportHas(m_result.report, QString(), u"dashboard links"_s));
    }

    void rowsOfTheNewSchema()
    {
        // Expanded rows own the panels below them; the collapsed one carries its own.
        const Dashboard& d = m_result.dashboard;
        QCOMPARE(d.rows[3].title, u"Storage Filesystem"_s);
        QCOMPARE(d.rows[3].y, 21);
        QVERIFY(!d.rows[3].collapsed);
        QCOMPARE(d.rowOf(*d.panel(findPanel(d, u"Filesystems"_s)->id))->title, u"Storage Filesystem"_s);
        QCOMPARE(d.rowOf(*d.panel(findPanel(d, u"CPU Basic"_s)->id))->title,
                 u"Basic CPU / Mem / Net / Disk"_s);
        QCOMPARE(d.rowOf(*d.panel(findPanel(d, u"CPU Busy"_s)->id))->title, u"Quick CPU / Mem / Disk"_s);
        QVERIFY(!d.panel(findPanel(d, u"Disk IOps Completed"_s)->id)); // not on the grid while collapsed
    }

    void variables()
    {
        const Dashboard& d = m_result.dashboard;
        QCOMPARE(d.variables.size(), 3); // the datasource variable is reported, not imported
        QVERIFY(reportHas(m_result.report, QString(), u"variable datasource"_s));
        const Variable& job = d.variables[0];
        QCOMPARE(job.name, u"job"_s);
        QCOMPARE(job.kind, VariableKind::Query);
        QCOMPARE(job.query, u"label_values(node_uname_info, job)"_s);
        QCOMPARE(job.current, QStringList{u"node"_s});
        QCOMPARE(job.label, u"Job"_s);
        const Variable& node = d.variables[1];
        QCOMPARE(node.query, u"label_values(node_uname_info{job=\"$job\"}, instance)"_s);
        const Variable& disks = d.variables[2];
        QCOMPARE(disks.kind, VariableKind::Custom);
        QVERIFY(disks.hidden);
        QCOMPARE(disks.options.size(), 1);
    }

    void gaugeAndStatOptions()
    {
        const Panel* cpu = findPanel(m_result.dashboard, u"CPU Busy"_s);
        QVERIFY(cpu);
        QCOMPARE(cpu->type, PanelType::Gauge);
        QCOMPARE(cpu->unit, u"percent"_s);
        QCOMPARE(cpu->min, std::optional<double>(0));
        QCOMPARE(cpu->max, std::optional<double>(100));
        QCOMPARE(cpu->decimals, std::optional<int>(1));
        QCOMPARE(cpu->description, u"Busy state of all CPU cores together"_s);
        QCOMPARE(cpu->thresholds.steps.size(), 3);
        QVERIFY(!cpu->thresholds.steps[0].value);
        QCOMPARE(cpu->thresholds.steps[1], (ThresholdStep{85.0, u"#EAB839"_s}));
        QCOMPARE(cpu->targets.size(), 1);
        QVERIFY(cpu->targets[0].instant);
        QVERIFY(cpu->targets[0].expr.contains(u"[$__rate_interval]"));
        QCOMPARE(cpu->gridPos, (GridPos{0, 1, 4, 4}));

        const Panel* fs = findPanel(m_result.dashboard, u"Root FS Used"_s);
        QCOMPARE(fs->type, PanelType::BarGauge);
        QCOMPARE(fs->thresholds.mode, ThresholdMode::Percentage);
        const Panel* uptime = findPanel(m_result.dashboard, u"Uptime"_s);
        QCOMPARE(uptime->type, PanelType::Stat);
        QCOMPARE(uptime->unit, u"s"_s);
        QVERIFY(reportHas(m_result.report, u"RAM Total"_s, u"panel links"_s));
    }

    void timeSeriesOptions()
    {
        const Panel* cpu = findPanel(m_result.dashboard, u"CPU Basic"_s);
        QCOMPARE(cpu->type, PanelType::TimeSeries);
        QCOMPARE(cpu->stacking, Stacking::Percent);
        QCOMPARE(cpu->legendCalcs, (QList<LegendCalc>{LegendCalc::Mean, LegendCalc::Max, LegendCalc::Last}));
        QCOMPARE(cpu->targets.size(), 4);
        QCOMPARE(cpu->targets[1].legendFormat, u"Busy User"_s);
        QCOMPARE(cpu->targets[1].refId, u"B"_s);
        QVERIFY(cpu->targets[3].hidden);
        QCOMPARE(cpu->targets[0].datasource.type, u"prometheus"_s);
        QVERIFY(cpu->targets[0].datasource.uid.isEmpty()); // ${DS_PROMETHEUS}: the workspace default

        const Panel* mem = findPanel(m_result.dashboard, u"Memory Basic"_s);
        QCOMPARE(mem->stacking, Stacking::Normal);
        QCOMPARE(mem->legendCalcs.size(), 4);
        QVERIFY(reportHas(m_result.report, u"Memory Basic"_s, u"field overrides"_s));

        const Panel* net = findPanel(m_result.dashboard, u"Network Traffic Basic"_s);
        QCOMPARE(net->minInterval, u"15s"_s);
        QCOMPARE(net->maxDataPoints, 600);
        QCOMPARE(net->targets[0].legendFormat, u"recv {{device}}"_s);
        QCOMPARE(findPanel(m_result.dashboard, u"Disk Space Used Basic"_s)->drawStyle, DrawStyle::Points);

        const Panel* iops = findPanel(m_result.dashboard, u"Disk IOps Completed"_s);
        QCOMPARE(iops->drawStyle, DrawStyle::Bars);
        QCOMPARE(iops->logBase, 10);
        QCOMPARE(findPanel(m_result.dashboard, u"I/O Usage Read / Write"_s)->logBase, 2);
        QCOMPARE(findPanel(m_result.dashboard, u"Disk Read Latency Histogram"_s)->type, PanelType::Heatmap);
    }

    void textTableAndWhatIsNotImported()
    {
        const Panel* text = findPanel(m_result.dashboard, u"About this dashboard"_s);
        QCOMPARE(text->type, PanelType::Text);
        QVERIFY(text->textContent.startsWith(u"# Node Exporter Full"));
        QVERIFY(text->targets.isEmpty());

        const Panel* table = findPanel(m_result.dashboard, u"Filesystems"_s);
        QCOMPARE(table->type, PanelType::Table);
        QCOMPARE(table->targets.size(), 2);
        QVERIFY(reportHas(m_result.report, u"Filesystems"_s, u"transformations"_s));

        const Panel* pie = findPanel(m_result.dashboard, u"Filesystem Share"_s);
        QCOMPARE(pie->type, PanelType::Unknown);
        QCOMPARE(pie->gridPos, (GridPos{16, 22, 8, 8})); // the placeholder keeps its place
        QVERIFY(reportHas(m_result.report, u"Filesystem Share"_s, u"panel type grafana-piechart-panel"_s));

        const Panel* logs = findPanel(m_result.dashboard, u"System Log"_s);
        QCOMPARE(logs->type, PanelType::Logs);
        QVERIFY(logs->targets.isEmpty());
        QVERIFY(reportHas(m_result.report, u"System Log"_s, u"target A"_s));

        QVERIFY(reportHas(m_result.report, u"Pressure (repeated per CPU)"_s, u"repeat by cpu"_s));
        QVERIFY(reportHas(m_result.report, u"Context Switches (library)"_s, u"library panel"_s));
    }

    void importedGridHasNoOverlaps()
    {
        const QList<GridItem> items = gridItems(m_result.dashboard);
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j)
                QVERIFY2(!collides(items[i].pos, items[j].pos), qPrintable(QString::number(items[i].id)));
        }
    }

    void roundTripsThroughWatchfloorJson()
    {
        const QByteArray exported = exportDashboard(m_result.dashboard);
        QCOMPARE(detectDashboardFormat(exported).format, DashboardFormat::Watchfloor);
        const ImportResult again = importDashboard(exported);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QVERIFY(again.report.issues.isEmpty());
        QCOMPARE(again.dashboard, m_result.dashboard);
        QCOMPARE(exportDashboard(again.dashboard), exported);
    }

    void oldRowsSchema()
    {
        const ImportResult r = importJson(R"json({
          "schemaVersion": 14, "title": "Old",
          "rows": [
            {"title": "First", "height": "300px", "panels": [
              {"id": 1, "type": "graph", "title": "A", "span": 6, "bars": true, "lines": false, "stack": true,
               "yaxes": [{"format": "bytes", "logBase": 2, "min": "0"}, {}],
               "legend": {"min": true, "avg": true},
               "targets": [{"expr": "up", "refId": "A"}]},
              {"id": 2, "type": "singlestat", "title": "B", "span": 6, "format": "s",
               "targets": [{"expr": "time()"}]},
              {"id": 3, "type": "table", "title": "C", "span": 4, "targets": [{"expr": "up"}]}]},
            {"title": "Second", "collapse": true, "height": 250, "panels": [
              {"id": 4, "type": "text", "title": "D", "span": 12, "mode": "html", "content": "<b>x</b>"}]}
          ]})json");
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Dashboard& d = r.dashboard;
        QCOMPARE(d.rows.size(), 2);
        QCOMPARE(d.rows[0].title, u"First"_s);
        QCOMPARE(d.rows[0].y, 0);
        const Panel* a = findPanel(d, u"A"_s);
        QCOMPARE(a->type, PanelType::TimeSeries);
        QCOMPARE(a->gridPos, (GridPos{0, 1, 12, 10})); // span 6 -> 12 columns, 300 px -> 10 rows
        QCOMPARE(a->drawStyle, DrawStyle::Bars);
        QCOMPARE(a->stacking, Stacking::Normal);
        QCOMPARE(a->unit, u"bytes"_s);
        QCOMPARE(a->logBase, 2);
        QCOMPARE(a->min, std::optional<double>(0));
        QCOMPARE(a->legendCalcs, (QList<LegendCalc>{LegendCalc::Min, LegendCalc::Mean}));
        QCOMPARE(findPanel(d, u"B"_s)->gridPos, (GridPos{12, 1, 12, 10}));
        QCOMPARE(findPanel(d, u"B"_s)->unit, u"s"_s);
        QCOMPARE(findPanel(d, u"C"_s)->gridPos, (GridPos{0, 11, 8, 10})); // wrapped to a new line
        QCOMPARE(d.rows[1].y, 21);
        QVERIFY(d.rows[1].collapsed);
        QCOMPARE(d.rows[1].panels.size(), 1);
        QCOMPARE(d.rows[1].panels[0].textContent, u"<b>x</b>"_s);
        QVERIFY(reportHas(r.report, u"D"_s, u"HTML"_s));
        QCOMPARE(r.report.panelsImported, 4);
    }

    void libraryPanelsFromElements()
    {
        const ImportResult r = importJson(R"json({
          "__elements": {"lib-1": {"uid": "lib-1", "name": "Shared CPU", "kind": 1,
             "model": {"type": "stat", "title": "Shared CPU", "targets": [{"expr": "sum(up)", "refId": "A"}],
                       "fieldConfig": {"defaults": {"unit": "short"}}}}},
          "schemaVersion": 39,
          "panels": [{"id": 7, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
                      "libraryPanel": {"uid": "lib-1", "name": "Shared CPU"}}]})json");
        QVERIFY(r.ok());
        const Panel* p = findPanel(r.dashboard, u"Shared CPU"_s);
        QVERIFY(p);
        QCOMPARE(p->type, PanelType::Stat);
        QCOMPARE(p->id, 7);
        QCOMPARE(p->gridPos, (GridPos{0, 0, 6, 4}));
        QCOMPARE(p->targets[0].expr, u"sum(up)"_s);
        QVERIFY(r.report.issues.isEmpty());
    }

    void datasourceForms()
    {
        // In a file: moc's parser trips over this JSON as a raw string literal.
        const ImportResult r =
            importDashboard(dashboardtest::readDashboardFile(u"grafana-datasources.json"_s));
        QVERIFY(r.ok());
        const Panel* mixed = findPanel(r.dashboard, u"Mixed"_s);
        QStringList refs;
        for (const Target& t : mixed->targets)
            refs << t.refId + u'=' + t.datasource.uid;
        QCOMPARE(refs, (QStringList{u"A=p1"_s, u"D="_s, u"E=My Prometheus"_s}));
        QVERIFY(reportHas(r.report, u"Mixed"_s, u"target B"_s));
        QVERIFY(reportHas(r.report, u"Mixed"_s, u"target C"_s)); // ${DS_LOGS} is a Loki input
        QVERIFY(reportHas(r.report, u"Mixed"_s, u"target F"_s)); // no PromQL
        QCOMPARE(findPanel(r.dashboard, u"Legacy"_s)->targets.size(), 1);
    }

    void apiWrapperAndDuplicateIds()
    {
        const ImportResult r =
            importJson(R"json({"meta": {"slug": "x"}, "dashboard": {"title": "Wrapped", "panels": [
            {"id": 3, "type": "stat", "title": "One", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 3}},
            {"id": 3, "type": "stat", "title": "Two", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 3}}]}})json");
        QVERIFY(r.ok());
        QCOMPARE(r.dashboard.title, u"Wrapped"_s);
        QCOMPARE(r.dashboard.panels.size(), 2);
        QVERIFY(r.dashboard.panels[0].id != r.dashboard.panels[1].id);
    }

private:
    QByteArray m_bytes;
    ImportResult m_result;
};

QTEST_GUILESS_MAIN(TestGrafanaImport)
#include "tst_grafanaimport.moc"
