#include "HttpRequestParser.h"

#include <cctype>
#include <cstring>

namespace wf::receiver {

namespace {

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

// Field values: visible characters, obs-text, SP and HTAB; never CR, LF, NUL or other controls.
bool isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isWhite(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && isWhite(s.front()))
        s = s.sliced(1);
    while (!s.isEmpty() && isWhite(s.back()))
        s.chop(1);
    return s;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Splits a comma-separated field list (RFC 9110 5.6.1), dropping empty elements.
QList<QByteArrayView> listElements(QByteArrayView value)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == ',') {
            const QByteArrayView e = trimmed(value.sliced(start, i - start));
            if (!e.isEmpty())
                out.append(e);
            start = i + 1;
        }
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

enum class LineResult { Incomplete, Line, TooLong, Bad };

} // namespace

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView lowerName) const
{
    for (const auto& h : headers)
        if (h.first == lowerName)
            return true;
    return false;
}

QByteArrayView HttpRequest::path() const
{
    const QByteArrayView t(target);
    const qsizetype q = t.indexOf('?');
    return q < 0 ? t : t.first(q);
}

HttpRequestParser::HttpRequestParser(const HttpParserLimits& limits)
    : m_limits(limits)
{}

void HttpRequestParser::reset()
{
    m_state = State::Start;
    m_request = HttpRequest{};
    m_line.clear();
    m_preamble = 0;
    m_headerBytes = 0;
    m_remaining = 0;
    m_bodyBytes = 0;
    m_discard = false;
    m_errorStatus = 0;
    m_errorReason.clear();
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    reset();
    return out;
}

bool HttpRequestParser::fail(int status, const char* reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = QByteArray(reason);
    m_line.clear();
    m_request.body.clear();
    return false;
}

HttpRequestParser::Progress HttpRequestParser::feed(QByteArrayView data, qsizetype* consumed)
{
    qsizetype pos = 0;
    const auto done = [&](Progress p) {
        *consumed = pos;
        return p;
    };
    // Appends up to the next LF to m_line without letting m_line grow past limit + 1 (the +1 is the
    // CR of a line whose LF has not arrived yet).
    const auto takeLine = [&](qsizetype limit) {
        const void* lf = std::memchr(data.data() + pos, '\n', size_t(data.size() - pos));
        const qsizetype end = lf ? static_cast<const char*>(lf) - data.data() : data.size();
        const qsizetype room = limit + 1 - m_line.size();
        if (end - pos > room) {
            m_line.append(data.data() + pos, room);
            pos += room;
            return LineResult::TooLong;
        }
        m_line.append(data.data() + pos, end - pos);
        pos = end;
        if (!lf)
            return LineResult::Incomplete;
        ++pos;
        if (m_line.isEmpty() || m_line.back() != '\r') {
            fail(400, "line not terminated by CRLF");
            return LineResult::Bad;
        }
        m_line.chop(1);
        return m_line.size() > limit ? LineResult::TooLong : LineResult::Line;
    };

    for (;;) {
        switch (m_state) {
        case State::Start: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const LineResult r = takeLine(m_limits.maxRequestLine);
            if (r == LineResult::TooLong) {
                // Past the first space we are in the target: that is the "URI too long" case.
                fail(m_line.contains(' ') ? 414 : 400, "request line too long");
                return done(Progress::Failed);
            }
            if (r == LineResult::Bad)
                return done(Progress::Failed);
            if (r == LineResult::Incomplete)
                return done(Progress::NeedMore);
            const QByteArray line = std::exchange(m_line, {});
            if (line.isEmpty()) {
                // RFC 9112 2.2: empty lines before a request line are tolerated, but not forever.
                m_preamble += 2;
                if (m_preamble > m_limits.maxRequestLine) {
                    fail(400, "too many empty lines before the request line");
                    return done(Progress::Failed);
                }
                continue;
            }
            if (!parseRequestLine(line))
                return done(Progress::Failed);
            m_state = State::HeaderLine;
            continue;
        }
        case State::HeaderLine: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const qsizetype budget = m_limits.maxHeaderBytes - m_headerBytes - 2;
            const LineResult r = takeLine(std::max<qsizetype>(0, budget));
            if (r == LineResult::TooLong) {
                fail(431, "request header fields too large");
                return done(Progress::Failed);
            }
            if (r == LineResult::Bad)
                return done(Progress::Failed);
            if (r == LineResult::Incomplete)
                return done(Progress::NeedMore);
            const QByteArray line = std::exchange(m_line, {});
            m_headerBytes += line.size() + 2;
            if (line.isEmpty()) {
                if (!finishHead())
                    return done(Progress::Failed);
                m_state = State::HeadersReported;
                return done(Progress::HeadersDone);
            }
            if (!parseHeaderLine(line))
                return done(Progress::Failed);
            continue;
        }
        case State::HeadersReported:
            if (m_request.framing == BodyFraming::Chunked) {
                m_state = State::ChunkSize;
            } else if (m_request.framing == BodyFraming::ContentLength && m_request.contentLength > 0) {
                m_remaining = m_request.contentLength;
                m_state = State::Body;
            } else {
                m_state = State::Complete;
            }
            continue;
        case State::Body: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const qsizetype n = qsizetype(std::min<qint64>(m_remaining, data.size() - pos));
            if (!m_discard)
                m_request.body.append(data.data() + pos, n);
            m_bodyBytes += n;
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::Complete;
            continue;
        }
        case State::ChunkSize: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const LineResult r = takeLine(m_limits.maxChunkLine);
            if (r == LineResult::TooLong) {
                fail(400, "chunk size line too long");
                return done(Progress::Failed);
            }
            if (r == LineResult::Bad)
                return done(Progress::Failed);
            if (r == LineResult::Incomplete)
                return done(Progress::NeedMore);
            const QByteArray line = std::exchange(m_line, {});
            if (!parseChunkSize(line))
                return done(Progress::Failed);
            continue;
        }
        case State::ChunkData: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const qsizetype n = qsizetype(std::min<qint64>(m_remaining, data.size() - pos));
            if (!m_discard)
                m_request.body.append(data.data() + pos, n);
            m_bodyBytes += n;
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_remaining = 2;
            }
            continue;
        }
        case State::ChunkDataEnd: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const char expected = m_remaining == 2 ? '\r' : '\n';
            if (data[pos] != expected) {
                fail(400, "chunk data not followed by CRLF");
                return done(Progress::Failed);
            }
            ++pos;
            if (--m_remaining == 0)
                m_state = State::ChunkSize;
            continue;
        }
        case State::Trailer: {
            if (pos == data.size())
                return done(Progress::NeedMore);
            const qsizetype budget = m_limits.maxTrailerBytes - m_headerBytes - 2;
            const LineResult r = takeLine(std::max<qsizetype>(0, budget));
            if (r == LineResult::TooLong) {
                fail(431, "trailer fields too large");
                return done(Progress::Failed);
            }
            if (r == LineResult::Bad)
                return done(Progress::Failed);
            if (r == LineResult::Incomplete)
                return done(Progress::NeedMore);
            const QByteArray line = std::exchange(m_line, {});
            m_headerBytes += line.size() + 2;
            if (line.isEmpty()) {
                m_state = State::Complete;
                continue;
            }
            if (!parseTrailerLine(line))
                return done(Progress::Failed);
            continue;
        }
        case State::Complete:
            return done(Progress::Done);
        case State::Failed:
            return done(Progress::Failed);
        }
    }
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 < 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, "malformed request method");
    if (target.isEmpty())
        return fail(400, "empty request target");
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return fail(400, "invalid character in request target");
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        !std::isdigit(static_cast<unsigned char>(version[5])) ||
        !std::isdigit(static_cast<unsigned char>(version[7])))
        return fail(400, "malformed HTTP version");
    if (version[5] != '1')
        return fail(505, "only HTTP/1.x is supported");
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.versionMinor = version[7] - '0';
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (isWhite(line.front()))
        return fail(400, "obsolete line folding is not accepted");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "malformed header field");
    // No whitespace between name and colon (RFC 9112 5.1): isToken() refuses it.
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(400, "malformed header field name");
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(400, "invalid character in header field value");
    if (m_request.headers.size() >= m_limits.maxHeaderCount)
        return fail(431, "too many header fields");
    m_request.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    return true;
}

bool HttpRequestParser::finishHead()
{
    HttpRequest& r = m_request;
    int hosts = 0;
    bool sawTransferEncoding = false;
    QList<QByteArrayView> codings;
    QList<QByteArrayView> lengths;
    for (const auto& [name, value] : r.headers) {
        if (name == "host") {
            ++hosts;
        } else if (name == "transfer-encoding") {
            sawTransferEncoding = true;
            codings += listElements(value);
        } else if (name == "content-length") {
            const auto elems = listElements(value);
            if (elems.isEmpty())
                return fail(400, "empty Content-Length");
            lengths += elems;
        }
    }
    // RFC 9112 3.2: exactly one Host in HTTP/1.1, never more than one.
    if (hosts > 1 || (hosts == 0 && r.versionMinor >= 1))
        return fail(400, "missing or repeated Host header");

    if (sawTransferEncoding) {
        if (r.versionMinor == 0)
            return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
        // Both framings at once is the classic smuggling vector: refuse instead of choosing one.
        if (!lengths.isEmpty())
            return fail(400, "both Content-Length and Transfer-Encoding");
        if (codings.isEmpty() || !equalsNoCase(codings.back(), "chunked"))
            return fail(400, "Transfer-Encoding does not end with chunked");
        for (qsizetype i = 0; i + 1 < codings.size(); ++i) {
            if (equalsNoCase(codings[i], "chunked"))
                return fail(400, "chunked applied more than once");
        }
        if (codings.size() > 1)
            return fail(501, "unsupported Transfer-Encoding");
        r.framing = BodyFraming::Chunked;
    } else if (!lengths.isEmpty()) {
        for (const QByteArrayView l : lengths) {
            if (l != lengths.front())
                return fail(400, "conflicting Content-Length values");
        }
        QByteArrayView digits = lengths.front();
        for (char c : digits) {
            if (c < '0' || c > '9')
                return fail(400, "malformed Content-Length");
        }
        while (digits.size() > 1 && digits.front() == '0')
            digits = digits.sliced(1);
        if (digits.size() > 18)
            return fail(413, "request body too large");
        const qint64 length = digits.toLongLong();
        if (length > m_limits.maxBodyBytes)
            return fail(413, "request body too large");
        r.framing = BodyFraming::ContentLength;
        r.contentLength = length;
    }

    r.keepAlive = r.versionMinor >= 1;
    for (const auto& [name, value] : r.headers) {
        if (name == "connection") {
            for (const QByteArrayView option : listElements(value)) {
                if (equalsNoCase(option, "close"))
                    r.keepAlive = false;
                else if (equalsNoCase(option, "keep-alive") && r.versionMinor == 0)
                    r.keepAlive = true;
            }
        } else if (name == "expect" && r.versionMinor >= 1) {
            // RFC 9110 10.1.1: HTTP/1.0 expectations are ignored; the only defined one is 100-continue.
            if (!equalsNoCase(value, "100-continue"))
                return fail(417, "unsupported expectation");
            r.expectContinue = true;
        }
    }
    return true;
}

bool HttpRequestParser::parseChunkSize(QByteArrayView line)
{
    qsizetype i = 0;
    qint64 size = 0;
    const qint64 room = m_limits.maxBodyBytes - m_bodyBytes;
    for (; i < line.size(); ++i) {
        const int h = hexValue(line[i]);
        if (h < 0)
            break;
        size = size * 16 + h;
        // Checked per digit, so the value never overflows and a huge chunk is refused unread.
        if (size > room)
            return fail(413, "request body too large");
    }
    if (i == 0)
        return fail(400, "malformed chunk size");
    while (i < line.size() && isWhite(line[i]))
        ++i;
    if (i < line.size()) {
        // Chunk extensions are ignored, but must not smuggle control characters.
        if (line[i] != ';' || !isFieldValue(line.sliced(i)))
            return fail(400, "malformed chunk extension");
    }
    if (size == 0) {
        m_state = State::Trailer;
        m_headerBytes = 0;
    } else {
        m_state = State::ChunkData;
        m_remaining = size;
    }
    return true;
}

bool HttpRequestParser::parseTrailerLine(QByteArrayView line)
{
    // Trailer fields are read and dropped (RFC 9112 7.1.2 lets a recipient discard them), but they
    // are still checked, so a malformed one cannot hide the start of another request.
    if (isWhite(line.front()))
        return fail(400, "obsolete line folding is not accepted");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)) || !isFieldValue(line.sliced(colon + 1)))
        return fail(400, "malformed trailer field");
    return true;
}

} // namespace wf::receiver
