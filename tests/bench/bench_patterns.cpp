// Benchmark: clustering 1,000,000 generated log lines into patterns (LogPatterns, Drain-style, masking
// by hand-written scanners) against a naive baseline in the same run: the same placeholders by
// QRegularExpression replacement, then grouping identical masked lines in a QHash. The baseline runs
// on the first 200,000 lines (it is slow); the ratio compares lines per second. Thread CPU time.

#include "logs/LogPatterns.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <cstdio>
#include <ctime>
#include <random>

using namespace wf::logs;

namespace {

double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

QStringList generate(int n)
{
    std::mt19937_64 rng(11);
    const auto num = [&](int mod) -> QString { return QString::number(rng() % quint64(mod)); };
    const auto ip = [&]() -> QString {
        return QStringLiteral("10.%1.%2.%3:%4").arg(num(255), num(255), num(255), num(65535));
    };
    const auto hexId = [&]() -> QString { return QString::number(rng() | (1ull << 60), 16); };
    const auto uuid = [&]() -> QString {
        const QString h =
            QString::number(rng() | (1ull << 63), 16) + QString::number(rng() | (1ull << 63), 16);
        return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-' +
               h.mid(20, 12);
    };
    QStringList out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        switch (rng() % 12) {
        case 0:
            out << QStringLiteral("GET /api/cart/%1 200 %2ms").arg(num(100000), num(900));
            break;
        case 1:
            out << QStringLiteral("POST /api/checkout 201 %1ms user=%2").arg(num(2000), uuid());
            break;
        case 2:
            out << QStringLiteral("connection from %1 accepted").arg(ip());
            break;
        case 3:
            out << QStringLiteral(
                       "pool timeout after %1ms acquiring connection to payments-db:5432 order=ord-%2")
                       .arg(num(6000), num(9999999));
            break;
        case 4:
            out << QStringLiteral("trace %1 span %2 exported in %3ms").arg(hexId(), hexId(), num(50));
            break;
        case 5:
            out << QStringLiteral("user \"%1\" logged in from %2").arg(num(5000), ip());
            break;
        case 6:
            out << QStringLiteral("cache miss key=product:%1 ttl=%2s").arg(num(100000), num(3600));
            break;
        case 7:
            out << QStringLiteral("kafka consumer lag %1 on partition %2").arg(num(100000), num(12));
            break;
        case 8:
            out << QStringLiteral("retrying request %1 attempt %2 of 5 after %3s")
                       .arg(uuid(), num(5), num(30));
            break;
        case 9:
            out << QStringLiteral("disk usage %1% on /var/lib/data").arg(num(100));
            break;
        case 10:
            out << QStringLiteral("payment declined for order ord-%1: card expired").arg(num(9999999));
            break;
        default:
            out << QStringLiteral("GC pause %1ms heap %2MB").arg(num(300), num(4096));
            break;
        }
    }
    return out;
}

} // namespace

int main()
{
    constexpr int kLines = 1'000'000;
    constexpr int kBaselineLines = 200'000;
    const QStringList lines = generate(kLines);

    double ours = 1e9;
    int patterns = 0;
    for (int run = 0; run < 3; ++run) {
        LogPatterns::Options o;
        o.buckets = 60;
        o.bucketNs = 1;
        LogPatterns p(o);
        const double t0 = cpuNow();
        for (int i = 0; i < kLines; ++i)
            p.add(lines[i], i % 60);
        ours = std::min(ours, cpuNow() - t0);
        patterns = p.size();
    }

    const QList<std::pair<QRegularExpression, QString>> masks{
        {QRegularExpression(QStringLiteral("\"[^\"]*\"")), QStringLiteral("<STR>")},
        {QRegularExpression(QStringLiteral(
             "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b")),
         QStringLiteral("<UUID>")},
        {QRegularExpression(QStringLiteral("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b")),
         QStringLiteral("<IP>")},
        {QRegularExpression(QStringLiteral("\\b(0x)?[0-9a-fA-F]{8,}\\b")), QStringLiteral("<HEX>")},
        {QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?(ms|s|us|ns|m|h)\\b")), QStringLiteral("<DUR>")},
        {QRegularExpression(QStringLiteral("\\d+(\\.\\d+)?")), QStringLiteral("<NUM>")},
    };
    for (auto& m : masks)
        m.first.optimize();
    QHash<QString, qint64> groups;
    const double t0 = cpuNow();
    for (int i = 0; i < kBaselineLines; ++i) {
        QString s = lines[i];
        for (const auto& [re, placeholder] : masks)
            s.replace(re, placeholder);
        ++groups[s];
    }
    const double naive = cpuNow() - t0;
    const double oursRate = kLines / ours, naiveRate = kBaselineLines / naive;
    std::printf("bench: patterns_cluster_1m %.0f ms (%d patterns; goal <= 2000 ms)\n", ours * 1e3, patterns);
    std::printf("bench: patterns_lines_per_s %.0f lines/s ratio %.1f vs regex_masking\n", oursRate,
                oursRate / naiveRate);
    std::printf("bench: regex_masking_lines_per_s %.0f lines/s (%lld groups from %d lines)\n", naiveRate,
                qint64(groups.size()), kBaselineLines);
    return 0;
}
