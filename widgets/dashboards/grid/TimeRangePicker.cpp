#include "TimeRangePicker.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QToolButton>

namespace wf::ui {

using namespace wf::dashboard;

namespace {

QToolButton* button(QWidget* parent, const QString& text, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget* parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_back(button(this, QStringLiteral("◀"), tr("Previous time range (Alt+Left)")))
    , m_forward(button(this, QStringLiteral("▶"), tr("Next time range (Alt+Right)")))
    , m_earlier(button(this, QStringLiteral("«"), tr("Half a range earlier")))
    , m_later(button(this, QStringLiteral("»"), tr("Half a range later")))
    , m_zoomOut(button(this, tr("Zoom out"), tr("Double the time range around its middle (Ctrl+Z)")))
    , m_quick(new QToolButton(this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_apply(button(this, tr("Apply"), tr("Use the typed start and end (Enter)")))
    , m_error(new QLabel(this))
    , m_refresh(new QComboBox(this))
{
    m_quick->setPopupMode(QToolButton::InstantPopup);
    m_quick->setToolTip(tr("Quick ranges"));
    auto* menu = new QMenu(m_quick);
    for (const QuickRange& q : quickRanges()) {
        const TimeRange range = q.range;
        menu->addAction(q.display, this, [this, range] { setTimeRange(range); });
    }
    m_quick->setMenu(menu);

    m_from->setPlaceholderText(tr("From: now-6h, 2024-05-01 10:00:00"));
    m_to->setPlaceholderText(tr("To: now"));
    m_from->setToolTip(tr("Relative (now-6h, now/d, now-1d/d) or absolute (ISO date, epoch milliseconds)"));
    m_to->setToolTip(m_from->toolTip());
    m_from->setMinimumWidth(130);
    m_to->setMinimumWidth(130);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();

    for (const QString& interval : refreshIntervals())
        m_refresh->addItem(interval == u"off" ? tr("Auto refresh off") : tr("Every %1").arg(interval),
                           interval);
    m_refresh->setToolTip(tr("Auto refresh interval"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (QWidget* w : std::initializer_list<QWidget*>{m_back, m_forward, m_quick, m_from, m_to, m_apply,
                                                      m_earlier, m_zoomOut, m_later, m_refresh, m_error})
        layout->addWidget(w);
    layout->addStretch(1);

    connect(m_back, &QToolButton::clicked, this, &TimeRangePicker::goBack);
    connect(m_forward, &QToolButton::clicked, this, &TimeRangePicker::goForward);
    connect(m_zoomOut, &QToolButton::clicked, this, &TimeRangePicker::zoomOut);
    connect(m_earlier, &QToolButton::clicked, this, [this] { shiftBy(-0.5); });
    connect(m_later, &QToolButton::clicked, this, [this] { shiftBy(0.5); });
    connect(m_apply, &QToolButton::clicked, this, &TimeRangePicker::applyTyped);
    connect(m_from, &QLineEdit::returnPressed, this, &TimeRangePicker::applyTyped);
    connect(m_to, &QLineEdit::returnPressed, this, &TimeRangePicker::applyTyped);
    connect(m_refresh, &QComboBox::currentIndexChanged, this, [this] {
        const QString interval = refreshInterval();
        emit refreshIntervalChanged(interval, parseRefreshInterval(interval).value_or(0));
    });

    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Left), [this] { goBack(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Right), [this] { goForward(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Z), [this] { zoomOut(); });

    showCurrent();
}

void TimeRangePicker::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

void TimeRangePicker::setTimeRange(const TimeRange& range)
{
    if (range == m_history.current())
        return;
    m_history.push(range);
    setCurrentFromHistory();
}

void TimeRangePicker::setCurrentFromHistory()
{
    showCurrent();
    emit timeRangeChanged(m_history.current());
}

void TimeRangePicker::showCurrent()
{
    const TimeRange& r = m_history.current();
    m_quick->setText(describe(r));
    const auto readable = [](const QString& end) {
        bool isNumber = false;
        const qint64 ms = end.toLongLong(&isNumber);
        return isNumber ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                        : end;
    };
    m_from->setText(readable(r.from));
    m_to->setText(readable(r.to));
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
    m_error->hide();
    m_from->setPalette(QPalette());
    m_to->setPalette(QPalette());
}

QString TimeRangePicker::refreshInterval() const
{
    return m_refresh->currentData().toString();
}

void TimeRangePicker::setRefreshInterval(const QString& interval)
{
    const QString wanted = interval.isEmpty() ? QStringLiteral("off") : interval;
    int index = m_refresh->findData(wanted);
    if (index < 0 && parseRefreshInterval(wanted).value_or(0) > 0) {
        // A dashboard's own interval that is not in the list: offer it too.
        m_refresh->addItem(tr("Every %1").arg(wanted), wanted);
        index = m_refresh->count() - 1;
    }
    if (index >= 0)
        m_refresh->setCurrentIndex(index);
}

void TimeRangePicker::goBack()
{
    if (!m_history.canGoBack())
        return;
    m_history.back();
    setCurrentFromHistory();
}

void TimeRangePicker::goForward()
{
    if (!m_history.canGoForward())
        return;
    m_history.forward();
    setCurrentFromHistory();
}

void TimeRangePicker::zoomOut()
{
    if (const auto r = resolve(m_history.current(), m_now()))
        setTimeRange(zoom(*r, 2.0));
}

void TimeRangePicker::shiftBy(double fraction)
{
    if (const auto r = resolve(m_history.current(), m_now()))
        setTimeRange(shift(*r, fraction));
}

QString TimeRangePicker::applyTyped()
{
    const TimeRange typed{m_from->text().trimmed(), m_to->text().trimmed()};
    const QString error = validate(typed, m_now());
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        QPalette bad = m_from->palette();
        bad.setColor(QPalette::Base, QColor(255, 0, 0, 40));
        const bool fromBad = !resolveTimeExpression(typed.from, m_now(), false);
        (fromBad ? m_from : m_to)->setPalette(bad);
        return error;
    }
    // Typed dates are stored as epoch milliseconds; relative text stays relative.
    const auto store = [this](const QString& text, bool roundUp) {
        if (text.startsWith(u"now"))
            return text;
        return QString::number(*resolveTimeExpression(text, m_now(), roundUp));
    };
    setTimeRange(TimeRange{store(typed.from, false), store(typed.to, true)});
    showCurrent();
    return {};
}

} // namespace wf::ui
