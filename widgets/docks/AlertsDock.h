#pragma once

#include "docks/PanelDock.h"

namespace wf::ui {

//
class AlertsDock : public PanelDock
{
    Q_OBJECT

public:
    explicit AlertsDock(QWidget* parent = nullptr);
};

} // namespace wf::ui
