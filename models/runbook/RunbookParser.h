#pragma once
// Reads a runbook from Markdown: YAML front matter (id, title, service, parameters) and fenced
// ```step blocks (YAML), with prose between them for people. Everything else in the file is prose.
// Malformed input is rejected as a whole, with the line and the field that are wrong; a runbook that
// parsed has only steps whose references (next steps, placeholders) resolve.
#include "runbook/Runbook.h"

#include <QByteArray>

#include <optional>

namespace wf::runbook {

struct ParseError
{
    int line = 0;  // 1-based line in the file; 0 when the file as a whole is wrong
    QString field; // e.g. "url", "parameters[1].max"; empty when not about one field
    QString message;
    QString text() const; // "line 12, field url: ..." (translated)
};

struct ParseResult
{
    std::optional<Runbook> runbook;
    ParseError error;
    bool ok() const { return runbook.has_value(); }
};

constexpr qsizetype kMaxRunbookBytes = 1024 * 1024;
constexpr int kMaxSteps = 200;

ParseResult parseRunbook(const QByteArray& markdown, const QString& source = {});

} // namespace wf::runbook
