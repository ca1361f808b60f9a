#include "panels/StatPanel.h"

#include "analysis/M4Decimator.h"
#include "charts/ChartOptions.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace wf::ui {

StatPanel::StatPanel(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void StatPanel::setOptions(const ValuePanelOptions& options)
{
    m_options = options;
    recompute();
}

void StatPanel::setSparkline(bool on)
{
    m_sparkline = on;
    update();
}

void StatPanel::setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs)
{
    m_series = series;
    m_fromNs = fromNs;
    m_toNs = toNs;
    recompute();
}

void StatPanel::recompute()
{
    m_values = panelValues(m_series, m_options, palette(), std::isnan(m_options.min) ? 0 : m_options.min,
                           std::isnan(m_options.max) ? 100 : m_options.max);
    QStringList tips;
    for (const PanelValue& v : std::as_const(m_values))
        tips << v.name + QStringLiteral(": ") + v.formatted.toString();
    setToolTip(plainToolTip(tips.join(u'\n')));
    update();
}

QString StatPanel::valueText(int index) const
{
    if (index < 0 || index >= m_values.size())
        return tr("No data");
    return m_values[index].formatted.toString();
}

QRect StatPanel::cellRect(int index) const
{
    // Side by side when wide, stacked when tall: Grafana's "auto" orientation.
    const int n = std::max<int>(1, int(m_values.size()));
    if (width() >= height()) {
        const int w = width() / n;
        return QRect(index * w, 0, w, height());
    }
    const int h = height() / n;
    return QRect(0, index * h, width(), h);
}

void StatPanel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    if (m_values.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    for (int i = 0; i < m_values.size(); ++i) {
        const PanelValue& v = m_values[i];
        const QRect cell = cellRect(i).adjusted(6, 4, -6, -4);
        if (m_sparkline && size_t(i) < m_series.size() && m_toNs > m_fromNs) {
            const analysis::M4Decimator m4(m_fromNs, m_toNs, std::max(1, cell.width()));
            const analysis::DecimatedSeries d = m4.decimate(m_series[size_t(i)]);
            double lo = INFINITY, hi = -INFINITY;
            for (double y : d.values) {
                if (std::isfinite(y)) {
                    lo = std::min(lo, y);
                    hi = std::max(hi, y);
                }
            }
            if (std::isfinite(lo)) {
                if (hi <= lo)
                    hi = lo + 1;
                const QRectF area(cell.left(), cell.top() + cell.height() * 0.55, cell.width(),
                                  cell.height() * 0.45);
                QPainterPath line;
                bool pen = false;
                for (size_t k = 0; k < d.timesNs.size(); ++k) {
                    if (!std::isfinite(d.values[k])) {
                        pen = false;
                        continue;
                    }
                    const QPointF pt(area.left() + double(d.timesNs[k] - m_fromNs) /
                                                       double(m_toNs - m_fromNs) * area.width(),
                                     area.bottom() - (d.values[k] - lo) / (hi - lo) * area.height());
                    pen ? line.lineTo(pt) : line.moveTo(pt);
                    pen = true;
                }
                QColor spark = v.colour;
                spark.setAlphaF(0.7f);
                p.setPen(QPen(spark, 1.5));
                p.drawPath(line);
            }
        }
        // The value large, its unit smaller, both in the threshold colour.
        QFont big = font();
        big.setBold(true);
        big.setPixelSize(std::clamp(std::min(cell.height() / 3, cell.width() / 6), 10, 64));
        QFont unit = big;
        unit.setPixelSize(std::max(8, big.pixelSize() * 6 / 10));
        const QFontMetrics fb(big), fu(unit);
        const QString number = v.formatted.prefix + v.formatted.text;
        const int total = fb.horizontalAdvance(number) + fu.horizontalAdvance(v.formatted.suffix);
        const int x = cell.center().x() - total / 2;
        const int baseline = cell.top() + int(cell.height() * 0.5);
        p.setPen(v.colour);
        p.setFont(big);
        p.drawText(x, baseline, number);
        p.setFont(unit);
        p.drawText(x + fb.horizontalAdvance(number), baseline, v.formatted.suffix);
        if (m_values.size() > 1) {
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            p.setFont(small);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRect(cell.left(), cell.top(), cell.width(), QFontMetrics(small).height()),
                       Qt::AlignHCenter,
                       QFontMetrics(small).elidedText(v.name, Qt::ElideMiddle, cell.width()));
        }
    }
}

void StatPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        recompute(); // "no thresholds" uses the palette's text colour
    QWidget::changeEvent(event);
}

} // namespace wf::ui
