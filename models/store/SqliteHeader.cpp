#include "SqliteHeader.h"

#include <QCoreApplication>
#include <QFile>
#include <QtEndian>

#include <cstring>

namespace wf {

SqliteHeader readSqliteHeader(const QString& path)
{
    SqliteHeader h;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        h.status = SqliteHeader::Status::Unreadable;
        h.detail = file.errorString();
        return h;
    }
    h.fileSize = file.size();
    const QByteArray bytes = file.read(100);
    if (bytes.isEmpty() && h.fileSize == 0) {
        h.status = SqliteHeader::Status::Empty;
        return h;
    }
    static const char kMagic[] = "SQLite format 3"; // 15 characters and the terminating NUL: 16 bytes
    if (bytes.size() < 16 || std::memcmp(bytes.constData(), kMagic, 16) != 0) {
        h.status = SqliteHeader::Status::NotSqlite;
        return h;
    }
    h.status = SqliteHeader::Status::Damaged;
    if (bytes.size() < 100) {
        h.detail = QCoreApplication::translate("Workspace", "the file ends inside its header");
        return h;
    }
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(p + 16);
    h.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (h.pageSize < 512 || (h.pageSize & (h.pageSize - 1)) != 0) {
        h.detail = QCoreApplication::translate("Workspace", "invalid page size %1").arg(rawPageSize);
        return h;
    }
    // Bytes 18/19: file format write/read versions (1 = rollback journal, 2 = WAL). Bytes 21..23 are
    // fixed by the format; SQLite itself refuses files where they differ.
    if (p[18] < 1 || p[18] > 2 || p[19] < 1 || p[19] > 2 || p[21] != 64 || p[22] != 32 || p[23] != 32) {
        h.detail = QCoreApplication::translate("Workspace", "invalid file format bytes");
        return h;
    }
    // Schema format number: 1..4, or 0 in a database that has never had a table.
    if (const quint32 schemaFormat = qFromBigEndian<quint32>(p + 44); schemaFormat > 4) {
        h.detail = QCoreApplication::translate("Workspace", "unsupported schema format %1").arg(schemaFormat);
        return h;
    }
    h.walMode = p[18] == 2 && p[19] == 2;
    h.userVersion = qFromBigEndian<quint32>(p + 60);
    h.applicationId = qFromBigEndian<quint32>(p + 68);
    // The in-header page count is only valid when the change counter matches "version valid for".
    const quint32 changeCounter = qFromBigEndian<quint32>(p + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(p + 28);
    if (pageCount > 0 && changeCounter == qFromBigEndian<quint32>(p + 92))
        h.declaredSize = qint64(pageCount) * h.pageSize;
    h.status = SqliteHeader::Status::Ok;
    return h;
}

} // namespace wf
