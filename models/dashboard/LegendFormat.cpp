#include "LegendFormat.h"

namespace wf::dashboard {

QString formatLegend(const QString& format, const LabelSet& labels)
{
    if (format.isEmpty() || format == u"__auto")
        return seriesName(labels);
    QString out;
    qsizetype i = 0;
    while (i < format.size()) {
        const qsizetype open = format.indexOf(u"{{", i);
        if (open < 0)
            break;
        const qsizetype close = format.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        out += QStringView(format).mid(i, open - i);
        const QString name = format.mid(open + 2, close - open - 2).trimmed();
        out += labels.value(name);
        i = close + 2;
    }
    out += QStringView(format).mid(i);
    return out;
}

QString seriesName(const LabelSet& labels)
{
    QString out = labels.value(QStringLiteral("__name__"));
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() == u"__name__")
            continue;
        QString value = it.value();
        value.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'"', QStringLiteral("\\\""))
            .replace(u'\n', QStringLiteral("\\n"));
        parts << it.key() + QStringLiteral("=\"") + value + u'"';
    }
    if (!parts.isEmpty() || out.isEmpty())
        out += u'{' + parts.join(QStringLiteral(", ")) + u'}';
    return out;
}

} // namespace wf::dashboard
