#include "PostmortemExport.h"

#include "export/PostmortemPdf.h"
#include "export/SnapshotCharts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace wf::ui {

PostmortemFormat postmortemFormatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return PostmortemFormat::Markdown;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return PostmortemFormat::Html;
    if (suffix == QLatin1String("pdf"))
        return PostmortemFormat::Pdf;
    return PostmortemFormat::Unknown;
}

incident::PostmortemWriteResult writePostmortem(const incident::PostmortemData& data, const QString& path)
{
    incident::PostmortemData withCharts = data;
    if (withCharts.charts.isEmpty())
        withCharts.charts = renderSnapshotCharts(data);
    const incident::PostmortemDocument doc = incident::buildPostmortem(withCharts, withCharts.templateText);
    switch (postmortemFormatFor(path)) {
    case PostmortemFormat::Markdown:
        return incident::writeMarkdownPostmortem(doc, path);
    case PostmortemFormat::Html:
        return incident::writeHtmlPostmortem(doc, path);
    case PostmortemFormat::Pdf: {
        incident::PostmortemWriteResult r;
        const PdfResult pdf = renderPostmortemPdf(doc);
        r.error = pdf.pdf.isEmpty()
                      ? QCoreApplication::translate("Postmortem", "Could not lay out the PDF for “%1”.")
                            .arg(QDir::toNativeSeparators(path))
                      : incident::writeFileAtomically(path, pdf.pdf);
        r.ok = r.error.isEmpty();
        if (r.ok)
            r.written << QFileInfo(path).absoluteFilePath();
        return r;
    }
    case PostmortemFormat::Unknown:
        break;
    }
    incident::PostmortemWriteResult r;
    r.error = QCoreApplication::translate(
                  "Postmortem", "“%1” does not end in .md, .html or .pdf, so the format is unclear.")
                  .arg(QDir::toNativeSeparators(path));
    return r;
}

} // namespace wf::ui
