#include "panels/BarGaugePanel.h"

#include "charts/ChartOptions.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace wf::ui {

BarGaugePanel::BarGaugePanel(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void BarGaugePanel::setOptions(const ValuePanelOptions& options)
{
    m_options = options;
    recompute();
}

void BarGaugePanel::setSeries(const std::vector<signalstore::SeriesSet>& series)
{
    m_series = series;
    recompute();
}

void BarGaugePanel::recompute()
{
    // The scale needs the values, the values' percentage thresholds need the scale: values first
    // with an absolute scale guess, then again on the final one.
    const QList<PanelValue> first = panelValues(m_series, m_options, palette(), 0, 100);
    m_range = panelRange(first, m_options, 0, std::numeric_limits<double>::quiet_NaN());
    m_values = panelValues(m_series, m_options, palette(), m_range.first, m_range.second);
    update();
}

double BarGaugePanel::fraction(int index) const
{
    if (index < 0 || index >= m_values.size() || !std::isfinite(m_values[index].value))
        return 0;
    return std::clamp((m_values[index].value - m_range.first) / (m_range.second - m_range.first), 0.0, 1.0);
}

int BarGaugePanel::nameWidth() const
{
    int w = 0;
    for (const PanelValue& v : m_values)
        w = std::max(w, fontMetrics().horizontalAdvance(v.name));
    // A lone bar whose name (often a whole label set) does not fit is named by the panel's title and
    // its tooltip: the bar gets the row rather than a label elided to "{d…\"}".
    if (m_values.size() == 1 && w + 8 > width() / 3)
        return 0;
    return std::min(w + 8, width() / 3);
}

int BarGaugePanel::valueWidth() const
{
    int w = 0;
    for (const PanelValue& v : m_values)
        w = std::max(w, fontMetrics().horizontalAdvance(v.formatted.toString()));
    return w + 10;
}

QRect BarGaugePanel::rowRect(int index) const
{
    const int n = std::max<int>(1, int(m_values.size()));
    const int h = std::min(height() / n, 36);
    return QRect(0, index * h, width(), h);
}

QRect BarGaugePanel::barRect(int index) const
{
    const QRect row = rowRect(index).adjusted(nameWidth() + 4, 3, -valueWidth() - 4, -3);
    return QRect(row.left(), row.top(), int(std::round(row.width() * fraction(index))), row.height());
}

void BarGaugePanel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_values.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    QColor track = palette().color(QPalette::Text);
    track.setAlphaF(0.08f);
    for (int i = 0; i < m_values.size(); ++i) {
        const PanelValue& v = m_values[i];
        const QRect row = rowRect(i);
        const QRect full = row.adjusted(nameWidth() + 4, 3, -valueWidth() - 4, -3);
        p.setPen(palette().color(QPalette::Text));
        if (nameWidth() > 4)
            p.drawText(QRect(row.left() + 4, row.top(), nameWidth() - 4, row.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(v.name, Qt::ElideMiddle, nameWidth() - 4));
        p.fillRect(full, track);
        p.fillRect(barRect(i), v.colour);
        p.setPen(v.colour);
        p.drawText(QRect(full.right() + 6, row.top(), valueWidth(), row.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, v.formatted.toString());
    }
}

bool BarGaugePanel::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        for (int i = 0; i < m_values.size(); ++i) {
            if (rowRect(i).contains(help->pos())) {
                QToolTip::showText(
                    help->globalPos(),
                    plainToolTip(m_values[i].name + QStringLiteral(": ") + m_values[i].formatted.toString()),
                    this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void BarGaugePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        recompute();
    QWidget::changeEvent(event);
}

} // namespace wf::ui
