#include "SnapshotCharts.h"

#include "charts/TimeSeriesChart.h"
#include "incident/TimelineText.h"

#include <QApplication>
#include <QBuffer>
#include <QStyle>

namespace wf::ui {

QList<incident::PostmortemData::Chart> renderSnapshotCharts(const incident::PostmortemData& data, QSize size)
{
    QList<ChartAnnotation> annotations;
    for (const incident::TimelineEvent& e : data.events) {
        if (incident::isChartMoment(e.kind))
            annotations << ChartAnnotation{e.atMs, incident::describeEvent(e)};
    }
    QList<incident::PostmortemData::Chart> out;
    for (const incident::PanelSnapshot& s : data.snapshots) {
        TimeSeriesChart chart;
        chart.setPalette(QApplication::style()->standardPalette());
        chart.setAttribute(Qt::WA_DontShowOnScreen);
        chart.resize(size);
        chart.setValueFormat({s.unit, s.scale, s.decimals});
        chart.setSeries(s.series, s.dataExtentMs().first * 1'000'000, s.dataExtentMs().second * 1'000'000);
        chart.setAnnotations(annotations);
        chart.show(); // lays out the chart view; never on screen
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (chart.grab().toImage().save(&buffer, "PNG"))
            out << incident::PostmortemData::Chart{s.title, png};
    }
    return out;
}

} // namespace wf::ui
