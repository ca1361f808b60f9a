#pragma once
// A postmortem as Markdown (CommonMark with GitHub tables). Pictures are separate PNG files in a
// folder beside the .md, not data: URIs: most Markdown hosts strip data: images, and a team that
// edits the postmortem wants a small text file. Every text from the incident is escaped so it renders
// as the same text and can never become markup, a link or raw HTML.
#include "incident/postmortem/PostmortemDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace wf::incident {

struct MarkdownExport
{
    QString markdown;
    // Files the Markdown refers to, relative to the .md's folder: "<imageDir>/evidence-3.png".
    QList<std::pair<QString, QByteArray>> files;
};

MarkdownExport renderMarkdown(const PostmortemDocument& doc, const QString& imageDir);

// Escapes text for a Markdown paragraph or heading (line breaks kept as hard breaks).
QString markdownEscape(const QString& text);
// Escapes text for one GitHub table cell (line breaks become spaces).
QString markdownCell(const QString& text);

} // namespace wf::incident
