#include "PostmortemDocument.h"

#include "incident/SecretRedaction.h"
#include "incident/TimelineText.h"
#include "incident/postmortem/ImpactEstimate.h"
#include "incident/postmortem/PostmortemTemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace wf::incident {
namespace {

using Block = PostmortemBlock;
using Type = PostmortemBlock::Type;

Block heading(const QString& text, int level = 2)
{
    Block b;
    b.type = Type::Heading;
    b.level = level;
    b.text = text;
    return b;
}

Block textBlock(Type type, const QString& text)
{
    Block b;
    b.type = type;
    b.text = text;
    return b;
}

Block table(const QStringList& headers, const QList<QStringList>& rows, Type type = Type::Table,
            const QList<int>& widths = {})
{
    Block b;
    b.type = type;
    b.headers = headers;
    b.rows = rows;
    b.widths = widths;
    return b;
}

// When the incident was (last) resolved, or 0 while it is not.
qint64 resolvedAt(const PostmortemData& d)
{
    if (d.incident.status != Status::Resolved)
        return 0;
    qint64 at = 0;
    for (const TimelineEvent& e : d.events) {
        if (e.kind == EventKind::StatusChange &&
            e.payload.value(QLatin1String("to")).toString() == statusKey(Status::Resolved))
            at = e.atMs;
    }
    return at ? at : d.incident.updatedAtMs;
}

Severity worstSeverity(const PostmortemData& d)
{
    int worst = int(d.incident.severity);
    for (const TimelineEvent& e : d.events) {
        const char* key = e.kind == EventKind::Declared         ? "severity"
                          : e.kind == EventKind::SeverityChange ? "to"
                                                                : nullptr;
        if (key) {
            const int s = e.payload.value(QLatin1String(key)).toInt(0);
            if (s >= 1 && s <= 4)
                worst = qMin(worst, s);
        }
    }
    return Severity(worst);
}

void addImpact(PostmortemDocument& doc, const PostmortemData& d)
{
    const Incident& i = d.incident;
    const qint64 resolved = resolvedAt(d);
    const Severity worst = worstSeverity(d);
    QString severity = severityName(i.severity);
    if (worst != i.severity)
        severity = QCoreApplication::translate("Postmortem", "%1 (at its worst %2)")
                       .arg(severityName(i.severity), severityName(worst));
    QList<QStringList> rows{
        {QCoreApplication::translate("Postmortem", "Severity"), severity},
        {QCoreApplication::translate("Postmortem", "Services"),
         i.services.isEmpty() ? QCoreApplication::translate("Postmortem", "none named")
                              : i.services.join(QStringLiteral(", "))},
        {QCoreApplication::translate("Postmortem", "Status"), statusName(i.status)},
        {QCoreApplication::translate("Postmortem", "Declared (UTC)"), formatUtc(i.createdAtMs)},
        {QCoreApplication::translate("Postmortem", "Resolved (UTC)"),
         resolved ? formatUtc(resolved) : QCoreApplication::translate("Postmortem", "not resolved")},
        {QCoreApplication::translate("Postmortem", "Duration"),
         resolved ? formatDuration(resolved - i.createdAtMs)
                  : QCoreApplication::translate("Postmortem", "%1 so far (still open when this was exported)")
                        .arg(formatDuration(d.generatedAtMs - i.createdAtMs))},
    };
    doc.blocks << table({QCoreApplication::translate("Postmortem", "Field"),
                         QCoreApplication::translate("Postmortem", "Value")},
                        rows, Type::Fields);
}

void addTimeline(PostmortemDocument& doc, const PostmortemData& d)
{
    doc.blocks << textBlock(Type::Paragraph,
                            QCoreApplication::translate(
                                "Postmortem", "All times are UTC, in the order things happened. Taken "
                                              "from the incident's timeline as it was recorded during the "
                                              "response."));
    QList<QStringList> rows;
    for (const TimelineEvent& e : chronological(d.events))
        // A note typed in a hurry may hold a token; the postmortem is shared more widely than the record.
        rows << QStringList{formatUtc(e.atMs), eventKindName(e.kind), redactSecretsInText(describeEvent(e)),
                            e.author};
    doc.blocks << table({QCoreApplication::translate("Postmortem", "Time (UTC)"),
                         QCoreApplication::translate("Postmortem", "Kind"),
                         QCoreApplication::translate("Postmortem", "What happened"),
                         QCoreApplication::translate("Postmortem", "By")},
                        rows, Type::Table, {24, 15, 47, 14});
}

QString evidenceDataText(const Evidence& e)
{
    // Pinning redacted it already; this covers evidence written by an older or another tool.
    QString text =
        QString::fromUtf8(QJsonDocument(redactSecrets(QJsonDocument::fromJson(e.dataJson).object()))
                              .toJson(QJsonDocument::Indented));
    if (text.size() > kPostmortemDataChars)
        text = text.left(kPostmortemDataChars) + QLatin1Char('\n') +
               QCoreApplication::translate("Postmortem", "… (cut here; the incident file holds all of it)");
    return text.trimmed();
}

QString signedDuration(qint64 ms)
{
    return ms < 0 ? QCoreApplication::translate("Postmortem", "%1 before").arg(formatDuration(-ms))
                  : QCoreApplication::translate("Postmortem", "%1 after").arg(formatDuration(ms));
}

// What alerted and when, against the moment the charts say the impact began.
void addDetection(PostmortemDocument& doc, const PostmortemData& d)
{
    struct Alert
    {
        qint64 atMs;
        QString what;
    };
    QList<Alert> alerts;
    for (const TimelineEvent& e : chronological(d.events)) {
        if (e.kind != EventKind::AlertFired)
            continue;
        // An alert that fired before the incident existed carries its own firing time.
        const qint64 fired = qint64(e.payload.value(QLatin1String("firedAt")).toDouble(double(e.atMs)));
        alerts << Alert{fired, redactSecretsInText(describeEvent(e))};
    }
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const Alert& a, const Alert& b) { return a.atMs < b.atMs; });
    const std::optional<ImpactStart> impact = estimateImpactStart(d.snapshots, d.incident.createdAtMs);
    const qint64 declared = d.incident.createdAtMs;

    QList<QStringList> rows;
    rows << QStringList{
        QCoreApplication::translate("Postmortem", "Impact started (estimated, UTC)"),
        impact ? QCoreApplication::translate("Postmortem", "%1: “%2” %3 left its baseline (%4 → %5)")
                     .arg(formatUtc(impact->atMs), impact->panel, impact->series)
                     .arg(impact->baseline, 0, 'g', 4)
                     .arg(impact->value, 0, 'g', 4)
        : d.snapshots.isEmpty()
            ? QCoreApplication::translate("Postmortem",
                                          "not estimated: no panel data was kept with the incident")
            : QCoreApplication::translate("Postmortem",
                                          "not estimated: no series left its baseline before the "
                                          "declaration, or there was too little data before it")};
    rows << QStringList{QCoreApplication::translate("Postmortem", "First alert (UTC)"),
                        alerts.isEmpty()
                            ? QCoreApplication::translate("Postmortem", "no alert is on the timeline")
                            : QCoreApplication::translate("Postmortem", "%1: %2")
                                  .arg(formatUtc(alerts.constFirst().atMs), alerts.constFirst().what)};
    rows << QStringList{QCoreApplication::translate("Postmortem", "Declared (UTC)"), formatUtc(declared)};
    if (impact && !alerts.isEmpty())
        rows << QStringList{QCoreApplication::translate("Postmortem", "Time to detect"),
                            QCoreApplication::translate("Postmortem", "first alert %1 impact started")
                                .arg(signedDuration(alerts.constFirst().atMs - impact->atMs))};
    if (impact)
        rows << QStringList{QCoreApplication::translate("Postmortem", "Time to declare"),
                            QCoreApplication::translate("Postmortem", "declared %1 impact started")
                                .arg(signedDuration(declared - impact->atMs))};
    doc.blocks << table({QCoreApplication::translate("Postmortem", "Field"),
                         QCoreApplication::translate("Postmortem", "Value")},
                        rows, Type::Fields);
    if (alerts.size() > 1) {
        QList<QStringList> alertRows;
        for (const Alert& a : alerts)
            alertRows << QStringList{formatUtc(a.atMs), a.what,
                                     impact ? signedDuration(a.atMs - impact->atMs) : QString()};
        doc.blocks << table({QCoreApplication::translate("Postmortem", "Fired (UTC)"),
                             QCoreApplication::translate("Postmortem", "Alert"),
                             QCoreApplication::translate("Postmortem", "Relative to impact start")},
                            alertRows, Type::Table, {24, 50, 26});
    }
}

// The dashboards over the incident's window, as the incident file keeps them.
void addCharts(PostmortemDocument& doc, const PostmortemData& d)
{
    if (d.charts.isEmpty()) {
        doc.blocks << textBlock(
            Type::Paragraph,
            QCoreApplication::translate("Postmortem", "No panel data was kept with this incident."));
        return;
    }
    doc.blocks << textBlock(Type::Paragraph,
                            QCoreApplication::translate("Postmortem",
                                                        "The panels' data from %1 min before the declaration "
                                                        "on; dashed lines mark the timeline's moments.")
                                .arg(15));
    int n = 0;
    for (const PostmortemData::Chart& c : d.charts) {
        const std::optional<QSize> size = pngSize(c.png);
        if (!size)
            continue;
        Block img;
        img.type = Type::Image;
        img.text = c.title;
        img.png = c.png;
        img.imageSize = *size;
        img.imageName = QStringLiteral("chart-%1.png").arg(++n);
        doc.blocks << img;
    }
}

void addRoles(PostmortemDocument& doc, const PostmortemData& d)
{
    QList<QStringList> roles;
    for (const auto& [role, person] : d.incident.roles)
        roles << QStringList{role, person};
    if (roles.isEmpty())
        doc.blocks << textBlock(Type::Paragraph,
                                QCoreApplication::translate("Postmortem", "No roles were assigned."));
    else
        doc.blocks << table({QCoreApplication::translate("Postmortem", "Role"),
                             QCoreApplication::translate("Postmortem", "Person")},
                            roles, Type::Table, {30, 70});
}

void addActionItems(PostmortemDocument& doc)
{
    doc.blocks << table({QCoreApplication::translate("Postmortem", "Action"),
                         QCoreApplication::translate("Postmortem", "Owner"),
                         QCoreApplication::translate("Postmortem", "Due"),
                         QCoreApplication::translate("Postmortem", "Tracking")},
                        {{{}, {}, {}, {}}}, Type::Table, {46, 18, 14, 22});
}

void addEvidence(PostmortemDocument& doc, const PostmortemData& d);

// The generated part a template's {{name}} asks for (names are checked by the template parser).
void addSection(PostmortemDocument& doc, const PostmortemData& d, const QString& name)
{
    if (name == QLatin1String("impact"))
        addImpact(doc, d);
    else if (name == QLatin1String("detection"))
        addDetection(doc, d);
    else if (name == QLatin1String("roles"))
        addRoles(doc, d);
    else if (name == QLatin1String("timeline"))
        addTimeline(doc, d);
    else if (name == QLatin1String("charts"))
        addCharts(doc, d);
    else if (name == QLatin1String("action_items"))
        addActionItems(doc);
    else if (name == QLatin1String("evidence"))
        addEvidence(doc, d);
}

void addEvidence(PostmortemDocument& doc, const PostmortemData& d)
{
    if (d.evidence.isEmpty()) {
        doc.blocks << textBlock(
            Type::Paragraph,
            QCoreApplication::translate("Postmortem", "No evidence was pinned during this incident."));
        return;
    }
    doc.blocks << textBlock(Type::Paragraph,
                            QCoreApplication::translate(
                                "Postmortem", "Pinned during the response: what was seen, as it was seen."));
    int n = 0;
    for (const Evidence& e : d.evidence) {
        ++n;
        doc.blocks << heading(QCoreApplication::translate("Postmortem", "E%1: %2").arg(n).arg(e.title), 3)
                   << table({QCoreApplication::translate("Postmortem", "Field"),
                             QCoreApplication::translate("Postmortem", "Value")},
                            {{QCoreApplication::translate("Postmortem", "Kind"), evidenceKindName(e.kind)},
                             {QCoreApplication::translate("Postmortem", "Captured (UTC)"),
                              formatUtc(e.capturedAtMs)},
                             {QCoreApplication::translate("Postmortem", "Pinned by"), e.author},
                             {QCoreApplication::translate("Postmortem", "SHA-256"),
                              QString::fromLatin1(e.sha256.toHex())}},
                            Type::Fields);
        if (const std::optional<QSize> size = pngSize(e.png)) {
            Block img;
            img.type = Type::Image;
            img.text = e.title;
            img.png = e.png;
            img.imageSize = *size;
            img.imageName = QStringLiteral("evidence-%1.png").arg(e.id);
            doc.blocks << img;
        }
        const QJsonObject data = e.data();
        if (!data.isEmpty())
            doc.blocks << textBlock(Type::Code, evidenceDataText(e));
    }
}

} // namespace

QList<TimelineEvent> chronological(QList<TimelineEvent> events)
{
    std::stable_sort(events.begin(), events.end(),
                     [](const TimelineEvent& a, const TimelineEvent& b) { return a.atMs < b.atMs; });
    return events;
}

QString formatUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatDuration(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = (minutes / 60) % 24;
    const qint64 mins = minutes % 60;
    if (days > 0)
        return QCoreApplication::translate("Postmortem", "%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QCoreApplication::translate("Postmortem", "%1 h %2 min").arg(hours).arg(mins);
    if (minutes > 0)
        return QCoreApplication::translate("Postmortem", "%1 min").arg(mins);
    return QCoreApplication::translate("Postmortem", "%1 s").arg(qMax<qint64>(0, ms) / 1000);
}

PostmortemDocument buildPostmortem(const PostmortemData& d, const QString& templateText)
{
    PostmortemDocument doc;
    doc.title = QCoreApplication::translate("Postmortem", "Postmortem: %1").arg(d.incident.title);
    doc.blocks << textBlock(
        Type::Paragraph,
        QCoreApplication::translate("Postmortem",
                                    "A blameless postmortem: it asks how the system and the response behaved "
                                    "and what made the failure possible, never who is to blame. Generated by "
                                    "Watchfloor on %1 UTC from the incident's timeline; the sections in "
                                    "italics are for the team to fill in.")
            .arg(formatUtc(d.generatedAtMs)));
    if (d.integrityProblems.isEmpty())
        doc.blocks << textBlock(
            Type::Paragraph,
            QCoreApplication::translate("Postmortem",
                                        "Integrity: the timeline (%1 events) and the pinned evidence (%2) "
                                        "match their hash chain.")
                .arg(d.events.size())
                .arg(d.evidence.size()));
    else
        doc.blocks << textBlock(
            Type::Notice,
            QCoreApplication::translate("Postmortem",
                                        "Integrity warning: this record was changed outside Watchfloor.\n%1")
                .arg(d.integrityProblems.join(QLatin1Char('\n'))));

    for (const PostmortemTemplateItem& item : parsePostmortemTemplate(templateText).items) {
        switch (item.kind) {
        case PostmortemTemplateItem::Kind::Heading:
            doc.blocks << heading(item.text, item.level);
            break;
        case PostmortemTemplateItem::Kind::Prompt:
            doc.blocks << textBlock(Type::Placeholder, item.text);
            break;
        case PostmortemTemplateItem::Kind::Section:
            addSection(doc, d, item.text);
            break;
        }
    }
    return doc;
}

} // namespace wf::incident
