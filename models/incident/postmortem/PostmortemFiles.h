#pragma once
// Writing a postmortem to disk as Markdown (with its pictures in a folder beside it) or HTML. Each
// file is written whole or not at all (QSaveFile), so a failed export never leaves half a report.
#include "incident/postmortem/PostmortemDocument.h"

#include <QString>

namespace wf::incident {

struct PostmortemWriteResult
{
    bool ok = false;
    QString error;       // translated, names the file
    QStringList written; // absolute paths, the main file first
};

// The folder the pictures of `mdPath` go to: "<name>-evidence" beside it.
QString markdownImageDir(const QString& mdPath);

PostmortemWriteResult writeMarkdownPostmortem(const PostmortemDocument& doc, const QString& path);
PostmortemWriteResult writeHtmlPostmortem(const PostmortemDocument& doc, const QString& path);

// Writes bytes to path atomically; on failure returns a translated message naming the file.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace wf::incident
