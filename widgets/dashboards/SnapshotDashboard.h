#pragma once

#include "charts/TimeSeriesChart.h"
#include "incident/PanelSnapshot.h"

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace wf::ui {

// The dashboards as they were during an incident, drawn from the panel snapshots an incident file
// keeps: one chart per panel over the incident's window, with the incident's moments marked, and
// any snapshot that failed its check named above them. Nothing here queries a live store.
class SnapshotDashboard : public QScrollArea
{
    Q_OBJECT
public:
    explicit SnapshotDashboard(QWidget* parent = nullptr);

    void setSnapshots(const QList<incident::PanelSnapshot>& snapshots, const QStringList& problems);
    void setAnnotations(const QList<ChartAnnotation>& annotations);
    QList<TimeSeriesChart*> charts() const { return m_charts; }
    QString problemText() const;

private:
    QWidget* m_page;
    QVBoxLayout* m_layout;
    QLabel* m_problems;
    QList<QWidget*> m_frames;
    QList<TimeSeriesChart*> m_charts;
};

} // namespace wf::ui
