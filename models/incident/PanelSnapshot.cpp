#include "PanelSnapshot.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wf::incident {
namespace {

constexpr quint32 kMaxLabels = 64;
constexpr qsizetype kMaxTextChars = 4096;

void writeText(QDataStream& out, const QString& text)
{
    const QByteArray utf8 = text.left(kMaxTextChars).toUtf8();
    out << quint32(utf8.size());
    out.writeRawData(utf8.constData(), int(utf8.size()));
}

constexpr quint32 kMagic = 0x57465331; // "WFS1"

QString tooBig()
{
    return QCoreApplication::translate("Snapshot", "The panel holds more data than an incident file keeps "
                                                   "(%1 series, %2 points at most).")
        .arg(kMaxSnapshotSeries)
        .arg(kMaxSnapshotPoints);
}

} // namespace

qint64 PanelSnapshot::pointCount() const
{
    qint64 n = 0;
    for (const signalstore::SeriesSet& s : series)
        n += qint64(s.timesNs.size());
    return n;
}

std::pair<qint64, qint64> PanelSnapshot::dataExtentMs() const
{
    qint64 first = toMs, last = fromMs;
    for (const signalstore::SeriesSet& set : series) {
        if (set.timesNs.empty())
            continue;
        first = std::min(first, set.timesNs.front() / 1'000'000);
        last = std::max(last, set.timesNs.back() / 1'000'000);
    }
    if (first >= last)
        return {fromMs, toMs};
    return {std::max(fromMs, first), std::min(toMs, last)};
}

QJsonObject snapshotToJson(const PanelSnapshot& s, int maxPoints)
{
    QJsonArray series;
    for (const signalstore::SeriesSet& set : s.series) {
        QJsonObject labels;
        for (const auto& [k, v] : set.labels)
            labels.insert(k, v);
        double min = std::numeric_limits<double>::infinity(), max = -min, sum = 0, last = 0;
        qint64 finite = 0;
        for (double v : set.values) {
            if (!std::isfinite(v))
                continue;
            min = std::min(min, v), max = std::max(max, v), sum += v, last = v, ++finite;
        }
        QJsonArray points;
        const size_t n = std::min(set.timesNs.size(), set.values.size());
        const size_t stride =
            std::max<size_t>(1, (n + size_t(maxPoints) - 1) / size_t(std::max(1, maxPoints)));
        for (size_t i = 0; i < n; i += stride) {
            const double v = set.values[i];
            points.append(QJsonArray{double(set.timesNs[i] / 1'000'000),
                                     std::isfinite(v) ? QJsonValue(v) : QJsonValue()});
        }
        QJsonObject o{{QStringLiteral("labels"), labels}, {QStringLiteral("points"), points}};
        if (finite > 0) {
            o.insert(QStringLiteral("min"), min);
            o.insert(QStringLiteral("max"), max);
            o.insert(QStringLiteral("mean"), sum / double(finite));
            o.insert(QStringLiteral("last"), last);
        }
        series.append(o);
    }
    return {{QStringLiteral("title"), s.title},       {QStringLiteral("unit"), s.unit},
            {QStringLiteral("scale"), s.scale},       {QStringLiteral("fromMs"), double(s.fromMs)},
            {QStringLiteral("toMs"), double(s.toMs)}, {QStringLiteral("series"), series}};
}

QString validateSnapshot(const PanelSnapshot& s)
{
    if (s.title.trimmed().isEmpty())
        return QCoreApplication::translate("Snapshot", "A panel snapshot needs a title.");
    if (s.toMs < s.fromMs)
        return QCoreApplication::translate("Snapshot", "The snapshot's time range ends before it starts.");
    if (qsizetype(s.series.size()) > kMaxSnapshotSeries || s.pointCount() > kMaxSnapshotPoints)
        return tooBig();
    for (const signalstore::SeriesSet& set : s.series) {
        if (set.timesNs.size() != set.values.size())
            return QCoreApplication::translate("Snapshot", "A series has more times than values.");
        if (quint32(set.labels.size()) > kMaxLabels)
            return QCoreApplication::translate("Snapshot", "A series has more than %1 labels.")
                .arg(kMaxLabels);
    }
    return {};
}

QByteArray encodeSnapshotData(const PanelSnapshot& s)
{
    QByteArray raw;
    QDataStream out(&raw, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kMagic;
    writeText(out, s.unit);
    out << s.scale << qint32(s.decimals) << qint64(s.fromMs) << qint64(s.toMs) << quint32(s.series.size());
    for (const signalstore::SeriesSet& set : s.series) {
        out << quint32(set.labels.size());
        for (const auto& [k, v] : set.labels) {
            writeText(out, k);
            writeText(out, v);
        }
        out << quint32(set.timesNs.size());
        for (qint64 t : set.timesNs)
            out << t;
        for (double v : set.values)
            out << v;
    }
    return qCompress(raw, 6);
}

std::optional<PanelSnapshot> decodeSnapshotData(const QByteArray& blob, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<PanelSnapshot> {
        if (error)
            *error = QCoreApplication::translate("Snapshot", "A panel snapshot is damaged: %1").arg(why);
        return std::nullopt;
    };
    // qCompress prefixes the uncompressed size; check it before qUncompress allocates that much.
    if (blob.size() < 4)
        return fail(QCoreApplication::translate("Snapshot", "it is too short."));
    const quint32 declared = qFromBigEndian<quint32>(blob.constData());
    if (declared > quint32(kMaxSnapshotBytes))
        return fail(tooBig());
    const QByteArray raw = qUncompress(blob);
    if (raw.isEmpty() || quint32(raw.size()) != declared)
        return fail(QCoreApplication::translate("Snapshot", "it does not decompress."));

    QDataStream in(raw);
    in.setVersion(QDataStream::Qt_6_0);
    const auto truncated = [&] {
        return fail(QCoreApplication::translate("Snapshot", "it ends early or holds values out of range."));
    };
    auto readText = [&](QString& text) {
        quint32 bytes = 0;
        in >> bytes;
        if (in.status() != QDataStream::Ok || bytes > quint32(kMaxTextChars) * 4)
            return false;
        QByteArray utf8(qsizetype(bytes), Qt::Uninitialized);
        if (in.readRawData(utf8.data(), int(bytes)) != int(bytes))
            return false;
        text = QString::fromUtf8(utf8);
        return text.size() <= kMaxTextChars;
    };

    quint32 magic = 0;
    qint32 decimals = 0;
    quint32 seriesCount = 0;
    PanelSnapshot s;
    in >> magic;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return fail(QCoreApplication::translate("Snapshot", "it is not in a format this version reads."));
    if (!readText(s.unit))
        return truncated();
    in >> s.scale >> decimals >> s.fromMs >> s.toMs >> seriesCount;
    if (in.status() != QDataStream::Ok || !std::isfinite(s.scale) || decimals < 0 || decimals > 12 ||
        s.toMs < s.fromMs)
        return truncated();
    if (seriesCount > quint32(kMaxSnapshotSeries))
        return fail(tooBig());
    s.decimals = decimals;
    qint64 points = 0;
    s.series.reserve(seriesCount);
    for (quint32 i = 0; i < seriesCount; ++i) {
        signalstore::SeriesSet set;
        quint32 labels = 0;
        in >> labels;
        if (in.status() != QDataStream::Ok || labels > kMaxLabels)
            return truncated();
        for (quint32 l = 0; l < labels; ++l) {
            QString k, v;
            if (!readText(k) || !readText(v))
                return truncated();
            set.labels.append({k, v});
        }
        quint32 n = 0;
        in >> n;
        points += n;
        // 16 bytes a point must still be there: a lying count cannot make us allocate.
        if (in.status() != QDataStream::Ok || points > kMaxSnapshotPoints ||
            qint64(n) * 16 > raw.size() - in.device()->pos())
            return truncated();
        set.timesNs.resize(n);
        set.values.resize(n);
        for (quint32 p = 0; p < n; ++p)
            in >> set.timesNs[p];
        for (quint32 p = 0; p < n; ++p)
            in >> set.values[p];
        if (in.status() != QDataStream::Ok)
            return truncated();
        s.series.push_back(std::move(set));
    }
    if (!in.atEnd())
        return fail(QCoreApplication::translate("Snapshot", "it has bytes after its last series."));
    return s;
}

} // namespace wf::incident
