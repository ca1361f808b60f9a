// Fuzzes what HttpClient does with bytes from the network before curl's body callback: header lines
// (status lines, name/value pairs, the capped collector), Retry-After values, Location resolution and
// the body excerpt put into error messages. Checks invariants, not just absence of crashes.

#include "net/ErrorText.h"
#include "net/HeaderParser.h"
#include "net/RedirectPolicy.h"
#include "net/RetryPolicy.h"

#include <cstdint>
#include <cstdlib>

using namespace wf::net;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const QUrl base(QStringLiteral("http://127.0.0.1:9090/api/v1/query"));

    ResponseHeaderCollector collector(4096);
    for (const QByteArray& raw : input.split('\n')) {
        const QByteArray line = raw + '\n';
        if (const auto status = parseStatusLine(line))
            check(*status >= 100 && *status <= 999);
        if (const auto header = parseHeaderLine(line)) {
            check(isValidHeaderName(header->first));
            check(isValidHeaderValue(header->second));
            if (header->first.compare("Retry-After", Qt::CaseInsensitive) == 0) {
                if (const auto wait = parseRetryAfter(header->second, now))
                    check(wait->count() >= 0);
            }
            if (header->first.compare("Location", Qt::CaseInsensitive) == 0) {
                const QUrl next = resolveRedirect(base, header->second);
                if (next.isValid())
                    check(next.fragment().isEmpty());
            }
        }
        const bool accepted = collector.feed(line);
        check(accepted == !collector.overLimit());
        if (!accepted)
            break;
    }
    check(collector.totalBytes() <= input.size() + input.count('\n') + 1);

    const QString excerpt = printableExcerpt(input, 64);
    check(excerpt.size() <= 64 + 3);
    for (QChar c : excerpt)
        check(c.unicode() >= 0x20 && c.unicode() < 0x7f);
    return 0;
}
