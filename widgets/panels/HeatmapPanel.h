#pragma once
// Histogram buckets over time: a cell per bucket and timestamp, darker/more saturated the more
// observations fell into it. Input: series with an `le` label (see analysis/HistogramHeatmap.h).

#include "analysis/HistogramHeatmap.h"

#include <QColor>
#include <QWidget>

namespace wf::ui {

class HeatmapPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapPanel(QWidget* parent = nullptr);

    void setUnit(const QString& unitId); // of the bucket bounds (e.g. "s" for latency histograms)
    void setSeries(const std::vector<signalstore::SeriesSet>& buckets);

    const analysis::HeatmapGrid& grid() const { return m_grid; }
    // Drawn cells (buckets x timestamps that have a count), their rectangles and colours.
    int cellCount() const;
    QRectF cellRect(size_t bucket, size_t column) const;
    QColor cellColour(double count) const;
    QString cellText(size_t bucket, size_t column) const;

    QSize sizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotRect() const;

    analysis::HeatmapGrid m_grid;
    QString m_unitId;
};

} // namespace wf::ui
