#pragma once
// The legend under a time series plot: a colour swatch and name per series and, optionally, the
// series' min, max, mean and last value (formatted with the chart's unit). Painted, not built from
// child widgets, so a legend of 50 series costs one paint.

#include <QColor>
#include <QList>
#include <QWidget>

namespace wf::ui {

struct LegendRow
{
    QString name;
    QColor colour;
    // Already formatted: min, max, mean, last.
    QString min, max, mean, last;
};

class ChartLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ChartLegend(QWidget* parent = nullptr);

    void setRows(const QList<LegendRow>& rows, bool withStats);
    const QList<LegendRow>& rows() const { return m_rows; }
    // Rows that fit; the rest are summarised as "+ N more" (their names in the tooltip).
    int visibleRowCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int rowHeight() const;
    int rowAt(int y) const;

    QList<LegendRow> m_rows;
    bool m_withStats = true;
};

} // namespace wf::ui
