#include "logs/LogFile.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>

#include <memory>
#include <simdjson.h>
#include <zlib.h>

namespace wf::logs {

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("LogFile", text);
}

int digits(QStringView s, qsizetype at, int n, bool& ok)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (at + i >= s.size() || !s[at + i].isDigit()) {
            ok = false;
            return 0;
        }
        v = v * 10 + s[at + i].digitValue();
    }
    return v;
}

// Numbers as epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude.
qint64 epochToNs(double v)
{
    if (v <= 0)
        return 0;
    if (v < 1e11)
        return qint64(v * 1e9);
    if (v < 1e14)
        return qint64(v * 1e6);
    if (v < 1e17)
        return qint64(v * 1e3);
    return qint64(v);
}

class Parser
{
public:
    Parser(const LogFileOptions& options, LogFileResult& out)
        : m_options(options)
        , m_out(out)
    {}

    void line(QByteArrayView bytes, bool truncated, qint64 fullSize)
    {
        ++m_out.physicalLines;
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        if (truncated)
            ++m_out.truncatedLines;
        QString text;
        if (truncated) {
            qsizetype cut = bytes.size();
            while (cut > 0 && (quint8(bytes[cut - 1]) & 0xC0) == 0x80) // drop a split UTF-8 character
                --cut;
            if (cut > 0 && quint8(bytes[cut - 1]) >= 0xC0)
                --cut;
            text = QString::fromUtf8(bytes.first(cut)) +
                   QCoreApplication::translate("LogFile", " … [line truncated, %1 bytes]").arg(fullSize);
        } else {
            text = QString::fromUtf8(bytes);
        }
        if (bytes.isEmpty() && m_out.lines.empty())
            return;

        LogFileLine entry;
        entry.lineNumber = m_out.physicalLines;
        entry.truncated = truncated;
        const bool json = bytes.startsWith('{') && !truncated && json_(bytes, entry);
        if (json) {
            ++m_json;
        } else {
            qsizetype consumed = 0;
            entry.timeNs = parseLeadingTimestamp(text, &consumed);
            const bool indented = !text.isEmpty() && (text[0] == u' ' || text[0] == u'\t');
            // After a JSON line only indented text continues it: a plain line there is its own message.
            const bool continuation = !m_out.lines.empty() && m_joined < m_options.maxJoinedLines &&
                                      (indented || text.isEmpty() || text.startsWith(u"Caused by:") ||
                                       (entry.timeNs == 0 && m_timestamped > 0 && !m_lastWasJson));
            if (continuation) {
                LogFileLine& prev = m_out.lines.back();
                if (prev.message.size() < m_options.maxLineBytes) {
                    prev.message += QLatin1Char('\n');
                    prev.message += text;
                }
                ++m_joined;
                return;
            }
            entry.level = detectLevel(QStringView(text).sliced(consumed));
            entry.message = text;
        }
        m_joined = 0;
        m_lastWasJson = json;
        if (entry.timeNs != 0)
            ++m_timestamped;
        if (qint64(m_out.lines.size()) >= m_options.maxLines) {
            ++m_out.droppedLines;
            return;
        }
        m_out.lines.push_back(std::move(entry));
    }

    void finish() { m_out.jsonLines = m_json * 2 > qint64(m_out.lines.size()) && m_json > 0; }

private:
    bool json_(QByteArrayView bytes, LogFileLine& entry)
    {
        simdjson::dom::element doc;
        if (m_parser.parse(bytes.data(), std::size_t(bytes.size())).get(doc))
            return false;
        simdjson::dom::object o;
        if (doc.get(o))
            return false;
        for (auto [k, v] : o) {
            const QString key = QString::fromUtf8(k.data(), qsizetype(k.size()));
            QString value;
            double number = 0;
            std::string_view s;
            const bool isString = !v.get(s);
            if (isString)
                value = QString::fromUtf8(s.data(), qsizetype(s.size()));
            else if (!v.get(number))
                value = QString::number(number, 'g', 17);
            else if (v.is_bool())
                value = bool(v) ? QStringLiteral("true") : QStringLiteral("false");
            else
                continue;
            if (entry.timeNs == 0 && (key == QLatin1String("time") || key == QLatin1String("timestamp") ||
                                      key == QLatin1String("ts") || key == QLatin1String("@timestamp") ||
                                      key == QLatin1String("t"))) {
                entry.timeNs = isString ? parseLeadingTimestamp(value) : epochToNs(number);
                if (entry.timeNs != 0)
                    continue;
            }
            if (entry.level == LogLevel::Unknown &&
                (key == QLatin1String("level") || key == QLatin1String("severity") ||
                 key == QLatin1String("lvl") || key == QLatin1String("log.level") ||
                 key == QLatin1String("levelname"))) {
                entry.level = levelFromName(value);
                continue;
            }
            if (entry.message.isEmpty() && (key == QLatin1String("msg") || key == QLatin1String("message") ||
                                            key == QLatin1String("body") || key == QLatin1String("log"))) {
                entry.message = value;
                continue;
            }
            if (entry.fields.size() < 32)
                entry.fields.emplace_back(key, value);
        }
        if (entry.message.isEmpty())
            entry.message = QString::fromUtf8(bytes);
        return true;
    }

    const LogFileOptions& m_options;
    LogFileResult& m_out;
    simdjson::dom::parser m_parser;
    qint64 m_json = 0;
    qint64 m_timestamped = 0;
    int m_joined = 0;
    bool m_lastWasJson = false;
};

// Splits a stream of chunks into lines, holding at most maxLineBytes of one line.
class LineSplitter
{
public:
    LineSplitter(Parser& parser, int maxLineBytes)
        : m_parser(parser)
        , m_max(maxLineBytes)
    {}

    void feed(QByteArrayView chunk)
    {
        while (!chunk.isEmpty()) {
            const qsizetype nl = chunk.indexOf('\n');
            const QByteArrayView part = nl >= 0 ? chunk.first(nl) : chunk;
            const qsizetype room = m_max - m_line.size();
            if (part.size() <= room)
                m_line.append(part);
            else {
                m_line.append(part.first(std::max<qsizetype>(room, 0)));
                m_truncated = true;
            }
            m_full += part.size();
            if (nl < 0)
                return;
            emitLine();
            chunk = chunk.sliced(nl + 1);
        }
    }
    void finish()
    {
        if (!m_line.isEmpty() || m_truncated)
            emitLine();
    }

private:
    void emitLine()
    {
        m_parser.line(m_line, m_truncated, m_full);
        m_line.resize(0);
        m_truncated = false;
        m_full = 0;
    }
    Parser& m_parser;
    int m_max;
    QByteArray m_line;
    bool m_truncated = false;
    qint64 m_full = 0;
};

struct GzCloser
{
    void operator()(gzFile_s* f) const { gzclose(f); }
};

} // namespace

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return QStringLiteral("TRACE");
    case LogLevel::Debug:
        return QStringLiteral("DEBUG");
    case LogLevel::Info:
        return QStringLiteral("INFO");
    case LogLevel::Warn:
        return QStringLiteral("WARN");
    case LogLevel::Error:
        return QStringLiteral("ERROR");
    case LogLevel::Fatal:
        return QStringLiteral("FATAL");
    case LogLevel::Unknown:
        break;
    }
    return QString();
}

LogLevel levelFromName(QStringView n)
{
    n = n.trimmed();
    const auto is = [&](const char* a) { return n.compare(QLatin1String(a), Qt::CaseInsensitive) == 0; };
    if (is("error") || is("err") || is("eror"))
        return LogLevel::Error;
    if (is("warn") || is("warning"))
        return LogLevel::Warn;
    if (is("info") || is("information") || is("notice"))
        return LogLevel::Info;
    if (is("debug") || is("dbug"))
        return LogLevel::Debug;
    if (is("trace"))
        return LogLevel::Trace;
    if (is("fatal") || is("critical") || is("crit") || is("panic") || is("emerg") || is("alert"))
        return LogLevel::Fatal;
    return LogLevel::Unknown;
}

LogLevel detectLevel(QStringView line)
{
    int tokens = 0;
    for (QStringView tok : line.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (++tokens > 6)
            break;
        if (tok.size() > 16)
            continue;
        const qsizetype eq = tok.indexOf(u'=');
        if (eq > 0) {
            const QStringView key = tok.first(eq);
            if (key == u"level" || key == u"lvl" || key == u"severity")
                tok = tok.sliced(eq + 1);
            else
                continue;
        }
        while (!tok.isEmpty() && (tok.front() == u'[' || tok.front() == u'<' || tok.front() == u'"'))
            tok = tok.sliced(1);
        while (!tok.isEmpty() && (tok.back() == u']' || tok.back() == u'>' || tok.back() == u':' ||
                                  tok.back() == u'"' || tok.back() == u','))
            tok.chop(1);
        if (const LogLevel l = levelFromName(tok); l != LogLevel::Unknown)
            return l;
    }
    return LogLevel::Unknown;
}

qint64 parseLeadingTimestamp(QStringView s, qsizetype* consumed)
{
    if (consumed)
        *consumed = 0;
    bool ok = true;
    qsizetype i = 0;
    while (i < s.size() && (s[i] == u'[' || s[i] == u'"'))
        ++i;
    const int year = digits(s, i, 4, ok);
    if (!ok || s.size() < i + 19 || s[i + 4] != u'-' || s[i + 7] != u'-' ||
        (s[i + 10] != u'T' && s[i + 10] != u' ') || s[i + 13] != u':' || s[i + 16] != u':')
        return 0;
    const int month = digits(s, i + 5, 2, ok), day = digits(s, i + 8, 2, ok);
    const int hour = digits(s, i + 11, 2, ok), minute = digits(s, i + 14, 2, ok),
              second = digits(s, i + 17, 2, ok);
    const QDate date(year, month, day);
    if (!ok || !date.isValid() || hour > 23 || minute > 59 || second > 60)
        return 0;
    i += 19;
    qint64 fractionNs = 0;
    if (i < s.size() && (s[i] == u'.' || s[i] == u',')) {
        ++i;
        qint64 scale = 100'000'000;
        while (i < s.size() && s[i].isDigit()) {
            fractionNs += s[i].digitValue() * scale;
            scale /= 10;
            ++i;
        }
    }
    qint64 offsetSec = 0;
    if (i < s.size() && (s[i] == u'Z' || s[i] == u'z')) {
        ++i;
    } else if (i + 2 < s.size() && (s[i] == u'+' || s[i] == u'-') && s[i + 1].isDigit()) {
        bool ok2 = true;
        const int oh = digits(s, i + 1, 2, ok2);
        const qsizetype mAt = i + 3 < s.size() && s[i + 3] == u':' ? i + 4 : i + 3;
        const int om = digits(s, mAt, 2, ok2);
        if (ok2) {
            offsetSec = (oh * 3600 + om * 60) * (s[i] == u'-' ? -1 : 1);
            i = mAt + 2;
        }
    }
    while (i < s.size() && (s[i] == u']' || s[i] == u'"'))
        ++i;
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSec;
    if (consumed)
        *consumed = i;
    return secs * 1'000'000'000 + fractionNs;
}

LogFileResult parseLogText(QByteArrayView text, const LogFileOptions& options)
{
    LogFileResult out;
    Parser parser(options, out);
    LineSplitter splitter(parser, options.maxLineBytes);
    const QByteArrayView limited = text.first(std::min<qsizetype>(text.size(), options.maxBytes));
    out.stoppedAtMaxBytes = limited.size() < text.size();
    splitter.feed(limited);
    splitter.finish();
    parser.finish();
    out.bytesRead = limited.size();
    return out;
}

LogFileResult readLogFile(const QString& path, const LogFileOptions& options)
{
    LogFileResult out;
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        out.error = msg("Cannot open %1: %2").arg(path, probe.errorString());
        return out;
    }
    probe.close();
    // zlib reads plain files through unchanged (gzdirect), so one path handles both.
    std::unique_ptr<gzFile_s, GzCloser> gz(gzopen(QFile::encodeName(path).constData(), "rb"));
    if (!gz) {
        out.error = msg("Cannot open %1").arg(path);
        return out;
    }
    gzbuffer(gz.get(), 256 * 1024);
    Parser parser(options, out);
    LineSplitter splitter(parser, options.maxLineBytes);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    bool first = true;
    for (;;) {
        const int n = gzread(gz.get(), chunk.data(), unsigned(chunk.size()));
        if (first) {
            out.gzip = gzdirect(gz.get()) == 0;
            first = false;
        }
        if (n < 0) {
            int code = 0;
            const char* text = gzerror(gz.get(), &code);
            if (out.lines.empty()) {
                out.error = msg("Cannot read %1: %2").arg(path, QString::fromUtf8(text));
                return out;
            }
            // A truncated .gz (a log still being written): keep what was read.
            break;
        }
        if (n == 0)
            break;
        qint64 take = n;
        if (out.bytesRead + take > options.maxBytes) {
            take = options.maxBytes - out.bytesRead;
            out.stoppedAtMaxBytes = true;
        }
        splitter.feed(QByteArrayView(chunk.constData(), take));
        out.bytesRead += take;
        if (out.stoppedAtMaxBytes)
            break;
    }
    splitter.finish();
    parser.finish();
    return out;
}

} // namespace wf::logs
