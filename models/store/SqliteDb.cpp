#include "SqliteDb.h"

#include <QUrl>

#include <sqlite3.h>
#include <utility>

namespace wf {

SqliteError::SqliteError(int code, QString message)
    : m_code(code)
    , m_message(std::move(message))
    , m_utf8(m_message.toUtf8())
{}

namespace {

QString errorText(sqlite3* db, int code)
{
    // sqlite3_errmsg describes the most recent failure on the connection; without a connection (or
    // when it has nothing to say) the generic text for the code is the best there is.
    if (db && sqlite3_errcode(db) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(code));
}

} // namespace

// ---- SqliteStatement ---------------------------------------------------------------------------

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

namespace {
void checkBind(sqlite3* db, int rc)
{
    if (rc != SQLITE_OK)
        throw SqliteError(rc, errorText(db, rc));
}
} // namespace

SqliteStatement& SqliteStatement::bind(int index, int value)
{
    checkBind(m_db, sqlite3_bind_int(m_stmt, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    checkBind(m_db, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    checkBind(m_db, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bind(index, nullptr);
    const QByteArray utf8 = value.toUtf8();
    checkBind(m_db, sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                        SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        return bind(index, nullptr);
    checkBind(m_db, sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()),
                                        SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::nullptr_t)
{
    checkBind(m_db, sqlite3_bind_null(m_stmt, index));
    return *this;
}

SqliteStatement& SqliteStatement::bindTextNoCopy(int index, const char* utf8, qsizetype size)
{
    checkBind(m_db,
              sqlite3_bind_text64(m_stmt, index, utf8, sqlite3_uint64(size), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

SqliteStatement& SqliteStatement::bindBlobNoCopy(int index, const void* data, qsizetype size)
{
    checkBind(m_db, sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(size), SQLITE_STATIC));
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // With sqlite3_prepare_v3 and extended codes on, rc already is the specific error code.
    throw SqliteError(rc, errorText(m_db, rc));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? QString::fromUtf8(p, n) : QString();
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? QByteArray(p, n) : QByteArray();
}

// ---- SqliteDb ----------------------------------------------------------------------------------

SqliteDb SqliteDb::open(const QString& path, Access access, bool immutable)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE; // one owner thread at a time
    switch (access) {
    case Access::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Access::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Access::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    QByteArray name = path.toUtf8();
    if (immutable) {
        // Only a URI filename can carry immutable=1; the path part must be percent-encoded.
        flags |= SQLITE_OPEN_URI;
        name = QUrl::fromLocalFile(path).toEncoded() + QByteArrayLiteral("?immutable=1");
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name.constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = errorText(db, rc);
        sqlite3_close_v2(db); // SQLite may hand out a handle even on failure
        throw SqliteError(rc, message);
    }
    sqlite3_extended_result_codes(db, 1);
    SqliteDb result;
    result.m_db = db;
    result.m_path = path;
    return result;
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

SqliteDb::~SqliteDb()
{
    close();
}

void SqliteDb::close()
{
    // close_v2 defers the close if a statement is still alive instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(std::exchange(m_db, nullptr));
}

void SqliteDb::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db, milliseconds);
}

SqliteStatement SqliteDb::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), 0, &stmt, nullptr);
    if (rc != SQLITE_OK)
        throwError(rc);
    return SqliteStatement(m_db, stmt);
}

void SqliteDb::executeScript(const char* sql)
{
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throwError(rc);
}

qint64 SqliteDb::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDb::changes() const
{
    return sqlite3_changes(m_db);
}

bool SqliteDb::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

bool SqliteDb::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

void SqliteDb::throwError(int code) const
{
    throw SqliteError(m_db ? sqlite3_extended_errcode(m_db) : code, errorText(m_db, code));
}

} // namespace wf
