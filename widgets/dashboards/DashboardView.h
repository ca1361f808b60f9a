#pragma once

// A dashboard as a tab: the time range picker, the variable pickers, the import report (when the
// dashboard came from a Grafana or Perses file), and the grid of panels, each running its queries
// through a metrics source (Prometheus or the local series store; answers arrive decoded off the UI
// thread). Refreshes on the picker's interval; dragging over a chart zooms every panel (with
// back/forward in the picker); hovering a chart moves the crosshair of every other time series panel.
// Panels open in the panel editor (E, double-click on the title); moves, resizes and edits are
// undoable; time series panels carry annotations from the workspace and from annotation queries.

#include "dashboard/Annotations.h"
#include "dashboard/Dashboard.h"
#include "dashboard/ImportReport.h"
#include "dashboard/LegendFormat.h"
#include "prometheus/MetricsCall.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QSettings;
class QTimer;
class QToolButton;
class QUndoStack;

namespace wf::prometheus {
class MetricsSource;
}

namespace wf::ui {

class DashboardGrid;
class DashboardPanelWidget;
class PanelEditorDialog;
class TimeRangePicker;
class VariableBar;

class DashboardView : public QWidget
{
    Q_OBJECT

public:
    // `source` may be null (panels then say there is no data source); it must outlive this view.
    DashboardView(const dashboard::Dashboard& dashboard, const dashboard::ImportReport& report,
                  prometheus::MetricsSource* source, QWidget* parent = nullptr);
    ~DashboardView() override;

    void setClock(std::function<qint64()> nowMs);
    // Where variable selections are remembered per dashboard (default: the application's QSettings).
    // Set before start(); must outlive this view.
    void setSelectionSettings(QSettings* settings) { m_settings = settings; }
    // The data source's scrape interval (the smallest useful step); Prometheus' default is 15 s.
    void setScrapeInterval(qint64 ms) { m_scrapeMs = ms; }

    // Starts querying (the first refresh). Called once the view is set up.
    void start();
    // Resolves the query variables again, then queries every panel.
    void refresh();

    dashboard::Dashboard dashboard() const; // with the grid's current layout and variable selections
    // After the dashboard was saved (a new one gets its uid from the store).
    void setSavedUid(const QString& uid);
    prometheus::MetricsSource* metricsSource() const { return m_source; }
    VariableBar* variableBar() const { return m_variableBar; }
    QUndoStack* undoStack() const { return m_undo; }
    QToolButton* saveButton() const { return m_saveButton; }

    // Picks values of a variable as its control does: remembered, then variables resolved and panels
    // queried again.
    void selectVariable(const QString& name, const QStringList& values);

    // Opens the panel editor (non-modal; one at a time) and returns it; null for an unknown panel.
    PanelEditorDialog* editPanel(int panelId);
    PanelEditorDialog* panelEditor() const;
    // Replaces a panel (the editor's Apply): one undo step.
    void applyPanelEdit(const dashboard::Panel& panel);

    // Annotations from the workspace (incident timelines); the view adds those of its annotation
    // queries and draws both on every time series panel.
    void setWorkspaceAnnotations(const QList<dashboard::Annotation>& annotations);
    QList<dashboard::Annotation> annotations() const; // all of them, in the current range
    QLabel* annotationStatus() const { return m_annotationStatus; }
    const QList<dashboard::Variable>& variables() const { return m_variables; }
    TimeRangePicker* picker() const { return m_picker; }
    DashboardGrid* grid() const { return m_grid; }
    QLabel* reportBanner() const { return m_banner; }
    QList<DashboardPanelWidget*> panelWidgets() const;
    DashboardPanelWidget* panelWidget(int panelId) const;

Q_SIGNALS:
    // A panel received an answer (data or error); the editor's preview reports kPreviewPanelId.
    void panelUpdated(int panelId);
    // Save (Ctrl+S in the File menu, the Save button): the presenter writes dashboard() to the workspace.
    void saveRequested();
    // The annotation queries answered and the charts carry the new annotations.
    void annotationsUpdated();

public:
    static constexpr int kPreviewPanelId = -1;

private:
    QWidget* makePanel(const dashboard::Panel& panel);
    void queryPanels();
    void queryPanel(DashboardPanelWidget* widget);
    using LabelsSeen = std::function<void(const QList<dashboard::LabelSet>&)>;
    void queryInto(DashboardPanelWidget* widget, int key, LabelsSeen labelsSeen = {});
    void resolveVariables();
    void restoreSelections();
    QSettings& settings();
    void onGridChanged();
    void applyLayout(const QList<dashboard::Panel>& panels, const QList<dashboard::Row>& rows);
    void updateUndoButtons();
    // DashboardViewAnnotations.cpp
    void runAnnotationQueries();
    void applyAnnotations();
    void applyAnnotationsTo(DashboardPanelWidget* widget);
    void onHovered(qint64 timeMs);
    int panelWidthPx(const dashboard::Panel& panel) const;

    dashboard::Dashboard m_dashboard;
    dashboard::ImportReport m_report;
    prometheus::MetricsSource* m_source;
    QList<dashboard::Variable> m_variables;
    std::function<qint64()> m_now;
    qint64 m_scrapeMs = 15000;
    bool m_started = false;

    TimeRangePicker* m_picker;
    VariableBar* m_variableBar;
    QToolButton* m_undoButton;
    QToolButton* m_redoButton;
    QToolButton* m_saveButton;
    QLabel* m_banner;
    QLabel* m_annotationStatus;
    QUndoStack* m_undo;
    dashboard::Dashboard m_snapshot; // the grid's dashboard as of the last undo entry
    QString m_uid;
    QSettings* m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    bool m_selectionsRestored = false;
    QPointer<PanelEditorDialog> m_editor;
    QList<dashboard::Annotation> m_workspaceAnnotations;
    QHash<int, QList<dashboard::Annotation>> m_queryAnnotations; // by annotation query index
    QHash<int, QString> m_annotationErrors;
    QList<prometheus::MetricsCall> m_annotationCalls;
    quint64 m_annotationGeneration = 0;
    DashboardGrid* m_grid;
    QTimer* m_refreshTimer;
    QHash<int, QPointer<DashboardPanelWidget>> m_panels;
    QHash<int, QList<prometheus::MetricsCall>> m_calls;
    QHash<int, quint64> m_generation; // answers of an older refresh are dropped
};

} // namespace wf::ui
