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
#include <QString>

namespace wf::signalstore {

// Empty when the text holds nothing searchable (then every record matches).
QString logSearchExpression(const QString& userText);

} // namespace wf::signalstore
