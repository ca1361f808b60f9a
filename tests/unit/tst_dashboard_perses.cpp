// Perses dashboard import: panels by plugin kind, Prometheus queries, Grid layouts with $ref as rows,
// list and text variables, duration and refresh; every panel imported or reported.

#include "DashboardTestData.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/GridLayout.h"
#include "dashboard/WatchfloorJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;
using dashboardtest::findPanel;

namespace {

bool reportHas(const ImportReport& report, const QString& panel, const QString& whatContains)
{
    return std::any_of(report.issues.cbegin(), report.issues.cend(), [&](const ImportIssue& i) {
        return i.panel == panel && i.what.contains(whatContains);
    });
}

} // namespace

class TestDashboardPerses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_bytes = dashboardtest::readDashboardFile(u"perses-node-overview.json"_s);
        QCOMPARE(detectDashboardFormat(m_bytes).format, DashboardFormat::Perses);
        m_result = importDashboard(m_bytes);
        QVERIFY2(m_result.ok(), qPrintable(m_result.error));
        qInfo().noquote() << m_result.report.toText();
    }

    void everyPanelIsImportedOrReported()
    {
        const QJsonObject panels =
            QJsonDocument::fromJson(m_bytes).object().value(u"spec").toObject().value(u"panels").toObject();
        QCOMPARE(panels.size(), 7);
        for (auto it = panels.begin(); it != panels.end(); ++it) {
            const QString title = it.value()
                                      .toObject()
                                      .value(u"spec")
                                      .toObject()
                                      .value(u"display")
                                      .toObject()
                                      .value(u"name")
                                      .toString();
            QString why;
            QVERIFY2(dashboardtest::importedOrReported(m_result, title, &why), qPrintable(why));
        }
        QCOMPARE(m_result.report.panelsImported, 6);
        QCOMPARE(m_result.report.panelsNotImported, 1);
        QCOMPARE(m_result.report.format, u"Perses"_s);
    }

    void dashboardFields()
    {
        const Dashboard& d = m_result.dashboard;
        QCOMPARE(d.uid, u"node-overview"_s);
        QCOMPARE(d.title, u"Node overview (Perses)"_s);
        QCOMPARE(d.time, (TimeRange{u"now-1h"_s, u"now"_s}));
        QCOMPARE(d.refresh, u"30s"_s);
    }

    void panels()
    {
        const Panel* cpu = findPanel(m_result.dashboard, u"CPU usage"_s);
        QCOMPARE(cpu->type, PanelType::TimeSeries);
        QCOMPARE(cpu->description, u"Non-idle CPU"_s);
        QCOMPARE(cpu->unit, u"percentunit"_s);
        QCOMPARE(cpu->decimals, std::optional<int>(1));
        QCOMPARE(cpu->max, std::optional<double>(1));
        QCOMPARE(cpu->stacking, Stacking::Normal);
        QCOMPARE(cpu->legendCalcs, (QList<LegendCalc>{LegendCalc::Mean, LegendCalc::Max, LegendCalc::Last}));
        QCOMPARE(cpu->thresholds.steps.size(), 3);
        QCOMPARE(cpu->thresholds.steps[2], (ThresholdStep{0.95, u"red"_s}));
        QCOMPARE(cpu->targets.size(), 1);
        QCOMPARE(cpu->targets[0].legendFormat, u"{{instance}}"_s);
        QCOMPARE(cpu->targets[0].datasource.uid, u"prom-main"_s);
        QCOMPARE(cpu->gridPos, (GridPos{0, 0, 12, 6}));

        QCOMPARE(findPanel(m_result.dashboard, u"Memory available"_s)->type, PanelType::Stat);
        QCOMPARE(findPanel(m_result.dashboard, u"Memory available"_s)->unit, u"bytes"_s);
        const Panel* load = findPanel(m_result.dashboard, u"Load"_s);
        QCOMPARE(load->type, PanelType::Gauge);
        QCOMPARE(load->max, std::optional<double>(8));
        QVERIFY(reportHas(m_result.report, u"Load"_s, u"calculation mean"_s));
        QCOMPARE(findPanel(m_result.dashboard, u"Notes"_s)->textContent,
                 u"## Runbook\n\nCheck **disk** first."_s);

        const Panel* net = findPanel(m_result.dashboard, u"Network"_s);
        QCOMPARE(net->unit, u"Bps"_s);
        QCOMPARE(net->targets.size(), 1); // the Loki query is reported
        QVERIFY(reportHas(m_result.report, u"Network"_s, u"query 2"_s));
        QVERIFY(reportHas(m_result.report, u"Network"_s, u"layout"_s)); // placed by no layout
    }

    void layoutsBecomeRows()
    {
        const Dashboard& d = m_result.dashboard;
        QCOMPARE(d.rows.size(), 2);
        QCOMPARE(d.rows[0].title, u"Details"_s);
        QCOMPARE(d.rows[0].y, 6);
        QVERIFY(!d.rows[0].collapsed);
        QCOMPARE(findPanel(d, u"Filesystems"_s)->gridPos, (GridPos{0, 7, 16, 8}));
        QCOMPARE(d.rows[1].title, u"Tracing"_s);
        QVERIFY(d.rows[1].collapsed);
        QCOMPARE(d.rows[1].y, 15);
        QCOMPARE(d.rows[1].panels.size(), 1);
        QCOMPARE(d.rows[1].panels[0].type, PanelType::Unknown);
        QVERIFY(reportHas(m_result.report, u"Slow traces"_s, u"panel type ScatterChart"_s));
        QVERIFY(reportHas(m_result.report, QString(), u"#/spec/panels/missing"_s));
        const QList<GridItem> items = gridItems(d);
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j)
                QVERIFY(!collides(items[i].pos, items[j].pos));
        }
    }

    void variables()
    {
        const QList<Variable>& v = m_result.dashboard.variables;
        QCOMPARE(v.size(), 4);
        QCOMPARE(v[0].query, u"label_values(node_uname_info, job)"_s);
        QCOMPARE(v[0].label, u"Job"_s);
        QCOMPARE(v[1].query, u"query_result(up{job=\"$job\"})"_s);
        QCOMPARE(v[1].regex, u"/instance=\"([^\"]*)\"/"_s);
        QVERIFY(v[1].multi);
        QVERIFY(v[1].includeAll);
        QCOMPARE(v[1].allValue, u".*"_s);
        QCOMPARE(v[2].kind, VariableKind::Custom);
        QCOMPARE(v[2].options, (QList<VariableOption>{{u"prod"_s, u"prod"_s}, {u"Staging"_s, u"stg"_s}}));
        QCOMPARE(parseCustomOptions(v[2].query), v[2].options);
        QCOMPARE(v[3].kind, VariableKind::Constant);
        QCOMPARE(v[3].query, u"eu-1"_s);
    }

    void roundTrip()
    {
        const ImportResult again = importDashboard(exportDashboard(m_result.dashboard));
        QVERIFY(again.ok());
        QCOMPARE(again.dashboard, m_result.dashboard);
    }

private:
    QByteArray m_bytes;
    ImportResult m_result;
};

QTEST_GUILESS_MAIN(TestDashboardPerses)
#include "tst_dashboard_perses.moc"
