// Fuzz target: Jaeger query API and Tempo API bodies (names, searches, tag values), the error-text
// extraction applied to any non-2xx body, and the search form's tag and duration parsers.

#include "traces/TraceApiResponses.h"
#include "traces/TraceSearch.h"

#include <cstdio>
#include <cstdlib>

#define API_CHECK(cond)                                                                                      \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::traces;
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    TraceApiLimits limits;
    limits.maxNames = 50;
    limits.maxResults = 50;
    limits.maxNameChars = 64;

    for (const NameListResult& names : {parseJaegerNames(body, limits), parseTempoTagValues(body, limits)}) {
        API_CHECK(names.ok() || names.names.isEmpty());
        API_CHECK(names.names.size() <= limits.maxNames);
        for (const QString& n : names.names)
            API_CHECK(n.size() <= limits.maxNameChars);
    }
    const TraceSearchResult jaeger = parseJaegerTraces(body, limits);
    API_CHECK(jaeger.ok() || (jaeger.traces.empty() && jaeger.spans.empty()));
    API_CHECK(jaeger.spans.size() == jaeger.traces.size());
    API_CHECK(int(jaeger.traces.size()) <= limits.maxResults);
    for (std::size_t i = 0; i < jaeger.traces.size(); ++i) {
        API_CHECK(jaeger.traces[i].spanCount == jaeger.spans[i].size());
        API_CHECK(jaeger.traces[i].durationNs >= 0);
        API_CHECK(i == 0 || jaeger.traces[i - 1].startNs >= jaeger.traces[i].startNs);
    }
    const TraceSearchResult tempo = parseTempoSearch(body, limits);
    API_CHECK(tempo.ok() || tempo.traces.empty());
    API_CHECK(int(tempo.traces.size()) <= limits.maxResults);
    for (const auto& t : tempo.traces) {
        API_CHECK(t.traceId.isValid());
        API_CHECK(t.durationNs >= 0 && t.startNs >= 0);
        API_CHECK(t.rootService.size() <= limits.maxNameChars);
    }

    const QString error = apiErrorText(500, body);
    API_CHECK(error.startsWith(QStringLiteral("HTTP 500: ")) || !error.isEmpty());
    API_CHECK(!error.contains(QLatin1Char('\n')) && error.size() < 400);

    const QString text = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 4096)));
    TagFilter tags;
    QString tagError;
    if (parseTagFilter(text, &tags, &tagError)) {
        TagFilter again;
        API_CHECK(parseTagFilter(formatTagFilter(tags), &again, &tagError));
        API_CHECK(again == tags);
    } else {
        API_CHECK(!tagError.isEmpty());
    }
    qint64 ns = 0;
    if (parseDurationText(text, &ns))
        API_CHECK(ns >= 0);
    return 0;
}
