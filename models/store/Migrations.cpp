#include "Migrations.h"

#include "SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>

#include <array>

namespace wf {

namespace {

void populateMeta(SqliteDb& db)
{
    // INSERT OR IGNORE: a file migrated from v0 gets the migrating build as its creator.
    const char* sql = "INSERT OR IGNORE INTO meta(key, value) VALUES (?1, ?2)";
    db.execute(sql, QStringLiteral("created_by"), QStringLiteral("Watchfloor " WATCHFLOOR_VERSION));
    db.execute(sql, QStringLiteral("created_at"),
               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

// Timestamps in INTEGER columns are milliseconds since the Unix epoch, UTC.
const std::array kMigrations{
    Migration{1, "meta and data sources",
              "CREATE TABLE meta(\n"
              "  key TEXT PRIMARY KEY,\n"
              "  value TEXT NOT NULL\n"
              ");\n"
              // No secrets here, ever: passwords and tokens live in the OS keychain.
              "CREATE TABLE datasources(\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  name TEXT NOT NULL UNIQUE,\n"
              "  kind TEXT NOT NULL CHECK(kind IN "
              "('prometheus','alertmanager','loki','jaeger','tempo','otlp')),\n"
              "  url TEXT NOT NULL,\n"
              "  insecure_tls INTEGER NOT NULL DEFAULT 0,\n"
              "  created_at INTEGER NOT NULL\n"
              ");\n",
              &populateMeta},
    Migration{2, "per-workspace UI state",
              "CREATE TABLE ui_state(\n"
              "  key TEXT PRIMARY KEY,\n"
              "  value BLOB NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"},
};

// user_version cannot take a bound parameter; the number comes from the table above, not from input.
void setUserVersion(SqliteDb& db, int version)
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    db.executeScript(sql.constData());
}

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

void migrate(SqliteDb& db, int targetVersion)
{
    const int current = int(db.queryInt64("PRAGMA user_version").value_or(0));
    for (const Migration& m : kMigrations) {
        if (m.version <= current || m.version > targetVersion)
            continue;
        db.executeScript("BEGIN IMMEDIATE");
        try {
            if (db.queryInt64("PRAGMA application_id").value_or(0) == 0) {
                const QByteArray sql =
                    "PRAGMA application_id = " + QByteArray::number(kWorkspaceApplicationId);
                db.executeScript(sql.constData());
            }
            db.executeScript(m.sql);
            if (m.populate)
                m.populate(db);
            setUserVersion(db, m.version);
            db.executeScript("COMMIT");
        } catch (const SqliteError& e) {
            if (db.inTransaction())
                db.executeScript("ROLLBACK");
            throw SqliteError(e.code(), QCoreApplication::translate("Workspace", "migration %1 (%2): %3")
                                            .arg(m.version)
                                            .arg(QString::fromUtf8(m.description), e.message()));
        }
    }
}

} // namespace wf
