#include "SignalSchema.h"

#include "store/SqliteDb.h"
#include "store/SqliteHeader.h"

#include <QCoreApplication>
#include <QDir>

namespace wf::signalstore {

namespace {

// Spans: ids as BLOBs (16/8 bytes), resources deduplicated into their own table (a batch repeats
// one resource for thousands of spans), attributes in AttributeCodec's encoding.
// traces: one summary row per trace, maintained by the writer at insert, so listing traces is a scan
// of traces_start rather than a GROUP BY over every span. trace_services answers "traces touching
// service X" and the sorted service list of a summary. Spans themselves are only ever read by trace
// (spans_trace_span, which also rejects duplicates): time and service are indexed per trace, not per
// span, because each index on spans costs every insert (measured in bench_ingest).
// logs_fts: external content (the body is stored once, in logs), no token positions (detail=none) and
// no per-row sizes (columnsize=0: they serve only ranking, and results are ordered by time). Measured
// in bench_ingest: detail=none writes ~8 % more records/s than detail=full in the whole store (more in
// the bare-table variants); phrases are checked on the candidate bodies instead (LogSearchText.h).
constexpr const char* kSchema = R"sql(
CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    service TEXT NOT NULL,
    attrs BLOB UNIQUE
);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    trace_id BLOB NOT NULL,
    span_id BLOB NOT NULL,
    parent_id BLOB,
    service TEXT NOT NULL,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,
    status INTEGER NOT NULL,
    status_message TEXT,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    resource_id INTEGER NOT NULL,
    attrs BLOB
);
CREATE UNIQUE INDEX spans_trace_span ON spans (trace_id, span_id);
CREATE TABLE traces (
    id INTEGER PRIMARY KEY,
    trace_id BLOB NOT NULL UNIQUE,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    span_count INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    root_service TEXT NOT NULL,
    root_name TEXT NOT NULL,
    root_start_ns INTEGER NOT NULL,
    has_root INTEGER NOT NULL
);
CREATE INDEX traces_start ON traces (start_ns);
CREATE TABLE trace_services (
    trace_id BLOB NOT NULL,
    service TEXT NOT NULL,
    PRIMARY KEY (trace_id, service)
) WITHOUT ROWID;
CREATE TABLE logs (
    id INTEGER PRIMARY KEY,
    time_ns INTEGER NOT NULL,
    severity INTEGER NOT NULL,
    severity_text TEXT,
    service TEXT NOT NULL,
    body TEXT,
    trace_id BLOB,
    span_id BLOB,
    resource_id INTEGER NOT NULL,
    attrs BLOB
);
CREATE INDEX logs_time ON logs (time_ns);
CREATE INDEX logs_trace ON logs (trace_id) WHERE trace_id IS NOT NULL;
CREATE VIRTUAL TABLE logs_fts USING fts5 (body, content='logs', content_rowid='id', detail=none,
    columnsize=0);
)sql";

QString foreignMessage(const QString& shown, quint32 appId)
{
    return QCoreApplication::translate(
               "SignalStore",
               "“%1” is not a Watchfloor signal store (application id 0x%2); it was left unchanged.")
        .arg(shown)
        .arg(appId, 8, 16, QLatin1Char('0'));
}

QString tooNewMessage(const QString& shown, qint64 version)
{
    return QCoreApplication::translate(
               "SignalStore",
               "“%1” was written by a newer Watchfloor (signal store schema %2, this version knows %3); it "
               "was left unchanged.")
        .arg(shown)
        .arg(version)
        .arg(kSignalStoreSchemaVersion);
}

} // namespace

QString checkSignalStoreFile(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const SqliteHeader h = readSqliteHeader(path);
    switch (h.status) {
    case SqliteHeader::Status::Empty:
        return {};
    case SqliteHeader::Status::Unreadable:
        // Missing is fine (created); anything else unreadable is reported when SQLite opens it.
        return {};
    case SqliteHeader::Status::NotSqlite:
        return QCoreApplication::translate(
                   "SignalStore",
                   "“%1” is not a Watchfloor signal store: it is not an SQLite database; it was left "
                   "unchanged.")
            .arg(shown);
    case SqliteHeader::Status::Damaged:
        return QCoreApplication::translate("SignalStore", "“%1” is damaged (%2); it was left unchanged.")
            .arg(shown, h.detail);
    case SqliteHeader::Status::Ok:
        break;
    }
    if (h.applicationId != 0 && h.applicationId != kSignalStoreApplicationId)
        return foreignMessage(shown, h.applicationId);
    if (h.applicationId == kSignalStoreApplicationId && h.userVersion > quint32(kSignalStoreSchemaVersion))
        return tooNewMessage(shown, h.userVersion);
    return {};
}

QString prepareSignalStoreSchema(SqliteDb& db, const QString& shownPath)
{
    const auto appId = quint32(db.queryInt64("PRAGMA application_id").value_or(0));
    const qint64 version = db.queryInt64("PRAGMA user_version").value_or(0);
    const qint64 tables = db.queryInt64("SELECT count(*) FROM sqlite_schema").value_or(0);
    if (appId == kSignalStoreApplicationId) {
        if (version > kSignalStoreSchemaVersion)
            return tooNewMessage(shownPath, version);
        if (version == kSignalStoreSchemaVersion)
            return {};
        // Version 0 with our id: creation was interrupted before it committed; create again below.
    } else if (appId != 0 || tables > 0 || version != 0) {
        return foreignMessage(shownPath, appId);
    }
    // 16 KiB pages: fewer, fuller B-tree pages for the FTS segments and the random-key span index.
    // bench_ingest's writer-only runs: +20-40 % log records/s and spans/s over 4 KiB. Only takes
    // effect before the first table exists (and before WAL mode), i.e. here.
    if (tables == 0)
        db.executeScript("PRAGMA page_size = 16384");
    db.executeScript("BEGIN IMMEDIATE");
    try {
        if (db.queryInt64("SELECT count(*) FROM sqlite_schema").value_or(0) == 0)
            db.executeScript(kSchema);
        // PRAGMA values cannot be bound; these are constants of this file.
        static_assert(kSignalStoreApplicationId == 1464226631 && kSignalStoreSchemaVersion == 1);
        db.executeScript("PRAGMA application_id = 1464226631; PRAGMA user_version = 1");
        db.executeScript("COMMIT");
    } catch (...) {
        if (db.inTransaction())
            db.executeScript("ROLLBACK");
        throw;
    }
    return {};
}

} // namespace wf::signalstore
