#pragma once
// Grafana's gauge: per series an arc from min to max, filled up to the value in its threshold colour,
// with the threshold steps as a thin outer ring and the value in the middle.

#include "panels/PanelValues.h"

#include <QWidget>

namespace wf::ui {

class GaugePanel : public QWidget
{
    Q_OBJECT
public:
    explicit GaugePanel(QWidget* parent = nullptr);

    void setOptions(const ValuePanelOptions& options);
    void setSeries(const std::vector<signalstore::SeriesSet>& series);

    const QList<PanelValue>& values() const { return m_values; }
    // The filled part of gauge `index`, 0..1 (clamped), and the scale in use.
    double fraction(int index) const;
    std::pair<double, double> range() const { return m_range; }

    QSize sizeHint() const override { return {220, 180}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void recompute();

    ValuePanelOptions m_options;
    std::vector<signalstore::SeriesSet> m_series;
    QList<PanelValue> m_values;
    std::pair<double, double> m_range{0, 100};
};

} // namespace wf::ui
