// Fuzz target: the postmortem template parser (text a user types or an incident file carries).
// Checks beyond "never crashes": the result always has parts (the default's when the text is
// refused); refused means at least one error; every accepted section name is a known one; and a
// postmortem built from it renders.

#include "incident/postmortem/HtmlWriter.h"
#include "incident/postmortem/PostmortemDocument.h"
#include "incident/postmortem/PostmortemTemplate.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::incident;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const PostmortemTemplate t = parsePostmortemTemplate(text);
    const auto violated = [](const char* what) {
        std::fprintf(stderr, "fuzz_postmortem_template: %s\n", what);
        std::abort();
    };
    if (t.items.isEmpty() && !text.trimmed().isEmpty() && !t.ok())
        violated("a refused template left no parts");
    if (t.items.size() > kMaxTemplateItems && t.ok())
        violated("more parts than the bound, accepted");
    const QStringList known = postmortemSectionNames();
    for (const PostmortemTemplateItem& i : t.items) {
        if (i.kind == PostmortemTemplateItem::Kind::Section && !known.contains(i.text))
            violated("an unknown section was accepted");
        if (i.kind == PostmortemTemplateItem::Kind::Heading && (i.level < 2 || i.level > 3))
            violated("a heading level out of range");
    }
    PostmortemData d;
    d.incident.title = QStringLiteral("t");
    if (renderHtml(buildPostmortem(d, text)).isEmpty())
        violated("no HTML");
    return 0;
}
