#pragma once

#include "docks/PanelDock.h"

namespace wf::ui {

//
class LogsDock : public PanelDock
{
    Q_OBJECT

public:
    explicit LogsDock(QWidget* parent = nullptr);
};

} // namespace wf::ui
