#pragma once
// What to complete in a PromQL query at the cursor, and with what: metric names, functions and
// keywords where an expression starts, label names after `{` and inside `by (...)`, label values after
// `label="`, range durations inside `[...]`. Pure text logic: the panel editor fetches the names
// (labels, label values, metadata) and shows the candidates; tests drive it without a GUI.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace wf::prometheus {

enum class CompletionKind {
    None,
    MetricOrFunction, // an expression starts here: metric names, functions, aggregations, keywords
    LabelName,        // inside a selector's braces or a by/without/on/ignoring list
    LabelValue,       // after label= / != / =~ / !~ (inside the quotes, or before them)
    Duration,         // inside a range selector's brackets
};

struct CompletionContext
{
    CompletionKind kind = CompletionKind::None;
    QString prefix;       // what is typed of the word being completed
    int replaceStart = 0; // the candidate replaces text[replaceStart, replaceEnd)
    int replaceEnd = 0;
    QString metric;            // LabelName, LabelValue: the selector's metric name (may be empty)
    QString label;             // LabelValue: whose values
    bool insideQuotes = false; // LabelValue: the value goes between existing quotes
};

CompletionContext completionContext(const QString& text, int cursor);

// Names the editor knows so far (fetched from the data source).
struct KnownNames
{
    QStringList metrics;
    QHash<QString, QString> metricHelp; // metric -> help text from metadata
    QStringList labels;                 // label names (of the context's metric when known)
    QStringList values;                 // values of the context's label
};

struct CompletionCandidate
{
    enum class Kind { Metric, Function, Keyword, Label, Value, Duration };
    Kind kind = Kind::Metric;
    QString text;   // shown
    QString insert; // put into the query over the replace range
    QString detail; // help text, "function", ...

    friend bool operator==(const CompletionCandidate&, const CompletionCandidate&) = default;
};

struct Completion
{
    CompletionContext context;
    QList<CompletionCandidate> candidates; // prefix matches first, then other matches of the prefix
};

// At most `limit` candidates; none when the prefix is already a complete candidate and the only one.
Completion complete(const QString& text, int cursor, const KnownNames& names, int limit = 200);

// The functions and aggregation operators of PromQL (Prometheus 2.x/3.x), and its keywords.
const QStringList& promqlFunctions();
const QStringList& promqlKeywords();

// `text` with the candidate applied; `cursor` receives where the cursor goes afterwards (past a label
// value's closing quote, which is added when missing).
QString applyCompletion(const QString& text, const CompletionContext& context,
                        const CompletionCandidate& candidate, int* cursor);

} // namespace wf::prometheus
