#include "logs/LogHistogramWidget.h"

#include "items/LogListModel.h"
#include "theme/Theme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wf::ui {

namespace {

// Drawn bottom to top: the quiet levels at the base, errors on top.
constexpr int kStackOrder[] = {0, 1, 2, 3, 4, 5, 6};

QColor levelColour(int levelClass, const QPalette& palette)
{
    switch (items::LogLevel(levelClass)) {
    case items::LogLevel::Fatal:
    case items::LogLevel::Error:
        return semanticColor(Semantic::Critical, palette);
    case items::LogLevel::Warn:
        return semanticColor(Semantic::Warning, palette);
    case items::LogLevel::Info:
        return semanticColor(Semantic::Info, palette);
    case items::LogLevel::Trace:
    case items::LogLevel::Debug:
    case items::LogLevel::Unspecified:
        break;
    }
    return semanticColor(Semantic::Unknown, palette);
}

QString timeText(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

LogHistogramWidget::LogHistogramWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("logHistogram"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Log volume by level over the time range. Click a bar to jump to its lines."));
}

void LogHistogramWidget::setHistogram(const signalstore::LogHistogram& histogram)
{
    m_histogram = histogram;
    update();
}

void LogHistogramWidget::setCurrentTime(qint64 timeNs)
{
    m_currentTimeNs = timeNs;
    update();
}

QSize LogHistogramWidget::sizeHint() const
{
    return {400, fontMetrics().height() * 4};
}

QSize LogHistogramWidget::minimumSizeHint() const
{
    return {100, fontMetrics().height() * 2};
}

QRect LogHistogramWidget::plotRect() const
{
    return rect().adjusted(4, 4, -4, -fontMetrics().height() - 4);
}

QRect LogHistogramWidget::barRect(int bucket) const
{
    const QRect plot = plotRect();
    const int n = barCount();
    if (n == 0 || bucket < 0 || bucket >= n)
        return {};
    const int x0 = plot.left() + plot.width() * bucket / n;
    const int x1 = plot.left() + plot.width() * (bucket + 1) / n;
    return {x0, plot.top(), std::max(x1 - x0, 1), plot.height()};
}

qint64 LogHistogramWidget::bucketTotal(int bucket) const
{
    if (bucket < 0 || bucket >= barCount())
        return 0;
    qint64 sum = 0;
    for (const qint64 c : m_histogram.counts[std::size_t(bucket)])
        sum += c;
    return sum;
}

int LogHistogramWidget::currentBucket() const
{
    if (barCount() == 0 || m_currentTimeNs < m_histogram.fromNs)
        return -1;
    const qint64 b = (m_currentTimeNs - m_histogram.fromNs) / m_histogram.bucketNs;
    return b < barCount() ? int(b) : -1;
}

int LogHistogramWidget::bucketAt(const QPoint& pos) const
{
    const QRect plot = plotRect();
    if (barCount() == 0 || pos.x() < plot.left() || pos.x() > plot.right())
        return -1;
    return std::clamp((pos.x() - plot.left()) * barCount() / std::max(plot.width(), 1), 0, barCount() - 1);
}

void LogHistogramWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.base());
    const QRect plot = plotRect();
    qint64 peak = 1;
    for (int b = 0; b < barCount(); ++b)
        peak = std::max(peak, bucketTotal(b));
    const int current = currentBucket();
    if (current >= 0)
        p.fillRect(barRect(current), pal.highlight().color().lighter(isDark(pal) ? 60 : 170));
    for (int b = 0; b < barCount(); ++b) {
        const QRect column = barRect(b).adjusted(0, 0, barRect(b).width() > 3 ? -1 : 0, 0);
        int y = plot.bottom() + 1;
        for (const int level : kStackOrder) {
            const qint64 n = m_histogram.counts[std::size_t(b)][std::size_t(level)];
            if (n <= 0)
                continue;
            const int h = std::max(1, int(double(n) / double(peak) * plot.height()));
            p.fillRect(QRect(column.left(), y - h, column.width(), h), levelColour(level, pal));
            y -= h;
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    // Where the lines on screen are: a mark under their bar (full bars would hide a background).
    if (current >= 0) {
        const QRect bar = barRect(current);
        p.fillRect(QRect(bar.left() - 1, plot.bottom() + 1, bar.width() + 2, 3), pal.highlight());
    }
    if (barCount() > 0) {
        p.setPen(pal.color(QPalette::Text));
        const QRect labels(plot.left(), plot.bottom() + 2, plot.width(), fontMetrics().height());
        const qint64 endNs = m_histogram.fromNs + m_histogram.bucketNs * barCount();
        p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, timeText(m_histogram.fromNs));
        p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, timeText(endNs));
        if (m_histogram.estimated)
            p.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, tr("volume estimated"));
    }
}

void LogHistogramWidget::mousePressEvent(QMouseEvent* event)
{
    const int b = bucketAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || b < 0)
        return QWidget::mousePressEvent(event);
    Q_EMIT timeClicked(m_histogram.fromNs + m_histogram.bucketNs * (b + 1) - 1);
}

bool LogHistogramWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int b = bucketAt(help->pos());
        if (b >= 0) {
            const auto& c = m_histogram.counts[std::size_t(b)];
            const qint64 start = m_histogram.fromNs + m_histogram.bucketNs * b;
            QToolTip::showText(
                help->globalPos(),
                tr("%1 – %2\n%3 lines: %4 errors, %5 warnings")
                    .arg(timeText(start), timeText(start + m_histogram.bucketNs))
                    .arg(bucketTotal(b))
                    .arg(c[std::size_t(items::LogLevel::Error)] + c[std::size_t(items::LogLevel::Fatal)])
                    .arg(c[std::size_t(items::LogLevel::Warn)]),
                this);
            return true;
        }
    }
    return QWidget::event(event);
}

} // namespace wf::ui
