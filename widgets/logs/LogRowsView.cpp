#include "logs/LogRowsView.h"

#include "items/LogListModel.h"
#include "logs/LogViewModel.h"
#include "theme/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

namespace wf::ui {

namespace {

constexpr int kScrollSteps = 10'000;
constexpr int kMaxPaintedChars = 4000;
constexpr int kPad = 6;

QString timeText(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QColor levelColour(items::LogLevel level, const QPalette& palette)
{
    switch (level) {
    case items::LogLevel::Fatal:
    case items::LogLevel::Error:
        return semanticColor(Semantic::Critical, palette);
    case items::LogLevel::Warn:
        return semanticColor(Semantic::Warning, palette);
    case items::LogLevel::Info:
        return semanticColor(Semantic::Info, palette);
    default:
        return palette.color(QPalette::PlaceholderText);
    }
}

QString levelText(const signalstore::LogRow& row)
{
    const items::LogLevel level = items::logLevelOf(row.severityNumber);
    return level == items::LogLevel::Unspecified ? row.severityText.left(8) : items::logLevelName(level);
}

} // namespace

LogRowsView::LogRowsView(logs::LogViewModel* model, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
    , m_copy(new QAction(tr("Copy line"), this))
    , m_openTrace(new QAction(tr("Open trace"), this))
{
    setObjectName(QStringLiteral("logRows"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    verticalScrollBar()->setRange(0, kScrollSteps);
    verticalScrollBar()->setPageStep(kScrollSteps / 50);
    verticalScrollBar()->setToolTip(tr("Position in time: top is the newest line"));
    viewport()->setBackgroundRole(QPalette::Base);

    m_copy->setObjectName(QStringLiteral("actionCopyLogLine"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setToolTip(tr("Copy the selected line as text (%1)").arg(m_copy->shortcut().toString()));
    m_openTrace->setObjectName(QStringLiteral("actionOpenLogTrace"));
    m_openTrace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_openTrace->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openTrace->setToolTip(
        tr("Open the trace this line belongs to (%1)").arg(m_openTrace->shortcut().toString()));
    addAction(m_copy);
    addAction(m_openTrace);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copy, &QAction::triggered, this, [this] {
        if (const QString text = copyText(); !text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    connect(m_openTrace, &QAction::triggered, this, [this] {
        const auto& rows = m_model->rows();
        if (m_current >= 0 && m_current < int(rows.size()) && rows[std::size_t(m_current)].traceId.isValid())
            Q_EMIT openTraceRequested(rows[std::size_t(m_current)].traceId);
    });

    connect(m_model, &logs::LogViewModel::rowsChanged, this, [this] {
        const int rows = int(m_model->rows().size());
        m_current = rows == 0 ? -1 : std::clamp(m_current, 0, rows - 1);
        syncScrollBar();
        updateActions();
        viewport()->update();
        if (m_current >= 0)
            Q_EMIT currentRowChanged(m_model->rows()[std::size_t(m_current)]);
    });
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this](int action) {
        // Single steps move by lines (keyset), not by position: the slider stays until the rows come.
        if (action != QAbstractSlider::SliderSingleStepAdd && action != QAbstractSlider::SliderSingleStepSub)
            return;
        verticalScrollBar()->setSliderPosition(verticalScrollBar()->value());
        m_model->scrollRows(action == QAbstractSlider::SliderSingleStepAdd ? 3 : -3);
    });
    updateActions();
}

int LogRowsView::lineHeight() const
{
    return fontMetrics().height() + 4;
}

void LogRowsView::setWrap(bool wrap)
{
    m_wrap = wrap;
    viewport()->update();
}

void LogRowsView::setCurrentRow(int row)
{
    const int rows = int(m_model->rows().size());
    if (rows == 0)
        return;
    if (row < 0) {
        m_model->scrollRows(row);
        row = 0;
    } else if (row >= rows) {
        m_model->scrollRows(row - rows + 1);
        row = rows - 1;
    }
    m_current = row;
    updateActions();
    viewport()->update();
    Q_EMIT currentRowChanged(m_model->rows()[std::size_t(m_current)]);
}

QString LogRowsView::copyText() const
{
    const auto& rows = m_model->rows();
    if (m_current < 0 || m_current >= int(rows.size()))
        return {};
    const signalstore::LogRow& r = rows[std::size_t(m_current)];
    return QDateTime::fromMSecsSinceEpoch(r.timeNs / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs) +
           QLatin1Char(' ') + levelText(r) + QLatin1Char(' ') + r.service + QLatin1Char(' ') + r.body;
}

QRect LogRowsView::paintedRowRect(int row) const
{
    return row >= 0 && row < int(m_painted.size()) ? m_painted[std::size_t(row)].rect : QRect();
}

QList<QRect> LogRowsView::paintedHighlights(int row) const
{
    return row >= 0 && row < int(m_painted.size()) ? m_painted[std::size_t(row)].highlights : QList<QRect>();
}

int LogRowsView::columnX(int column) const
{
    // Measuring shapes text: once per font, not several times per row and paint.
    if (m_columnsFont != font() || m_columnX[3] == 0) {
        const QFontMetrics fm = fontMetrics();
        const int time = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 2 * kPad;
        const int level = fm.horizontalAdvance(QStringLiteral("ERROR")) + 2 * kPad;
        const int service = fm.horizontalAdvance(QStringLiteral("payments-xx")) + 2 * kPad;
        m_columnX = {0, time, time + level, time + level + service};
        m_columnsFont = font();
        m_elidedServices.clear();
    }
    return m_columnX[std::size_t(std::clamp(column, 0, 3))];
}

QString LogRowsView::elidedService(const QString& service) const
{
    // A handful of services fill every screen: each is elided once per font.
    const int width = columnX(3) - columnX(2) - kPad;
    auto it = m_elidedServices.constFind(service);
    if (it == m_elidedServices.constEnd()) {
        if (m_elidedServices.size() > 1000)
            m_elidedServices.clear();
        it = m_elidedServices.insert(service, fontMetrics().elidedText(service, Qt::ElideRight, width));
    }
    return it.value();
}

void LogRowsView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QPalette& pal = palette();
    const auto& rows = m_model->rows();
    const int width = viewport()->width();
    const int bodyX = columnX(3);
    const int bodyWidth = std::max(width - bodyX - kPad, 20);
    const QColor highlight = semanticColor(Semantic::Warning, pal);
    // Unwrapped, no more characters than could show (the narrowest glyph is wider than 2 px): shaping
    // costs by the character, and a line of 4,000 would be laid out for its first hundred.
    const int maxChars = m_wrap ? kMaxPaintedChars : std::min(kMaxPaintedChars, bodyWidth / 2 + 1);
    QFont bold = font();
    bold.setBold(true);
    m_painted.clear();
    int y = 0;
    for (std::size_t i = 0; i < rows.size() && y < viewport()->height(); ++i) {
        const signalstore::LogRow& r = rows[i];
        const QString body = r.body.left(maxChars);
        QTextLayout layout(body, font());
        QTextOption option;
        option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
        layout.setTextOption(option);
        layout.setCacheEnabled(true);
        QList<QTextLayout::FormatRange> formats;
        for (const logs::TextRange& range : m_model->highlighter().ranges(body)) {
            QTextLayout::FormatRange f;
            f.start = range.start;
            f.length = range.length;
            f.format.setBackground(highlight);
            f.format.setForeground(Qt::black);
            formats.append(f);
        }
        layout.setFormats(formats);
        layout.beginLayout();
        qreal height = 0;
        while (true) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(m_wrap ? bodyWidth : 1e6);
            line.setPosition(QPointF(0, height));
            height += line.height();
            if (!m_wrap)
                break;
        }
        layout.endLayout();
        const int rowHeight = std::max(lineHeight(), int(height) + 4);
        const QRect rowRect(0, y, width, rowHeight);
        if (int(i) == m_current)
            p.fillRect(rowRect, pal.highlight().color().lighter(isDark(pal) ? 70 : 180));
        else if (i % 2 == 1)
            p.fillRect(rowRect, pal.alternateBase());
        p.setPen(pal.color(QPalette::Text));
        const QRect first(0, y, width, lineHeight());
        p.drawText(first.adjusted(kPad, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, timeText(r.timeNs));
        p.setFont(bold);
        p.setPen(levelColour(items::logLevelOf(r.severityNumber), pal));
        p.drawText(first.adjusted(columnX(1) + kPad, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   levelText(r));
        p.setFont(font());
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(columnX(2) + kPad, y, columnX(3) - columnX(2) - kPad, lineHeight()),
                   Qt::AlignLeft | Qt::AlignVCenter, elidedService(r.service));
        p.save();
        p.setClipRect(QRect(bodyX, y, width - bodyX, rowHeight));
        const QPointF origin(bodyX, y + 2);
        layout.draw(&p, origin);
        p.restore();
        Painted painted{rowRect, {}};
        for (const QTextLayout::FormatRange& f : formats) {
            // Regions of the highlighted text in viewport coordinates (one per line it spans).
            for (int l = 0; l < layout.lineCount(); ++l) {
                const QTextLine line = layout.lineAt(l);
                const int s = std::max(f.start, line.textStart());
                const int e = std::min(f.start + f.length, line.textStart() + line.textLength());
                if (s >= e)
                    continue;
                const qreal x0 = line.cursorToX(s);
                const qreal x1 = line.cursorToX(e);
                painted.highlights.append(
                    QRectF(origin.x() + x0, origin.y() + line.y(), x1 - x0, line.height())
                        .toAlignedRect()
                        .intersected(QRect(bodyX, y, width - bodyX, rowHeight)));
            }
        }
        m_painted.push_back(painted);
        y += rowHeight;
    }
    if (rows.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   m_model->isScanning() ? tr("Searching…") : tr("No log lines match."));
    }
}

void LogRowsView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_model->setVisibleRows(std::max(1, viewport()->height() / lineHeight() + 1));
}

void LogRowsView::keyPressEvent(QKeyEvent* event)
{
    const int page = std::max(1, viewport()->height() / lineHeight() - 1);
    switch (event->key()) {
    case Qt::Key_Down:
        setCurrentRow(m_current + 1);
        return;
    case Qt::Key_Up:
        setCurrentRow(m_current - 1);
        return;
    case Qt::Key_PageDown:
        m_model->scrollRows(page);
        return;
    case Qt::Key_PageUp:
        m_model->scrollRows(-page);
        return;
    case Qt::Key_Home:
        m_model->scrollToFraction(0.0);
        return;
    case Qt::Key_End:
        m_model->scrollToFraction(1.0);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void LogRowsView::wheelEvent(QWheelEvent* event)
{
    const int notches = -event->angleDelta().y() / 120;
    if (notches != 0)
        m_model->scrollRows(notches * 3);
    event->accept();
}

void LogRowsView::mousePressEvent(QMouseEvent* event)
{
    for (int i = 0; i < int(m_painted.size()); ++i) {
        if (m_painted[std::size_t(i)].rect.contains(event->position().toPoint())) {
            setCurrentRow(i);
            break;
        }
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void LogRowsView::mouseDoubleClickEvent(QMouseEvent* event)
{
    mousePressEvent(event);
    if (m_openTrace->isEnabled())
        m_openTrace->trigger();
}

void LogRowsView::scrollContentsBy(int, int)
{
    // The slider was dragged or clicked in its track: a position in time.
    if (!m_syncing)
        m_model->scrollToFraction(double(verticalScrollBar()->value()) / kScrollSteps);
}

void LogRowsView::syncScrollBar()
{
    m_syncing = true;
    verticalScrollBar()->setValue(int(m_model->positionFraction() * kScrollSteps));
    m_syncing = false;
}

void LogRowsView::updateActions()
{
    const auto& rows = m_model->rows();
    const bool has = m_current >= 0 && m_current < int(rows.size());
    m_copy->setEnabled(has);
    m_openTrace->setEnabled(has && rows[std::size_t(m_current)].traceId.isValid());
}

} // namespace wf::ui
