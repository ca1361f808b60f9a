#pragma once

// Groups log lines into message templates, Drain-style (He et al., "Drain: An Online Log Parsing
// Approach with Fixed Depth Tree", ICWS 2017): variable parts are masked first (numbers, durations,
// hex ids, UUIDs, IPs, quoted strings become <NUM> <DUR> <HEX> <UUID> <IP> <STR>); lines are routed by
// token count and their leading tokens to a small leaf; within it a line joins the most similar
// template if at least `similarity` of its tokens agree, and the positions that differ become <*>.
// Each pattern counts its lines, keeps a time histogram (for a sparkline) and when it was first seen,
// so patterns that appeared after the incident started can be flagged as new.
//
// Not thread-safe; one instance per analysis. Lines are only viewed, never copied, except one sample
// per pattern.

#include "logs/StackTraces.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <limits>
#include <string>
#include <vector>

namespace wf::logs {

struct LogPattern
{
    std::vector<QString> tokens; // the template; placeholders as <NUM>, <*> ...
    qint64 count = 0;
    qint64 firstSeenNs = std::numeric_limits<qint64>::max();
    qint64 lastSeenNs = std::numeric_limits<qint64>::min();
    std::vector<quint32> histogram; // LogPatterns::Options::buckets counts
    QString sample;                 // the first line, cut to 1,000 characters
    bool isNew = false;             // first seen at or after Options::newSinceNs

    QString text() const; // tokens joined by spaces
};

class LogPatterns
{
public:
    struct Options
    {
        double similarity = 0.5; // share of equal tokens needed to join a template
        // Tree depth below the token-count level. Drain uses 2; with masking done first, 1 merges
        // "user alice ..." with "user bob ...", which 2 would keep apart.
        int leadingTokens = 1;
        int maxTokens = 80;        // longer lines are clustered on their first maxTokens tokens
        int maxLeafPatterns = 200; // a full leaf sends further new templates to its closest pattern
        int maxPatterns = 50'000;
        qint64 histogramStartNs = 0;
        qint64 bucketNs = 60'000'000'000;                       // one minute
        int buckets = 0;                                        // 0: no histogram
        qint64 newSinceNs = std::numeric_limits<qint64>::max(); // the incident's start
    };

    LogPatterns() = default;
    explicit LogPatterns(const Options& options)
        : m_options(options)
    {}

    // Clusters the message's first line; a message with stack frames is also grouped by its top frames
    // (see stackGroups()). Returns the pattern index.
    int add(QStringView message, qint64 timeNs);

    int size() const { return int(m_patterns.size()); }
    const LogPattern& pattern(int i) const { return m_patterns[std::size_t(i)]; }
    const std::vector<LogPattern>& patterns() const { return m_patterns; }
    std::vector<int> byCount() const; // pattern indices, most frequent first
    qint64 lineCount() const { return m_lines; }
    const StackTraceGroups& stackGroups() const { return m_stacks; }
    const Options& options() const { return m_options; }

    // The masked tokens of one line, joined by spaces (what clustering compares); for tests and the
    // naive baseline in the benchmark.
    static QString maskedLine(QStringView line);

private:
    void tokenize(QStringView line);
    int cluster(qint64 timeNs, QStringView line);

    Options m_options;
    std::vector<LogPattern> m_patterns;
    QHash<quint64, std::vector<int>> m_leaves;
    StackTraceGroups m_stacks;
    qint64 m_lines = 0;
    // scratch for the current line: masked text and token (offset, length) into it
    std::u16string m_buf;
    std::vector<std::pair<int, int>> m_tokens;
};

} // namespace wf::logs
