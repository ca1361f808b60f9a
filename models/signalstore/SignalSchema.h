#pragma once
// The signal store's SQLite file: its identity (application_id, user_version), its tables, and the
// check that refuses a file that is not ours or was written by a newer Watchfloor.
#include <QString>

namespace wf {
class SqliteDb;
}

namespace wf::signalstore {

// "WFSG": distinct from the workspace's id, so neither store ever opens the other's file.
constexpr quint32 kSignalStoreApplicationId = 0x57465347;
constexpr int kSignalStoreSchemaVersion = 1;

// Checks the file on disk before SQLite touches it. Empty string when it may be opened (missing,
// empty, or a signal store this version knows), else a message for the user.
QString checkSignalStoreFile(const QString& path);

// On an open read-write connection: checks application_id/user_version as SQLite sees them (a WAL may
// hold a newer page 1 than the header), then creates the schema in a new file. Returns a message for
// the user on refusal; throws SqliteError on I/O failure.
QString prepareSignalStoreSchema(SqliteDb& db, const QString& shownPath);

} // namespace wf::signalstore
