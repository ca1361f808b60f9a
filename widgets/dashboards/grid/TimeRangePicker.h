#pragma once

// The dashboard's time range and auto-refresh controls: quick ranges ("Last 6 hours", "Today", ...),
// absolute or relative from/to typed in (validated as you apply), zoom out, shift earlier/later,
// back/forward through the ranges chosen, and the refresh interval. The logic is in
// models/dashboard (TimeRange, TimeRangeHistory); this is the thin view.

#include "dashboard/TimeRange.h"
#include "dashboard/TimeRangeHistory.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace wf::ui {

class TimeRangePicker : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRangePicker(QWidget* parent = nullptr);

    // The clock used to resolve relative ranges for zoom and shift (tests pass a fixed one).
    void setClock(std::function<qint64()> nowMs);

    dashboard::TimeRange timeRange() const { return m_history.current(); }
    // Makes `range` current (a new history entry) and announces it.
    void setTimeRange(const dashboard::TimeRange& range);
    QString refreshInterval() const;
    void setRefreshInterval(const QString& interval);

    void goBack();
    void goForward();
    void zoomOut();
    void shiftBy(double fraction); // -0.5: half a span earlier
    // Validates the typed from/to; on success makes them current. Returns the error, or empty.
    QString applyTyped();

    QToolButton* quickRangesButton() const { return m_quick; }
    QLineEdit* fromEdit() const { return m_from; }
    QLineEdit* toEdit() const { return m_to; }
    QComboBox* refreshBox() const { return m_refresh; }
    QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    void timeRangeChanged(const wf::dashboard::TimeRange& range);
    // 0 ms for off.
    void refreshIntervalChanged(const QString& interval, qint64 ms);

private:
    void showCurrent();
    void setCurrentFromHistory();

    std::function<qint64()> m_now;
    dashboard::TimeRangeHistory m_history;
    QToolButton* m_back;
    QToolButton* m_forward;
    QToolButton* m_earlier;
    QToolButton* m_later;
    QToolButton* m_zoomOut;
    QToolButton* m_quick;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QToolButton* m_apply;
    QLabel* m_error;
    QComboBox* m_refresh;
};

} // namespace wf::ui
