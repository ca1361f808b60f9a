#pragma once
// Grafana's bar gauge: one horizontal bar per series, its length the value on the panel's scale, its
// colour the threshold the value reaches; name on the left, value on the right.

#include "panels/PanelValues.h"

#include <QWidget>

namespace wf::ui {

class BarGaugePanel : public QWidget
{
    Q_OBJECT
public:
    explicit BarGaugePanel(QWidget* parent = nullptr);

    void setOptions(const ValuePanelOptions& options);
    void setSeries(const std::vector<signalstore::SeriesSet>& series);

    const QList<PanelValue>& values() const { return m_values; }
    double fraction(int index) const; // 0..1 of the scale
    QRect barRect(int index) const;   // the filled part, in widget coordinates
    std::pair<double, double> range() const { return m_range; }

    QSize sizeHint() const override { return {300, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void recompute();
    QRect rowRect(int index) const;
    int nameWidth() const;
    int valueWidth() const;

    ValuePanelOptions m_options;
    std::vector<signalstore::SeriesSet> m_series;
    QList<PanelValue> m_values;
    std::pair<double, double> m_range{0, 1};
};

} // namespace wf::ui
