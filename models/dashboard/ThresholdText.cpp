#include "ThresholdText.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace wf::dashboard {

QString thresholdsToText(const Thresholds& thresholds)
{
    QStringList parts;
    bool first = true;
    for (const ThresholdStep& step : thresholds.steps) {
        if (!step.value) {
            parts << step.color;
            continue;
        }
        QString value = QString::number(*step.value, 'g', 12);
        if (first && thresholds.mode == ThresholdMode::Percentage)
            value += u'%';
        first = false;
        parts << value + u' ' + step.color;
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<Thresholds> thresholdsFromText(const QString& text, QString* error)
{
    Thresholds out;
    static const QRegularExpression colour(QStringLiteral("^(#[0-9a-fA-F]{3,8}|[a-zA-Z][a-zA-Z-]{0,40})$"));
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QStringList parts = text.split(u';', Qt::SkipEmptyParts);
    if (parts.size() > 50)
        return fail(QCoreApplication::translate("ThresholdText", "At most 50 thresholds."));
    for (const QString& raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        const QStringList words = part.split(u' ', Qt::SkipEmptyParts);
        ThresholdStep step;
        if (words.size() == 1 && out.steps.isEmpty()) {
            step.color = words.at(0);
        } else if (words.size() == 2) {
            QString number = words.at(0);
            if (number.endsWith(u'%')) {
                number.chop(1);
                out.mode = ThresholdMode::Percentage;
            }
            bool ok = false;
            const double value = number.toDouble(&ok);
            if (!ok || !std::isfinite(value))
                return fail(
                    QCoreApplication::translate("ThresholdText", "“%1” is not a number.").arg(words.at(0)));
            if (!out.steps.isEmpty() && out.steps.constLast().value && *out.steps.constLast().value >= value)
                return fail(
                    QCoreApplication::translate("ThresholdText", "Thresholds must increase: %1 after %2.")
                        .arg(value)
                        .arg(*out.steps.constLast().value));
            step.value = value;
            step.color = words.at(1);
        } else {
            return fail(QCoreApplication::translate("ThresholdText",
                                                    "“%1”: write a colour first, then “value colour” steps.")
                            .arg(part));
        }
        if (!colour.match(step.color).hasMatch())
            return fail(
                QCoreApplication::translate("ThresholdText", "“%1” is not a colour.").arg(step.color));
        out.steps.append(step);
    }
    if (!out.steps.isEmpty() && out.steps.constFirst().value) {
        // Grafana's model always has a base step; "green" when the text gave none.
        out.steps.prepend(ThresholdStep{std::nullopt, QStringLiteral("green")});
    }
    if (error)
        error->clear();
    return out;
}

} // namespace wf::dashboard
