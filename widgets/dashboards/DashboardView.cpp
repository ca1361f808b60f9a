#include "DashboardView.h"

#include "DashboardPanelWidget.h"
#include "DashboardUndo.h"
#include "VariableBar.h"
#include "charts/ChartOptions.h"
#include "charts/TimeSeriesChart.h"
#include "dashboard/DashboardEdit.h"
#include "dashboard/PanelQueryPlan.h"
#include "dashboard/VariableResolver.h"
#include "dashboard/VariableSelection.h"
#include "editor/PanelEditorDialog.h"
#include "grid/DashboardGrid.h"
#include "grid/TimeRangePicker.h"
#include "prometheus/MetricsSource.h"
#include "prometheus/QueryNames.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace wf::ui {

namespace {

QString placeholderReason(const dashboard::ImportReport& report, const dashboard::Panel& panel)
{
    const QString name = panel.title.isEmpty() ? QStringLiteral("#%1").arg(panel.id) : panel.title;
    QStringList reasons;
    for (const dashboard::ImportIssue& issue : report.issues)
        if (issue.panel == name)
            reasons << issue.what + QStringLiteral(": ") + issue.why;
    return reasons.join(QLatin1Char('\n'));
}

// Label values through an instant query, so any metrics source that answers PromQL can resolve
// label_values() variables: "count by (label) (selector)" returns one series per value.
dashboard::MetricsSource variableSource(prometheus::MetricsSource* source, QObject* context,
                                        std::function<qint64()> now)
{
    dashboard::MetricsSource s;
    if (!source)
        return s;
    s.labelValues = [source, context, now](const QString& label, const QString& match,
                                           dashboard::MetricsSource::ValuesReply reply) {
        const QString selector = match.isEmpty() ? QStringLiteral("{%1!=\"\"}").arg(label) : match;
        const QString expr = QStringLiteral("count by (%1) (%2)").arg(label, selector);
        source->queryInstant({expr, now()}, context, [label, reply](prometheus::MetricsResult r) {
            QStringList values;
            for (const auto& set : r.series)
                for (const auto& [key, value] : set.labels)
                    if (key == label && !values.contains(value))
                        values << value;
            values.sort();
            reply(values, r.ok() ? QString() : r.error.message);
        });
    };
    s.instantQuery = [source, context, now](const QString& expr,
                                            dashboard::MetricsSource::SamplesReply reply) {
        source->queryInstant({expr, now()}, context, [reply](prometheus::MetricsResult r) {
            QList<dashboard::InstantSample> samples;
            for (const auto& set : r.series) {
                dashboard::InstantSample sample;
                sample.labels = dashboard::labelsOf(set);
                if (!set.values.empty()) {
                    sample.value = set.values.back();
                    sample.timestampMs = set.timesNs.back() / 1'000'000;
                }
                samples << sample;
            }
            reply(samples, r.ok() ? QString() : r.error.message);
        });
    };
    return s;
}

} // namespace

DashboardView::DashboardView(const dashboard::Dashboard& dashboard, const dashboard::ImportReport& report,
                             prometheus::MetricsSource* source, QWidget* parent)
    : QWidget(parent)
    , m_dashboard(dashboard)
    , m_report(report)
    , m_source(source)
    , m_variables(dashboard.variables)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_picker(new TimeRangePicker(this))
    , m_variableBar(new VariableBar(this))
    , m_undoButton(new QToolButton(this))
    , m_redoButton(new QToolButton(this))
    , m_saveButton(new QToolButton(this))
    , m_banner(new QLabel(this))
    , m_annotationStatus(new QLabel(this))
    , m_undo(new QUndoStack(this))
    , m_uid(dashboard.uid)
    , m_grid(new DashboardGrid([this](const dashboard::Panel& panel) { return makePanel(panel); }))
    , m_refreshTimer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_picker);

    // Variables on the left, the dashboard's own actions on the right.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_variableBar, 1);
    bar->addStretch();
    // Ctrl+Z is the picker's zoom out (as in Grafana), so layout undo has its own keys.
    const auto tool = [this](QToolButton* button, const QString& objectName, const QString& text,
                             const QString& tip, const QKeySequence& keys) {
        button->setObjectName(objectName);
        button->setText(text);
        button->setAutoRaise(true);
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tip + QStringLiteral(" (") + keys.toString(QKeySequence::NativeText) + u')');
        if (keys.isEmpty())
            action->setToolTip(tip);
        addAction(action);
        button->setDefaultAction(action);
        return action;
    };
    QAction* undo =
        tool(m_undoButton, QStringLiteral("undoLayout"), tr("Undo"),
             tr("Undo the last move, resize or panel edit"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    QAction* redo = tool(m_redoButton, QStringLiteral("redoLayout"), tr("Redo"), tr("Redo what was undone"),
                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Z));
    // Ctrl+S belongs to File ▸ Save dashboard, which saves the current tab: one shortcut, no ambiguity.
    QAction* save = tool(m_saveButton, QStringLiteral("saveDashboard"), tr("Save"),
                         tr("Save the dashboard in the workspace (Ctrl+S)"), QKeySequence());
    connect(undo, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(redo, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(save, &QAction::triggered, this, &DashboardView::saveRequested);
    connect(m_undo, &QUndoStack::indexChanged, this, &DashboardView::updateUndoButtons);
    bar->addWidget(m_undoButton);
    bar->addWidget(m_redoButton);
    bar->addWidget(m_saveButton);
    layout->addLayout(bar);
    connect(m_variableBar, &VariableBar::selectionChanged, this, &DashboardView::selectVariable);
    m_variableBar->setVariables(m_variables);

    m_annotationStatus->setObjectName(QStringLiteral("annotationStatus"));
    m_annotationStatus->setTextFormat(Qt::PlainText);
    m_annotationStatus->setWordWrap(true);
    m_annotationStatus->hide();
    layout->addWidget(m_annotationStatus);

    m_banner->setObjectName(QStringLiteral("importReport"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    if (!report.issues.isEmpty()) {
        m_banner->setText(tr("Imported from %1: %2 panels imported, %3 not imported, %4 things not carried "
                             "over (hover for the list).")
                              .arg(report.format)
                              .arg(report.panelsImported)
                              .arg(report.panelsNotImported)
                              .arg(report.issues.size()));
        m_banner->setToolTip(plainToolTip(report.toText()));
    } else {
        m_banner->hide();
    }
    layout->addWidget(m_banner);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_grid);
    layout->addWidget(scroll, 1);

    m_picker->setTimeRange(dashboard.time);
    connect(m_picker, &TimeRangePicker::timeRangeChanged, this, [this] {
        if (m_started)
            refresh();
    });
    connect(m_picker, &TimeRangePicker::refreshIntervalChanged, this, [this](const QString&, qint64 ms) {
        if (ms > 0)
            m_refreshTimer->start(int(std::min<qint64>(ms, 24 * 3600 * 1000)));
        else
            m_refreshTimer->stop();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardView::refresh);
    m_grid->setDashboard(dashboard);
    m_snapshot = m_grid->dashboard();
    connect(m_grid, &DashboardGrid::dashboardChanged, this, &DashboardView::onGridChanged);
    connect(m_grid, &DashboardGrid::editRequested, this, &DashboardView::editPanel);
    updateUndoButtons();
    if (!dashboard.refresh.isEmpty())
        m_picker->setRefreshInterval(dashboard.refresh);
    if (const auto ms = dashboard::parseRefreshInterval(dashboard.refresh); ms && *ms > 0)
        m_refreshTimer->start(int(std::min<qint64>(*ms, 24 * 3600 * 1000)));
}

DashboardView::~DashboardView()
{
    // The stack clears itself when deleted, after the buttons it would update are gone.
    disconnect(m_undo, nullptr, this, nullptr);
    for (auto& calls : m_calls)
        for (auto& call : calls)
            call.cancel();
}

void DashboardView::setClock(std::function<qint64()> nowMs)
{
    m_now = nowMs;
    m_picker->setClock(std::move(nowMs));
}

void DashboardView::start()
{
    m_started = true;
    restoreSelections();
    refresh();
}

QSettings& DashboardView::settings()
{
    if (m_settings)
        return *m_settings;
    if (!m_ownSettings)
        m_ownSettings = std::make_unique<QSettings>();
    return *m_ownSettings;
}

void DashboardView::restoreSelections()
{
    if (std::exchange(m_selectionsRestored, true))
        return;
    if (dashboard::restoreSelections(settings(), dashboard::selectionKey(m_uid, m_dashboard.title),
                                     m_variables) > 0)
        m_variableBar->setVariables(m_variables);
}

void DashboardView::selectVariable(const QString& name, const QStringList& values)
{
    for (dashboard::Variable& v : m_variables) {
        if (v.name != name)
            continue;
        if (!dashboard::applySelection(v, values)) {
            m_variableBar->setVariables(m_variables); // show the pick the rules made of it
            return;
        }
        dashboard::saveSelections(settings(), dashboard::selectionKey(m_uid, m_dashboard.title), m_variables);
        m_variableBar->setVariables(m_variables);
        // Later variables may depend on this one: resolve again, then query.
        refresh();
        return;
    }
}

void DashboardView::setSavedUid(const QString& uid)
{
    if (uid == m_uid)
        return;
    m_uid = uid;
    dashboard::saveSelections(settings(), dashboard::selectionKey(m_uid, m_dashboard.title), m_variables);
}

void DashboardView::resolveVariables()
{
    bool anyQuery = false;
    for (const dashboard::Variable& v : m_variables)
        anyQuery = anyQuery || v.kind == dashboard::VariableKind::Query;
    if (!anyQuery || !m_source) {
        queryPanels();
        return;
    }
    m_variableBar->setBusy(true);
    dashboard::BuiltinIntervals builtins;
    if (const auto range = dashboard::resolve(m_picker->timeRange(), m_now()))
        builtins.rangeMs = range->spanMs();
    QPointer<DashboardView> self(this);
    dashboard::resolveVariables(
        m_variables, builtins, variableSource(m_source, this, m_now),
        [self](const QList<dashboard::Variable>& variables, const QStringList& errors) {
            if (!self)
                return;
            // A variable that could not be resolved keeps its saved selection.
            self->m_variables = variables;
            self->m_variableBar->setVariables(variables);
            self->m_variableBar->setBusy(false);
            if (!errors.isEmpty())
                self->setToolTip(plainToolTip(errors.join(QLatin1Char('\n'))));
            self->queryPanels();
        });
}

void DashboardView::refresh()
{
    // Like Grafana's "refresh on time range change": a server that gained series (a new instance)
    // shows up in the variables' options.
    resolveVariables();
}

void DashboardView::queryPanels()
{
    for (const auto& widget : std::as_const(m_panels))
        queryPanel(widget);
    runAnnotationQueries();
    if (m_editor && m_editor->preview())
        queryInto(m_editor->preview(), kPreviewPanelId,
                  [editor = m_editor](const QList<dashboard::LabelSet>& labels) {
                      if (editor)
                          editor->setPreviewLabels(labels);
                  });
}

dashboard::Dashboard DashboardView::dashboard() const
{
    dashboard::Dashboard d = m_grid->dashboard();
    d.uid = m_uid;
    d.variables = m_variables;
    d.time = m_picker->timeRange();
    d.refresh = m_picker->refreshInterval();
    return d;
}

QList<DashboardPanelWidget*> DashboardView::panelWidgets() const
{
    QList<DashboardPanelWidget*> out;
    for (const auto& widget : m_panels)
        if (widget)
            out << widget;
    return out;
}

DashboardPanelWidget* DashboardView::panelWidget(int panelId) const
{
    return m_panels.value(panelId);
}

QWidget* DashboardView::makePanel(const dashboard::Panel& panel)
{
    auto* widget = new DashboardPanelWidget(panel, placeholderReason(m_report, panel));
    m_panels.insert(panel.id, widget);
    if (TimeSeriesChart* chart = widget->chart()) {
        connect(chart, &TimeSeriesChart::rangeSelected, this, [this](qint64 fromMs, qint64 toMs) {
            m_picker->setTimeRange(dashboard::zoomTo(fromMs, toMs));
        });
        connect(chart, &TimeSeriesChart::hovered, this, &DashboardView::onHovered);
    }
    applyAnnotationsTo(widget);
    // The grid makes panels anew when a row expands: those need their data too.
    if (m_started)
        QTimer::singleShot(0, widget, [this, widget] { queryPanel(widget); });
    return widget;
}

void DashboardView::onHovered(qint64 timeMs)
{
    const QObject* from = sender();
    for (const auto& widget : std::as_const(m_panels))
        if (widget && widget->chart() && widget->chart() != from)
            widget->chart()->setCrosshairTime(timeMs);
}

int DashboardView::panelWidthPx(const dashboard::Panel& panel) const
{
    if (DashboardPanelWidget* widget = m_panels.value(panel.id); widget && widget->width() > 50)
        return widget->width();
    if (m_grid->width() > 50)
        return m_grid->cellRect(panel.gridPos).width();
    return 1200 * panel.gridPos.w / dashboard::kGridColumns;
}

void DashboardView::queryPanel(DashboardPanelWidget* widget)
{
    if (widget)
        queryInto(widget, widget->panel().id);
}

void DashboardView::queryInto(DashboardPanelWidget* widget, int id, LabelsSeen labelsSeen)
{
    if (!widget || !widget->wantsData())
        return;
    for (auto& call : m_calls.take(id))
        call.cancel();
    const quint64 generation = ++m_generation[id];
    if (!m_source) {
        widget->setError(tr("No metrics source: add a Prometheus data source in the Sources dock."));
        return;
    }
    const auto range = dashboard::resolve(m_picker->timeRange(), m_now());
    if (!range) {
        widget->setError(dashboard::validate(m_picker->timeRange(), m_now()));
        return;
    }
    const dashboard::PanelQueryPlan plan = dashboard::planPanelQueries(
        widget->panel(), *range, panelWidthPx(widget->panel()), m_variables, m_scrapeMs);
    if (plan.queries.isEmpty())
        return;

    struct Pending
    {
        qsizetype left = 0;
        std::vector<signalstore::SeriesSet> series;
        QStringList warnings;
        QStringList errors;
        QList<dashboard::LabelSet> labels; // before the legend format renamed them
    };
    auto pending = std::make_shared<Pending>();
    pending->left = plan.queries.size();
    const bool keepLabels = widget->panel().type == dashboard::PanelType::Table ||
                            widget->panel().type == dashboard::PanelType::Heatmap;
    for (const dashboard::PlannedQuery& query : plan.queries) {
        auto done = [this, id, generation, pending, query, keepLabels, labelsSeen,
                     target = QPointer<DashboardPanelWidget>(widget), from = range->fromMs,
                     to = plan.endMs](prometheus::MetricsResult result) {
            if (m_generation.value(id) != generation)
                return;
            if (!result.ok()) {
                if (result.error.kind != prometheus::MetricsErrorKind::Cancelled)
                    pending->errors << (query.refId.isEmpty() ? result.error.message
                                                              : QString(query.refId + QStringLiteral(": ") +
                                                                        result.error.message));
            } else {
                if (labelsSeen)
                    for (const auto& set : result.series)
                        pending->labels << dashboard::labelsOf(set);
                if (!keepLabels)
                    dashboard::applyLegend(result.series, query.legendFormat);
                for (auto& set : result.series)
                    pending->series.push_back(std::move(set));
                pending->warnings << result.warnings;
            }
            if (--pending->left > 0)
                return;
            m_calls.remove(id);
            if (!target)
                return;
            if (labelsSeen)
                labelsSeen(pending->labels);
            if (pending->errors.isEmpty() || !pending->series.empty())
                target->setSeries(std::move(pending->series), from, to, pending->warnings);
            if (!pending->errors.isEmpty())
                target->setError(pending->errors.join(QLatin1Char('\n')));
            Q_EMIT panelUpdated(id);
        };
        prometheus::MetricsCall call =
            query.instant ? m_source->queryInstant({query.expr, plan.endMs}, this, std::move(done))
                          : m_source->queryRange({query.expr, plan.startMs, plan.endMs, query.stepMs}, this,
                                                 std::move(done));
        m_calls[id].append(call);
    }
}

void DashboardView::onGridChanged()
{
    const dashboard::Dashboard now = m_grid->dashboard();
    const auto edit = dashboard::diffDashboards(m_snapshot, now, m_grid->lastChangedPanel());
    m_snapshot = now;
    if (!edit)
        return;
    m_undo->push(new DashboardEditCommand(
        *edit, true, [this](const auto& panels, const auto& rows) { applyLayout(panels, rows); }));
}

void DashboardView::applyLayout(const QList<dashboard::Panel>& panels, const QList<dashboard::Row>& rows)
{
    dashboard::Dashboard d = m_grid->dashboard();
    d.panels = panels;
    d.rows = rows;
    // Rebuilds the panels; makePanel queries the new ones.
    m_grid->setDashboard(d);
    m_snapshot = m_grid->dashboard();
}

void DashboardView::applyPanelEdit(const dashboard::Panel& panel)
{
    dashboard::Dashboard after = m_snapshot;
    dashboard::Panel* target = after.panel(panel.id);
    if (!target)
        return;
    *target = panel;
    const auto edit = dashboard::diffDashboards(m_snapshot, after, panel.id);
    if (!edit)
        return;
    m_undo->push(new DashboardEditCommand(
        *edit, false, [this](const auto& panels, const auto& rows) { applyLayout(panels, rows); }));
}

void DashboardView::updateUndoButtons()
{
    m_undoButton->setEnabled(m_undo->canUndo());
    m_redoButton->setEnabled(m_undo->canRedo());
    m_undoButton->setToolTip(
        m_undo->canUndo() ? tr("Undo: %1 (%2)")
                                .arg(m_undo->undoText(), m_undoButton->defaultAction()->shortcut().toString(
                                                             QKeySequence::NativeText))
                          : m_undoButton->defaultAction()->toolTip());
    m_redoButton->setToolTip(
        m_undo->canRedo() ? tr("Redo: %1 (%2)")
                                .arg(m_undo->redoText(), m_redoButton->defaultAction()->shortcut().toString(
                                                             QKeySequence::NativeText))
                          : m_redoButton->defaultAction()->toolTip());
}

PanelEditorDialog* DashboardView::panelEditor() const
{
    return m_editor;
}

PanelEditorDialog* DashboardView::editPanel(int panelId)
{
    const dashboard::Panel* panel = m_grid->dashboard().panel(panelId);
    if (!panel)
        return nullptr;
    if (m_editor) {
        if (m_editor->panel().id == panelId) {
            m_editor->raise();
            m_editor->activateWindow();
            return m_editor;
        }
        m_editor->close();
        m_editor->deleteLater();
    }
    auto* editor = new PanelEditorDialog(*panel, prometheus::queryNamesFor(m_source, this), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = editor;
    connect(editor, &PanelEditorDialog::previewRequested, this, [this, editor] {
        queryInto(editor->preview(), kPreviewPanelId, [editor = QPointer(editor)](const auto& labels) {
            if (editor)
                editor->setPreviewLabels(labels);
        });
    });
    connect(editor, &PanelEditorDialog::applied, this, &DashboardView::applyPanelEdit);
    editor->show();
    return editor;
}

} // namespace wf::ui
