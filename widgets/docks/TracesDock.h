#pragma once

#include "docks/PanelDock.h"

namespace wf::ui {

//
class TracesDock : public PanelDock
{
    Q_OBJECT

public:
    explicit TracesDock(QWidget* parent = nullptr);
};

} // namespace wf::ui
