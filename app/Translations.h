#pragma once

#include <QString>

class QCoreApplication;

namespace wf::app {

// Installs Watchfloor's and Qt's own catalogues for `lang` (empty: the system locale) on `app`.
// Watchfloor's are looked up beside the binary first (build tree: bin/../translations), then where
// the packages install them (bin/../share/watchfloor/translations). A missing catalogue is not an
// error: the user interface stays in English.
void installTranslations(QCoreApplication& app, const QString& lang);

} // namespace wf::app
