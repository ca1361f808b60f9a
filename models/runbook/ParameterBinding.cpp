#include "runbook/ParameterBinding.h"

#include "runbook/Template.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace wf::runbook {

namespace {

bool hasControlCharacter(const QString& value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

} // namespace

QString validateParameter(const Parameter& p, const QString& value)
{
    if (value.size() > kMaxParameterLength)
        return QCoreApplication::translate("Runbook", "%1: longer than %2 characters")
            .arg(p.name)
            .arg(kMaxParameterLength);
    if (hasControlCharacter(value))
        return QCoreApplication::translate("Runbook",
                                           "%1: contains a control character (such as a line break)")
            .arg(p.name);
    switch (p.type) {
    case ParameterType::String: {
        const QRegularExpression re(QRegularExpression::anchoredPattern(p.pattern));
        if (!re.match(value).hasMatch())
            return QCoreApplication::translate("Runbook", "%1: does not match the pattern %2")
                .arg(p.name, p.pattern);
        return {};
    }
    case ParameterType::Int: {
        static const QRegularExpression digits(QStringLiteral("^-?[0-9]{1,18}$"));
        if (!digits.match(value).hasMatch())
            return QCoreApplication::translate("Runbook", "%1: expected a whole number").arg(p.name);
        const qint64 n = value.toLongLong();
        if (n < p.minimum || n > p.maximum)
            return QCoreApplication::translate("Runbook", "%1: must be between %2 and %3")
                .arg(p.name)
                .arg(p.minimum)
                .arg(p.maximum);
        return {};
    }
    case ParameterType::Enum:
        if (!p.values.contains(value))
            return QCoreApplication::translate("Runbook", "%1: expected one of %2")
                .arg(p.name, p.values.join(QStringLiteral(", ")));
        return {};
    case ParameterType::Service: {
        // A DNS label, which is what service names are everywhere they are used (Kubernetes, DNS,
        // OTel service.name in practice): no dots, slashes, spaces or shell characters.
        static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
        if (!label.match(value).hasMatch())
            return QCoreApplication::translate(
                       "Runbook",
                       "%1: a service name is lower-case letters, digits and - (not at either end)")
                .arg(p.name);
        return {};
    }
    }
    return {};
}

BindResult bindParameters(const Runbook& runbook, const QHash<QString, QString>& supplied)
{
    BindResult r;
    BoundParameters bound;
    for (auto it = supplied.cbegin(); it != supplied.cend(); ++it) {
        if (!runbook.parameter(it.key()))
            r.errors.append(
                QCoreApplication::translate("Runbook", "%1: not a parameter of this runbook").arg(it.key()));
    }
    for (const Parameter& p : runbook.parameters) {
        std::optional<QString> value;
        if (supplied.contains(p.name))
            value = supplied.value(p.name);
        else
            value = p.defaultValue;
        if (!value) {
            r.errors.append(QCoreApplication::translate("Runbook", "%1: a value is required").arg(p.name));
            continue;
        }
        if (const QString error = validateParameter(p, *value); !error.isEmpty()) {
            r.errors.append(error);
            continue;
        }
        bound.values.insert(p.name, *value);
        if (p.secret)
            bound.secrets.append(p.name);
        if (p.type == ParameterType::Int)
            bound.integers.append(p.name);
    }
    if (r.errors.isEmpty())
        r.bound = std::move(bound);
    return r;
}

QString targetService(const Runbook& runbook, const BoundParameters& parameters)
{
    return substitute(runbook.service, [&](const QString& name) { return parameters.value(name); });
}

} // namespace wf::runbook
