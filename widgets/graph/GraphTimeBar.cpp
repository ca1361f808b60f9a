#include "GraphTimeBar.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <utility>

namespace wf::ui {

GraphTimeBar::GraphTimeBar(QWidget* parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_playButton(new QToolButton(this))
    , m_live(new QToolButton(this))
    , m_label(new QLabel(this))
{
    m_slider->setObjectName(QStringLiteral("graphTimeSlider"));
    m_slider->setRange(0, graph::GraphTimeline::kSliderSteps);
    m_slider->setValue(graph::GraphTimeline::kSliderSteps);
    m_playButton->setObjectName(QStringLiteral("graphReplayPlay"));
    m_playButton->setCheckable(true);
    m_playButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_playButton->setToolTip(tr("Play the replay from the slider's position, or pause it (Ctrl+P)"));
    m_live->setText(tr("Live"));
    m_live->setToolTip(tr("Follow the dashboards' time range again"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setMinimumWidth(
        m_label->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00 (replay)")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_playButton);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_live);
    m_play.setInterval(500);
    connect(&m_play, &QTimer::timeout, this, &GraphTimeBar::step);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        m_timeline.seekSlider(value);
        sync();
        Q_EMIT timeChanged();
    });
    connect(m_playButton, &QToolButton::toggled, this, &GraphTimeBar::setPlaying);
    connect(m_live, &QToolButton::clicked, this, &GraphTimeBar::follow);
    sync();
}

void GraphTimeBar::setRange(qint64 fromNs, qint64 toNs, bool moving)
{
    const qint64 before = m_timeline.positionNs();
    const bool wasMoving = std::exchange(m_moving, moving);
    m_timeline.setRange(fromNs, toNs);
    sync();
    if (m_timeline.positionNs() != before || wasMoving != moving)
        Q_EMIT timeChanged();
}

void GraphTimeBar::seek(qint64 atNs)
{
    m_timeline.seek(atNs);
    sync();
    Q_EMIT timeChanged();
}

void GraphTimeBar::follow()
{
    setPlaying(false);
    m_timeline.follow();
    sync();
    Q_EMIT timeChanged();
}

void GraphTimeBar::setPlaying(bool playing)
{
    if (playing == m_play.isActive())
        return;
    if (playing) {
        // Play from the start when at the end (or live): a replay of the whole range.
        if (m_timeline.following() || m_timeline.positionNs() >= m_timeline.rangeToNs())
            m_timeline.seek(m_timeline.rangeFromNs());
        m_play.start();
        sync();
        Q_EMIT timeChanged();
    } else {
        m_play.stop();
        sync();
    }
}

void GraphTimeBar::step()
{
    const qint64 stepNs = std::max<qint64>((m_timeline.rangeToNs() - m_timeline.rangeFromNs()) / 60, 1);
    if (!m_timeline.advance(stepNs)) {
        setPlaying(false);
        return;
    }
    sync();
    Q_EMIT timeChanged();
}

QString GraphTimeBar::positionText() const
{
    if (m_timeline.following() && m_moving)
        return tr("Live");
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(m_timeline.positionNs() / 1'000'000);
    const QString at = t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return m_timeline.following() ? tr("%1 (end of range)").arg(at) : tr("%1 (replay)").arg(at);
}

QString GraphTimeBar::rangeText() const
{
    if (m_timeline.rangeToNs() <= m_timeline.rangeFromNs())
        return {};
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    const auto at = [&](qint64 ns) {
        return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(format);
    };
    return m_moving ? tr("Replay across the newest spans, %1 – %2")
                          .arg(at(m_timeline.rangeFromNs()), at(m_timeline.rangeToNs()))
                    : tr("Replay across the dashboards' range, %1 – %2")
                          .arg(at(m_timeline.rangeFromNs()), at(m_timeline.rangeToNs()));
}

void GraphTimeBar::sync()
{
    const QSignalBlocker block(m_slider);
    m_slider->setValue(m_timeline.sliderValue());
    m_slider->setEnabled(m_timeline.rangeToNs() > m_timeline.rangeFromNs());
    m_label->setText(positionText());
    const QString range = rangeText();
    m_label->setToolTip(range);
    QString sliderTip = tr("Replay the graph across the time range: drag to see the graph at that moment");
    if (!range.isEmpty())
        sliderTip += u'\n' + range;
    m_slider->setToolTip(sliderTip);
    m_live->setEnabled(!m_timeline.following());
    const QSignalBlocker blockPlay(m_playButton);
    m_playButton->setChecked(m_play.isActive());
    m_playButton->setIcon(
        style()->standardIcon(m_play.isActive() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace wf::ui
