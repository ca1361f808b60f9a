#pragma once
// Writes a postmortem in the format its file name asks for: .md/.markdown, .html/.htm or .pdf.
#include "incident/postmortem/PostmortemFiles.h"

namespace wf::ui {

enum class PostmortemFormat { Markdown, Html, Pdf, Unknown };

PostmortemFormat postmortemFormatFor(const QString& path);

incident::PostmortemWriteResult writePostmortem(const incident::PostmortemData& data, const QString& path);

} // namespace wf::ui
