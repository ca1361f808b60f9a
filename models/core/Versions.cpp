#include "Versions.h"

#include <QtGlobal>

#include <curl/curl.h>
#include <sqlite3.h>

namespace wf {

LibraryVersions libraryVersions()
{
    LibraryVersions v;
    v.watchfloor = QStringLiteral(WATCHFLOOR_VERSION);
    v.qt = QString::fromLatin1(qVersion());
    v.sqlite = QString::fromLatin1(sqlite3_libversion());
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    v.curl = QString::fromLatin1(info->version);
    if (info->ssl_version)
        v.curlSsl = QString::fromLatin1(info->ssl_version);
    return v;
}

} // namespace wf
