#pragma once
// One series of SeriesStore: its identity (labels) and its points as parallel columns, kept sorted by
// time so queries walk them in order and differencing sees true neighbours even when points arrived
// out of order.
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace wf::signalstore {

enum class SeriesKind : quint8 {
    Gauge,
    CumulativeSum, // OTLP cumulative (or unspecified) temporality: values as received
    DeltaSum,      // each point is the change since the previous one
    CumulativeHistogram,
    DeltaHistogram,
};

inline bool isHistogram(SeriesKind k)
{
    return k == SeriesKind::CumulativeHistogram || k == SeriesKind::DeltaHistogram;
}

struct StoredSeries
{
    SeriesKind kind = SeriesKind::Gauge;
    // Point attributes first, then resource attributes, values as display strings: a key present in
    // both resolves to the point's (the more specific) value.
    QList<std::pair<QString, QString>> labels;

    std::vector<qint64> timesNs;
    std::vector<qint64> startsNs; // 0 when the sender gave none
    std::vector<double> values;   // numbers: the value; histograms: the observation count
    // Histograms only: one sum per point (NaN when the sender gave none) and bucketStride() counts
    // per point, flattened. Bounds are part of the series identity, so they are fixed per series.
    std::vector<double> sums;
    std::vector<double> bucketCounts;
    std::vector<double> bounds;

    std::size_t size() const { return timesNs.size(); }
    std::size_t bucketStride() const { return bounds.size() + 1; }
    const double* bucketsAt(std::size_t i) const { return bucketCounts.data() + i * bucketStride(); }

    // The value of `key` (point attribute, else resource attribute), empty when absent.
    QString label(const QString& key) const;

    // Inserts in time order; a point at a time already held replaces it (a re-sent collection).
    // Returns true when a point was added, false when one was replaced.
    bool insertNumber(qint64 timeNs, qint64 startNs, double value);
    bool insertHistogram(qint64 timeNs, qint64 startNs, double count, double sum,
                         const std::vector<double>& buckets);
    // Drops points older than cutoffNs; returns how many.
    std::size_t trimBefore(qint64 cutoffNs);
};

} // namespace wf::signalstore
