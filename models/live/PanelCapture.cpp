#include "PanelCapture.h"

#include "signalstore/SeriesStore.h"

#include <QCoreApplication>

#include <algorithm>

namespace wf::live {

QList<incident::PanelSnapshot> capturePanels(const signalstore::SeriesStore& store,
                                             const QList<PanelSpec>& specs, qint64 fromMs, qint64 toMs,
                                             QStringList* problems)
{
    QList<incident::PanelSnapshot> out;
    if (toMs <= fromMs)
        return out;
    constexpr qint64 kMsToNs = 1'000'000;
    // Whole seconds, at least the senders' export interval, so rates are not computed over gaps.
    const qint64 stepMs = std::max<qint64>(2000, ((toMs - fromMs) / kSnapshotPoints + 999) / 1000 * 1000);
    for (const PanelSpec& spec : specs) {
        signalstore::SeriesQuery q = spec.query;
        q.fromNs = fromMs * kMsToNs;
        q.toNs = toMs * kMsToNs;
        q.stepNs = stepMs * kMsToNs;
        signalstore::QueryResult<std::vector<signalstore::SeriesSet>> r = store.query(q);
        if (!r.ok) {
            if (problems)
                *problems << QCoreApplication::translate("Snapshot", "“%1”: %2").arg(spec.title, r.error);
            continue;
        }
        incident::PanelSnapshot s;
        s.title = spec.title;
        s.unit = spec.unit;
        s.scale = spec.scale;
        s.decimals = spec.decimals;
        s.fromMs = fromMs;
        s.toMs = toMs;
        s.series = std::move(r.value);
        if (const QString why = incident::validateSnapshot(s); !why.isEmpty()) {
            if (problems)
                *problems << QCoreApplication::translate("Snapshot", "“%1”: %2").arg(spec.title, why);
            continue;
        }
        out.append(std::move(s));
    }
    return out;
}

PanelCapture panelCapture(std::shared_ptr<const signalstore::SeriesStore> store, QList<PanelSpec> specs)
{
    return [store = std::move(store), specs = std::move(specs)](qint64 fromMs, qint64 toMs) {
        return store ? capturePanels(*store, specs, fromMs, toMs) : QList<incident::PanelSnapshot>{};
    };
}

} // namespace wf::live
