#include "traces/TraceScatter.h"

#include "items/TraceListModel.h"
#include "theme/Theme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wf::ui {

namespace {
constexpr qreal kDotRadius = 4.0;
constexpr qreal kHitRadius = 7.0;
} // namespace

TraceScatter::TraceScatter(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("traceScatter"));
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Each dot is a trace: start time across, duration up; red ones failed. Click to select, "
                  "double-click or Enter to open; Left/Right step through them."));
    setMouseTracking(false);
}

void TraceScatter::setTraces(std::vector<signalstore::TraceSummary> traces)
{
    m_traces = std::move(traces);
    m_byTime.resize(m_traces.size());
    for (std::size_t i = 0; i < m_byTime.size(); ++i)
        m_byTime[i] = int(i);
    std::stable_sort(m_byTime.begin(), m_byTime.end(), [this](int a, int b) {
        return m_traces[std::size_t(a)].startNs < m_traces[std::size_t(b)].startNs;
    });
    m_minStart = m_traces.empty() ? 0 : m_traces[std::size_t(m_byTime.front())].startNs;
    m_maxStart = m_traces.empty() ? 0 : m_traces[std::size_t(m_byTime.back())].startNs;
    m_maxDuration = 0;
    for (const auto& t : m_traces)
        m_maxDuration = std::max(m_maxDuration, t.durationNs);
    m_selected = -1;
    update();
}

void TraceScatter::setSelectedIndex(int index)
{
    if (index < -1 || index >= int(m_traces.size()) || index == m_selected)
        return;
    m_selected = index;
    update();
    Q_EMIT selected(index);
}

QRectF TraceScatter::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const qreal left = fm.horizontalAdvance(QStringLiteral("000.0 ms")) + 10;
    const qreal bottom = fm.height() + 8;
    return QRectF(left, fm.height() / 2.0 + 4, std::max(10.0, width() - left - 12.0),
                  std::max(10.0, height() - bottom - fm.height() / 2.0 - 4));
}

QPointF TraceScatter::dotPosition(int index) const
{
    const QRectF r = plotRect();
    const auto& t = m_traces[std::size_t(index)];
    const qint64 span = m_maxStart - m_minStart;
    const qreal x =
        span > 0 ? r.left() + r.width() * qreal(t.startNs - m_minStart) / qreal(span) : r.center().x();
    // 10% headroom above the slowest trace, so its dot is not cut by the frame.
    const qreal top = qreal(std::max<qint64>(m_maxDuration, 1)) * 1.1;
    const qreal y = r.bottom() - r.height() * qreal(t.durationNs) / top;
    return {x, y};
}

int TraceScatter::indexAt(const QPoint& pos) const
{
    int best = -1;
    qreal bestDistance = kHitRadius * kHitRadius;
    for (int i = 0; i < int(m_traces.size()); ++i) {
        const QPointF d = dotPosition(i) - QPointF(pos);
        const qreal dist = d.x() * d.x() + d.y() * d.y();
        if (dist <= bestDistance) {
            bestDistance = dist;
            best = i;
        }
    }
    return best;
}

void TraceScatter::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRectF r = plotRect();
    const QFontMetrics fm = fontMetrics();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15f);
    QColor axisText = pal.color(QPalette::Text);
    axisText.setAlphaF(0.7f);

    // Duration axis: four gridlines with their values.
    const qreal top = qreal(std::max<qint64>(m_maxDuration, 1)) * 1.1;
    for (int i = 0; i <= 4; ++i) {
        const qreal y = r.bottom() - r.height() * i / 4.0;
        p.setPen(grid);
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        if (m_traces.empty())
            continue;
        p.setPen(axisText);
        const QString label = items::formatDuration(qint64(top * i / 4.0));
        p.drawText(QRectF(0, y - fm.height() / 2.0, r.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // Time axis: first, middle and last start.
    if (!m_traces.empty()) {
        p.setPen(axisText);
        const auto timeText = [](qint64 ns) {
            return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("HH:mm:ss"));
        };
        const qreal y = r.bottom() + 4;
        p.drawText(QRectF(r.left(), y, r.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop,
                   timeText(m_minStart));
        if (m_maxStart > m_minStart) {
            p.drawText(QRectF(r.left(), y, r.width(), fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                       timeText(m_minStart + (m_maxStart - m_minStart) / 2));
            p.drawText(QRectF(r.left(), y, r.width(), fm.height()), Qt::AlignRight | Qt::AlignTop,
                       timeText(m_maxStart));
        }
    } else {
        p.setPen(axisText);
        p.drawText(r, Qt::AlignCenter, tr("No traces: run a search"));
    }

    const QColor okColor = pal.color(QPalette::Highlight);
    const QColor errorColor = semanticColor(Semantic::Critical, pal);
    // Errors last, so a failing trace is never hidden under a normal one.
    for (const bool errors : {false, true}) {
        for (int i = 0; i < int(m_traces.size()); ++i) {
            if ((m_traces[std::size_t(i)].errorCount > 0) != errors)
                continue;
            QColor c = errors ? errorColor : okColor;
            p.setPen(c.darker(130));
            c.setAlphaF(0.75f);
            p.setBrush(c);
            p.drawEllipse(dotPosition(i), kDotRadius, kDotRadius);
        }
    }
    if (m_selected >= 0) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.drawEllipse(dotPosition(m_selected), kDotRadius + 3, kDotRadius + 3);
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TraceScatter::mousePressEvent(QMouseEvent* event)
{
    const int i = indexAt(event->position().toPoint());
    if (i >= 0)
        setSelectedIndex(i);
    QWidget::mousePressEvent(event);
}

void TraceScatter::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int i = indexAt(event->position().toPoint());
    if (i >= 0) {
        setSelectedIndex(i);
        Q_EMIT activated(i);
    }
}

void TraceScatter::keyPressEvent(QKeyEvent* event)
{
    if (m_traces.empty())
        return QWidget::keyPressEvent(event);
    const auto pos = std::find(m_byTime.begin(), m_byTime.end(), m_selected);
    const int rank = pos == m_byTime.end() ? -1 : int(pos - m_byTime.begin());
    switch (event->key()) {
    case Qt::Key_Right:
        setSelectedIndex(m_byTime[std::size_t(std::min(rank + 1, int(m_byTime.size()) - 1))]);
        return;
    case Qt::Key_Left:
        setSelectedIndex(m_byTime[std::size_t(std::max(rank - 1, 0))]);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            Q_EMIT activated(m_selected);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool TraceScatter::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = indexAt(help->pos());
        if (i < 0)
            return QWidget::event(event);
        const auto& t = m_traces[std::size_t(i)];
        // Service and operation names come from telemetry: escaped, so a tooltip never renders them
        // as rich text (QToolTip guesses the format from the text).
        const QString text = tr("%1 %2\n%3, %n span(s), %4 error(s)", nullptr, t.spanCount)
                                 .arg(t.rootService, t.rootName, items::formatDuration(t.durationNs))
                                 .arg(t.errorCount);
        QToolTip::showText(help->globalPos(),
                           QStringLiteral("<p style='white-space:pre'>") + text.toHtmlEscaped() +
                               QStringLiteral("</p>"),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace wf::ui
