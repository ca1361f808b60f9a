#pragma once
// What one dashboard panel showed over an incident's window, as data: kept in the incident file so an
// offline review draws the same charts without the network or the stores the live panel read from.
// Encoded as a compressed columnar blob; decoding treats the bytes as untrusted (every count and size
// is checked before anything is allocated).
#include "signalstore/SignalQueries.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace wf::incident {

// Beyond these a snapshot is refused (export) or rejected (open): one runaway panel must not make the
// incident file unusable.
inline constexpr int kMaxSnapshotSeries = 2000;
inline constexpr qint64 kMaxSnapshotPoints = 2'000'000;
inline constexpr qint64 kMaxSnapshotBytes = 64 * 1024 * 1024; // decompressed

struct PanelSnapshot
{
    QString title;
    QString unit;       // as the panel's axis says it, e.g. "req/s"
    double scale = 1.0; // stored values times scale are what the axis shows
    int decimals = 1;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    std::vector<signalstore::SeriesSet> series;

    qint64 pointCount() const;
    // [first point, last point] within [fromMs, toMs]; the whole window when there are no points.
    // Charts use it so a short incident in a long window does not draw as a sliver.
    std::pair<qint64, qint64> dataExtentMs() const;
};

// Empty when the snapshot may be stored, else a translated sentence.
QString validateSnapshot(const PanelSnapshot& snapshot);

// The snapshot as readable JSON for pinned evidence: title, unit, window and per series its labels,
// min/max/mean/last and its points (at most maxPoints, evenly thinned, as [UTC ms, value]).
QJsonObject snapshotToJson(const PanelSnapshot& snapshot, int maxPoints = 300);

// Everything but the title (a column of its own) in one compressed blob.
QByteArray encodeSnapshotData(const PanelSnapshot& snapshot);
// nullopt with *error set (translated) for anything encodeSnapshotData could not have written.
std::optional<PanelSnapshot> decodeSnapshotData(const QByteArray& blob, QString* error);

} // namespace wf::incident
