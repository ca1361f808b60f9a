// Fuzzes the runbook parser with any bytes (seeded with the shipped runbooks): it must never crash,
// must name a line inside the file when it rejects, and what it accepts must hold together: unique
// step ids, every next step resolves, and rendering with the defaults never puts a line break in a
// header or splits an argument.

#include "runbook/ActionRenderer.h"
#include "runbook/ParameterBinding.h"
#include "runbook/RunbookParser.h"

#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_runbook_parser: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::runbook;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const ParseResult r = parseRunbook(input);
    if (!r.ok()) {
        check(!r.error.message.isEmpty(), "rejected without a message");
        check(r.error.line >= 0 && r.error.line <= input.count('\n') + 1, "error line outside the file");
        return 0;
    }
    const Runbook& rb = *r.runbook;
    check(!rb.steps.isEmpty() && rb.steps.size() <= kMaxSteps, "step count");
    QSet<QString> ids;
    for (const Step& s : rb.steps) {
        check(!ids.contains(s.id), "duplicate step id accepted");
        ids.insert(s.id);
    }
    for (const Step& s : rb.steps) {
        for (const Outcome& o : s.confirm.outcomes)
            check(o.next.isEmpty() || ids.contains(o.next), "outcome leads nowhere");
        if (s.onFailure == OnFailure::GoTo)
            check(ids.contains(s.onFailureStep), "on_failure leads nowhere");
    }
    const BindResult bound = bindParameters(rb, {});
    if (!bound.ok())
        return 0;
    const QProcessEnvironment env;
    for (const Step& s : rb.steps) {
        const RenderedStep out = renderStep(s, *bound.bound, env);
        if (!out.ok())
            continue;
        for (const auto& [name, value] : out.http.headers) {
            check(!value.contains('\n') && !value.contains('\r'), "line break in a header");
            check(!name.contains('\n') && !name.contains(':'), "bad header name");
        }
        if (s.action == ActionKind::Command)
            check(out.command.arguments.size() == s.command.arguments.size(), "argument count changed");
        if (s.action == ActionKind::Http)
            check(out.http.url.isValid() && !out.http.url.host().isEmpty(), "invalid URL rendered");
    }
    return 0;
}
