#pragma once
// A blameless postmortem as a list of plain blocks, built once from PostmortemData and rendered by
// the Markdown and HTML writers (and, through the HTML, the PDF), so every format says the same
// thing. Block text is plain text: each writer escapes it for its format.
#include "incident/postmortem/PostmortemData.h"

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

namespace wf::incident {

struct PostmortemBlock
{
    enum class Type {
        Heading,     // level 2 or 3 (the document title is level 1)
        Paragraph,   // newlines are line breaks
        Placeholder, // a prompt for the team, rendered in italics
        Notice,      // a warning the reader must not miss (integrity problems)
        Fields,      // label/value pairs: rows of two cells
        Table,       // headers and rows
        Image,       // a PNG with its caption in text
        Code,        // preformatted (captured data)
    };
    Type type = Type::Paragraph;
    int level = 2;
    QString text;
    QStringList headers;
    QList<int> widths; // per column, percent of the page; empty: the renderer decides
    QList<QStringList> rows;
    QByteArray png;
    QSize imageSize;
    QString imageName; // "evidence-3.png": unique within the document, safe as a file name
};

struct PostmortemDocument
{
    QString title;
    QList<PostmortemBlock> blocks;
};

// The captured data of one evidence is cut at this many characters in a postmortem; the incident
// file keeps all of it.
inline constexpr int kPostmortemDataChars = 16 * 1024;

// `templateText`: the team's template (PostmortemTemplate.h); the default when empty.
PostmortemDocument buildPostmortem(const PostmortemData& data, const QString& templateText = {});

// By when they happened, recording order (seq) among equal times: an alert recorded late by its
// source still sits where it fired.
QList<TimelineEvent> chronological(QList<TimelineEvent> events);

QString formatUtc(qint64 ms);      // "2026-12-01 01:23:45"
QString formatDuration(qint64 ms); // "2 h 14 min", translated

} // namespace wf::incident
