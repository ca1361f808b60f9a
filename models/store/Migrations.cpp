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
    // The incident timeline. timeline_events is append-only: triggers refuse UPDATE and DELETE, and
    // each row carries the SHA-256 of its incident's previous row, so an edit made around the
    // triggers (another tool, a hex editor) is still detected. incidents and incident_roles are
    // projections of the events, updated in the same transaction; head_seq/head_hash catch a
    // truncated chain.
    Migration{3, "incidents and their timeline",
              "CREATE TABLE incidents(\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  title TEXT NOT NULL,\n"
              "  severity INTEGER NOT NULL CHECK(severity BETWEEN 1 AND 4),\n"
              "  status TEXT NOT NULL CHECK(status IN "
              "('investigating','identified','mitigated','resolved')),\n"
              "  services TEXT NOT NULL DEFAULT '',\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL,\n"
              "  head_seq INTEGER NOT NULL DEFAULT 0,\n"
              "  head_hash BLOB\n"
              ");\n"
              "CREATE TABLE incident_roles(\n"
              "  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
              "  role TEXT NOT NULL,\n"
              "  person TEXT NOT NULL,\n"
              "  PRIMARY KEY(incident_id, role)\n"
              ");\n"
              "CREATE TABLE timeline_events(\n"
              "  seq INTEGER PRIMARY KEY,\n"
              "  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
              "  kind TEXT NOT NULL,\n"
              "  at INTEGER NOT NULL,\n"
              "  author TEXT NOT NULL,\n"
              "  payload TEXT NOT NULL,\n"
              "  corrects INTEGER REFERENCES timeline_events(seq),\n"
              "  prev_hash BLOB NOT NULL,\n"
              "  hash BLOB NOT NULL\n"
              ");\n"
              "CREATE INDEX timeline_events_by_incident ON timeline_events(incident_id, seq);\n"
              "CREATE TRIGGER timeline_events_no_update BEFORE UPDATE ON timeline_events\n"
              "BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;\n"
              "CREATE TRIGGER timeline_events_no_delete BEFORE DELETE ON timeline_events\n"
              "BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;\n"},
    // Evidence pinned to an incident: what a panel, log line, trace or selection showed at that
    // moment, kept in the workspace rather than linked. Each row is written in the same transaction
    // as its evidence_pinned timeline event, whose payload carries the row's id and sha256, so the
    // hash chain covers the evidence too. Append-only like the timeline.
    Migration{4, "pinned evidence",
              "CREATE TABLE evidence(\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
              "  kind TEXT NOT NULL CHECK(kind IN ('panel','log','trace','selection')),\n"
              "  title TEXT NOT NULL,\n"
              "  captured_at INTEGER NOT NULL,\n"
              "  author TEXT NOT NULL,\n"
              "  png BLOB,\n"
              "  data TEXT NOT NULL,\n"
              "  sha256 BLOB NOT NULL\n"
              ");\n"
              "CREATE INDEX evidence_by_incident ON evidence(incident_id, id);\n"
              "CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence\n"
              "BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;\n"
              "CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence\n"
              "BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;\n"},
    // Saved dashboards (issue 4): the whole dashboard as Watchfloor JSON (models/dashboard/WatchfloorJson),
    // keyed by its uid; title and updated_at are copies for listing without parsing every body.
    Migration{5, "dashboards",
              "CREATE TABLE dashboards(\n"
              "  uid TEXT PRIMARY KEY,\n"
              "  title TEXT NOT NULL,\n"
              "  body TEXT NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"},
    // What the dashboards' panels showed over an incident's window, as compressed columnar data
    // (incident::PanelSnapshot), so an incident file draws its charts offline. Written when an
    // incident file is exported; sha256 covers title and data. Append-only like the evidence.
    Migration{6, "panel snapshots for offline review",
              "CREATE TABLE snapshots(\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  incident_id INTEGER NOT NULL REFERENCES incidents(id),\n"
              "  title TEXT NOT NULL,\n"
              "  captured_at INTEGER NOT NULL,\n"
              "  data BLOB NOT NULL,\n"
              "  sha256 BLOB NOT NULL\n"
              ");\n"
              "CREATE INDEX snapshots_by_incident ON snapshots(incident_id, id);\n"
              "CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots\n"
              "BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;\n"
              "CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots\n"
              "BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;\n"},
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
