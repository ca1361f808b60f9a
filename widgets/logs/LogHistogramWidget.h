#pragma once
// Log volume over time, one stacked bar per bucket coloured by level (errors on top where they catch
// the eye). Clicking a bar asks to jump to the newest lines of that bucket; the bar holding the lines
// on screen is marked.
#include "signalstore/LogPaging.h"

#include <QWidget>

namespace wf::ui {

class LogHistogramWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LogHistogramWidget(QWidget* parent = nullptr);

    void setHistogram(const signalstore::LogHistogram& histogram);
    void setCurrentTime(qint64 timeNs); // the top line's time: its bar is marked

    int barCount() const { return int(m_histogram.counts.size()); }
    QRect barRect(int bucket) const; // the whole column of the bucket, for clicks and tests
    qint64 bucketTotal(int bucket) const;
    int currentBucket() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void timeClicked(qint64 timeNs); // the end of the clicked bucket (its newest lines)

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    int bucketAt(const QPoint& pos) const;
    QRect plotRect() const;

    signalstore::LogHistogram m_histogram;
    qint64 m_currentTimeNs = 0;
};

} // namespace wf::ui
