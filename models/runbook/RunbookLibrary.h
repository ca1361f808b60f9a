#pragma once
// Finds runbooks: the *.md files of a folder the user picked, and the ones shipped in the resources.
// A file that does not parse is listed with its error, so the user sees why it is missing.
#include "runbook/RunbookParser.h"

#include <QList>
#include <QString>

namespace wf::runbook {

struct RunbookFile
{
    QString path;
    ParseResult result;
};

QString shippedRunbooksPath(); // ":/runbooks"

// Sorted by file name; files larger than kMaxRunbookBytes are reported, not read.
QList<RunbookFile> loadRunbooks(const QString& directory);

} // namespace wf::runbook
