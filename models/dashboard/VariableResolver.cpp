#include "VariableResolver.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <memory>

namespace wf::dashboard {

namespace {

QString trimmedInner(const QString& text, const QString& prefix)
{
    const QString t = text.trimmed();
    if (!t.startsWith(prefix) || !t.endsWith(u')'))
        return QString();
    return t.mid(prefix.size(), t.size() - prefix.size() - 1).trimmed();
}

bool isLabelName(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0) && !(c == u'$' && i == 0))
            return false;
    }
    return true;
}

QString notConfigured(const char* what)
{
    return QCoreApplication::translate("VariableResolver", "The metrics source cannot answer %1 queries.")
        .arg(QString::fromLatin1(what));
}

} // namespace

VariableQuery parseVariableQuery(const QString& query)
{
    VariableQuery q;
    const QString t = query.trimmed();
    if (t.startsWith(u"label_values(")) {
        const QString inner = trimmedInner(t, QStringLiteral("label_values("));
        // The label is after the last top-level comma; selectors may contain commas inside braces.
        const qsizetype comma = inner.lastIndexOf(u',');
        const qsizetype brace = inner.lastIndexOf(u'}');
        QString label = inner;
        if (comma >= 0 && comma > brace) {
            q.match = inner.left(comma).trimmed();
            label = inner.mid(comma + 1).trimmed();
        }
        if (!isLabelName(label))
            return {};
        q.kind = VariableQuery::Kind::LabelValues;
        q.label = label;
        return q;
    }
    if (t.startsWith(u"label_names(")) {
        q.kind = VariableQuery::Kind::LabelNames;
        q.match = trimmedInner(t, QStringLiteral("label_names("));
        if (!t.endsWith(u')'))
            return {};
        return q;
    }
    if (t.startsWith(u"metrics(")) {
        q.kind = VariableQuery::Kind::Metrics;
        q.match = trimmedInner(t, QStringLiteral("metrics("));
        return t.endsWith(u')') ? q : VariableQuery{};
    }
    if (t.startsWith(u"query_result(")) {
        q.expr = trimmedInner(t, QStringLiteral("query_result("));
        if (q.expr.isEmpty())
            return {};
        q.kind = VariableQuery::Kind::QueryResult;
        return q;
    }
    return {};
}

QList<VariableOption> applyVariableRegex(const QStringList& values, const QString& regex, QString* error)
{
    QList<VariableOption> out;
    QSet<QString> seen;
    const auto keep = [&](const QString& text, const QString& value) {
        if (seen.contains(value))
            return;
        seen.insert(value);
        out << VariableOption{text, value};
    };
    if (regex.isEmpty()) {
        for (const QString& v : values)
            keep(v, v);
        return out;
    }
    QString pattern = regex;
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (pattern.startsWith(u'/')) {
        const qsizetype end = pattern.lastIndexOf(u'/');
        if (end > 0) {
            const QString flags = pattern.mid(end + 1);
            if (flags.contains(u'i'))
                options |= QRegularExpression::CaseInsensitiveOption;
            pattern = pattern.mid(1, end - 1);
        }
    }
    const QRegularExpression re(pattern, options);
    if (!re.isValid()) {
        if (error)
            *error = QCoreApplication::translate("VariableResolver", "The regex “%1” is not valid: %2.")
                         .arg(regex, re.errorString());
        return {};
    }
    const QStringList names = re.namedCaptureGroups();
    const bool hasText = names.contains(QStringLiteral("text"));
    const bool hasValue = names.contains(QStringLiteral("value"));
    for (const QString& v : values) {
        const QRegularExpressionMatch m = re.match(v);
        if (!m.hasMatch())
            continue;
        if (hasText || hasValue) {
            const QString value =
                hasValue ? m.captured(QStringLiteral("value")) : m.captured(QStringLiteral("text"));
            const QString text = hasText ? m.captured(QStringLiteral("text")) : value;
            keep(text, value);
        } else if (re.captureCount() >= 1) {
            keep(m.captured(1), m.captured(1));
        } else {
            keep(v, v);
        }
    }
    return out;
}

QString queryResultLine(const InstantSample& sample)
{
    return seriesName(sample.labels) + u' ' + QString::number(sample.value, 'g', 17) + u' ' +
           QString::number(sample.timestampMs);
}

void resolveOptions(const Variable& variable, const QList<Variable>& scope, const BuiltinIntervals& builtins,
                    const MetricsSource& source, OptionsDone done)
{
    switch (variable.kind) {
    case VariableKind::Custom:
        done(parseCustomOptions(variable.query), {});
        return;
    case VariableKind::Interval: {
        QList<VariableOption> options;
        for (const QString& part : variable.query.split(u',', Qt::SkipEmptyParts))
            options << VariableOption{part.trimmed(), part.trimmed()};
        done(options, {});
        return;
    }
    case VariableKind::Constant:
    case VariableKind::TextBox:
        done({VariableOption{variable.query, variable.query}}, {});
        return;
    case VariableKind::Query:
        break;
    }

    const QString query = interpolate(variable.query, scope, builtins);
    const VariableQuery q = parseVariableQuery(query);
    const QString regex = variable.regex;
    auto filtered = [regex, done](const QStringList& values, const QString& error) {
        if (!error.isEmpty()) {
            done({}, error);
            return;
        }
        QString regexError;
        const QList<VariableOption> options = applyVariableRegex(values, regex, &regexError);
        done(options, regexError);
    };
    switch (q.kind) {
    case VariableQuery::Kind::LabelValues:
        if (!source.labelValues)
            return done({}, notConfigured("label_values"));
        source.labelValues(q.label, q.match, filtered);
        return;
    case VariableQuery::Kind::LabelNames:
        if (!source.labelNames)
            return done({}, notConfigured("label_names"));
        source.labelNames(q.match, filtered);
        return;
    case VariableQuery::Kind::Metrics: {
        if (!source.labelValues)
            return done({}, notConfigured("metrics"));
        // metrics(regex) filters names with its own regex, then the variable's regex applies.
        const QString nameRegex = q.match;
        source.labelValues(QStringLiteral("__name__"), QString(),
                           [nameRegex, filtered](const QStringList& names, const QString& error) {
                               QString regexError;
                               QStringList kept;
                               for (const VariableOption& o :
                                    applyVariableRegex(names, nameRegex, &regexError))
                                   kept << o.value;
                               filtered(kept, error.isEmpty() ? regexError : error);
                           });
        return;
    }
    case VariableQuery::Kind::QueryResult:
        if (!source.instantQuery)
            return done({}, notConfigured("query_result"));
        source.instantQuery(q.expr, [filtered](const QList<InstantSample>& samples, const QString& error) {
            QStringList lines;
            for (const InstantSample& s : samples)
                lines << queryResultLine(s);
            filtered(lines, error);
        });
        return;
    case VariableQuery::Kind::Invalid:
        break;
    }
    done({}, QCoreApplication::translate("VariableResolver",
                                         "“%1” is not a variable query: use label_values(label), "
                                         "label_values(selector, label), label_names(), metrics(regex) "
                                         "or query_result(expr).")
                 .arg(query.left(200)));
}

bool reconcileSelection(Variable& variable)
{
    if (variable.kind == VariableKind::Constant || variable.kind == VariableKind::TextBox)
        return false;
    const QStringList before = variable.current;
    QStringList kept;
    for (const QString& value : std::as_const(variable.current)) {
        const bool isAll = value == kAllValue && variable.includeAll;
        const bool isOption = std::any_of(variable.options.cbegin(), variable.options.cend(),
                                          [&](const VariableOption& o) { return o.value == value; });
        if (isAll || isOption)
            kept << value;
        if (!variable.multi && !kept.isEmpty())
            break;
    }
    if (kept.isEmpty() && !variable.options.isEmpty())
        kept << variable.options.first().value;
    variable.current = kept;
    return kept != before;
}

namespace {

struct ResolveAll : std::enable_shared_from_this<ResolveAll>
{
    QList<Variable> variables;
    BuiltinIntervals builtins;
    MetricsSource source;
    VariablesDone done;
    QStringList errors;
    qsizetype next = 0;

    void step()
    {
        if (next >= variables.size()) {
            done(variables, errors);
            return;
        }
        const qsizetype index = next++;
        const QList<Variable> scope = variables.mid(0, index);
        auto self = shared_from_this();
        resolveOptions(variables[index], scope, builtins, source,
                       [self, index](const QList<VariableOption>& options, const QString& error) {
                           Variable& v = self->variables[index];
                           if (error.isEmpty())
                               v.options = options;
                           else
                               self->errors << v.name + QStringLiteral(": ") + error;
                           reconcileSelection(v);
                           self->step();
                       });
    }
};

} // namespace

void resolveVariables(const QList<Variable>& variables, const BuiltinIntervals& builtins,
                      const MetricsSource& source, VariablesDone done)
{
    auto state = std::make_shared<ResolveAll>();
    state->variables = variables;
    state->builtins = builtins;
    state->source = source;
    state->done = std::move(done);
    state->step();
}

} // namespace wf::dashboard
