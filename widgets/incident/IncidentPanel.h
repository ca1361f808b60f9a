#pragma once
// The active incident at a glance and its timeline: title, severity, status, roles; the events,
// filterable by kind and text, in UTC or local time; and a note field that says "saved" only once the
// note is committed.
#include "incident/Incident.h"

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class QCheckBox;

namespace wf::ui {

class IncidentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit IncidentPanel(QWidget* parent = nullptr);

    void setTimelineModel(QAbstractItemModel* model);
    void setIncident(const std::optional<incident::Incident>& incident);
    void setWritable(bool writable);

    // Puts the cursor in the note field (the global "add note" shortcut lands here).
    void focusNote();
    void noteSaved();
    void noteFailed(const QString& message);

    QLineEdit* noteField() const { return m_note; }

Q_SIGNALS:
    void noteSubmitted(const QString& text);
    void statusChangeRequested(wf::incident::Status status);
    void severityChangeRequested(wf::incident::Severity severity);
    void localTimeToggled(bool local);
    // Enter or double-click on an event: show the dashboards around its time.
    void eventActivated(qint64 atMs, const QString& description);

private:
    void applyFilter();

    QLabel* m_title;
    QLabel* m_roles;
    QComboBox* m_severity;
    QComboBox* m_status;
    QComboBox* m_kindFilter;
    QLineEdit* m_search;
    QCheckBox* m_localTime;
    QTreeView* m_view;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_note;
    QLabel* m_noteState;
    bool m_updating = false;
};

} // namespace wf::ui
