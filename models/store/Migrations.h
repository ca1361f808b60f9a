#pragma once

// The workspace schema as an ordered list of numbered migrations. PRAGMA user_version holds the number
// of the last one applied; each runs in its own transaction that also bumps user_version, so a crash
// leaves the file at a whole version. Append new migrations at the end; never edit a released one
// (files out there were built by it). tst_workspace migrates a file from every earlier version.

#include <QtGlobal>

#include <span>

namespace wf {

class SqliteDb;

// PRAGMA application_id of every Watchfloor workspace: 'WFLR'. Lets us refuse other SQLite files.
inline constexpr quint32 kWorkspaceApplicationId = 0x57464C52;

struct Migration
{
    int version;
    const char* description;
    const char* sql; // fixed DDL only, no values
    // Optional step in the same transaction, for rows that need bound values (e.g. timestamps).
    void (*populate)(SqliteDb& db) = nullptr;
};

std::span<const Migration> migrations();
int latestSchemaVersion();

// Applies, in order, every migration with version in (current user_version, target], each in its own
// BEGIN IMMEDIATE transaction; sets application_id in the first one if it is still 0. Throws
// SqliteError (with the failing migration named in the message) after rolling that migration back;
// versions already committed stay.
void migrate(SqliteDb& db, int targetVersion);

} // namespace wf
