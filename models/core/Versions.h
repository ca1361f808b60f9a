#pragma once

#include <QString>

namespace wf {

// Versions of the libraries Watchfloor runs against, as loaded at run time (not as compiled), so the
// about box and bug reports tell the truth on a machine with different shared libraries.
struct LibraryVersions
{
    QString watchfloor;
    QString qt;
    QString sqlite;
    QString curl;
    QString curlSsl;
};

LibraryVersions libraryVersions();

} // namespace wf
