#pragma once
// Turns what live panels query into PanelSnapshots over a fixed window (an incident's), so the
// incident file can carry the charts' data. Runs the store's queries on the calling thread: callers
// run it on a worker.
#include "incident/PanelSnapshot.h"
#include "signalstore/SignalQueries.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace wf::signalstore {
class SeriesStore;
}

namespace wf::live {

struct PanelSpec
{
    QString title;
    QString unit;
    double scale = 1.0;
    int decimals = 1;
    signalstore::SeriesQuery query; // its window and step are replaced by the capture's
};

// About this many points per series: enough for a full-width chart, small enough for the file.
inline constexpr int kSnapshotPoints = 720;

// One snapshot per spec that answered; a failed query adds a translated line to *problems.
QList<incident::PanelSnapshot> capturePanels(const signalstore::SeriesStore& store,
                                             const QList<PanelSpec>& specs, qint64 fromMs, qint64 toMs,
                                             QStringList* problems = nullptr);

// What an export asks the open dashboards for; safe to call on any thread.
using PanelCapture = std::function<QList<incident::PanelSnapshot>(qint64 fromMs, qint64 toMs)>;
PanelCapture panelCapture(std::shared_ptr<const signalstore::SeriesStore> store, QList<PanelSpec> specs);

} // namespace wf::live
