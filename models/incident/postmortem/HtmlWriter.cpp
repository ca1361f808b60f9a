#include "HtmlWriter.h"

#include <QCoreApplication>

namespace wf::incident {
namespace {

using Type = PostmortemBlock::Type;

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// Escaped, with line breaks kept.
QString escLines(const QString& text)
{
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString table(const PostmortemBlock& b)
{
    const bool fields = b.type == Type::Fields;
    QString out = fields ? QStringLiteral("<table class=\"fields\" cellspacing=\"0\" cellpadding=\"3\">\n")
                         : QStringLiteral("<table class=\"grid\" border=\"1\" cellspacing=\"0\" "
                                          "cellpadding=\"4\" width=\"100%\">\n<thead><tr>");
    if (!fields) {
        for (qsizetype i = 0; i < b.headers.size(); ++i) {
            const QString width =
                i < b.widths.size() ? QStringLiteral(" width=\"%1%\"").arg(b.widths[i]) : QString();
            out += QStringLiteral("<th") + width + QLatin1Char('>') + esc(b.headers[i]) +
                   QStringLiteral("</th>");
        }
        out += QStringLiteral("</tr></thead>\n");
    }
    out += QStringLiteral("<tbody>\n");
    for (const QStringList& row : b.rows) {
        out += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool label = fields && i == 0;
            out += (label ? QStringLiteral("<th align=\"left\">") : QStringLiteral("<td>")) +
                   escLines(row[i]) + (label ? QStringLiteral("</th>") : QStringLiteral("</td>"));
        }
        out += QStringLiteral("</tr>\n");
    }
    return out + QStringLiteral("</tbody></table>\n");
}

QString image(const PostmortemBlock& b, HtmlImages mode)
{
    const QString src = mode == HtmlImages::DataUri
                            ? QStringLiteral("data:image/png;base64,") + QString::fromLatin1(b.png.toBase64())
                            : b.imageName;
    QString size;
    if (b.imageSize.width() > kHtmlImageMaxWidth) {
        const int h = int(qint64(b.imageSize.height()) * kHtmlImageMaxWidth / b.imageSize.width());
        size = QStringLiteral(" width=\"%1\" height=\"%2\"").arg(kHtmlImageMaxWidth).arg(qMax(1, h));
    } else if (b.imageSize.isValid()) {
        size =
            QStringLiteral(" width=\"%1\" height=\"%2\"").arg(b.imageSize.width()).arg(b.imageSize.height());
    }
    return QStringLiteral("<p class=\"picture\"><img src=\"") + src + QStringLiteral("\" alt=\"") +
           esc(b.text) + QLatin1Char('"') + size + QStringLiteral("></p>\n");
}

// For browsers only: QTextDocument (the PDF) would turn these into an indent of the whole page.
const char* const kBrowserStyle = "body { max-width: 60em; margin: 2em auto; padding: 0 1em; }\n";

const char* const kStyle =
    "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1d2330; }\n"
    "h1 { font-size: 18pt; margin-bottom: 0.3em; }\n"
    "h2 { font-size: 13pt; margin-top: 1.4em; border-bottom: 1px solid #c9ced8; }\n"
    "h3 { font-size: 11pt; margin-top: 1em; }\n"
    "table.grid { border-collapse: collapse; border-color: #c9ced8; font-size: 9pt; }\n"
    "table.grid th { background: #eef1f6; text-align: left; }\n"
    "table.fields th { text-align: left; padding-right: 1.5em; font-weight: 600; }\n"
    "td, th { vertical-align: top; }\n"
    ".placeholder { color: #5b6475; font-style: italic; }\n"
    ".notice { color: #8a1c1c; font-weight: bold; border: 1px solid #8a1c1c; padding: 0.5em; }\n"
    "pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; background: #f4f6f9; "
    "padding: 0.5em; white-space: pre-wrap; }\n"
    "img { max-width: 100%; height: auto; border: 1px solid #c9ced8; }\n";

} // namespace

QString renderHtml(const PostmortemDocument& doc, HtmlImages images)
{
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'\">\n<title>");
    html += esc(doc.title) + QStringLiteral("</title>\n<style>\n") + QLatin1String(kStyle) +
            (images == HtmlImages::DataUri ? QLatin1String(kBrowserStyle) : QLatin1String()) +
            QStringLiteral("</style>\n</head>\n<body>\n<h1>") + esc(doc.title) + QStringLiteral("</h1>\n");
    for (const PostmortemBlock& b : doc.blocks) {
        switch (b.type) {
        case Type::Heading: {
            const QString tag = QStringLiteral("h%1").arg(qBound(2, b.level, 6));
            html += QLatin1Char('<') + tag + QLatin1Char('>') + esc(b.text) + QStringLiteral("</") + tag +
                    QStringLiteral(">\n");
            break;
        }
        case Type::Paragraph:
            html += QStringLiteral("<p>") + escLines(b.text) + QStringLiteral("</p>\n");
            break;
        case Type::Placeholder:
            html += QStringLiteral("<p class=\"placeholder\"><i>") + escLines(b.text) +
                    QStringLiteral("</i></p>\n");
            break;
        case Type::Notice:
            html +=
                QStringLiteral("<p class=\"notice\"><b>") + escLines(b.text) + QStringLiteral("</b></p>\n");
            break;
        case Type::Fields:
        case Type::Table:
            html += table(b);
            break;
        case Type::Image:
            html += image(b, images);
            break;
        case Type::Code:
            html += QStringLiteral("<pre>") + esc(b.text) + QStringLiteral("</pre>\n");
            break;
        }
    }
    return html + QStringLiteral("</body>\n</html>\n");
}

} // namespace wf::incident
