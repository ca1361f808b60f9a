#include "logs/LogPatterns.h"

#include <QStringBuilder>

#include <algorithm>

namespace wf::logs {

namespace {

const char16_t kWild[] = u"<*>";

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
bool isHexDigit(char16_t c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}
bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'\f' || c == u'\v';
}

// [-+]?digits(.digits)?; `end` receives where the number stops.
bool numberPrefix(QStringView s, qsizetype& end)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
        ++i;
    const qsizetype digitsFrom = i;
    while (i < s.size() && isDigit(s[i].unicode()))
        ++i;
    if (i == digitsFrom)
        return false;
    if (i + 1 < s.size() && s[i] == u'.' && isDigit(s[i + 1].unicode())) {
        ++i;
        while (i < s.size() && isDigit(s[i].unicode()))
            ++i;
    }
    end = i;
    return true;
}

bool isNumber(QStringView s)
{
    qsizetype end = 0;
    return numberPrefix(s, end) && end == s.size();
}

bool isDuration(QStringView s)
{
    qsizetype end = 0;
    if (!numberPrefix(s, end) || end == s.size())
        return false;
    const QStringView unit = s.sliced(end);
    return unit == u"ms" || unit == u"s" || unit == u"us" || unit == u"µs" || unit == u"ns" || unit == u"m" ||
           unit == u"h" || unit == u"min" || unit == u"sec";
}

bool isUuid(QStringView s)
{
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != u'-' : !isHexDigit(s[i].unicode()))
            return false;
    }
    return true;
}

// a.b.c.d with optional :port
bool isIPv4(QStringView s)
{
    int parts = 0;
    qsizetype i = 0;
    while (parts < 4) {
        const qsizetype from = i;
        while (i < s.size() && isDigit(s[i].unicode()) && i - from < 3)
            ++i;
        if (i == from)
            return false;
        ++parts;
        if (parts < 4) {
            if (i >= s.size() || s[i] != u'.')
                return false;
            ++i;
        }
    }
    if (i == s.size())
        return true;
    if (s[i] != u':' || i + 1 == s.size())
        return false;
    for (++i; i < s.size(); ++i)
        if (!isDigit(s[i].unicode()))
            return false;
    return true;
}

bool isHexId(QStringView s)
{
    if (s.size() > 2 && s[0] == u'0' && (s[1] == u'x' || s[1] == u'X')) {
        for (qsizetype i = 2; i < s.size(); ++i)
            if (!isHexDigit(s[i].unicode()))
                return false;
        return true;
    }
    if (s.size() < 8)
        return false;
    bool digit = false;
    for (QChar c : s) {
        if (!isHexDigit(c.unicode()))
            return false;
        digit |= isDigit(c.unicode());
    }
    return digit;
}

class Masker
{
public:
    Masker(std::u16string& buf, std::vector<std::pair<int, int>>& tokens)
        : m_buf(buf)
        , m_tokens(tokens)
    {}

    void line(QStringView line, int maxTokens)
    {
        m_buf.clear();
        m_tokens.clear();
        qsizetype i = 0;
        const qsizetype n = line.size();
        while (i < n && int(m_tokens.size()) < maxTokens) {
            while (i < n && isSpace(line[i].unicode()))
                ++i;
            if (i >= n)
                break;
            const int start = int(m_buf.size());
            const char16_t c = line[i].unicode();
            if (c == u'"' || c == u'\'') {
                const qsizetype close = line.indexOf(QChar(c), i + 1);
                if (close > 0) {
                    append(u"<STR>");
                    i = close + 1;
                    // glue what follows the quote (a comma, a colon) to the token
                    const qsizetype from = i;
                    while (i < n && !isSpace(line[i].unicode()))
                        ++i;
                    append(line.sliced(from, i - from));
                    m_tokens.emplace_back(start, int(m_buf.size()) - start);
                    continue;
                }
            }
            const qsizetype from = i;
            while (i < n && !isSpace(line[i].unicode()))
                ++i;
            word(line.sliced(from, i - from), true);
            m_tokens.emplace_back(start, int(m_buf.size()) - start);
        }
    }

private:
    void append(QStringView s)
    {
        m_buf.append(reinterpret_cast<const char16_t*>(s.utf16()), std::size_t(s.size()));
    }
    void append(const char16_t* s) { m_buf.append(s); }

    static bool isOpen(char16_t c) { return c == u'(' || c == u'[' || c == u'{' || c == u'<'; }
    static bool isClose(char16_t c)
    {
        return c == u')' || c == u']' || c == u'}' || c == u',' || c == u';' || c == u'.' || c == u':' ||
               c == u'>';
    }

    void word(QStringView w, bool splitKeyValue)
    {
        qsizetype a = 0, b = w.size();
        while (a < b && isOpen(w[a].unicode()))
            ++a;
        while (b > a && isClose(w[b - 1].unicode()))
            --b;
        append(w.first(a));
        core(w.sliced(a, b - a), splitKeyValue);
        append(w.sliced(b));
    }

    void core(QStringView s, bool splitKeyValue)
    {
        if (s.isEmpty())
            return;
        if (splitKeyValue) {
            const qsizetype eq = s.indexOf(u'=');
            if (eq > 0) {
                append(s.first(eq + 1));
                word(s.sliced(eq + 1), false);
                return;
            }
        }
        bool hasDigit = false;
        for (QChar c : s)
            if (isDigit(c.unicode())) {
                hasDigit = true;
                break;
            }
        if (!hasDigit) {
            append(s);
            return;
        }
        if (isNumber(s))
            append(u"<NUM>");
        else if (isDuration(s))
            append(u"<DUR>");
        else if (isUuid(s))
            append(u"<UUID>");
        else if (isIPv4(s))
            append(u"<IP>");
        else if (isHexId(s))
            append(u"<HEX>");
        else
            digitRuns(s);
    }

    // "ord-1048213" -> "ord-<NUM>", "payments-db:5432" -> "payments-db:<NUM>"; tokens with letters
    // and digits interleaved (ids like "ch_3dcb9fbfaf", hashes, base64) become <*>.
    void digitRuns(QStringView s)
    {
        int runs = 0;
        for (qsizetype i = 0; i < s.size(); ++i)
            if (isDigit(s[i].unicode()) && (i == 0 || !isDigit(s[i - 1].unicode())))
                ++runs;
        if (runs > 1) {
            append(kWild);
            return;
        }
        for (qsizetype i = 0; i < s.size();) {
            if (isDigit(s[i].unicode())) {
                while (i < s.size() && isDigit(s[i].unicode()))
                    ++i;
                append(u"<NUM>");
            } else {
                m_buf.push_back(s[i].unicode());
                ++i;
            }
        }
    }

    std::u16string& m_buf;
    std::vector<std::pair<int, int>>& m_tokens;
};

} // namespace

QString LogPattern::text() const
{
    QString out;
    for (const QString& t : tokens) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += t;
    }
    return out;
}

QString LogPatterns::maskedLine(QStringView line)
{
    std::u16string buf;
    std::vector<std::pair<int, int>> tokens;
    Masker(buf, tokens).line(line, 1 << 20);
    QString out;
    for (const auto& [off, len] : tokens) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += QStringView(buf.data() + off, len);
    }
    return out;
}

void LogPatterns::tokenize(QStringView line)
{
    Masker(m_buf, m_tokens).line(line, m_options.maxTokens);
}

int LogPatterns::add(QStringView message, qint64 timeNs)
{
    const qsizetype nl = message.indexOf(u'\n');
    QStringView first = nl >= 0 ? message.first(nl) : message;
    if (first.endsWith(u'\r'))
        first.chop(1);
    if (nl >= 0) {
        const StackSignature sig = stackSignature(message);
        if (sig.isStack())
            m_stacks.add(sig, message, timeNs);
    }
    ++m_lines;
    tokenize(first);
    return cluster(timeNs, first);
}

int LogPatterns::cluster(qint64 timeNs, QStringView line)
{
    const int n = int(m_tokens.size());
    const auto tok = [&](int k) {
        return QStringView(m_buf.data() + m_tokens[std::size_t(k)].first, m_tokens[std::size_t(k)].second);
    };

    size_t key = qHash(n);
    for (int k = 0; k < std::min(n, m_options.leadingTokens); ++k)
        key = qHash(tok(k), key);
    std::vector<int>& leaf = m_leaves[quint64(key)];

    int best = -1;
    int bestEqual = -1, bestParams = -1;
    for (int c : leaf) {
        const LogPattern& p = m_patterns[std::size_t(c)];
        if (int(p.tokens.size()) != n)
            continue; // a hash collision between leaves
        int equal = 0, params = 0;
        for (int k = 0; k < n; ++k) {
            const QString& t = p.tokens[std::size_t(k)];
            if (t.size() == 3 && t == QStringView(kWild))
                ++params;
            else if (t == tok(k))
                ++equal;
        }
        if (equal > bestEqual || (equal == bestEqual && params > bestParams)) {
            best = c;
            bestEqual = equal;
            bestParams = params;
        }
    }

    const bool similar = best >= 0 && (n == 0 || double(bestEqual) >= m_options.similarity * double(n));
    const bool full = int(leaf.size()) >= m_options.maxLeafPatterns || size() >= m_options.maxPatterns;
    int index = best;
    if (similar || (full && best >= 0)) {
        LogPattern& p = m_patterns[std::size_t(best)];
        for (int k = 0; k < n; ++k) {
            QString& t = p.tokens[std::size_t(k)];
            if (t != tok(k) && t != QStringView(kWild))
                t = QString::fromUtf16(kWild);
        }
    } else if (full && size() >= m_options.maxPatterns) {
        // No room for a new template: count the line under the most frequent existing one's catch-all.
        index = 0;
    } else {
        LogPattern p;
        p.tokens.reserve(std::size_t(n));
        for (int k = 0; k < n; ++k)
            p.tokens.push_back(tok(k).toString());
        p.sample = line.left(1000).toString();
        if (m_options.buckets > 0)
            p.histogram.assign(std::size_t(m_options.buckets), 0);
        index = size();
        m_patterns.push_back(std::move(p));
        leaf.push_back(index);
    }

    LogPattern& p = m_patterns[std::size_t(index)];
    ++p.count;
    p.firstSeenNs = std::min(p.firstSeenNs, timeNs);
    p.lastSeenNs = std::max(p.lastSeenNs, timeNs);
    p.isNew = p.firstSeenNs >= m_options.newSinceNs;
    if (m_options.buckets > 0 && timeNs >= m_options.histogramStartNs && m_options.bucketNs > 0) {
        const qint64 b = (timeNs - m_options.histogramStartNs) / m_options.bucketNs;
        if (b < m_options.buckets)
            ++p.histogram[std::size_t(b)];
    }
    return index;
}

std::vector<int> LogPatterns::byCount() const
{
    std::vector<int> out(m_patterns.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = int(i);
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        return m_patterns[std::size_t(a)].count > m_patterns[std::size_t(b)].count;
    });
    return out;
}

} // namespace wf::logs
