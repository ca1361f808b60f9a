#pragma once
// The legend of a time series plot: a colour swatch and name per series and, optionally, the
// series' min, max, mean and last value (formatted with the chart's unit). Painted, not built from
// child widgets, so a legend of 50 series costs one paint.
//
// Like Grafana's, it never takes the plot's space: under the plot it gets at most 30 % of the chart's
// height, with fewer rows and "+ N more" (the rest in the tooltip); in a short chart it becomes a
// list of names right of the plot (statistics in each name's tooltip), and below that it hides.

#include <QColor>
#include <QList>
#include <QWidget>

namespace wf::ui {

enum class LegendPlacement { Bottom, Right, Hidden };

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
    // Chooses where the legend goes in a chart of this size and how many rows it shows; returns its
    // rectangle in the chart (null when hidden). The chart gives the rest to the plot.
    QRect placeIn(const QSize& chart);
    LegendPlacement placement() const { return m_placement; }
    // Whether the Min/Max/Mean/Last columns are painted (only in the table under the plot).
    bool showsStats() const
    {
        return m_withStats && m_statsColumns && m_placement == LegendPlacement::Bottom;
    }
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
    int headerRows() const { return showsStats() ? 1 : 0; }
    int rowsHeight(int rows) const { return rows * rowHeight() + 4; }

    QList<LegendRow> m_rows;
    bool m_withStats = true;
    LegendPlacement m_placement = LegendPlacement::Bottom;
    bool m_statsColumns = true;
    int m_capacity = 6; // rows that fit, the "+ N more" row included
};

} // namespace wf::ui
