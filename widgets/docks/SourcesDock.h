#pragma once

#include "docks/PanelDock.h"

namespace wf::ui {

//
class SourcesDock : public PanelDock
{
    Q_OBJECT

public:
    explicit SourcesDock(QWidget* parent = nullptr);
};

} // namespace wf::ui
