// Fuzzes the log search box: any bytes a user can type (as UTF-8, including invalid sequences, NULs
// and FTS5 operators) must become an expression a real FTS5 table accepts, and a non-empty expression
// must consist only of quoted tokens with an optional trailing prefix star, accepted by an FTS5 table
// built like the store's (detail=none). The phrase check must accept the text it came from.

#include "signalstore/LogSearchText.h"
#include "store/SqliteDb.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_log_search_text: %s\n", what);
        std::abort();
    }
}

wf::SqliteDb& database()
{
    static wf::SqliteDb db = [] {
        wf::SqliteDb d =
            wf::SqliteDb::open(QStringLiteral(":memory:"), wf::SqliteDb::Access::ReadWriteCreate);
        d.executeScript("CREATE VIRTUAL TABLE logs_fts USING fts5 (body, detail=none, columnsize=0);"
                        "INSERT INTO logs_fts (body) VALUES ('connection pool exhausted'), "
                        "('payment declined: card expired'), ('Überprüfung naïve café 🚀'), "
                        "('OR NEAR \"quoted\" -x payment-svc down');");
        return d;
    }();
    return db;
}

// Every character outside the quotes is a space or the final '*'; quotes pair up.
bool wellFormed(const QString& e)
{
    bool inside = false;
    for (qsizetype i = 0; i < e.size(); ++i) {
        const QChar c = e[i];
        if (c == QLatin1Char('"')) {
            inside = !inside;
            continue;
        }
        if (inside)
            continue;
        if (c == QLatin1Char(' '))
            continue;
        if (c == QLatin1Char('*') && i == e.size() - 1)
            continue;
        return false;
    }
    return !inside;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const wf::signalstore::LogSearch search = wf::signalstore::parseLogSearch(text);
    const QString& expression = search.match;
    check(expression == wf::signalstore::logSearchExpression(text), "expression is not deterministic");
    // The typed text itself, as a body, holds every phrase of its own search.
    check(wf::signalstore::phraseMatches(text, search), "a text does not match its own phrases");
    check(expression.isEmpty() || wellFormed(expression), "expression is not quoted phrases");
    if (expression.isEmpty())
        return 0;
    try {
        wf::SqliteStatement s = database().prepare("SELECT count(*) FROM logs_fts WHERE logs_fts MATCH ?1");
        s.bind(1, expression);
        while (s.step()) {
        }
    } catch (const wf::SqliteError& e) {
        std::fprintf(stderr, "rejected: %s\n%s\n", qPrintable(expression), e.what());
        check(false, "SQLite rejected the expression");
    }
    return 0;
}
