#include "DemoNotice.h"

#include <QCoreApplication>

namespace wf::ui {

QString demoNoticeText()
{
    return QCoreApplication::translate("DemoNotice",
                                       "Demo mode: a temporary workspace, deleted when Watchfloor quits. "
                                       "Starting the simulated shop…");
}

} // namespace wf::ui
