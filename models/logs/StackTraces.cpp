#include "logs/StackTraces.h"

#include <QStringBuilder>

namespace wf::logs {

namespace {

using Lang = StackSignature::Language;

// "com.shop.Pay.charge(Pay.java:42)" -> "com.shop.Pay.charge"; "handler (/app/x.js:3:9)" -> "handler";
// "/app/x.js:3:9" -> "/app/x.js".
QString frameName(QStringView at)
{
    at = at.trimmed();
    const qsizetype paren = at.indexOf(u'(');
    if (paren > 0)
        return at.first(paren).trimmed().toString();
    // a bare location: drop :line:col
    qsizetype end = at.size();
    for (int k = 0; k < 2; ++k) {
        const qsizetype colon = at.first(end).lastIndexOf(u':');
        if (colon <= 0)
            break;
        bool digits = colon + 1 < end;
        for (qsizetype i = colon + 1; i < end; ++i)
            digits &= at[i].isDigit();
        if (!digits)
            break;
        end = colon;
    }
    return at.first(end).toString();
}

// "java.lang.IllegalStateException: pool closed" -> "java.lang.IllegalStateException";
// "Exception in thread "main" java.lang.Error: x" -> "java.lang.Error".
QString exceptionTypeOf(QStringView line)
{
    line = line.trimmed();
    if (line.startsWith(u"Caused by: "))
        line = line.sliced(11);
    const qsizetype colon = line.indexOf(u':');
    QStringView head = colon > 0 ? line.first(colon) : line;
    const qsizetype space = head.lastIndexOf(u' ');
    if (space >= 0)
        head = head.sliced(space + 1);
    return head.left(200).toString();
}

} // namespace

QString StackSignature::key() const
{
    return QString::number(int(language)) % QLatin1Char('|') % exceptionType % QLatin1Char('|') %
           topFrames.join(QLatin1Char('|'));
}

StackSignature stackSignature(QStringView text)
{
    StackSignature sig;
    QStringList frames;
    QString firstLine, lastNonFrame;
    bool goroutine = false;
    bool goExpectFunc = false;
    int lineNo = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView t = line.trimmed();
        if (lineNo++ == 0)
            firstLine = t.left(500).toString();
        if (t.isEmpty())
            continue;
        if (t.startsWith(u"at ") && sig.language != Lang::Python && !goroutine) {
            // Java: "at pkg.Class.method(File.java:12)"; JS: "at fn (file.js:1:2)" or "at file.js:1:2"
            const QStringView rest = t.sliced(3);
            const qsizetype paren = rest.indexOf(u'(');
            const bool js = paren < 0 || (paren > 0 && rest[paren - 1] == u' ') || rest.endsWith(u".js") ||
                            rest.contains(u".js:") || rest.contains(u".ts:") || rest.contains(u".mjs:");
            if (sig.language == Lang::None)
                sig.language = js ? Lang::JavaScript : Lang::Java;
            if (frames.size() < kTopFrames)
                frames.append(frameName(rest));
            continue;
        }
        if (t.startsWith(u"File \"") && t.contains(u", line ")) {
            // Python: frames outermost first; the innermost are the last ones.
            sig.language = Lang::Python;
            const qsizetype in = t.lastIndexOf(u", in ");
            const qsizetype q = t.indexOf(u'"', 6);
            const QString file = q > 6 ? t.sliced(6, q - 6).toString() : QString();
            frames.append(file % QLatin1Char(':') % (in > 0 ? t.sliced(in + 5).toString() : QString()));
            continue;
        }
        if (t.startsWith(u"goroutine ") && t.endsWith(u":")) {
            sig.language = Lang::Go;
            goroutine = true;
            goExpectFunc = true;
            continue;
        }
        if (goroutine) {
            if (line.startsWith(u'\t') || line.startsWith(u' ')) { // "\t/path/file.go:12 +0x1d"
                goExpectFunc = true;
                continue;
            }
            if (goExpectFunc && frames.size() < kTopFrames) {
                // "main.(*Pool).Get(0x0, 0x1)": the argument list is the last parenthesis
                const qsizetype args = t.endsWith(u')') ? t.lastIndexOf(u'(') : -1;
                frames.append(args > 0 ? t.first(args).toString() : frameName(t));
                goExpectFunc = false;
            }
            continue;
        }
        if (t.startsWith(u"Caused by: ") && sig.language == Lang::Java)
            continue; // the top-level exception is what the group is named after
        lastNonFrame = t.left(500).toString();
    }
    if (sig.language == Lang::None || frames.isEmpty())
        return {};
    switch (sig.language) {
    case Lang::Python: {
        // "Traceback (most recent call last):" ... "ValueError: bad"
        QStringList inner;
        for (qsizetype i = frames.size() - 1; i >= 0 && inner.size() < kTopFrames; --i)
            inner.append(frames[i]);
        sig.topFrames = inner;
        sig.exceptionType = exceptionTypeOf(lastNonFrame);
        break;
    }
    case Lang::Go:
        sig.topFrames = frames;
        sig.exceptionType = firstLine.startsWith(QLatin1String("panic:")) ? QStringLiteral("panic")
                                                                          : exceptionTypeOf(firstLine);
        break;
    default:
        sig.topFrames = frames;
        sig.exceptionType = exceptionTypeOf(firstLine);
        break;
    }
    return sig;
}

int StackTraceGroups::add(QStringView text, qint64 timeNs)
{
    const StackSignature sig = stackSignature(text);
    return sig.isStack() ? add(sig, text, timeNs) : -1;
}

int StackTraceGroups::add(const StackSignature& signature, QStringView text, qint64 timeNs)
{
    const QString key = signature.key();
    auto it = m_index.constFind(key);
    if (it == m_index.cend()) {
        it = m_index.insert(key, int(m_groups.size()));
        m_groups.push_back({signature, 0, std::numeric_limits<qint64>::max(), text.left(4000).toString()});
    }
    StackGroup& g = m_groups[std::size_t(*it)];
    ++g.count;
    g.firstSeenNs = std::min(g.firstSeenNs, timeNs);
    return *it;
}

} // namespace wf::logs
