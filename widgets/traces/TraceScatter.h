#pragma once

// Search results as a scatter: one dot per trace, its start time across, its duration up. Slow
// outliers stand out at a glance; failing traces are drawn in the theme's critical colour. Click a dot
// to select it, double-click (or Enter) to open it; Left/Right walk the dots in time order.

#include "signalstore/SignalQueries.h"

#include <QWidget>

#include <vector>

namespace wf::ui {

class TraceScatter : public QWidget
{
    Q_OBJECT
public:
    explicit TraceScatter(QWidget* parent = nullptr);

    void setTraces(std::vector<signalstore::TraceSummary> traces);
    const std::vector<signalstore::TraceSummary>& traces() const { return m_traces; }
    int selectedIndex() const { return m_selected; }
    void setSelectedIndex(int index);
    // Where the dot of a trace is drawn (widget coordinates); for tests.
    QPointF dotPosition(int index) const;
    int indexAt(const QPoint& pos) const; // the nearest dot within a few pixels, or -1

    QSize sizeHint() const override { return {480, 180}; }
    QSize minimumSizeHint() const override { return {200, 100}; }

Q_SIGNALS:
    void selected(int index);
    void activated(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotRect() const;

    std::vector<signalstore::TraceSummary> m_traces;
    std::vector<int> m_byTime; // indices sorted by start
    qint64 m_minStart = 0;
    qint64 m_maxStart = 0;
    qint64 m_maxDuration = 0;
    int m_selected = -1;
};

} // namespace wf::ui
