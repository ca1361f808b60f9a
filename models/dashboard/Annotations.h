#pragma once

// Moments and periods drawn on a dashboard's time series panels: from PromQL annotation queries (a
// series' non-zero steps) and from the workspace's incident timelines (declared to resolved as a
// region; runbook actions, alerts, status changes and deploy notes as points).

#include "AnnotationQuery.h"
#include "incident/TimelineEvent.h"
#include "signalstore/SignalQueries.h"

#include <QList>
#include <QString>

#include <vector>

namespace wf::dashboard {

struct Annotation
{
    qint64 timeMs = 0;
    qint64 endMs = 0; // > timeMs: a region
    QString text;

    bool isRegion() const { return endMs > timeMs; }
    friend bool operator==(const Annotation&, const Annotation&) = default;
};

// Each series' runs of non-zero (and non-NaN) samples, a run continuing while samples are at most
// `stepMs` (plus half a step of slack) apart: a run of one sample is a point, a longer one a region
// from its first to its last sample. Texts come from the query's title format over the series'
// labels (its name when empty), then its text format. At most `limit` annotations, earliest first.
QList<Annotation> annotationsFromSeries(const std::vector<signalstore::SeriesSet>& series,
                                        const AnnotationQuery& query, qint64 stepMs, int limit = 500);

// One incident's timeline (events in order): its declared-to-resolved period as a region (open
// incidents run to `nowMs`), and a point for every chart moment (status and severity changes,
// alerts, finished runbook steps, annotations) and for notes that mention a deploy.
QList<Annotation> annotationsFromTimeline(const QList<incident::TimelineEvent>& events, qint64 nowMs);

// Annotations that touch [fromMs, toMs], sorted by time, duplicates dropped.
QList<Annotation> annotationsInRange(const QList<Annotation>& annotations, qint64 fromMs, qint64 toMs);

} // namespace wf::dashboard
