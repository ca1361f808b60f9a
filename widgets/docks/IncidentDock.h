#pragma once

#include "docks/PanelDock.h"

namespace wf::ui {

//
class IncidentDock : public PanelDock
{
    Q_OBJECT

public:
    explicit IncidentDock(QWidget* parent = nullptr);
};

} // namespace wf::ui
