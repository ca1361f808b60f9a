#pragma once
// A postmortem as one self-contained HTML page: no scripts, no external resources (a
// Content-Security-Policy says so to the browser too), pictures as data: URIs, and every text from
// the incident HTML-escaped. The same HTML, with pictures named as resources, feeds the PDF writer.
#include "incident/postmortem/PostmortemDocument.h"

#include <QString>

namespace wf::incident {

enum class HtmlImages {
    DataUri,      // <img src="data:image/png;base64,...">: a standalone file
    ResourceName, // <img src="evidence-3.png">: the caller supplies the pictures (QTextDocument)
};

// Pictures wider than this many pixels are shown scaled down to it.
inline constexpr int kHtmlImageMaxWidth = 640;

QString renderHtml(const PostmortemDocument& doc, HtmlImages images = HtmlImages::DataUri);

} // namespace wf::incident
