#pragma once
// Turns what a user typed into the log search box into an FTS5 MATCH expression that SQLite always
// accepts. User text is never passed through: FTS5's own syntax (AND/OR/NOT/NEAR, column filters, ^,
// +, *, parentheses, unbalanced quotes) would make ordinary input fail or mean something else.
//
// Rules: whitespace separates words; all words must occur. "Quoted text" is one phrase (an unclosed
// quote runs to the end). A word containing punctuation (payment-svc, don't, a.b.c) is searched as the
// phrase of its parts, the way the unicode61 tokenizer splits it when indexing. The last word (not a
// closed phrase) matches as a prefix, so results follow typing. Each emitted token holds only letters
// and digits and is double-quoted, so no input can produce an operator or a syntax error.
//
// The log index is built with detail=none (no token positions; bench_ingest's writer-only runs, three
// alternating pairs over 300,000 shop records: 121-134k records/s against 112-117k with detail=full),
// which cannot answer phrase queries. So the MATCH expression asks only for every token (a superset),
// and phraseMatches() checks word order on the candidates' bodies.
#include <QList>
#include <QString>
#include <QStringList>

namespace wf::signalstore {

struct LogSearch
{
    struct Phrase
    {
        QStringList tokens; // folded (case and diacritics), adjacent and in this order
        bool lastIsPrefix = false;
    };
    QString match;         // FTS5 expression of single tokens; empty: every record matches
    QList<Phrase> phrases; // only those of two or more tokens: single tokens need no check
    // When the last word matches as a prefix: FTS5 merges the whole doclist of every term with that
    // prefix before yielding a row (seconds for a common word in 10 M lines), while whole-word
    // queries stream. So the reader first asks `exactMatch` (the last word as a whole word), then
    // `othersMatch` (without it) and checks `prefixWord` on the bodies, and only then `match`.
    QString exactMatch;
    QString othersMatch; // empty when the prefix word is the only token
    QString prefixWord;  // folded; empty when no word matches as a prefix
};

// True when `body` has a word starting with `prefix` (folded, as in LogSearch::prefixWord).
bool hasWordWithPrefix(const QString& body, const QString& prefix);

LogSearch parseLogSearch(const QString& userText);

// The FTS5 expression alone (parseLogSearch(text).match).
QString logSearchExpression(const QString& userText);

// True when `body` holds every phrase of `search` as consecutive words.
bool phraseMatches(const QString& body, const LogSearch& search);

} // namespace wf::signalstore
