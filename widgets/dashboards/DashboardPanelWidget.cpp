#include "DashboardPanelWidget.h"

#include "charts/TimeSeriesChart.h"
#include "dashboard/PanelQueryPlan.h"
#include "panels/BarGaugePanel.h"
#include "panels/GaugePanel.h"
#include "panels/HeatmapPanel.h"
#include "panels/StatPanel.h"
#include "panels/TablePanel.h"
#include "panels/TextPanel.h"
#include "theme/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

#include <limits>

namespace wf::ui {

namespace {

// Colours a status line for the current theme (read each time: the theme may have changed).
void colourStatus(QLabel* label, Semantic meaning)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, semanticColor(meaning, label->parentWidget()->palette()));
    label->setPalette(palette);
}

constexpr qint64 kNsPerMs = 1'000'000;

ValuePanelOptions valueOptions(const dashboard::Panel& panel)
{
    ValuePanelOptions o;
    o.unitId = panel.unit;
    o.decimals = panel.decimals.value_or(analysis::kAutoDecimals);
    if (!panel.thresholds.steps.isEmpty())
        o.thresholds = dashboard::toAnalysisThresholds(panel.thresholds);
    o.min = panel.min.value_or(std::numeric_limits<double>::quiet_NaN());
    o.max = panel.max.value_or(std::numeric_limits<double>::quiet_NaN());
    return o;
}

ChartOptions chartOptions(const dashboard::Panel& panel)
{
    ChartOptions o;
    o.style = panel.drawStyle == dashboard::DrawStyle::Bars     ? DrawStyle::Bars
              : panel.drawStyle == dashboard::DrawStyle::Points ? DrawStyle::Points
                                                                : DrawStyle::Lines;
    o.stacked = panel.stacking != dashboard::Stacking::None;
    o.logScale = panel.logBase > 0;
    if (!panel.thresholds.steps.isEmpty() && panel.thresholds.steps.size() > 1) {
        o.thresholds = dashboard::toAnalysisThresholds(panel.thresholds);
        o.thresholdStyle = ThresholdStyle::Lines;
    }
    o.legendStats = !panel.legendCalcs.isEmpty();
    return o;
}

} // namespace

DashboardPanelWidget::DashboardPanelWidget(const dashboard::Panel& panel, const QString& placeholderReason,
                                           QWidget* parent)
    : QWidget(parent)
    , m_panel(panel)
    , m_status(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_status->setTextFormat(Qt::PlainText); // the server's message is untrusted text
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("panelStatus"));
    m_status->hide();

    using dashboard::PanelType;
    switch (panel.type) {
    case PanelType::TimeSeries: {
        m_chart = new TimeSeriesChart(this);
        ValueFormat format;
        format.unitId = panel.unit;
        format.decimals = panel.decimals.value_or(1);
        m_chart->setValueFormat(format);
        m_chart->setOptions(chartOptions(panel));
        m_content = m_chart;
        break;
    }
    case PanelType::Stat: {
        auto* stat = new StatPanel(this);
        stat->setOptions(valueOptions(panel));
        m_content = stat;
        break;
    }
    case PanelType::Gauge: {
        auto* gauge = new GaugePanel(this);
        gauge->setOptions(valueOptions(panel));
        m_content = gauge;
        break;
    }
    case PanelType::BarGauge: {
        auto* bars = new BarGaugePanel(this);
        bars->setOptions(valueOptions(panel));
        m_content = bars;
        break;
    }
    case PanelType::Table: {
        auto* table = new TablePanel(this);
        analysis::SeriesTableModel::ValueColumn column;
        column.title = tr("Value");
        column.unitId = panel.unit;
        column.decimals = panel.decimals.value_or(analysis::kAutoDecimals);
        table->setValueColumns({column});
        if (!panel.thresholds.steps.isEmpty())
            table->setThresholds(dashboard::toAnalysisThresholds(panel.thresholds));
        m_content = table;
        break;
    }
    case PanelType::Heatmap: {
        auto* heatmap = new HeatmapPanel(this);
        heatmap->setUnit(panel.unit);
        m_content = heatmap;
        break;
    }
    case PanelType::Text: {
        auto* text = new TextPanel(this);
        text->setMarkdownText(panel.textContent);
        m_content = text;
        break;
    }
    case PanelType::Logs:
    case PanelType::Unknown: {
        auto* label = new QLabel(this);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setText(placeholderReason.isEmpty() ? tr("Watchfloor cannot show this type of panel (%1) yet.")
                                                         .arg(dashboard::panelTypeName(panel.type))
                                                   : placeholderReason);
        label->setObjectName(QStringLiteral("panelPlaceholder"));
        m_content = label;
        break;
    }
    }
    layout->addWidget(m_status);
    layout->addWidget(m_content, 1);
}

bool DashboardPanelWidget::wantsData() const
{
    using dashboard::PanelType;
    return m_panel.type != PanelType::Text && m_panel.type != PanelType::Logs &&
           m_panel.type != PanelType::Unknown && !m_panel.targets.isEmpty();
}

void DashboardPanelWidget::setSeries(std::vector<signalstore::SeriesSet> series, qint64 fromMs, qint64 toMs,
                                     const QStringList& warnings)
{
    m_seriesCount = int(series.size());
    m_hasData = true;
    if (warnings.isEmpty()) {
        m_status->hide();
    } else {
        m_status->setText(tr("Warning: %1").arg(warnings.join(QStringLiteral("; "))));
        m_status->setToolTip(warnings.join(QLatin1Char('\n')));
        colourStatus(m_status, Semantic::Warning);
        m_status->show();
    }
    const qint64 fromNs = fromMs * kNsPerMs;
    const qint64 toNs = toMs * kNsPerMs;
    if (m_chart)
        m_chart->setSeries(std::move(series), fromNs, toNs);
    else if (auto* stat = qobject_cast<StatPanel*>(m_content))
        stat->setSeries(series, fromNs, toNs);
    else if (auto* gauge = qobject_cast<GaugePanel*>(m_content))
        gauge->setSeries(series);
    else if (auto* bars = qobject_cast<BarGaugePanel*>(m_content))
        bars->setSeries(series);
    else if (auto* table = qobject_cast<TablePanel*>(m_content))
        table->setSeries(series);
    else if (auto* heatmap = qobject_cast<HeatmapPanel*>(m_content))
        heatmap->setSeries(series);
}

void DashboardPanelWidget::setError(const QString& message)
{
    m_status->setText(message);
    m_status->setToolTip(message);
    colourStatus(m_status, Semantic::Critical);
    m_status->show();
}

QString DashboardPanelWidget::errorText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

} // namespace wf::ui
