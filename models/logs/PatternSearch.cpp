#include "logs/PatternSearch.h"

#include <QStringList>

namespace wf::logs {

namespace {

constexpr QStringView kPlaceholders[] = {u"<*>", u"<NUM>", u"<IP>", u"<HEX>", u"<UUID>", u"<DUR>", u"<STR>"};

void appendLiteral(QString& out, QStringView text)
{
    for (const QChar c : text) {
        if (QStringView(u"\\^$.|?*+()[]{}").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
}

// The token with its placeholders as wildcards: a placeholder stands for a token or a part of one, so
// it spans no whitespace, except a quoted string (<STR>), which may hold spaces.
void appendToken(QString& out, QStringView token)
{
    qsizetype from = 0;
    for (qsizetype i = 0; i < token.size();) {
        qsizetype length = 0;
        if (token[i] == u'<') {
            for (QStringView p : kPlaceholders) {
                if (token.sliced(i).startsWith(p)) {
                    length = p.size();
                    break;
                }
            }
        }
        if (length == 0) {
            ++i;
            continue;
        }
        appendLiteral(out, token.sliced(from, i - from));
        out += token.sliced(i, length) == u"<STR>" ? QStringLiteral("[\"'][^\\r\\n]*?[\"']")
                                                   : QStringLiteral("\\S+?");
        i += length;
        from = i;
    }
    appendLiteral(out, token.sliced(from));
}

} // namespace

QString regexForPattern(const QString& patternText, int maxTokens)
{
    const QStringList tokens = patternText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {};
    QString out = QStringLiteral("^\\s*");
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (i > 0)
            out += QStringLiteral("\\s+");
        appendToken(out, tokens[i]);
    }
    // The template is the whole first line, unless the line was cut at maxTokens for clustering. No
    // alternation ("|"): requiredLiteralOf finds no literal in a pattern with one.
    out += tokens.size() >= maxTokens ? QStringLiteral("(?!\\S)") : QStringLiteral("[ \\t]*(?![^\\r\\n])");
    return out;
}

} // namespace wf::logs
