#include "panels/HeatmapPanel.h"

#include "analysis/UnitFormat.h"
#include "charts/ChartOptions.h"
#include "theme/Theme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace wf::ui {

HeatmapPanel::HeatmapPanel(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HeatmapPanel::setUnit(const QString& unitId)
{
    m_unitId = unitId;
    update();
}

void HeatmapPanel::setSeries(const std::vector<signalstore::SeriesSet>& buckets)
{
    m_grid = analysis::buildHeatmap(buckets);
    update();
}

int HeatmapPanel::cellCount() const
{
    int n = 0;
    for (double c : m_grid.counts)
        n += std::isnan(c) ? 0 : 1;
    return n;
}

QRectF HeatmapPanel::plotRect() const
{
    const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("0000.00 ms")) + 8;
    const int timeHeight = fontMetrics().height() + 4;
    return QRectF(labelWidth, 4, std::max(1, width() - labelWidth - 6),
                  std::max(1, height() - timeHeight - 6));
}

QRectF HeatmapPanel::cellRect(size_t bucket, size_t column) const
{
    const QRectF plot = plotRect();
    const double w = plot.width() / double(std::max<size_t>(1, m_grid.columns()));
    const double h = plot.height() / double(std::max<size_t>(1, m_grid.rows()));
    // Bucket 0 (the smallest bound) at the bottom, as Grafana draws it.
    return QRectF(plot.left() + double(column) * w, plot.bottom() - double(bucket + 1) * h, w, h);
}

QColor HeatmapPanel::cellColour(double count) const
{
    // From the background to a strong hue of the theme: more observations, more colour.
    const QColor base = palette().color(QPalette::Base);
    const QColor hot = isDark(palette()) ? QColor(0xffb347) : QColor(0xd9480f);
    const double f = m_grid.maxCount > 0 ? std::clamp(count / m_grid.maxCount, 0.0, 1.0) : 0.0;
    const double t = count > 0 ? 0.12 + 0.88 * std::sqrt(f) : 0.0; // a single observation stays visible
    return QColor::fromRgbF(float(base.redF() + (hot.redF() - base.redF()) * t),
                            float(base.greenF() + (hot.greenF() - base.greenF()) * t),
                            float(base.blueF() + (hot.blueF() - base.blueF()) * t));
}

QString HeatmapPanel::cellText(size_t bucket, size_t column) const
{
    const double count = m_grid.count(bucket, column);
    const double upper = m_grid.upperBounds[bucket];
    const QString lowerText = bucket == 0
                                  ? QStringLiteral("0")
                                  : analysis::formatValueText(m_grid.upperBounds[bucket - 1], m_unitId);
    const QString upperText =
        std::isinf(upper) ? QStringLiteral("+Inf") : analysis::formatValueText(upper, m_unitId);
    return tr("%1\n%2 – %3: %4")
        .arg(QDateTime::fromMSecsSinceEpoch(m_grid.timesNs[column] / 1'000'000)
                 .toString(QStringLiteral("HH:mm:ss")),
             lowerText, upperText, analysis::formatValueText(count, u"short"));
}

void HeatmapPanel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_grid.rows() == 0 || m_grid.columns() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No histogram buckets (series with an \"le\" label)"));
        return;
    }
    for (size_t b = 0; b < m_grid.rows(); ++b) {
        for (size_t c = 0; c < m_grid.columns(); ++c) {
            const double count = m_grid.count(b, c);
            if (std::isnan(count))
                continue;
            // Cells touch; a fraction of a pixel gap would alias into stripes.
            p.fillRect(cellRect(b, c).adjusted(0, 0, 0.5, 0.5), cellColour(count));
        }
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    p.setPen(palette().color(QPalette::Text));
    const QRectF plot = plotRect();
    const QFontMetrics fm(small);
    // Bucket bounds on the left (every n-th when crowded), first and last time below.
    const size_t every =
        std::max<size_t>(1, size_t(fm.height() * int(m_grid.rows()) / std::max(1.0, plot.height())) + 1);
    for (size_t b = 0; b < m_grid.rows(); b += every) {
        const QRectF cell = cellRect(b, 0);
        const double upper = m_grid.upperBounds[b];
        const QString text =
            std::isinf(upper) ? QStringLiteral("+Inf") : analysis::formatValueText(upper, m_unitId);
        p.drawText(QRectF(0, cell.top(), plot.left() - 4, cell.height()), Qt::AlignRight | Qt::AlignVCenter,
                   text);
    }
    const auto timeText = [&](size_t column) {
        return QDateTime::fromMSecsSinceEpoch(m_grid.timesNs[column] / 1'000'000)
            .toString(QStringLiteral("HH:mm:ss"));
    };
    const QRectF below(plot.left(), plot.bottom() + 2, plot.width(), fm.height());
    p.drawText(below, Qt::AlignLeft | Qt::AlignTop, timeText(0));
    p.drawText(below, Qt::AlignRight | Qt::AlignTop, timeText(m_grid.columns() - 1));
}

bool HeatmapPanel::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = plotRect();
        if (m_grid.rows() > 0 && m_grid.columns() > 0 && plot.contains(help->pos())) {
            const size_t c = std::min(m_grid.columns() - 1, size_t((help->pos().x() - plot.left()) /
                                                                   plot.width() * double(m_grid.columns())));
            const size_t b = std::min(m_grid.rows() - 1, size_t((plot.bottom() - help->pos().y()) /
                                                                plot.height() * double(m_grid.rows())));
            if (!std::isnan(m_grid.count(b, c))) {
                QToolTip::showText(help->globalPos(), plainToolTip(cellText(b, c)), this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace wf::ui
