#pragma once

#include <QString>

namespace wf::ui {

// What --demo shows until the OTLP receiver and the simulated shop land. The one place the next
// issue replaces.
QString demoNoticeText();

} // namespace wf::ui
