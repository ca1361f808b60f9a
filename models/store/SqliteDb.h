#pragma once

// A small RAII wrapper over the SQLite C API.
//
// Why the C API and not QtSql: the workspace needs precise open flags (read-only, never-create,
// immutable for read-only media), the exact result codes (SQLITE_NOTADB, SQLITE_READONLY,
// SQLITE_CORRUPT, extended constraint codes) to tell the user what is wrong with a file, and one
// connection per owner thread without QSqlDatabase's process-wide named-connection bookkeeping.
//
// Rules: SQL text is always a fixed literal; every value goes through bind(). A connection is not
// thread-safe: exactly one thread uses it at a time (see DbThread). Failures throw SqliteError, whose
// message is sqlite3_errmsg() of the connection at the time of the failure.

#include <QByteArray>
#include <QString>

#include <exception>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace wf {

class SqliteError : public std::exception
{
public:
    SqliteError(int code, QString message);
    // The extended SQLite result code (e.g. SQLITE_CONSTRAINT_CHECK), as in <sqlite3.h>.
    int code() const noexcept { return m_code; }
    int primaryCode() const noexcept { return m_code & 0xff; }
    const QString& message() const noexcept { return m_message; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    int m_code;
    QString m_message;
    QByteArray m_utf8;
};

class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt);
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Parameters are 1-based, as in SQLite.
    SqliteStatement& bind(int index, int value);
    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, bool value) { return bind(index, value ? 1 : 0); }
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, const QString& value);    // TEXT (UTF-8); a null QString binds NULL
    SqliteStatement& bind(int index, const QByteArray& value); // BLOB; a null QByteArray binds NULL
    SqliteStatement& bind(int index, std::nullptr_t);
    // Without a copy: the bytes must stay unchanged until reset() (hot insert loops that bind
    // buffers prepared elsewhere).
    SqliteStatement& bindTextNoCopy(int index, const char* utf8, qsizetype size);
    SqliteStatement& bindBlobNoCopy(int index, const void* data, qsizetype size);
    // A const char* would silently become a bool: say what you mean (QString or QByteArray).
    SqliteStatement& bind(int index, const char*) = delete;

    template<typename... Args>
    SqliteStatement& bindAll(const Args&... args)
    {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    // Steps once: true when a row is available, false when the statement is done.
    bool step();
    void reset();

    int columnCount() const;
    bool isNull(int column) const; // columns are 0-based, as in SQLite
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

class SqliteDb
{
public:
    enum class Access { ReadOnly, ReadWrite, ReadWriteCreate };

    // Throws SqliteError when the file cannot be opened. `immutable` tells SQLite the file cannot
    // change while open (read-only media): no locks, no -wal/-shm files are created.
    static SqliteDb open(const QString& path, Access access, bool immutable = false);

    SqliteDb() = default;
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    ~SqliteDb();

    bool isOpen() const { return m_db != nullptr; }
    // How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    void setBusyTimeout(int milliseconds);
    void close();
    const QString& path() const { return m_path; }

    SqliteStatement prepare(std::string_view sql);

    // Runs fixed SQL (one or more statements, no values): DDL, PRAGMAs, BEGIN/COMMIT.
    void executeScript(const char* sql);

    // Prepares, binds, and steps `sql` to completion; returns the number of rows changed.
    template<typename... Args>
    int execute(std::string_view sql, const Args&... args)
    {
        SqliteStatement s = prepare(sql);
        s.bindAll(args...);
        while (s.step()) {
        }
        return changes();
    }

    // First column of the first row, or nullopt when there is no row.
    template<typename... Args>
    std::optional<qint64> queryInt64(std::string_view sql, const Args&... args)
    {
        SqliteStatement s = prepare(sql);
        s.bindAll(args...);
        if (!s.step())
            return std::nullopt;
        return s.int64(0);
    }

    qint64 lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    // True when SQLite opened the file read-only (asked for, or because the file was not writable).
    bool isReadOnly() const;
    sqlite3* handle() const { return m_db; }

    // Throws SqliteError built from the connection's current error, with `code` as its result code.
    [[noreturn]] void throwError(int code) const;

private:
    sqlite3* m_db = nullptr;
    QString m_path;
};

} // namespace wf
