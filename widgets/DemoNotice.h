#pragma once

#include <QString>

namespace wf::ui {

// What --demo shows while the simulated shop starts; DemoMode clears it when the first data arrives.
QString demoNoticeText();

} // namespace wf::ui
