#include "LogLineText.h"

#include "signalstore/LogSearchText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wf::logs {

namespace {

constexpr qsizetype kMaxJsonLine = 256 * 1024;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

void flatten(const QJsonObject& object, const QString& prefix, int depth, int maxFields,
             QList<std::pair<QString, QString>>& out)
{
    for (auto it = object.begin(); it != object.end() && out.size() < maxFields; ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        if (v.isObject() && depth < 4) {
            flatten(v.toObject(), key, depth + 1, maxFields, out);
            continue;
        }
        QString text;
        switch (v.type()) {
        case QJsonValue::String:
            text = v.toString();
            break;
        case QJsonValue::Double:
            text = QString::number(v.toDouble(), 'g', 15);
            break;
        case QJsonValue::Bool:
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        case QJsonValue::Null:
            text = QStringLiteral("null");
            break;
        case QJsonValue::Array:
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            break;
        case QJsonValue::Object:
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            break;
        case QJsonValue::Undefined:
            break;
        }
        out.append({key, text});
    }
}

} // namespace

LogHighlighter::LogHighlighter(const QString& text, LogSearchMode mode)
{
    switch (mode) {
    case LogSearchMode::FullText: {
        // The same words the index was asked for, so what is highlighted is what matched.
        const signalstore::LogSearch search = signalstore::parseLogSearch(text);
        const QStringList terms = search.match.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& term : terms) {
            if (term == QLatin1String("*")) {
                m_lastIsPrefix = true;
                continue;
            }
            QString word = term;
            word.remove(QLatin1Char('"'));
            if (!word.isEmpty())
                m_words.append(word);
        }
        break;
    }
    case LogSearchMode::Regex:
        if (!text.isEmpty())
            m_regex = QRegularExpression(text, QRegularExpression::UseUnicodePropertiesOption);
        break;
    case LogSearchMode::Substring:
        if (!text.isEmpty())
            m_regex = QRegularExpression(QRegularExpression::escape(text),
                                         QRegularExpression::CaseInsensitiveOption);
        break;
    }
    m_useRegex = m_regex.isValid() && !m_regex.pattern().isEmpty();
}

bool LogHighlighter::validate(const QString& text, LogSearchMode mode, QString* error)
{
    if (mode != LogSearchMode::Regex)
        return true;
    const QRegularExpression re(text);
    if (re.isValid())
        return true;
    if (error)
        *error = QCoreApplication::translate("LogHighlighter", "Invalid regular expression at %1: %2")
                     .arg(re.patternErrorOffset())
                     .arg(re.errorString());
    return false;
}

QList<TextRange> LogHighlighter::ranges(const QString& line, int maxRanges) const
{
    QList<TextRange> out;
    if (m_useRegex) {
        auto it = m_regex.globalMatch(line);
        while (it.hasNext() && out.size() < maxRanges) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                out.append({int(m.capturedStart()), int(m.capturedLength())});
        }
        return out;
    }
    for (qsizetype w = 0; w < m_words.size(); ++w) {
        const QString& word = m_words[w];
        const bool prefix = m_lastIsPrefix && w == m_words.size() - 1;
        for (qsizetype at = line.indexOf(word, 0, Qt::CaseInsensitive); at >= 0 && out.size() < maxRanges;
             at = line.indexOf(word, at + 1, Qt::CaseInsensitive)) {
            const qsizetype end = at + word.size();
            const bool startsWord = at == 0 || !isWordChar(line[at - 1]);
            const bool endsWord = end >= line.size() || !isWordChar(line[end]);
            if (!startsWord || (!prefix && !endsWord))
                continue;
            qsizetype stop = end;
            if (prefix)
                while (stop < line.size() && isWordChar(line[stop]))
                    ++stop;
            out.append({int(at), int(stop - at)});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const TextRange& a, const TextRange& b) { return a.start < b.start; });
    // Merge overlaps (two words can cover the same text).
    QList<TextRange> merged;
    for (const TextRange& r : out) {
        if (!merged.isEmpty() && r.start <= merged.back().start + merged.back().length) {
            const int end = std::max(merged.back().start + merged.back().length, r.start + r.length);
            merged.back().length = end - merged.back().start;
        } else {
            merged.append(r);
        }
    }
    return merged;
}

QList<std::pair<QString, QString>> jsonFieldsOf(const QString& line, int maxFields)
{
    QList<std::pair<QString, QString>> out;
    if (line.size() > kMaxJsonLine)
        return out;
    const QStringView trimmed = QStringView(line).trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) || !trimmed.endsWith(QLatin1Char('}')))
        return out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return out;
    flatten(doc.object(), QString(), 1, maxFields, out);
    return out;
}

} // namespace wf::logs
