#include "MarkdownWriter.h"

#include <QRegularExpression>
#include <QUrl>

namespace wf::incident {
namespace {

using Type = PostmortemBlock::Type;

// Characters that start inline markup anywhere: emphasis, code, links, images, raw HTML, entities,
// tables, strikethrough; the backslash itself.
bool inlineSignificant(QChar c)
{
    return QStringLiteral("\\`*_[]<>|~&").contains(c);
}

QString escapeLine(QString line)
{
    // Leading spaces would make an indented code block; they mean nothing in a postmortem.
    while (!line.isEmpty() && line.front().isSpace())
        line.remove(0, 1);
    QString out;
    out.reserve(line.size() + 8);
    for (QChar c : std::as_const(line)) {
        if (inlineSignificant(c))
            out += QLatin1Char('\\');
        out += c;
    }
    // What starts a block only at the start of a line: heading, quote, list, setext underline,
    // ordered list ("1." / "1)").
    static const QRegularExpression ordered(QStringLiteral("^(\\d{1,9})([.)])"));
    if (!out.isEmpty() && QStringLiteral("#>-+=").contains(out.front()))
        out.prepend(QLatin1Char('\\'));
    else if (const QRegularExpressionMatch m = ordered.match(out); m.hasMatch())
        out.insert(m.capturedLength(1), QLatin1Char('\\'));
    return out;
}

QString fence(const QString& code)
{
    // A fence longer than any backtick run inside, so the data cannot close it.
    int longest = 0;
    int run = 0;
    for (QChar c : code) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    return QString(qMax(3, longest + 1), QLatin1Char('`'));
}

QString tableRow(const QStringList& cells)
{
    QStringList escaped;
    for (const QString& c : cells)
        escaped << markdownCell(c);
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString table(const QStringList& headers, const QList<QStringList>& rows)
{
    QString out = tableRow(headers);
    QStringList rule;
    for (qsizetype i = 0; i < headers.size(); ++i)
        rule << QStringLiteral("---");
    out += QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    for (const QStringList& r : rows)
        out += tableRow(r);
    return out;
}

} // namespace

QString markdownEscape(const QString& text)
{
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n')))
        lines << escapeLine(line);
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    // A backslash at the end of a line is CommonMark's hard line break; empty lines would end the
    // paragraph, so they become breaks too.
    return lines.join(QStringLiteral("\\\n"));
}

QString markdownCell(const QString& text)
{
    QString flat = text;
    flat.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return escapeLine(flat.simplified());
}

MarkdownExport renderMarkdown(const PostmortemDocument& doc, const QString& imageDir)
{
    MarkdownExport out;
    QString& md = out.markdown;
    md += QStringLiteral("# ") + markdownCell(doc.title) + QStringLiteral("\n\n");
    for (const PostmortemBlock& b : doc.blocks) {
        switch (b.type) {
        case Type::Heading:
            md += QString(qBound(2, b.level, 6), QLatin1Char('#')) + QLatin1Char(' ') + markdownCell(b.text) +
                  QLatin1Char('\n');
            break;
        case Type::Paragraph:
            md += markdownEscape(b.text) + QLatin1Char('\n');
            break;
        case Type::Placeholder:
            md += QLatin1Char('_') + markdownCell(b.text) + QStringLiteral("_\n");
            break;
        case Type::Notice:
            for (const QString& line : b.text.split(QLatin1Char('\n')))
                md += QStringLiteral("> **") + markdownCell(line) + QStringLiteral("**\n>\n");
            md.chop(2);
            break;
        case Type::Fields:
        case Type::Table:
            md += table(b.headers, b.rows);
            break;
        case Type::Image: {
            const QString rel = imageDir + QLatin1Char('/') + b.imageName;
            out.files.append({rel, b.png});
            md += QStringLiteral("![") + markdownCell(b.text) + QStringLiteral("](") +
                  QString::fromLatin1(QUrl::toPercentEncoding(rel, "/")) + QStringLiteral(")\n");
            break;
        }
        case Type::Code: {
            const QString f = fence(b.text);
            md += f + QStringLiteral("json\n") + b.text + QLatin1Char('\n') + f + QLatin1Char('\n');
            break;
        }
        }
        md += QLatin1Char('\n');
    }
    return out;
}

} // namespace wf::incident
