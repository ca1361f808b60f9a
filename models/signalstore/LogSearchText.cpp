#include "LogSearchText.h"

#include <QStringList>

#include <algorithm>

namespace wf::signalstore {

namespace {

// unicode61 keeps letters, numbers and private-use characters in tokens; marks are kept too when
// they follow a letter (diacritics). Everything else separates tokens.
bool isTokenChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return true;
    default:
        return false;
    }
}

// The tokens of `text`, each a run of token characters (whole code points; lone surrogates are
// separators).
QStringList tokensOf(QStringView text)
{
    QStringList tokens;
    QString current;
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            width = 2;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD;
        }
        if (isTokenChar(c)) {
            current.append(text.mid(i, width));
        } else if (!current.isEmpty()) {
            tokens.append(current);
            current.clear();
        }
        i += width;
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

// Tokens hold no quote characters (quotes are not token characters), so no escaping is needed;
// quoting keeps words like AND, OR, NOT and NEAR words.
QString quoted(const QString& token)
{
    return QLatin1Char('"') + token + QLatin1Char('"');
}

// What unicode61 does to a token before indexing it, closely enough for comparing two texts folded the
// same way: case folded, diacritics removed.
QString folded(const QString& token)
{
    const QString decomposed = token.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out.toCaseFolded();
}

} // namespace

LogSearch parseLogSearch(const QString& userText)
{
    struct Part
    {
        QStringList tokens;
        bool closedPhrase = false;
    };
    QList<Part> parts;
    const QStringView text(userText);
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        if (text[i] == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? text.size() : close;
            parts.append({tokensOf(text.mid(i + 1, end - i - 1)), close >= 0});
            i = close < 0 ? text.size() : close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && !text[end].isSpace() && text[end] != QLatin1Char('"'))
            ++end;
        parts.append({tokensOf(text.mid(i, end - i)), false});
        i = end;
    }
    while (!parts.isEmpty() && parts.back().tokens.isEmpty())
        parts.removeLast();

    LogSearch search;
    QStringList terms;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        const bool prefix = p == parts.size() - 1 && !parts[p].closedPhrase;
        for (const QString& token : parts[p].tokens)
            terms.append(quoted(token));
        if (prefix && !terms.isEmpty()) {
            search.exactMatch = terms.join(QLatin1Char(' '));
            search.othersMatch = terms.mid(0, terms.size() - 1).join(QLatin1Char(' '));
            search.prefixWord = folded(parts[p].tokens.last());
            terms.last() += QLatin1String(" *");
        }
        if (parts[p].tokens.size() > 1) {
            LogSearch::Phrase phrase;
            for (const QString& token : parts[p].tokens)
                phrase.tokens.append(folded(token));
            phrase.lastIsPrefix = prefix;
            search.phrases.append(phrase);
        }
    }
    search.match = terms.join(QLatin1Char(' '));
    return search;
}

QString logSearchExpression(const QString& userText)
{
    return parseLogSearch(userText).match;
}

bool hasWordWithPrefix(const QString& body, const QString& prefix)
{
    if (prefix.isEmpty())
        return true;
    const QStringList words = tokensOf(body);
    return std::any_of(words.begin(), words.end(),
                       [&prefix](const QString& w) { return folded(w).startsWith(prefix); });
}

bool phraseMatches(const QString& body, const LogSearch& search)
{
    if (search.phrases.isEmpty())
        return true;
    QStringList words = tokensOf(body);
    for (QString& w : words)
        w = folded(w);
    for (const LogSearch::Phrase& phrase : search.phrases) {
        const qsizetype n = phrase.tokens.size();
        bool found = false;
        for (qsizetype start = 0; !found && start + n <= words.size(); ++start) {
            found = true;
            for (qsizetype k = 0; found && k < n; ++k) {
                const bool last = k == n - 1;
                found = (last && phrase.lastIsPrefix) ? words[start + k].startsWith(phrase.tokens[k])
                                                      : words[start + k] == phrase.tokens[k];
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace wf::signalstore
