#pragma once

// Edits one dashboard panel: title, type, its PromQL queries (with autocomplete) and legend formats
// (with the series names they give, live), unit, thresholds, min interval and max data points, over
// a live preview of the panel. Apply hands the edited panel to the dashboard (one undo step), OK
// applies and closes, Cancel leaves the dashboard as it was. The dialog runs no queries itself: it
// asks for a preview (debounced) and the dashboard view feeds the preview widget.

#include "dashboard/LegendFormat.h"
#include "dashboard/Panel.h"
#include "prometheus/QueryNames.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace wf::ui {

class DashboardPanelWidget;
class PromQLEditor;

class PanelEditorDialog : public QDialog
{
    Q_OBJECT

public:
    PanelEditorDialog(const dashboard::Panel& panel, prometheus::QueryNameSource names,
                      QWidget* parent = nullptr);

    // The panel as edited so far (invalid fields keep their last valid value).
    dashboard::Panel panel() const { return m_panel; }
    // Why the edit cannot be applied (a bad threshold or interval), empty when it can.
    QString problem() const { return m_problem; }

    // The preview panel, made anew when the type changes; the view queries it after previewRequested.
    DashboardPanelWidget* preview() const { return m_preview; }
    // The raw label sets of the preview's series: the legend preview formats them.
    void setPreviewLabels(const QList<dashboard::LabelSet>& labels);
    QStringList legendPreviewNames() const { return m_legendNames; }

    PromQLEditor* queryEditor() const { return m_query; }
    QComboBox* targetChooser() const { return m_target; }
    QLineEdit* legendEdit() const { return m_legend; }
    QLabel* legendPreview() const { return m_legendPreview; }
    QComboBox* typeChooser() const { return m_type; }
    QComboBox* unitChooser() const { return m_unit; }
    QLineEdit* thresholdsEdit() const { return m_thresholds; }
    QLineEdit* minIntervalEdit() const { return m_minInterval; }
    QSpinBox* maxDataPointsEdit() const { return m_maxDataPoints; }
    QDialogButtonBox* buttons() const { return m_buttons; }

Q_SIGNALS:
    void previewRequested(const wf::dashboard::Panel& panel);
    void applied(const wf::dashboard::Panel& panel);

private:
    void showTarget(int index);
    void readFields();
    void updateLegendPreview();
    void schedulePreview();
    void rebuildPreview();

    dashboard::Panel m_panel;
    QString m_problem;
    QList<dashboard::LabelSet> m_previewLabels;
    QStringList m_legendNames;
    int m_targetIndex = -1;
    bool m_loading = false;

    QVBoxLayout* m_previewHolder;
    DashboardPanelWidget* m_preview = nullptr;
    QLineEdit* m_title;
    QComboBox* m_type;
    QComboBox* m_target;
    PromQLEditor* m_query;
    QLineEdit* m_legend;
    QLabel* m_legendPreview;
    QComboBox* m_unit;
    QLineEdit* m_thresholds;
    QLineEdit* m_minInterval;
    QSpinBox* m_maxDataPoints;
    QLabel* m_problemLabel;
    QDialogButtonBox* m_buttons;
    QTimer* m_previewTimer;
};

} // namespace wf::ui
