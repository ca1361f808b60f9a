#include "LogSearchText.h"

#include <QStringList>

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

// Tokens hold no quote characters (quotes are not token characters), so no escaping is needed; the
// phrase is double-quoted so that words like AND, OR, NOT and NEAR stay words.
QString phrase(const QStringList& tokens)
{
    return QLatin1Char('"') + tokens.join(QLatin1Char(' ')) + QLatin1Char('"');
}

} // namespace

QString logSearchExpression(const QString& userText)
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

    QStringList terms;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        if (parts[p].tokens.isEmpty())
            continue;
        QString term = phrase(parts[p].tokens);
        if (p == parts.size() - 1 && !parts[p].closedPhrase)
            term += QLatin1String(" *");
        terms.append(term);
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace wf::signalstore
