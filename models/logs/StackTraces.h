#pragma once

// Recognises stack traces in log messages (Java, Python, Go, JavaScript/Node shapes) and groups them by
// exception type plus their top frames, line numbers left out, so the same failure from different
// requests (or builds) falls into one group.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>
#include <vector>

namespace wf::logs {

struct StackSignature
{
    enum class Language : quint8 { None, Java, Python, Go, JavaScript };
    Language language = Language::None;
    QString exceptionType; // "java.lang.IllegalStateException", "ValueError", "panic", "TypeError"
    QStringList topFrames; // innermost first, at most kTopFrames, without line numbers
    bool isStack() const { return language != Language::None; }
    QString key() const; // language, type and frames in one string
};

constexpr int kTopFrames = 3;

// Language::None when the text holds no recognisable frames.
StackSignature stackSignature(QStringView text);

struct StackGroup
{
    StackSignature signature;
    qint64 count = 0;
    qint64 firstSeenNs = std::numeric_limits<qint64>::max();
    QString sample; // the first message, cut to 4,000 characters
};

class StackTraceGroups
{
public:
    // Returns the group index, or -1 when the text is not a stack trace.
    int add(QStringView text, qint64 timeNs);
    int add(const StackSignature& signature, QStringView text, qint64 timeNs);
    const std::vector<StackGroup>& groups() const { return m_groups; }

private:
    std::vector<StackGroup> m_groups;
    QHash<QString, int> m_index;
};

} // namespace wf::logs
