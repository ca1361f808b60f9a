#pragma once
// The service graph's time: "Live" while it follows the dashboards' range, else the replay position
// with a slider across the range and play/pause (Space when the slider has focus). Owns the
// GraphTimeline; whoever builds graphs reads windows() from it when timeChanged fires.
#include "graph/GraphTimeline.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace wf::ui {

class GraphTimeBar : public QWidget
{
    Q_OBJECT
public:
    explicit GraphTimeBar(QWidget* parent = nullptr);

    const graph::GraphTimeline& timeline() const { return m_timeline; }
    // The dashboards' range (or the incident window); keeps a replay position that is still inside.
    // `moving`: the range follows the newest data ("Live"); else it is a fixed range, whose end the
    // graph shows until the slider moves.
    void setRange(qint64 fromNs, qint64 toNs, bool moving = true);
    bool isRangeMoving() const { return m_moving; }
    void seek(qint64 atNs);
    void follow();
    void setPlaying(bool playing);
    bool isPlaying() const { return m_play.isActive(); }
    // Replay speed: how far one step moves (default: a sixtieth of the range) and how often.
    void setStepInterval(int ms) { m_play.setInterval(ms); }

    QSlider* slider() const { return m_slider; }
    QToolButton* playButton() const { return m_playButton; }
    QString positionText() const;
    // The range the slider spans, for its tooltip; empty before there is one.
    QString rangeText() const;

Q_SIGNALS:
    // The position moved (slider, play, follow, or the live range's end): build the graph again.
    void timeChanged();

private:
    void sync();
    void step();

    graph::GraphTimeline m_timeline;
    QSlider* m_slider;
    QToolButton* m_playButton;
    QToolButton* m_live;
    QLabel* m_label;
    QTimer m_play;
    bool m_moving = true;
};

} // namespace wf::ui
