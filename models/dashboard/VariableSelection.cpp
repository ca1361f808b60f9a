#include "VariableSelection.h"

#include <QCryptographicHash>
#include <QSettings>

namespace wf::dashboard {

namespace {

constexpr int kMaxValues = 200;
constexpr int kMaxValueLength = 1000;

bool pickable(const Variable& v)
{
    return !v.hidden && v.kind != VariableKind::Constant;
}

// Settings keys must not carry '/' or '\\' (group separators): hash what the uid is.
QString groupFor(const QString& dashboardKey)
{
    return QStringLiteral("dashboardVariables/") +
           QString::fromLatin1(
               QCryptographicHash::hash(dashboardKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace

bool applySelection(Variable& variable, const QStringList& picked)
{
    const QString all = kAllValue.toString();
    QStringList next;
    const bool wasAll = variable.current.contains(all);
    if (picked.contains(all) && !(wasAll && picked.size() > 1)) {
        next = {all};
    } else {
        for (const QString& value : picked)
            if (value != all && !next.contains(value))
                next << value;
    }
    if (!variable.multi && next.size() > 1)
        next = {next.constFirst()};
    if (next.isEmpty()) {
        if (variable.includeAll)
            next = {all};
        else if (!variable.options.isEmpty())
            next = {variable.options.constFirst().value};
    }
    if (next == variable.current)
        return false;
    variable.current = next;
    return true;
}

QString selectionKey(const QString& uid, const QString& title)
{
    return uid.isEmpty() ? QStringLiteral("title:") + title : QStringLiteral("uid:") + uid;
}

void saveSelections(QSettings& settings, const QString& dashboardKey, const QList<Variable>& variables)
{
    settings.beginGroup(groupFor(dashboardKey));
    for (const Variable& v : variables)
        if (pickable(v) && isValidVariableName(v.name))
            settings.setValue(v.name, v.current.mid(0, kMaxValues));
    settings.endGroup();
}

int restoreSelections(const QSettings& settings, const QString& dashboardKey, QList<Variable>& variables)
{
    int changed = 0;
    const QString group = groupFor(dashboardKey) + u'/';
    for (Variable& v : variables) {
        if (!pickable(v) || !isValidVariableName(v.name))
            continue;
        const QVariant stored = settings.value(group + v.name);
        if (!stored.isValid())
            continue;
        QStringList values;
        for (const QString& value : stored.toStringList().mid(0, kMaxValues))
            if (value.size() <= kMaxValueLength)
                values << value;
        if (values.isEmpty() || values == v.current)
            continue;
        if (!v.multi)
            values = {values.constFirst()};
        v.current = values;
        ++changed;
    }
    return changed;
}

int serviceVariableIndex(const QList<Variable>& variables, const QString& service)
{
    if (service.isEmpty())
        return -1;
    // Most specific first: a dashboard with both $service and $job means the service by $service.
    static const QStringList names = {QStringLiteral("service"),     QStringLiteral("service_name"),
                                      QStringLiteral("job"),         QStringLiteral("app"),
                                      QStringLiteral("application"), QStringLiteral("container")};
    for (const QString& wanted : names) {
        for (int i = 0; i < variables.size(); ++i) {
            const Variable& v = variables[i];
            if (v.hidden || v.kind == VariableKind::Constant || v.kind == VariableKind::Interval ||
                v.name.compare(wanted, Qt::CaseInsensitive) != 0)
                continue;
            if (v.kind == VariableKind::TextBox)
                return i;
            for (const VariableOption& option : v.options)
                if (option.value == service)
                    return i;
        }
    }
    return -1;
}

} // namespace wf::dashboard
