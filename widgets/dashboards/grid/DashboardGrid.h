#pragma once

// A dashboard's panels laid out on Grafana's 24-column grid (rows of kRowHeight px), with row headers
// that collapse and expand, dragging by the title to move and the corner grip to resize. Every edit
// goes through the model's grid operations (models/dashboard/GridLayout.h), so the widget and the
// saved dashboard never disagree. Panel content is any widget the factory makes (the lead wires the
// real chart/stat/table panels).

#include "dashboard/Dashboard.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QToolButton;

namespace wf::ui {

class PanelFrame;

class DashboardGrid : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRowHeight = 30;
    static constexpr int kGap = 6;

    // Makes the content widget for a panel; the grid owns what it returns. May return null (then the
    // panel shows its title only).
    using PanelFactory = std::function<QWidget*(const dashboard::Panel&)>;

    explicit DashboardGrid(PanelFactory factory, QWidget* parent = nullptr);

    void setDashboard(const dashboard::Dashboard& dashboard);
    const dashboard::Dashboard& dashboard() const { return m_dashboard; }

    // Where a grid position is drawn at the current width.
    QRect cellRect(const dashboard::GridPos& pos) const;
    PanelFrame* frameFor(int panelId) const;
    QToolButton* rowHeaderFor(int rowId) const;

    // The panel the last move or resize was about (0 after a row toggle): the undo stack names it.
    int lastChangedPanel() const { return m_lastChangedPanel; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // After a move, resize or row toggle changed the dashboard.
    void dashboardChanged();
    // A panel's editor was asked for (E, double-click on its title, its edit button).
    void editRequested(int panelId);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void rebuild();
    void relayout();
    int contentHeight() const;
    double columnWidth() const;
    dashboard::GridPos snap(QPoint topLeft, const dashboard::GridPos& current) const;

    void onDragMoved(int panelId, QPoint topLeft);
    void onDragFinished(int panelId);
    void onResizeMoved(int panelId, QPoint bottomRight);
    void onResizeFinished(int panelId);
    void onStep(int panelId, int dx, int dy, bool resize);
    void onRowClicked(int rowId);

    PanelFactory m_factory;
    dashboard::Dashboard m_dashboard;
    QHash<int, QPointer<PanelFrame>> m_frames;
    QHash<int, QPointer<QToolButton>> m_rowHeaders;
    int m_lastChangedPanel = 0;
    std::optional<dashboard::GridPos> m_preview; // where a drag or resize would land
};

} // namespace wf::ui
