#include "PostmortemPdf.h"

#include "incident/postmortem/HtmlWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace wf::ui {
namespace {

// 96 dpi makes the HTML's CSS pixels (picture widths) the same length as in a browser.
constexpr int kDpi = 96;
constexpr qreal kFooterPx = 28;

} // namespace

PdfResult renderPostmortemPdf(const incident::PostmortemDocument& doc)
{
    PdfResult r;
    QBuffer buffer(&r.pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(doc.title);
    writer.setCreator(QStringLiteral("Watchfloor"));
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter));

    QTextDocument text;
    // Laid out against the writer, not the screen: QTextDocument::print() scales by the ratio of the
    // two resolutions, which depends on the display it runs on (and shrank the text on headless CI).
    text.documentLayout()->setPaintDevice(&writer);
    text.setDocumentMargin(0);
    for (const incident::PostmortemBlock& b : doc.blocks) {
        if (b.type == incident::PostmortemBlock::Type::Image)
            text.addResource(QTextDocument::ImageResource, QUrl(b.imageName), QImage::fromData(b.png, "PNG"));
    }
    text.setHtml(incident::renderHtml(doc, incident::HtmlImages::ResourceName));
    const QRectF paper = writer.pageLayout().paintRectPixels(kDpi);
    const QSizeF body(paper.width(), paper.height() - kFooterPx);
    text.setPageSize(body);
    const int pages = text.pageCount();

    QPainter painter(&writer);
    QFont footerFont = text.defaultFont();
    footerFont.setPointSizeF(8);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -page * body.height());
        text.drawContents(&painter, QRectF(QPointF(0, page * body.height()), body));
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x5b, 0x64, 0x75));
        const QRectF footer(0, paper.height() - kFooterPx + 8, paper.width(), kFooterPx - 8);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, doc.title);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                         QCoreApplication::translate("Postmortem", "Page %1 of %2").arg(page + 1).arg(pages));
    }
    if (!painter.end() || !r.pdf.startsWith("%PDF-"))
        return {};
    r.pages = pages;
    return r;
}

} // namespace wf::ui
