#include "charts/ChartLegend.h"

#include "charts/ChartOptions.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wf::ui {

namespace {

constexpr int kMaxRows = 6; // more would take the plot's height; the rest go to "+ N more"
constexpr int kStatColumns = 4;

} // namespace

ChartLegend::ChartLegend(QWidget* parent)
    : QWidget(parent)
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    setFont(small);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setBackgroundRole(QPalette::Base); // one surface with the plot above it
    setAutoFillBackground(true);
}

void ChartLegend::setRows(const QList<LegendRow>& rows, bool withStats)
{
    const bool resized = rows.size() != m_rows.size() || withStats != m_withStats;
    m_rows = rows;
    m_withStats = withStats;
    if (resized)
        updateGeometry();
    setVisible(!m_rows.isEmpty());
    update();
}

int ChartLegend::rowHeight() const
{
    return fontMetrics().height() + 2;
}

int ChartLegend::visibleRowCount() const
{
    if (m_rows.size() <= kMaxRows)
        return int(m_rows.size());
    return kMaxRows - 1;
}

QSize ChartLegend::sizeHint() const
{
    const int rows = int(std::min<qsizetype>(m_rows.size(), kMaxRows)) + (m_withStats ? 1 : 0);
    return {200, rows * rowHeight() + 4};
}

QSize ChartLegend::minimumSizeHint() const
{
    return sizeHint();
}

int ChartLegend::rowAt(int y) const
{
    const int row = (y - 2) / rowHeight() - (m_withStats ? 1 : 0);
    return row >= 0 && row < std::min<qsizetype>(m_rows.size(), kMaxRows) ? row : -1;
}

void ChartLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int h = rowHeight();
    const QFontMetrics fm = fontMetrics();
    const int statWidth =
        m_withStats ? std::max(fm.horizontalAdvance(QStringLiteral("0000.00 KiB/s")), 56) : 0;
    const int nameRight = width() - statWidth * kStatColumns - 4;
    QColor dim = palette().color(QPalette::Text);
    dim.setAlphaF(0.6f);
    int y = 2;
    const auto statRect = [&](int column) {
        return QRect(nameRight + column * statWidth, y, statWidth - 4, h);
    };
    if (m_withStats) {
        p.setPen(dim);
        const QString headers[kStatColumns] = {tr("Min"), tr("Max"), tr("Mean"), tr("Last")};
        for (int c = 0; c < kStatColumns; ++c)
            p.drawText(statRect(c), Qt::AlignRight | Qt::AlignVCenter, headers[c]);
        y += h;
    }
    const int shown = visibleRowCount();
    for (int i = 0; i < shown; ++i) {
        const LegendRow& row = m_rows[i];
        p.fillRect(QRect(6, y + h / 2 - 2, 14, 4), row.colour);
        p.setPen(palette().color(QPalette::Text));
        const QRect nameRect(26, y, std::max(0, nameRight - 30), h);
        p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(row.name, Qt::ElideMiddle, nameRect.width()));
        if (m_withStats) {
            const QString values[kStatColumns] = {row.min, row.max, row.mean, row.last};
            for (int c = 0; c < kStatColumns; ++c)
                p.drawText(statRect(c), Qt::AlignRight | Qt::AlignVCenter, values[c]);
        }
        y += h;
    }
    if (shown < m_rows.size()) {
        p.setPen(dim);
        p.drawText(QRect(26, y, width() - 30, h), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("+ %n more", nullptr, int(m_rows.size() - shown)));
    }
}

bool ChartLegend::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos().y());
        QString text;
        if (row >= 0 && row < visibleRowCount()) {
            const LegendRow& r = m_rows[row];
            text =
                m_withStats
                    ? tr("%1\nmin %2 · max %3 · mean %4 · last %5").arg(r.name, r.min, r.max, r.mean, r.last)
                    : r.name;
        } else if (row >= visibleRowCount()) {
            QStringList rest;
            for (qsizetype i = visibleRowCount(); i < m_rows.size(); ++i)
                rest << m_rows[i].name;
            text = rest.join(u'\n');
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(text), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace wf::ui
