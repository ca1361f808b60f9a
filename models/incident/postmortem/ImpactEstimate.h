#pragma once
// When did the impact start? Rarely when the incident was declared: the charts usually turned
// earlier. This estimates it from the panel snapshots kept with the incident: the earliest moment a
// series left its own baseline (the part of the window well before the declaration) and stayed out
// for consecutive points. An estimate for the postmortem's detection section, said to be one.
#include "incident/PanelSnapshot.h"

#include <QList>
#include <QString>

#include <optional>

namespace wf::incident {

struct ImpactStart
{
    qint64 atMs = 0;
    QString panel;  // the snapshot's title
    QString series; // its labels, "service.name=payments"
    double baseline = 0;
    double value = 0; // the first departing value, in the snapshot's stored unit
};

struct ImpactOptions
{
    qint64 baselineEndsBeforeDeclaredMs = 5 * 60 * 1000; // the baseline ends this long before declaring
    int minBaselinePoints = 5;
    int consecutive = 2; // points out of band in a row
    double sigmas = 4.0; // band: median +- max(sigmas * 1.4826 * MAD, relative * |median|, absolute)
    double relative = 0.5;
    double absolute = 1e-6;
};

std::optional<ImpactStart> estimateImpactStart(const QList<PanelSnapshot>& snapshots, qint64 declaredAtMs,
                                               const ImpactOptions& options = {});

} // namespace wf::incident
