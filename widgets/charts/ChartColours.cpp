#include "charts/ChartOptions.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace wf::ui {

QColor thresholdColour(const QString& name)
{
    // The named shades of Grafana's classic palette that dashboards store; plain names first.
    static const QHash<QString, QColor> grafana{
        {QStringLiteral("green"), QColor(0x73bf69)},
        {QStringLiteral("semi-dark-green"), QColor(0x56a64b)},
        {QStringLiteral("dark-green"), QColor(0x37872d)},
        {QStringLiteral("red"), QColor(0xf2495c)},
        {QStringLiteral("semi-dark-red"), QColor(0xe02f44)},
        {QStringLiteral("dark-red"), QColor(0xc4162a)},
        {QStringLiteral("orange"), QColor(0xff9830)},
        {QStringLiteral("semi-dark-orange"), QColor(0xfa6400)},
        {QStringLiteral("dark-orange"), QColor(0xe55400)},
        {QStringLiteral("yellow"), QColor(0xfade2a)},
        {QStringLiteral("semi-dark-yellow"), QColor(0xf2cc0c)},
        {QStringLiteral("dark-yellow"), QColor(0xe0b400)},
        {QStringLiteral("blue"), QColor(0x5794f2)},
        {QStringLiteral("semi-dark-blue"), QColor(0x3274d9)},
        {QStringLiteral("dark-blue"), QColor(0x1f60c4)},
        {QStringLiteral("purple"), QColor(0xb877d9)},
        {QStringLiteral("semi-dark-purple"), QColor(0xa352cc)},
        {QStringLiteral("dark-purple"), QColor(0x8f3bb8)},
        {QStringLiteral("text"), QColor(0x808080)},
        {QStringLiteral("transparent"), QColor(Qt::transparent)},
    };
    const QString key = name.trimmed().toLower();
    if (const auto it = grafana.constFind(key); it != grafana.cend())
        return it.value();
    if (key.startsWith(QStringLiteral("rgba(")) || key.startsWith(QStringLiteral("rgb("))) {
        const QStringList parts = key.mid(key.indexOf(u'(') + 1).chopped(1).split(u',');
        if (parts.size() >= 3) {
            QColor c(parts[0].trimmed().toInt(), parts[1].trimmed().toInt(), parts[2].trimmed().toInt());
            if (parts.size() == 4)
                c.setAlphaF(std::clamp(parts[3].trimmed().toFloat(), 0.0f, 1.0f));
            return c;
        }
    }
    QColor c = QColor::fromString(name.trimmed());
    return c.isValid() ? c : QColor(0x808080);
}

} // namespace wf::ui

namespace wf::ui {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return text;
    return QStringLiteral("<p style='white-space:pre'>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

} // namespace wf::ui
