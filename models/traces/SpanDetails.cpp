#include "traces/SpanDetails.h"

#include <QCoreApplication>
#include <QStringBuilder>

namespace wf::traces {

namespace {

void appendAttributes(QString& out, const telemetry::Attributes& attrs, int maxChars, const QString& indent)
{
    for (const auto& kv : attrs)
        out += indent % truncateForDisplay(kv.key, 200) % QStringLiteral(" = ") %
               displayValue(kv.value, maxChars) % QLatin1Char('\n');
    if (attrs.droppedCount() > 0)
        out +=
            indent %
            QCoreApplication::translate("SpanDetails", "(%1 attributes dropped)").arg(attrs.droppedCount()) %
            QLatin1Char('\n');
}

const char* kindName(telemetry::SpanKind k)
{
    switch (k) {
    case telemetry::SpanKind::Internal:
        return "internal";
    case telemetry::SpanKind::Server:
        return "server";
    case telemetry::SpanKind::Client:
        return "client";
    case telemetry::SpanKind::Producer:
        return "producer";
    case telemetry::SpanKind::Consumer:
        return "consumer";
    case telemetry::SpanKind::Unspecified:
        break;
    }
    return "unspecified";
}

} // namespace

QString truncateForDisplay(const QString& text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) % QCoreApplication::translate("SpanDetails", " … [%n more characters]",
                                                             nullptr, int(text.size() - maxChars));
}

QString displayValue(const telemetry::AnyValue& value, int maxChars)
{
    if (value.type() == telemetry::AnyValue::Type::String)
        return truncateForDisplay(value.toString(), maxChars);
    return truncateForDisplay(value.displayString(), maxChars);
}

QString formatDuration(qint64 ns)
{
    const double v = double(ns);
    if (ns >= 1'000'000'000)
        return QStringLiteral("%1 s").arg(v / 1e9, 0, 'f', 2);
    if (ns >= 1'000'000)
        return QStringLiteral("%1 ms").arg(v / 1e6, 0, 'f', ns >= 100'000'000 ? 0 : 1);
    if (ns >= 1'000)
        return QStringLiteral("%1 µs").arg(v / 1e3, 0, 'f', 0);
    return QStringLiteral("%1 ns").arg(ns);
}

QString spanDetailsText(const TraceTree& tree, int node, int maxValueChars)
{
    const auto& n = tree.node(node);
    const auto& s = tree.span(node);
    QString out;
    out += truncateForDisplay(tree.serviceOf(node), 200) % QStringLiteral(": ") %
           truncateForDisplay(s.name, 500) % QLatin1Char('\n');
    out += QCoreApplication::translate("SpanDetails", "Span %1, trace %2")
               .arg(s.spanId.toHex(), s.traceId.toHex()) %
           QLatin1Char('\n');
    if (s.parentSpanId.isValid())
        out += QCoreApplication::translate("SpanDetails", "Parent %1").arg(s.parentSpanId.toHex()) %
               QLatin1Char('\n');
    out += QCoreApplication::translate("SpanDetails", "Kind: %1").arg(QLatin1String(kindName(s.kind))) %
           QLatin1Char('\n');
    out += QCoreApplication::translate("SpanDetails", "Start: +%1, duration %2, self time %3")
               .arg(formatDuration(n.startNs - tree.startNs()), formatDuration(n.endNs - n.startNs),
                    formatDuration(n.selfNs)) %
           QLatin1Char('\n');
    if (s.statusCode == telemetry::StatusCode::Error)
        out += QCoreApplication::translate("SpanDetails", "Status: ERROR %1")
                   .arg(truncateForDisplay(s.statusMessage, maxValueChars)) %
               QLatin1Char('\n');
    else if (s.statusCode == telemetry::StatusCode::Ok)
        out += QCoreApplication::translate("SpanDetails", "Status: OK") % QLatin1Char('\n');
    if (n.has(TraceTree::ParentMissing))
        out += QCoreApplication::translate("SpanDetails", "Warning: parent span not in the trace") %
               QLatin1Char('\n');
    if (n.has(TraceTree::CycleBroken))
        out +=
            QCoreApplication::translate("SpanDetails", "Warning: parent links formed a cycle, broken here") %
            QLatin1Char('\n');
    if (n.has(TraceTree::StartsBeforeParent) || n.has(TraceTree::EndsAfterParent))
        out += QCoreApplication::translate("SpanDetails", "Warning: clock skew against the parent span%1")
                   .arg(n.has(TraceTree::SkewAdjusted)
                            ? QCoreApplication::translate("SpanDetails", " (shifted for display)")
                            : QString()) %
               QLatin1Char('\n');
    if (n.has(TraceTree::OnCriticalPath))
        out += QCoreApplication::translate("SpanDetails", "On the critical path") % QLatin1Char('\n');

    out += QLatin1Char('\n') % QCoreApplication::translate("SpanDetails", "Attributes") % QLatin1Char('\n');
    appendAttributes(out, s.attributes, maxValueChars, QStringLiteral("  "));
    const auto& resource = tree.batch().resourceOf(s);
    if (!resource.attributes().isEmpty()) {
        out += QLatin1Char('\n') % QCoreApplication::translate("SpanDetails", "Resource") % QLatin1Char('\n');
        appendAttributes(out, resource.attributes(), maxValueChars, QStringLiteral("  "));
    }
    if (!s.events.empty()) {
        out += QLatin1Char('\n') % QCoreApplication::translate("SpanDetails", "Events") % QLatin1Char('\n');
        for (const auto& e : s.events) {
            out += QStringLiteral("  +") % formatDuration(e.timeNs - n.startNs) % QLatin1Char(' ') %
                   truncateForDisplay(e.name, 500) % QLatin1Char('\n');
            appendAttributes(out, e.attributes, maxValueChars, QStringLiteral("    "));
        }
    }
    if (!s.links.empty()) {
        out += QLatin1Char('\n') % QCoreApplication::translate("SpanDetails", "Links") % QLatin1Char('\n');
        for (const auto& l : s.links) {
            out += QStringLiteral("  ") % l.traceId.toHex() % QLatin1Char('/') % l.spanId.toHex() %
                   QLatin1Char('\n');
            appendAttributes(out, l.attributes, maxValueChars, QStringLiteral("    "));
        }
    }
    return out;
}

} // namespace wf::traces
