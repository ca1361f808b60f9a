#pragma once
// From a log pattern (a message template of LogPatterns) to the search that lists its lines in the
// stored-log view: a regular expression with the template's literal text and a lazy wildcard for each
// placeholder (<NUM>, <IP>, <*> ...). Literal runs stay unescaped where they can, so the scan's LIKE
// prefilter (requiredLiteralOf) still finds a long plain run to narrow the lines it reads.
#include <QString>

namespace wf::logs {

// `patternText` as LogPattern::text() gives it (tokens joined by single spaces). The expression
// matches a message whose first line has the template's tokens, whitespace between them of any width.
QString regexForPattern(const QString& patternText, int maxTokens = 80);

} // namespace wf::logs
