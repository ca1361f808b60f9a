#include "waterfall/TraceWaterfall.h"

#include "theme/Theme.h"
#include "traces/SpanDetails.h"
#include "waterfall/ServiceColors.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wf::ui {

using traces::TraceTree;

namespace {

constexpr int kIndent = 12;
constexpr int kMaxIndentLevels = 30; // deeper nodes stop moving right, so names stay readable
constexpr int kArrowWidth = 14;
constexpr int kAxisHeight = 20;
constexpr int kMinimapHeight = 40;
constexpr int kMinimapMinSpans = 40;

qint64 niceStep(qint64 span, int ticks)
{
    const double raw = double(std::max<qint64>(span, 1)) / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag)
            return std::max<qint64>(1, qint64(m * mag));
    return qint64(10 * mag);
}

} // namespace

TraceWaterfall::TraceWaterfall(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_rowHeight = std::max(18, fontMetrics().height() + 6);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void TraceWaterfall::setTree(std::shared_ptr<const TraceTree> tree)
{
    m_tree = std::move(tree);
    m_rows = m_tree ? traces::TraceRows(m_tree.get()) : traces::TraceRows();
    m_criticalRange.assign(m_tree ? std::size_t(m_tree->size()) : 0, {0, 0});
    if (m_tree) {
        QStringList services;
        for (const auto& st : m_tree->selfTimeByService())
            services.append(st.service);
        m_colors.setServices(services);
        const auto& cp = m_tree->criticalPath();
        // Segments of one node are not contiguous in time order; index them per node.
        std::vector<int> order(cp.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return cp[std::size_t(a)].node < cp[std::size_t(b)].node; });
        m_criticalOrder = order;
        for (std::size_t i = 0; i < order.size();) {
            const int node = cp[std::size_t(order[i])].node;
            std::size_t j = i;
            while (j < order.size() && cp[std::size_t(order[j])].node == node)
                ++j;
            m_criticalRange[std::size_t(node)] = {int(i), int(j)};
            i = j;
        }
    }
    m_selected = -1;
    m_matches.clear();
    m_matchSet.clear();
    m_currentMatch = -1;
    verticalScrollBar()->setValue(0);
    rowsChanged();
}

TraceWaterfall::Geometry TraceWaterfall::geometry() const
{
    Geometry g;
    const int w = viewport()->width();
    g.minimapHeight = m_tree && m_tree->size() >= kMinimapMinSpans ? kMinimapHeight : 0;
    g.axisTop = g.minimapHeight;
    g.rowsTop = g.axisTop + kAxisHeight;
    g.nameWidth = std::clamp(int(w * 0.35), 160, 460);
    g.barLeft = g.nameWidth + 8;
    g.barWidth = std::max(40, w - g.barLeft - 70);
    return g;
}

qreal TraceWaterfall::xOf(qint64 ns, const Geometry& g) const
{
    const qint64 span = std::max<qint64>(1, m_tree->endNs() - m_tree->startNs());
    return g.barLeft + double(ns - m_tree->startNs()) * g.barWidth / double(span);
}

int TraceWaterfall::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int TraceWaterfall::rowAt(int y) const
{
    const Geometry g = geometry();
    if (!m_tree || y < g.rowsTop)
        return -1;
    const int row = firstVisibleRow() + (y - g.rowsTop) / m_rowHeight;
    return row < m_rows.count() ? row : -1;
}

void TraceWaterfall::updateScrollBars()
{
    const int visible = std::max(1, (viewport()->height() - geometry().rowsTop) / m_rowHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setRange(0, std::max(0, m_rows.count() - visible));
}

void TraceWaterfall::rowsChanged()
{
    m_minimapDirty = true;
    updateScrollBars();
    viewport()->update();
}

void TraceWaterfall::scrollToRow(int row)
{
    const int first = firstVisibleRow();
    const int visible = verticalScrollBar()->pageStep();
    if (row < first)
        verticalScrollBar()->setValue(row);
    else if (row >= first + visible)
        verticalScrollBar()->setValue(row - visible + 1);
}

void TraceWaterfall::selectNode(int node)
{
    if (!m_tree || node >= m_tree->size())
        return;
    m_selected = node;
    if (node >= 0) {
        const int row = m_rows.rowOf(node) >= 0 ? m_rows.rowOf(node) : m_rows.reveal(node);
        rowsChanged();
        scrollToRow(row);
    }
    viewport()->update();
    Q_EMIT nodeSelected(node);
}

void TraceWaterfall::toggle(int node)
{
    if (!m_tree)
        return;
    m_rows.toggle(node);
    rowsChanged();
}

void TraceWaterfall::collapseBelowDepth(int depth)
{
    m_rows.collapseBelowDepth(depth);
    rowsChanged();
}

void TraceWaterfall::expandAll()
{
    m_rows.expandAll();
    rowsChanged();
}

void TraceWaterfall::setFindText(const QString& text)
{
    m_matches.clear();
    m_matchSet.clear();
    m_currentMatch = -1;
    const QString needle = text.trimmed();
    if (m_tree && !needle.isEmpty()) {
        for (int i = 0; i < m_tree->size(); ++i) {
            const auto& s = m_tree->span(i);
            bool hit = s.name.contains(needle, Qt::CaseInsensitive) ||
                       m_tree->serviceOf(i).contains(needle, Qt::CaseInsensitive) ||
                       s.spanId.toHex() == needle.toLower();
            for (auto it = s.attributes.begin(); !hit && it != s.attributes.end(); ++it)
                hit = it->value.displayString().contains(needle, Qt::CaseInsensitive);
            if (hit) {
                m_matches.push_back(i);
                m_matchSet.insert(i);
            }
        }
    }
    if (!m_matches.empty())
        moveMatch(1);
    else
        Q_EMIT matchesChanged(-1, 0);
    viewport()->update();
}

void TraceWaterfall::moveMatch(int step)
{
    if (m_matches.empty())
        return;
    const int n = int(m_matches.size());
    m_currentMatch = m_currentMatch < 0 ? (step > 0 ? 0 : n - 1) : ((m_currentMatch + step) % n + n) % n;
    selectNode(m_matches[std::size_t(m_currentMatch)]);
    Q_EMIT matchesChanged(m_currentMatch, n);
}

void TraceWaterfall::findNext()
{
    moveMatch(1);
}

void TraceWaterfall::findPrevious()
{
    moveMatch(-1);
}

void TraceWaterfall::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_minimapDirty = true;
    updateScrollBars();
}

void TraceWaterfall::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_rowHeight = std::max(18, fontMetrics().height() + 6);
        m_minimapDirty = true;
        updateScrollBars();
    }
    QAbstractScrollArea::changeEvent(event);
}

void TraceWaterfall::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QPalette& pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    m_paintedNodes.clear();
    m_paintedCritical.clear();
    if (!m_tree || m_tree->isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trace"));
        return;
    }
    const Geometry g = geometry();
    if (g.minimapHeight > 0)
        paintMinimap(p, g);
    paintAxis(p, g);
    p.setClipRect(QRect(0, g.rowsTop, viewport()->width(), viewport()->height() - g.rowsTop));
    const int first = firstVisibleRow();
    for (int row = first, y = g.rowsTop; row < m_rows.count() && y < viewport()->height();
         ++row, y += m_rowHeight)
        paintRow(p, g, row, y);
}

void TraceWaterfall::paintAxis(QPainter& p, const Geometry& g)
{
    const QPalette& pal = palette();
    const QRect axis(0, g.axisTop, viewport()->width(), kAxisHeight);
    p.fillRect(axis, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(6, g.axisTop, g.nameWidth - 6, kAxisHeight), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Service: operation"));
    const qint64 total = m_tree->endNs() - m_tree->startNs();
    const qint64 step = niceStep(total, std::max(2, g.barWidth / 110));
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(90);
    for (qint64 t = 0; t <= total; t += step) {
        const int x = int(xOf(m_tree->startNs() + t, g));
        p.setPen(grid);
        p.drawLine(x, g.axisTop + kAxisHeight - 4, x, viewport()->height());
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(x + 3, g.axisTop, 100, kAxisHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   t == 0 ? QStringLiteral("0") : traces::formatDuration(t));
    }
}

void TraceWaterfall::paintRow(QPainter& p, const Geometry& g, int row, int y)
{
    const QPalette& pal = palette();
    const int node = m_rows.nodeAt(row);
    const TraceTree::Node& n = m_tree->node(node);
    const auto& span = m_tree->span(node);
    const QString& service = m_tree->serviceOf(node);
    m_paintedNodes.push_back(node);

    const QRect rect(0, y, viewport()->width(), m_rowHeight);
    if (node == m_selected)
        p.fillRect(rect, pal.color(QPalette::Highlight).lighter(isDark(pal) ? 70 : 160));
    else if (m_matchSet.contains(node))
        p.fillRect(rect, semanticColor(Semantic::Warning, pal).lighter(isDark(pal) ? 60 : 170));
    else if (row % 2)
        p.fillRect(rect, pal.color(QPalette::AlternateBase));

    // name column
    const int indent = 4 + std::min(n.depth, kMaxIndentLevels) * kIndent;
    const int cy = y + m_rowHeight / 2;
    p.setRenderHint(QPainter::Antialiasing, true);
    if (n.childCount > 0) {
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Text));
        const bool collapsed = m_rows.isCollapsed(node);
        QPolygonF arrow;
        if (collapsed)
            arrow << QPointF(indent + 3, cy - 4) << QPointF(indent + 9, cy) << QPointF(indent + 3, cy + 4);
        else
            arrow << QPointF(indent + 1, cy - 3) << QPointF(indent + 9, cy - 3)
                  << QPointF(indent + 5, cy + 3);
        p.drawPolygon(arrow);
    }
    const QColor color = colorOf(service);
    int x = indent + kArrowWidth;
    p.fillRect(QRect(x, y + 4, 4, m_rowHeight - 8), color);
    x += 8;
    const QColor errorColor = semanticColor(Semantic::Critical, pal);
    if (n.has(TraceTree::Error)) {
        p.setPen(Qt::NoPen);
        p.setBrush(errorColor);
        p.drawEllipse(QPointF(x + 4, cy), 4, 4);
        x += 12;
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    QString label = service + QStringLiteral(": ") + span.name;
    if (m_rows.isCollapsed(node))
        label += QStringLiteral("  (+%1)").arg(n.subtreeSize - 1);
    if (n.has(TraceTree::ParentMissing) || n.has(TraceTree::CycleBroken))
        label.prepend(QStringLiteral("⚠ "));
    p.setPen(pal.color(node == m_selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect(x, y, g.nameWidth - x - 2, m_rowHeight);
    if (textRect.width() > 10)
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                   fontMetrics().elidedText(label, Qt::ElideRight, textRect.width()));
    QColor sep = pal.color(QPalette::Mid);
    sep.setAlpha(80);
    p.setPen(sep);
    p.drawLine(g.nameWidth, y, g.nameWidth, y + m_rowHeight);

    // bar
    const qreal x0 = xOf(n.startNs, g);
    const qreal x1 = std::max(x0 + 2, xOf(n.endNs, g));
    const QRectF bar(x0, y + 4, x1 - x0, m_rowHeight - 8);
    p.fillRect(bar, color);
    if (n.has(TraceTree::Error)) {
        p.setPen(QPen(errorColor, 2));
        p.drawRect(bar.adjusted(1, 1, -1, -1));
    }
    const auto [cFirst, cEnd] = m_criticalRange[std::size_t(node)];
    if (cEnd > cFirst) {
        const QColor core = pal.color(QPalette::Text);
        for (int i = cFirst; i < cEnd; ++i) {
            const auto& seg = m_tree->criticalPath()[std::size_t(m_criticalOrder[std::size_t(i)])];
            const qreal s0 = xOf(seg.startNs, g);
            const qreal s1 = std::max(s0 + 1, xOf(seg.endNs, g));
            p.fillRect(QRectF(s0, cy - 3, s1 - s0, 6), core);
        }
        m_paintedCritical.insert(node);
    }
    const QString dur = traces::formatDuration(n.endNs - n.startNs);
    const int tw = fontMetrics().horizontalAdvance(dur);
    p.setPen(pal.color(QPalette::Text));
    if (x1 + 4 + tw < viewport()->width())
        p.drawText(QRectF(x1 + 4, y, tw + 2, m_rowHeight), Qt::AlignVCenter | Qt::AlignLeft, dur);
    else
        p.drawText(QRectF(x0 - tw - 6, y, tw + 2, m_rowHeight), Qt::AlignVCenter | Qt::AlignRight, dur);
}

void TraceWaterfall::rebuildMinimap(const Geometry& g)
{
    m_minimap = QImage(QSize(g.barWidth, g.minimapHeight - 4), QImage::Format_ARGB32_Premultiplied);
    m_minimap.fill(Qt::transparent);
    QPainter p(&m_minimap);
    const int h = m_minimap.height();
    const int count = m_rows.count();
    const QPalette& pal = palette();
    const QColor errorColor = semanticColor(Semantic::Critical, pal);
    // One pixel row summarises the rows mapped to it: their time extent, the first one's colour, red
    // when any failed. O(rows) arithmetic and h draws, however long the trace.
    for (int py = 0; py < h && count > 0; ++py) {
        const int r0 = int(qint64(py) * count / h);
        const int r1 = std::max(r0 + 1, int(qint64(py + 1) * count / h));
        if (r0 >= count)
            break;
        qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
        bool error = false;
        for (int r = r0; r < std::min(r1, count); ++r) {
            const auto& n = m_tree->node(m_rows.nodeAt(r));
            lo = std::min(lo, n.startNs);
            hi = std::max(hi, n.endNs);
            error |= n.has(TraceTree::Error);
        }
        const qreal a = xOf(lo, g) - g.barLeft, b = std::max(a + 1, xOf(hi, g) - g.barLeft);
        p.fillRect(QRectF(a, py, b - a, 1),
                   error ? errorColor : colorOf(m_tree->serviceOf(m_rows.nodeAt(r0))));
    }
    m_minimapDirty = false;
}

void TraceWaterfall::paintMinimap(QPainter& p, const Geometry& g)
{
    const QPalette& pal = palette();
    p.fillRect(QRect(0, 0, viewport()->width(), g.minimapHeight), pal.color(QPalette::Window));
    if (m_minimapDirty || m_minimap.width() != g.barWidth)
        rebuildMinimap(g);
    p.drawImage(g.barLeft, 2, m_minimap);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(6, 0, g.nameWidth, g.minimapHeight), Qt::AlignVCenter | Qt::AlignLeft,
               tr("%n spans", nullptr, m_tree->size()));
    const int count = std::max(1, m_rows.count());
    const int h = g.minimapHeight - 4;
    const int top = 2 + firstVisibleRow() * h / count;
    const int height = std::max(3, verticalScrollBar()->pageStep() * h / count);
    QColor window = pal.color(QPalette::Highlight);
    window.setAlpha(60);
    p.fillRect(QRect(g.barLeft, top, g.barWidth, std::min(height, h)), window);
    p.setPen(pal.color(QPalette::Highlight));
    p.drawRect(QRect(g.barLeft, top, g.barWidth - 1, std::min(height, h) - 1));
}

void TraceWaterfall::mousePressEvent(QMouseEvent* event)
{
    if (!m_tree)
        return;
    const Geometry g = geometry();
    const QPoint pos = event->position().toPoint();
    if (pos.y() < g.minimapHeight) {
        const int row =
            int(qint64(std::max(0, pos.y() - 2)) * m_rows.count() / std::max(1, g.minimapHeight - 4));
        verticalScrollBar()->setValue(row - verticalScrollBar()->pageStep() / 2);
        return;
    }
    const int row = rowAt(pos.y());
    if (row < 0)
        return;
    const int node = m_rows.nodeAt(row);
    const int indent = 4 + std::min(m_tree->node(node).depth, kMaxIndentLevels) * kIndent;
    if (m_tree->node(node).childCount > 0 && pos.x() >= indent && pos.x() < indent + kArrowWidth)
        toggle(node);
    selectNode(node);
}

void TraceWaterfall::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0)
        toggle(m_rows.nodeAt(row));
}

void TraceWaterfall::keyPressEvent(QKeyEvent* event)
{
    if (!m_tree || m_rows.count() == 0)
        return QAbstractScrollArea::keyPressEvent(event);
    const int row = m_selected >= 0 ? m_rows.rowOf(m_selected) : -1;
    const auto selectRow = [&](int r) { selectNode(m_rows.nodeAt(std::clamp(r, 0, m_rows.count() - 1))); };
    switch (event->key()) {
    case Qt::Key_Down:
        selectRow(row + 1);
        break;
    case Qt::Key_Up:
        selectRow(row - 1);
        break;
    case Qt::Key_PageDown:
        selectRow(row + verticalScrollBar()->pageStep());
        break;
    case Qt::Key_PageUp:
        selectRow(row - verticalScrollBar()->pageStep());
        break;
    case Qt::Key_Home:
        selectRow(0);
        break;
    case Qt::Key_End:
        selectRow(m_rows.count() - 1);
        break;
    case Qt::Key_Left:
        if (m_selected >= 0 && !m_rows.isCollapsed(m_selected) && m_tree->node(m_selected).childCount > 0)
            toggle(m_selected);
        else if (m_selected >= 0 && m_tree->node(m_selected).parent >= 0)
            selectNode(m_tree->node(m_selected).parent);
        break;
    case Qt::Key_Right:
        if (m_selected >= 0 && m_rows.isCollapsed(m_selected))
            toggle(m_selected);
        break;
    case Qt::Key_Space:
        if (m_selected >= 0)
            toggle(m_selected);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TraceWaterfall::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && m_tree) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos().y());
        if (row < 0) {
            QToolTip::hideText();
            return true;
        }
        const int node = m_rows.nodeAt(row);
        const auto& n = m_tree->node(node);
        const QString text =
            traces::truncateForDisplay(
                m_tree->serviceOf(node) + QStringLiteral(": ") + m_tree->span(node).name, 300) +
            QLatin1Char('\n') +
            tr("Duration %1, self time %2")
                .arg(traces::formatDuration(n.endNs - n.startNs), traces::formatDuration(n.selfNs));
        // Telemetry text is escaped, so markup in a span name is shown, never rendered.
        QToolTip::showText(help->globalPos(),
                           QStringLiteral("<p style='white-space:pre'>") + text.toHtmlEscaped() +
                               QStringLiteral("</p>"),
                           viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace wf::ui
