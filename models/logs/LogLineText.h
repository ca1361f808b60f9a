#pragma once
// Text helpers of the log view, free of widgets: which parts of a line a search matched (to highlight
// as plain text: painted ranges, never markup), and the fields of a JSON line.
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <utility>

namespace wf::logs {

enum class LogSearchMode {
    FullText,  // the store's FTS index (words, prefix on the last, "phrases")
    Regex,     // QRegularExpression over the body, scanned
    Substring, // plain text, case-insensitive, scanned
};

struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

// What to highlight for a search; built once per search, applied per painted line.
class LogHighlighter
{
public:
    LogHighlighter() = default;
    LogHighlighter(const QString& text, LogSearchMode mode);

    bool isEmpty() const { return m_words.isEmpty() && !m_useRegex; }
    // True when `text` is a usable search in its mode; false with *error set for a bad regex.
    static bool validate(const QString& text, LogSearchMode mode, QString* error);

    // Sorted, non-overlapping ranges of `line`, at most `maxRanges` (a megabyte line stays cheap).
    QList<TextRange> ranges(const QString& line, int maxRanges = 256) const;

private:
    QStringList m_words;         // full text: each word, matched case-insensitively at word starts
    bool m_lastIsPrefix = false; // full text: the last word also matches as a word prefix
    QRegularExpression m_regex;  // regex and substring modes
    bool m_useRegex = false;
};

// The fields of a JSON object line ({"a":1,"b":{"c":"x"}} -> a=1, b.c=x), at most `maxFields`, nested
// objects flattened with dots up to 4 levels. Empty for anything else, or for lines over 256 KiB (never
// parsed: a megabyte line must not stall the view).
QList<std::pair<QString, QString>> jsonFieldsOf(const QString& line, int maxFields = 64);

} // namespace wf::logs
