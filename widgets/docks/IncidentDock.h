#pragma once

#include "docks/PanelDock.h"

class QPushButton;
class QStackedWidget;

namespace wf::ui {

class IncidentPanel;

// The active incident and its timeline, or, with none open, what declaring one gives and a button to
// do it.
class IncidentDock : public PanelDock
{
    Q_OBJECT

public:
    explicit IncidentDock(QWidget* parent = nullptr);

    IncidentPanel* panel() const { return m_panel; }
    void setHasIncident(bool has);
    void setCanDeclare(bool can);

Q_SIGNALS:
    void declareRequested();

private:
    QStackedWidget* m_stack;
    IncidentPanel* m_panel;
    QPushButton* m_declare;
};

} // namespace wf::ui
