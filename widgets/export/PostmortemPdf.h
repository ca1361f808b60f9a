#pragma once
// A postmortem as PDF: the HTML writer's page laid out by QTextDocument and printed with QPdfWriter
// (A4). Lives in widgets/ because both need QtGui. The pictures are handed to the document as
// resources, not data: URIs, so no URL handling is involved in loading them.
#include "incident/postmortem/PostmortemDocument.h"

#include <QByteArray>
#include <QString>

namespace wf::ui {

struct PdfResult
{
    QByteArray pdf; // empty on failure
    int pages = 0;
};

PdfResult renderPostmortemPdf(const incident::PostmortemDocument& doc);

} // namespace wf::ui
