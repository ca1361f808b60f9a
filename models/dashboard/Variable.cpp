#include "Variable.h"

namespace wf::dashboard {

QString variableKindName(VariableKind kind)
{
    switch (kind) {
    case VariableKind::Query:
        return QStringLiteral("query");
    case VariableKind::Custom:
        return QStringLiteral("custom");
    case VariableKind::Constant:
        return QStringLiteral("constant");
    case VariableKind::Interval:
        return QStringLiteral("interval");
    case VariableKind::TextBox:
        return QStringLiteral("textbox");
    }
    return {};
}

std::optional<VariableKind> variableKindFromName(const QString& name)
{
    for (VariableKind k : {VariableKind::Query, VariableKind::Custom, VariableKind::Constant,
                           VariableKind::Interval, VariableKind::TextBox}) {
        if (variableKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

bool isValidVariableName(const QString& name)
{
    if (name.isEmpty() || name.size() > 100 || name.startsWith(u"__"))
        return false;
    for (QChar c : name) {
        const bool ok =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QList<VariableOption> parseCustomOptions(const QString& query)
{
    QStringList parts;
    QString part;
    for (qsizetype i = 0; i < query.size(); ++i) {
        if (query[i] == u'\\' && i + 1 < query.size() && query[i + 1] == u',') {
            part += u',';
            ++i;
        } else if (query[i] == u',') {
            parts << part;
            part.clear();
        } else {
            part += query[i];
        }
    }
    parts << part;

    QList<VariableOption> options;
    for (const QString& p : std::as_const(parts)) {
        // "key : value" needs the spaces, so URLs and "host:9100" stay single values (as in Grafana).
        const qsizetype sep = p.indexOf(u" : ");
        VariableOption o;
        if (sep >= 0) {
            o.text = p.left(sep).trimmed();
            o.value = p.mid(sep + 3).trimmed();
        } else {
            o.text = o.value = p.trimmed();
        }
        if (!o.value.isEmpty() || !o.text.isEmpty())
            options << o;
    }
    return options;
}

SelectedValues selectedValues(const Variable& variable)
{
    SelectedValues out;
    if (variable.kind == VariableKind::Constant || variable.kind == VariableKind::TextBox) {
        out.values = {variable.current.isEmpty() ? variable.query : variable.current.first()};
        return out;
    }
    if (variable.current.contains(kAllValue.toString())) {
        out.isAll = true;
        if (!variable.allValue.isEmpty()) {
            out.customAll = variable.allValue;
        } else {
            for (const VariableOption& o : variable.options)
                out.values << o.value;
        }
        return out;
    }
    out.values = variable.current;
    if (!variable.multi && out.values.size() > 1)
        out.values = out.values.mid(0, 1);
    return out;
}

} // namespace wf::dashboard
