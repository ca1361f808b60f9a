#include "runbook/RunbookParser.h"

#include "runbook/Template.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace wf::runbook {

namespace {

// Thrown inside the parser only; parseRunbook turns it into a ParseError.
struct Failure
{
    int line;
    QString field;
    QString message;
};

// One YAML document of the file: its nodes' marks are relative to firstLine.
struct Block
{
    YAML::Node root;
    int firstLine = 0; // 1-based file line of the document's first line
    int fenceLine = 0; // the line to name when the block as a whole is wrong

    int lineOf(const YAML::Node& node) const
    {
        const YAML::Mark m = node.Mark();
        return m.line >= 0 ? firstLine + m.line : fenceLine;
    }
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

[[noreturn]] void fail(int line, const QString& field, const QString& message)
{
    throw Failure{line, field, message};
}

YAML::Node loadYaml(const QByteArray& text, int firstLine, int fenceLine)
{
    try {
        return YAML::Load(text.toStdString());
    } catch (const YAML::Exception& e) {
        const int line = e.mark.line >= 0 ? firstLine + e.mark.line : fenceLine;
        fail(line, {}, QCoreApplication::translate("Runbook", "not valid YAML: %1").arg(qs(e.msg)));
    }
}

class Fields
{
public:
    Fields(const Block& block, YAML::Node map, QString prefix, QSet<QString> allowed)
        : m_block(block)
        , m_map(std::move(map))
        , m_prefix(std::move(prefix))
    {
        if (!m_map.IsMap())
            fail(m_block.lineOf(m_map), m_prefix,
                 QCoreApplication::translate("Runbook", "expected key: value pairs"));
        for (auto it = m_map.begin(); it != m_map.end(); ++it) {
            const QString key = qs(it->first.Scalar());
            if (!allowed.contains(key))
                fail(m_block.lineOf(it->first), field(key),
                     QCoreApplication::translate("Runbook", "unknown field"));
        }
    }

    bool has(const char* key) const { return m_map[key].IsDefined() && !m_map[key].IsNull(); }
    YAML::Node node(const char* key) const { return m_map[key]; }
    int line(const char* key) const { return has(key) ? m_block.lineOf(m_map[key]) : m_block.lineOf(m_map); }
    int line() const { return m_block.lineOf(m_map); }
    QString field(const QString& key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }
    QString field(const char* key) const { return field(QString::fromLatin1(key)); }

    QString string(const char* key, bool required = false) const
    {
        if (!has(key)) {
            if (required)
                fail(line(), field(key), QCoreApplication::translate("Runbook", "is required"));
            return {};
        }
        const YAML::Node n = m_map[key];
        if (!n.IsScalar())
            fail(line(key), field(key), QCoreApplication::translate("Runbook", "expected a single value"));
        return qs(n.Scalar());
    }

    bool boolean(const char* key) const
    {
        if (!has(key))
            return false;
        const QString v = string(key);
        if (v == u"true"_s || v == u"yes"_s)
            return true;
        if (v == u"false"_s || v == u"no"_s)
            return false;
        fail(line(key), field(key), QCoreApplication::translate("Runbook", "expected true or false"));
    }

    qint64 integer(const char* key, qint64 fallback) const
    {
        if (!has(key))
            return fallback;
        bool ok = false;
        const qint64 v = string(key).toLongLong(&ok);
        if (!ok)
            fail(line(key), field(key), QCoreApplication::translate("Runbook", "expected a whole number"));
        return v;
    }

    QStringList list(const char* key) const
    {
        QStringList out;
        if (!has(key))
            return out;
        const YAML::Node n = m_map[key];
        if (!n.IsSequence())
            fail(line(key), field(key), QCoreApplication::translate("Runbook", "expected a list"));
        for (std::size_t i = 0; i < n.size(); ++i) {
            if (!n[i].IsScalar())
                fail(m_block.lineOf(n[i]), field(key),
                     QCoreApplication::translate("Runbook", "expected a list of single values"));
            out.append(qs(n[i].Scalar()));
        }
        return out;
    }

    QList<std::pair<QString, QString>> pairs(const char* key) const
    {
        QList<std::pair<QString, QString>> out;
        if (!has(key))
            return out;
        const YAML::Node n = m_map[key];
        if (!n.IsMap())
            fail(line(key), field(key), QCoreApplication::translate("Runbook", "expected key: value pairs"));
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (!it->second.IsScalar())
                fail(m_block.lineOf(it->second), field(key),
                     QCoreApplication::translate("Runbook", "expected a single value for %1")
                         .arg(qs(it->first.Scalar())));
            out.append({qs(it->first.Scalar()), qs(it->second.Scalar())});
        }
        return out;
    }

    const Block& block() const { return m_block; }

private:
    const Block& m_block;
    YAML::Node m_map;
    QString m_prefix;
};

std::chrono::milliseconds parseDuration(const Fields& f, const char* key, std::chrono::milliseconds fallback)
{
    if (!f.has(key))
        return fallback;
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})\\s*(ms|s|m|h)?$"));
    const QRegularExpressionMatch m = re.match(f.string(key).trimmed());
    if (!m.hasMatch())
        fail(f.line(key), f.field(key),
             QCoreApplication::translate("Runbook", "expected a duration such as 500ms, 30s, 5m or 1h"));
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 ms = unit == u"ms"_s  ? n
                      : unit == u"m"_s ? n * 60'000
                      : unit == u"h"_s ? n * 3'600'000
                                       : n * 1000;
    if (ms <= 0 || ms > 24LL * 3'600'000)
        fail(f.line(key), f.field(key),
             QCoreApplication::translate("Runbook", "must be more than 0 and at most 24h"));
    return std::chrono::milliseconds(ms);
}

const QRegularExpression& identifier()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    return re;
}

const QRegularExpression& parameterName()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    return re;
}

Parameter parseParameter(const Block& block, const YAML::Node& node, int index)
{
    const QString prefix = QStringLiteral("parameters[%1]").arg(index);
    const Fields f(block, node, prefix,
                   {u"name"_s, u"type"_s, u"description"_s, u"pattern"_s, u"min"_s, u"max"_s, u"values"_s,
                    u"default"_s, u"secret"_s});
    Parameter p;
    p.name = f.string("name", true);
    if (!parameterName().match(p.name).hasMatch())
        fail(f.line("name"), f.field("name"),
             QCoreApplication::translate("Runbook",
                                         "must be letters, digits and _ (not starting with a digit)"));
    const QString type = f.string("type", true);
    if (type == u"string"_s)
        p.type = ParameterType::String;
    else if (type == u"int"_s)
        p.type = ParameterType::Int;
    else if (type == u"enum"_s)
        p.type = ParameterType::Enum;
    else if (type == u"service"_s)
        p.type = ParameterType::Service;
    else
        fail(f.line("type"), f.field("type"),
             QCoreApplication::translate("Runbook", "expected string, int, enum or service"));
    p.description = f.string("description");
    p.secret = f.boolean("secret");
    if (p.type == ParameterType::String) {
        p.pattern = f.string("pattern", true); // free text has no place in a remediation
        const QRegularExpression re(p.pattern);
        if (!re.isValid())
            fail(f.line("pattern"), f.field("pattern"),
                 QCoreApplication::translate("Runbook", "not a valid regular expression: %1")
                     .arg(re.errorString()));
    }
    if (p.type == ParameterType::Int) {
        if (!f.has("min") || !f.has("max"))
            fail(f.line(), f.field(f.has("min") ? "max" : "min"),
                 QCoreApplication::translate("Runbook", "an int parameter needs min and max"));
        p.minimum = f.integer("min", 0);
        p.maximum = f.integer("max", 0);
        if (p.minimum > p.maximum)
            fail(f.line("max"), f.field("max"), QCoreApplication::translate("Runbook", "is less than min"));
    }
    if (p.type == ParameterType::Enum) {
        p.values = f.list("values");
        if (p.values.isEmpty())
            fail(f.line(), f.field("values"),
                 QCoreApplication::translate("Runbook", "an enum parameter needs a list of values"));
    }
    if (f.has("default"))
        p.defaultValue = f.string("default");
    return p;
}

void parseMetadata(const Block& block, Runbook& rb)
{
    const Fields f(block, block.root, {},
                   {u"id"_s, u"title"_s, u"description"_s, u"service"_s, u"parameters"_s});
    rb.id = f.string("id", true);
    if (!identifier().match(rb.id).hasMatch())
        fail(f.line("id"), u"id"_s,
             QCoreApplication::translate("Runbook", "must be lower-case letters, digits, - and _"));
    rb.title = f.string("title", true);
    rb.description = f.string("description");
    rb.service = f.string("service");
    if (f.has("parameters")) {
        const YAML::Node list = f.node("parameters");
        if (!list.IsSequence())
            fail(f.line("parameters"), u"parameters"_s,
                 QCoreApplication::translate("Runbook", "expected a list"));
        for (std::size_t i = 0; i < list.size(); ++i) {
            Parameter p = parseParameter(block, list[i], int(i));
            if (rb.parameter(p.name))
                fail(block.lineOf(list[i]), QStringLiteral("parameters[%1].name").arg(i),
                     QCoreApplication::translate("Runbook", "declared twice"));
            rb.parameters.append(std::move(p));
        }
    }
}

// `budget` counts nodes: YAML aliases can make a small file expand into billions of them.
QJsonValue toJson(const Block& block, const YAML::Node& node, const QString& field, int depth, int& budget)
{
    if (--budget < 0)
        fail(block.lineOf(node), field, QCoreApplication::translate("Runbook", "more than 1000 values"));
    if (depth > 16)
        fail(block.lineOf(node), field, QCoreApplication::translate("Runbook", "nested too deeply"));
    if (node.IsMap()) {
        QJsonObject o;
        for (auto it = node.begin(); it != node.end(); ++it)
            o.insert(qs(it->first.Scalar()), toJson(block, it->second, field, depth + 1, budget));
        return o;
    }
    if (node.IsSequence()) {
        QJsonArray a;
        for (std::size_t i = 0; i < node.size(); ++i)
            a.append(toJson(block, node[i], field, depth + 1, budget));
        return a;
    }
    if (node.IsNull())
        return QJsonValue::Null;
    // Plain scalars that look like numbers or booleans keep that type; quoted ones stay strings.
    const QString s = qs(node.Scalar());
    if (node.Tag() == "!") // a quoted scalar
        return s;
    if (s == u"true"_s || s == u"false"_s)
        return s == u"true"_s;
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    return s;
}

Condition parseCondition(const Fields& f)
{
    static const QRegularExpression re(QStringLiteral("^(<=|>=|==|!=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*(%)?$"));
    Condition c;
    c.text = f.string("condition", true).trimmed();
    const QRegularExpressionMatch m = re.match(c.text);
    if (!m.hasMatch())
        fail(f.line("condition"), f.field("condition"),
             QCoreApplication::translate("Runbook", "expected a comparison such as \"< 1%\" or \">= 3\""));
    const QString op = m.captured(1);
    c.comparison = op == u"<"_s    ? Comparison::Less
                   : op == u"<="_s ? Comparison::LessOrEqual
                   : op == u">"_s  ? Comparison::Greater
                   : op == u">="_s ? Comparison::GreaterOrEqual
                   : op == u"=="_s ? Comparison::Equal
                                   : Comparison::NotEqual;
    c.threshold = m.captured(2).toDouble() / (m.captured(3).isEmpty() ? 1.0 : 100.0);
    return c;
}

Step parseStep(const Block& block)
{
    const QSet<QString> common{u"id"_s,        u"title"_s,   u"action"_s,
                               u"dangerous"_s, u"timeout"_s, u"on_failure"_s};
    if (!block.root.IsMap())
        fail(block.fenceLine, {},
             QCoreApplication::translate("Runbook", "a step block must hold key: value pairs"));
    const QString action = block.root["action"].IsScalar() ? qs(block.root["action"].Scalar()) : QString();
    QSet<QString> allowed = common;
    Step s;
    if (action == u"http"_s) {
        s.action = ActionKind::Http;
        allowed.unite({u"method"_s, u"url"_s, u"headers"_s, u"json"_s, u"body"_s});
    } else if (action == u"command"_s) {
        s.action = ActionKind::Command;
        allowed.unite({u"program"_s, u"args"_s, u"env"_s, u"workdir"_s});
    } else if (action == u"check"_s) {
        s.action = ActionKind::Check;
        allowed.unite({u"source"_s, u"query"_s, u"metric"_s, u"function"_s, u"quantile"_s, u"match"_s,
                       u"divide_by"_s, u"window"_s, u"condition"_s});
    } else if (action == u"confirm"_s) {
        s.action = ActionKind::Confirm;
        allowed.unite({u"question"_s, u"outcomes"_s});
    } else if (action == u"approval"_s) {
        s.action = ActionKind::Approval;
        allowed.unite({u"prompt"_s});
    } else {
        const int line =
            block.root["action"].IsDefined() ? block.lineOf(block.root["action"]) : block.fenceLine;
        fail(line, u"action"_s,
             QCoreApplication::translate("Runbook", "expected http, command, check, confirm or approval"));
    }
    const Fields f(block, block.root, {}, allowed);
    s.line = block.fenceLine;
    s.id = f.string("id", true);
    if (!identifier().match(s.id).hasMatch())
        fail(f.line("id"), u"id"_s,
             QCoreApplication::translate("Runbook", "must be lower-case letters, digits, - and _"));
    s.title = f.string("title", true);
    s.dangerous = f.boolean("dangerous");
    s.timeout = parseDuration(f, "timeout", s.timeout);
    const QString onFailure = f.string("on_failure");
    if (onFailure.isEmpty() || onFailure == u"stop"_s) {
        s.onFailure = OnFailure::Stop;
    } else if (onFailure == u"continue"_s) {
        s.onFailure = OnFailure::Continue;
    } else {
        s.onFailure = OnFailure::GoTo;
        s.onFailureStep = onFailure;
    }

    switch (s.action) {
    case ActionKind::Http: {
        s.http.method = f.has("method") ? f.string("method").toUpper() : u"GET"_s;
        static const QRegularExpression methodRe(QStringLiteral("^(GET|POST|PUT|PATCH|DELETE|HEAD)$"));
        if (!methodRe.match(s.http.method).hasMatch())
            fail(f.line("method"), u"method"_s,
                 QCoreApplication::translate("Runbook", "expected GET, POST, PUT, PATCH, DELETE or HEAD"));
        s.http.url = f.string("url", true);
        s.http.headers = f.pairs("headers");
        if (f.has("json") && f.has("body"))
            fail(f.line("body"), u"body"_s,
                 QCoreApplication::translate("Runbook", "give either json or body, not both"));
        if (f.has("json")) {
            if (!f.node("json").IsMap())
                fail(f.line("json"), u"json"_s,
                     QCoreApplication::translate("Runbook", "expected key: value pairs"));
            int budget = 1000;
            s.http.json = toJson(block, f.node("json"), u"json"_s, 0, budget).toObject();
        }
        s.http.body = f.string("body");
        break;
    }
    case ActionKind::Command:
        s.command.program = f.string("program", true);
        s.command.arguments = f.list("args");
        s.command.environment = f.list("env");
        s.command.workingDirectory = f.string("workdir");
        break;
    case ActionKind::Check: {
        const QString source = f.has("source") ? f.string("source") : u"local"_s;
        if (source == u"local"_s) {
            s.check.source = CheckSource::LocalStore;
            s.check.metric = f.string("metric", true);
            if (f.has("function"))
                s.check.function = f.string("function");
            static const QSet<QString> functions{u"rate"_s, u"raw"_s, u"mean"_s, u"quantile"_s};
            if (!functions.contains(s.check.function))
                fail(f.line("function"), u"function"_s,
                     QCoreApplication::translate("Runbook", "expected rate, raw, mean or quantile"));
            if (f.has("quantile")) {
                bool ok = false;
                s.check.quantile = f.string("quantile").toDouble(&ok);
                if (!ok || s.check.quantile <= 0 || s.check.quantile >= 1)
                    fail(f.line("quantile"), u"quantile"_s,
                         QCoreApplication::translate("Runbook", "expected a number between 0 and 1"));
            }
            s.check.match = f.pairs("match");
            s.check.divideBy = f.string("divide_by");
        } else if (source == u"prometheus"_s) {
            s.check.source = CheckSource::Prometheus;
            s.check.promql = f.string("query", true);
        } else {
            fail(f.line("source"), u"source"_s,
                 QCoreApplication::translate("Runbook", "expected local or prometheus"));
        }
        s.check.window = parseDuration(f, "window", s.check.window);
        s.check.condition = parseCondition(f);
        break;
    }
    case ActionKind::Confirm: {
        s.confirm.question = f.string("question", true);
        const auto outcomes = f.pairs("outcomes");
        if (outcomes.isEmpty())
            fail(f.line(), u"outcomes"_s,
                 QCoreApplication::translate("Runbook", "a confirm step needs at least one outcome"));
        for (const auto& [name, next] : outcomes)
            s.confirm.outcomes.append({name, next == u"stop"_s ? QString() : next});
        break;
    }
    case ActionKind::Approval:
        s.approval.prompt = f.string("prompt", true);
        break;
    }
    return s;
}

// The references between steps and the placeholders, checked once every step is known.
void validate(const Runbook& rb)
{
    auto checkPlaceholders = [&](const QString& text, int line, const QString& field) {
        const TemplateScan scan = scanTemplate(text);
        if (!scan.ok())
            fail(line, field, scan.error);
        for (const QString& name : scan.names) {
            if (!rb.parameter(name))
                fail(line, field,
                     QCoreApplication::translate("Runbook", "{{%1}} is not a declared parameter").arg(name));
        }
    };
    auto checkJson = [&](auto&& self, const QJsonValue& v, int line) -> void {
        if (v.isString())
            checkPlaceholders(v.toString(), line, u"json"_s);
        else if (v.isArray())
            for (const QJsonValue& e : v.toArray())
                self(self, e, line);
        else if (v.isObject())
            for (const QJsonValue& e : v.toObject())
                self(self, e, line);
    };
    const TemplateScan serviceScan = scanTemplate(rb.service);
    if (!serviceScan.ok())
        fail(1, u"service"_s, serviceScan.error);
    for (const QString& name : serviceScan.names) {
        if (!rb.parameter(name))
            fail(1, u"service"_s,
                 QCoreApplication::translate("Runbook", "{{%1}} is not a declared parameter").arg(name));
    }

    QSet<QString> ids;
    for (const Step& s : rb.steps) {
        if (ids.contains(s.id))
            fail(s.line, u"id"_s,
                 QCoreApplication::translate("Runbook", "step id \"%1\" is used twice").arg(s.id));
        ids.insert(s.id);
    }
    for (const Step& s : rb.steps) {
        if (s.onFailure == OnFailure::GoTo && !ids.contains(s.onFailureStep))
            fail(s.line, u"on_failure"_s,
                 QCoreApplication::translate("Runbook",
                                             "expected stop, continue or a step id; there is no step \"%1\"")
                     .arg(s.onFailureStep));
        if (s.dangerous && rb.service.isEmpty())
            fail(
                s.line, u"dangerous"_s,
                QCoreApplication::translate(
                    "Runbook", "a dangerous step needs the runbook's service, which is typed to confirm it"));
        switch (s.action) {
        case ActionKind::Http: {
            checkPlaceholders(s.http.url, s.line, u"url"_s);
            if (hasPlaceholder(s.http.url.section(u"://"_s, 0, 0)) || !s.http.url.contains(u"://"_s))
                fail(s.line, u"url"_s,
                     QCoreApplication::translate("Runbook",
                                                 "must start with http:// or https:// (not a placeholder)"));
            const QUrl probe(substitute(s.http.url, [](const QString&) { return u"1"_s; }), QUrl::StrictMode);
            if (!probe.isValid() || (probe.scheme() != u"http"_s && probe.scheme() != u"https"_s) ||
                probe.host().isEmpty())
                fail(s.line, u"url"_s,
                     QCoreApplication::translate("Runbook", "not a valid http or https URL"));
            for (const auto& [name, value] : s.http.headers) {
                if (hasPlaceholder(name))
                    fail(s.line, u"headers"_s,
                         QCoreApplication::translate("Runbook", "a header name cannot hold a placeholder"));
                checkPlaceholders(value, s.line, u"headers"_s);
            }
            if (hasPlaceholder(s.http.body))
                fail(s.line, u"body"_s,
                     QCoreApplication::translate(
                         "Runbook",
                         "a fixed body cannot hold placeholders; use json, whose values are escaped"));
            if (s.http.json)
                checkJson(checkJson, *s.http.json, s.line);
            break;
        }
        case ActionKind::Command:
            if (hasPlaceholder(s.command.program))
                fail(s.line, u"program"_s,
                     QCoreApplication::translate("Runbook", "the program cannot be a placeholder"));
            if (hasPlaceholder(s.command.workingDirectory))
                fail(s.line, u"workdir"_s,
                     QCoreApplication::translate("Runbook", "the working directory cannot be a placeholder"));
            for (const QString& a : s.command.arguments)
                checkPlaceholders(a, s.line, u"args"_s);
            break;
        case ActionKind::Check:
            checkPlaceholders(s.check.promql, s.line, u"query"_s);
            for (const auto& m : s.check.match)
                checkPlaceholders(m.second, s.line, u"match"_s);
            break;
        case ActionKind::Confirm:
            for (const Outcome& o : s.confirm.outcomes) {
                if (!o.next.isEmpty() && !ids.contains(o.next))
                    fail(s.line, u"outcomes"_s,
                         QCoreApplication::translate("Runbook",
                                                     "outcome \"%1\" leads to \"%2\", which is not a step id")
                             .arg(o.name, o.next));
            }
            break;
        case ActionKind::Approval:
            break;
        }
    }
}

bool isFence(const QByteArray& line, QByteArray* marker, QByteArray* info)
{
    const QByteArray t = line.trimmed();
    if (!(t.startsWith("```") || t.startsWith("~~~")))
        return false;
    const char c = t[0];
    qsizetype n = 0;
    while (n < t.size() && t[n] == c)
        ++n;
    *marker = t.first(n);
    *info = t.sliced(n).trimmed();
    return true;
}

Runbook parse(const QByteArray& markdown)
{
    if (markdown.size() > kMaxRunbookBytes)
        fail(0, {}, QCoreApplication::translate("Runbook", "the file is larger than 1 MiB"));
    const QList<QByteArray> lines = markdown.split('\n');
    Runbook rb;
    bool haveMetadata = false;
    qsizetype i = 0;

    auto firstContentLine = [&]() {
        qsizetype k = 0;
        while (k < lines.size() && lines[k].trimmed().isEmpty())
            ++k;
        return k;
    };
    if (const qsizetype k = firstContentLine(); k < lines.size() && lines[k].trimmed() == "---") {
        qsizetype end = k + 1;
        while (end < lines.size() && lines[end].trimmed() != "---" && lines[end].trimmed() != "...")
            ++end;
        if (end >= lines.size())
            fail(int(k + 1), {},
                 QCoreApplication::translate("Runbook",
                                             "the front matter opened here is not closed with ---"));
        const QByteArray yaml = lines.mid(k + 1, end - k - 1).join('\n');
        Block block{loadYaml(yaml, int(k + 2), int(k + 1)), int(k + 2), int(k + 1)};
        parseMetadata(block, rb);
        haveMetadata = true;
        i = end + 1;
    }

    for (; i < lines.size(); ++i) {
        QByteArray marker, info;
        if (!isFence(lines[i], &marker, &info))
            continue;
        const qsizetype open = i;
        qsizetype close = i + 1;
        while (close < lines.size()) {
            const QByteArray t = lines[close].trimmed();
            if (t.startsWith(marker) && t.count(marker[0]) == t.size())
                break;
            ++close;
        }
        const QByteArray kind = info.split(' ').value(0);
        if (kind == "step" || kind == "runbook") {
            if (close >= lines.size())
                fail(int(open + 1), {},
                     QCoreApplication::translate("Runbook", "the %1 block opened here is not closed")
                         .arg(QString::fromLatin1(kind)));
            const QByteArray yaml = lines.mid(open + 1, close - open - 1).join('\n');
            Block block{loadYaml(yaml, int(open + 2), int(open + 1)), int(open + 2), int(open + 1)};
            if (kind == "runbook") {
                if (haveMetadata)
                    fail(int(open + 1), {},
                         QCoreApplication::translate("Runbook", "the runbook's metadata is given twice"));
                parseMetadata(block, rb);
                haveMetadata = true;
            } else {
                if (!haveMetadata)
                    fail(int(open + 1), {},
                         QCoreApplication::translate(
                             "Runbook",
                             "a step comes before the runbook's metadata (front matter or a runbook block)"));
                if (rb.steps.size() >= kMaxSteps)
                    fail(int(open + 1), {},
                         QCoreApplication::translate("Runbook", "more than %1 steps").arg(kMaxSteps));
                rb.steps.append(parseStep(block));
            }
        }
        i = close; // prose fences (shell examples, ...) are skipped whole
    }
    if (!haveMetadata)
        fail(0, {},
             QCoreApplication::translate(
                 "Runbook",
                 "no runbook metadata: start the file with front matter (---) holding id and title"));
    if (rb.steps.isEmpty())
        fail(0, {}, QCoreApplication::translate("Runbook", "the runbook has no ```step blocks"));
    validate(rb);
    return rb;
}

} // namespace

QString ParseError::text() const
{
    if (line > 0 && !field.isEmpty())
        return QCoreApplication::translate("Runbook", "line %1, field %2: %3").arg(line).arg(field, message);
    if (line > 0)
        return QCoreApplication::translate("Runbook", "line %1: %2").arg(line).arg(message);
    return message;
}

ParseResult parseRunbook(const QByteArray& markdown, const QString& source)
{
    ParseResult r;
    try {
        Runbook rb = parse(markdown);
        rb.source = source;
        r.runbook = std::move(rb);
    } catch (const Failure& f) {
        r.error = {f.line, f.field, f.message};
    } catch (const YAML::Exception& e) {
        // Conversions deep inside yaml-cpp; the mark is relative to a block, so no line is claimed.
        r.error = {
            0,
            {},
            QCoreApplication::translate("Runbook", "not valid YAML: %1").arg(QString::fromStdString(e.msg))};
    }
    return r;
}

} // namespace wf::runbook
