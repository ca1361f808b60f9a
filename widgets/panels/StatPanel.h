#pragma once
// Grafana's stat panel: per series one big value with its unit, coloured by the threshold it reaches,
// over a sparkline of the series (decimated to the panel's width with M4).

#include "panels/PanelValues.h"

#include <QWidget>

namespace wf::ui {

class StatPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatPanel(QWidget* parent = nullptr);

    void setOptions(const ValuePanelOptions& options);
    void setSparkline(bool on);
    void setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs);

    const QList<PanelValue>& values() const { return m_values; }
    QString valueText(int index) const; // "1.5 KiB"; "No data" without series

    QSize sizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void recompute();
    QRect cellRect(int index) const;

    ValuePanelOptions m_options;
    bool m_sparkline = true;
    std::vector<signalstore::SeriesSet> m_series;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    QList<PanelValue> m_values;
};

} // namespace wf::ui
