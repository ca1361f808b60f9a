#pragma once
// A parsed runbook: metadata, typed parameters and the steps in document order. Plain values; the
// templates in steps still hold {{parameter}} placeholders, which only ParameterBinding and
// ActionRenderer fill in, each in a way that cannot change the structure of what is sent or executed.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <utility>

namespace wf::runbook {

enum class ParameterType { String, Int, Enum, Service };

struct Parameter
{
    QString name;
    ParameterType type = ParameterType::String;
    QString description;
    QString pattern;    // String: a regular expression the whole value must match
    qint64 minimum = 0; // Int
    qint64 maximum = 0; // Int
    QStringList values; // Enum
    std::optional<QString> defaultValue;
    bool secret = false; // masked in dry-runs and on the timeline
};

enum class ActionKind { Http, Command, Check, Confirm, Approval };

struct HttpAction
{
    QString method = QStringLiteral("GET");
    QString url;                                // template
    QList<std::pair<QString, QString>> headers; // values are templates; names are fixed
    // Either a JSON document whose string values are templates, or a fixed body (no placeholders).
    std::optional<QJsonObject> json;
    QString body;
};

struct CommandAction
{
    QString program;         // fixed: never a template
    QStringList arguments;   // each a template that always stays exactly one argv element
    QStringList environment; // names copied from Watchfloor's environment; nothing else is passed
    QString workingDirectory;
};

enum class Comparison { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual };

struct Condition
{
    Comparison comparison = Comparison::Less;
    double threshold = 0;
    QString text; // as written, e.g. "< 1%"
    bool holds(double value) const;
};

enum class CheckSource { LocalStore, Prometheus };

struct CheckAction
{
    CheckSource source = CheckSource::LocalStore;
    QString promql; // Prometheus: the query (a template; values are inserted as PromQL string bodies)
    // Local store: the metric, how to read it, equality matchers (values are templates), and an
    // optional denominator metric read the same way (for ratios such as an error rate).
    QString metric;
    QString function = QStringLiteral("rate"); // rate | raw | mean | quantile
    double quantile = 0.95;
    QList<std::pair<QString, QString>> match;
    QString divideBy;
    std::chrono::milliseconds window{std::chrono::minutes(5)};
    Condition condition;
};

struct Outcome
{
    QString name;
    QString next; // a step id, or empty to stop after this step
};

struct ConfirmAction
{
    QString question;
    QList<Outcome> outcomes;
};

struct ApprovalAction
{
    QString prompt;
};

enum class OnFailure { Stop, Continue, GoTo };

struct Step
{
    QString id;
    QString title;
    ActionKind action = ActionKind::Http;
    bool dangerous = false;
    std::chrono::milliseconds timeout{std::chrono::seconds(30)};
    OnFailure onFailure = OnFailure::Stop;
    QString onFailureStep; // GoTo
    int line = 0;          // of the opening fence, for messages
    HttpAction http;
    CommandAction command;
    CheckAction check;
    ConfirmAction confirm;
    ApprovalAction approval;
};

struct Runbook
{
    QString id;
    QString title;
    QString description;
    QString
        service; // the target service: a name or a {{parameter}}; dangerous steps are confirmed by typing it
    QList<Parameter> parameters;
    QList<Step> steps;
    QString source; // file name or resource path, for messages

    const Step* step(const QString& id) const;
    int indexOf(const QString& id) const; // -1 when absent
    const Parameter* parameter(const QString& name) const;
};

QString actionKindKey(ActionKind kind); // "http", "command", ...: what runbooks and the timeline use

} // namespace wf::runbook
