#pragma once

// Reads the 100-byte SQLite file header directly, without SQLite. Workspace::open uses it to refuse
// non-SQLite, foreign, too-new and truncated files before any SQLite connection (which may create
// -wal/-shm files or roll back a hot journal) touches them. Layout: https://sqlite.org/fileformat.html

#include <QString>

namespace wf {

struct SqliteHeader
{
    enum class Status { Ok, Empty, NotSqlite, Damaged, Unreadable };
    Status status = Status::Unreadable;
    QString detail; // why Damaged / Unreadable, for the error message

    quint32 pageSize = 0;
    quint32 userVersion = 0;
    quint32 applicationId = 0;
    bool walMode = false;
    qint64 fileSize = 0;
    qint64 declaredSize = 0; // page count x page size from the header, 0 when the header does not say
};

SqliteHeader readSqliteHeader(const QString& path);

} // namespace wf
