#include "charts/ChartLegend.h"

#include "charts/ChartOptions.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wf::ui {

namespace {

constexpr int kMaxRows = 8; // even in a tall panel; the rest go to "+ N more"
constexpr int kStatColumns = 4;
constexpr double kBottomShare = 0.30; // of the chart's height, at most, under the plot
constexpr int kMinTableRows =
    5; // rows (the "+ N more" one too): fewer, and the list beside the plot reads better
constexpr double kListShare = 0.22;  // a narrow chart's list of names: the axes take their part too
constexpr double kRightShare = 0.30; // of the chart's width, at most, beside the plot
constexpr int kMinRightChartWidth = 380;
constexpr int kSwatchRoom = 26; // swatch and gap left of a name

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
    update();
}

int ChartLegend::rowHeight() const
{
    return fontMetrics().height() + 2;
}

int ChartLegend::visibleRowCount() const
{
    if (m_placement == LegendPlacement::Hidden)
        return 0;
    if (m_rows.size() <= m_capacity)
        return int(m_rows.size());
    return std::max(0, m_capacity - 1);
}

QRect ChartLegend::placeIn(const QSize& chart)
{
    const int n = int(std::min<qsizetype>(m_rows.size(), 10'000));
    const int h = rowHeight();
    const auto place = [&](LegendPlacement where, int capacity, const QRect& rect, bool stats = false) {
        m_placement = where;
        m_statsColumns = stats;
        m_capacity = std::min(capacity, kMaxRows);
        update();
        return rect;
    };
    if (n == 0)
        return place(LegendPlacement::Hidden, 0, {});
    // Under the plot: as a table when all series fit, or enough of them to be worth the height.
    const int bottomRoom = int(chart.height() * kBottomShare);
    const int tableRows = std::min((bottomRoom - 4) / h - (m_withStats ? 1 : 0), kMaxRows);
    if (tableRows >= n || tableRows >= kMinTableRows) {
        const int rows = std::min(n, tableRows) + (m_withStats ? 1 : 0);
        const int height = rowsHeight(rows);
        return place(LegendPlacement::Bottom, tableRows,
                     QRect(0, chart.height() - height, chart.width(), height), m_withStats);
    }
    // Beside the plot: names only, as many as the chart's height holds.
    const int sideRows = (chart.height() - 4) / h;
    if (chart.width() >= kMinRightChartWidth && sideRows >= std::min(n, 2)) {
        const QFontMetrics fm = fontMetrics();
        int widest = fm.horizontalAdvance(tr("+ %n more", nullptr, n));
        for (const LegendRow& row : std::as_const(m_rows))
            widest = std::max(widest, fm.horizontalAdvance(row.name));
        const int width = std::clamp(kSwatchRoom + widest + 8, 80, int(chart.width() * kRightShare));
        const int rows = std::min({n, sideRows, kMaxRows});
        const int height = rowsHeight(rows);
        return place(LegendPlacement::Right, sideRows,
                     QRect(chart.width() - width, std::max(0, (chart.height() - height) / 3), width, height));
    }
    // A narrow, short chart: names under the plot if two rows fit (the statistics stay in the
    // tooltips), else no legend at all.
    const int listRows = (int(chart.height() * kListShare) - 4) / h;
    if (listRows >= std::min(n, 2)) {
        const int rows = std::min(n, listRows);
        const int height = rowsHeight(rows);
        return place(LegendPlacement::Bottom, listRows,
                     QRect(0, chart.height() - height, chart.width(), height));
    }
    return place(LegendPlacement::Hidden, 0, {});
}

QSize ChartLegend::sizeHint() const
{
    const int rows = int(std::min<qsizetype>(m_rows.size(), kMaxRows)) + (m_withStats ? 1 : 0);
    return {200, rowsHeight(rows)};
}

QSize ChartLegend::minimumSizeHint() const
{
    return sizeHint();
}

int ChartLegend::rowAt(int y) const
{
    const int row = (y - 2) / rowHeight() - headerRows();
    const int shown = visibleRowCount() + (visibleRowCount() < m_rows.size() ? 1 : 0);
    return row >= 0 && row < shown ? row : -1;
}

void ChartLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int h = rowHeight();
    const QFontMetrics fm = fontMetrics();
    const int statWidth =
        showsStats() ? std::max(fm.horizontalAdvance(QStringLiteral("0000.00 KiB/s")), 56) : 0;
    // In a narrow panel the leftmost statistics give way (Min first, Last last), never the names.
    const int columns = showsStats() ? std::clamp((width() - 26 - 48) / statWidth, 0, kStatColumns) : 0;
    const int skip = kStatColumns - columns;
    const int nameRight = width() - statWidth * columns - 4;
    QColor dim = palette().color(QPalette::Text);
    dim.setAlphaF(0.6f);
    int y = 2;
    const auto statRect = [&](int column) {
        return QRect(nameRight + (column - skip) * statWidth, y, statWidth - 4, h);
    };
    if (showsStats()) {
        p.setPen(dim);
        const QString headers[kStatColumns] = {tr("Min"), tr("Max"), tr("Mean"), tr("Last")};
        for (int c = skip; c < kStatColumns; ++c)
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
        if (showsStats()) {
            const QString values[kStatColumns] = {row.min, row.max, row.mean, row.last};
            for (int c = skip; c < kStatColumns; ++c)
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
                rest << (m_withStats ? tr("%1: last %2").arg(m_rows[i].name, m_rows[i].last)
                                     : m_rows[i].name);
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
