#include "Annotations.h"

#include "LegendFormat.h"
#include "PanelQueryPlan.h"
#include "incident/TimelineText.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace wf::dashboard {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;

QString annotationText(const AnnotationQuery& query, const LabelSet& labels)
{
    QString title = query.titleFormat.isEmpty() ? query.name : formatLegend(query.titleFormat, labels);
    if (title.isEmpty())
        title = seriesName(labels);
    if (!query.textFormat.isEmpty()) {
        const QString text = formatLegend(query.textFormat, labels);
        if (!text.isEmpty())
            title += QStringLiteral(": ") + text;
    }
    return title;
}

void sortAndDedupe(QList<Annotation>& list)
{
    std::sort(list.begin(), list.end(), [](const Annotation& a, const Annotation& b) {
        return std::tie(a.timeMs, a.endMs, a.text) < std::tie(b.timeMs, b.endMs, b.text);
    });
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

bool mentionsDeploy(const QString& text)
{
    static const QRegularExpression deploy(QStringLiteral("\\b(deploy|deployed|deployment|rollout|release)"),
                                           QRegularExpression::CaseInsensitiveOption);
    return deploy.match(text).hasMatch();
}

} // namespace

QList<Annotation> annotationsFromSeries(const std::vector<signalstore::SeriesSet>& series,
                                        const AnnotationQuery& query, qint64 stepMs, int limit)
{
    QList<Annotation> out;
    const qint64 gapMs = std::max<qint64>(1, stepMs + stepMs / 2);
    for (const signalstore::SeriesSet& set : series) {
        const QString text = annotationText(query, labelsOf(set));
        const size_t n = std::min(set.timesNs.size(), set.values.size());
        qint64 runStart = -1;
        qint64 runEnd = -1;
        auto close = [&] {
            if (runStart >= 0)
                out.append({runStart, runEnd > runStart ? runEnd : 0, text});
            runStart = runEnd = -1;
        };
        for (size_t i = 0; i < n; ++i) {
            const double v = set.values[i];
            const qint64 t = set.timesNs[i] / kNsPerMs;
            if (std::isnan(v) || v == 0) {
                close();
                continue;
            }
            if (runStart >= 0 && t - runEnd > gapMs)
                close();
            if (runStart < 0)
                runStart = t;
            runEnd = t;
        }
        close();
    }
    sortAndDedupe(out);
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QList<Annotation> annotationsFromTimeline(const QList<incident::TimelineEvent>& events, qint64 nowMs)
{
    using incident::EventKind;
    QList<Annotation> out;
    qint64 declaredAt = -1;
    QString title;
    qint64 resolvedAt = -1;
    for (const incident::TimelineEvent& e : events) {
        if (e.kind == EventKind::Declared) {
            declaredAt = e.atMs;
            title = e.payload.value(QLatin1String("title")).toString();
            resolvedAt = -1;
        } else if (e.kind == EventKind::StatusChange) {
            const QString to = e.payload.value(QLatin1String("to")).toString();
            if (to == u"resolved")
                resolvedAt = e.atMs;
            else if (resolvedAt >= 0)
                resolvedAt = -1; // reopened
        }
        const bool deployNote =
            e.kind == EventKind::Note && mentionsDeploy(e.payload.value(QLatin1String("text")).toString());
        if (incident::isChartMoment(e.kind) || deployNote)
            out.append({e.atMs, 0, incident::describeEvent(e)});
    }
    if (declaredAt >= 0) {
        const qint64 end = resolvedAt >= 0 ? resolvedAt : nowMs;
        const QString text =
            resolvedAt >= 0 ? QCoreApplication::translate("Annotations", "Incident: %1 (resolved)").arg(title)
                            : QCoreApplication::translate("Annotations", "Incident: %1 (open)").arg(title);
        if (end > declaredAt)
            out.append({declaredAt, end, text});
    }
    sortAndDedupe(out);
    return out;
}

QList<Annotation> annotationsInRange(const QList<Annotation>& annotations, qint64 fromMs, qint64 toMs)
{
    QList<Annotation> out;
    for (const Annotation& a : annotations) {
        const qint64 end = a.isRegion() ? a.endMs : a.timeMs;
        if (end >= fromMs && a.timeMs <= toMs)
            out.append(a);
    }
    sortAndDedupe(out);
    return out;
}

} // namespace wf::dashboard
