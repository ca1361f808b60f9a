#include "panels/GaugePanel.h"

#include "charts/ChartOptions.h"

#include <QEvent>
#include <QPainter>

#include <cmath>

namespace wf::ui {

namespace {

constexpr double kStartAngle = 225.0; // degrees, counter-clockwise from 3 o'clock, as QPainter wants
constexpr double kSweep = 270.0;

} // namespace

GaugePanel::GaugePanel(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GaugePanel::setOptions(const ValuePanelOptions& options)
{
    m_options = options;
    recompute();
}

void GaugePanel::setSeries(const std::vector<signalstore::SeriesSet>& series)
{
    m_series = series;
    recompute();
}

void GaugePanel::recompute()
{
    m_range = panelRange({}, m_options, 0, 100);
    m_values = panelValues(m_series, m_options, palette(), m_range.first, m_range.second);
    QStringList tips;
    for (const PanelValue& v : std::as_const(m_values))
        tips << v.name + QStringLiteral(": ") + v.formatted.toString();
    tips << tr("Scale %1 to %2")
                .arg(analysis::formatValueText(m_range.first, m_options.unitId),
                     analysis::formatValueText(m_range.second, m_options.unitId));
    setToolTip(plainToolTip(tips.join(u'\n')));
    update();
}

double GaugePanel::fraction(int index) const
{
    if (index < 0 || index >= m_values.size() || !std::isfinite(m_values[index].value))
        return 0;
    return std::clamp((m_values[index].value - m_range.first) / (m_range.second - m_range.first), 0.0, 1.0);
}

void GaugePanel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    if (m_values.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const analysis::Thresholds thresholds = m_options.thresholds.normalised();
    const int n = int(m_values.size());
    const int cellWidth = width() / n;
    for (int i = 0; i < n; ++i) {
        const PanelValue& v = m_values[i];
        const QRect cell(i * cellWidth, 0, cellWidth, height());
        const int side = std::max(20, std::min(cell.width(), cell.height()) - 16);
        const QRectF ring(cell.center().x() - side / 2.0, cell.center().y() - side / 2.0 + 6, side, side);
        const double thick = std::max(4.0, side * 0.11);
        const QRectF arc = ring.adjusted(thick, thick, -thick, -thick);
        // Track, then the value's part in its threshold colour.
        QColor track = palette().color(QPalette::Text);
        track.setAlphaF(0.1f);
        p.setPen(QPen(track, thick, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(arc, int(kStartAngle * 16), int(-kSweep * 16));
        p.setPen(QPen(v.colour, thick, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(arc, int(kStartAngle * 16), int(-kSweep * fraction(i) * 16));
        // Threshold steps as a thin outer ring.
        const QRectF outer = ring.adjusted(thick * 0.25, thick * 0.25, -thick * 0.25, -thick * 0.25);
        for (int s = 0; s < thresholds.steps.size(); ++s) {
            const double span = m_range.second - m_range.first;
            const double a = s == 0 ? m_range.first : thresholds.stepStart(s, m_range.first, m_range.second);
            const double b = s + 1 < thresholds.steps.size()
                                 ? thresholds.stepStart(s + 1, m_range.first, m_range.second)
                                 : m_range.second;
            const double fa = std::clamp((a - m_range.first) / span, 0.0, 1.0);
            const double fb = std::clamp((b - m_range.first) / span, 0.0, 1.0);
            if (fb <= fa)
                continue;
            p.setPen(QPen(thresholdColour(thresholds.steps[s].colour), std::max(2.0, thick * 0.3),
                          Qt::SolidLine, Qt::FlatCap));
            p.drawArc(outer, int((kStartAngle - kSweep * fa) * 16), int(-kSweep * (fb - fa) * 16));
        }
        QFont big = font();
        big.setBold(true);
        big.setPixelSize(std::clamp(side / 6, 9, 48));
        p.setFont(big);
        p.setPen(v.colour);
        p.drawText(arc, Qt::AlignCenter, v.formatted.toString());
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        p.setFont(small);
        p.setPen(palette().color(QPalette::Text));
        if (n > 1)
            p.drawText(QRect(cell.left(), cell.top(), cell.width(), QFontMetrics(small).height() + 2),
                       Qt::AlignHCenter,
                       QFontMetrics(small).elidedText(v.name, Qt::ElideMiddle, cell.width()));
    }
}

void GaugePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        recompute();
    QWidget::changeEvent(event);
}

} // namespace wf::ui
