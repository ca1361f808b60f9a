#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

// An incremental HTTP/1.1 request parser for the OTLP receiver: pure (no I/O, no Qt event loop), fed
// whatever bytes the socket had, byte by byte if need be. Everything it sees comes from the network, so
// every buffer is bounded before it grows, framing is strict (RFC 9112) and ambiguous framing is
// refused rather than guessed: a request-smuggling bug needs two parsers that disagree, and the
// cheapest way not to disagree is to reject anything a careful parser might read differently.
// Fuzzed by tests/fuzz/fuzz_http_request.cpp.
namespace wf::receiver {

struct HttpParserLimits
{
    qsizetype maxRequestLine = 8 * 1024;      // -> 414 (or 400 when the method itself is that long)
    qsizetype maxHeaderBytes = 16 * 1024;     // all header lines with their CRLFs -> 431
    int maxHeaderCount = 100;                 // -> 431
    qint64 maxBodyBytes = 16LL * 1024 * 1024; // wire body after de-chunking, before any gunzip -> 413
    qsizetype maxChunkLine = 4 * 1024;        // chunk size plus ignored extensions -> 400
    qsizetype maxTrailerBytes = 4 * 1024;     // trailer fields, skipped -> 431
};

enum class BodyFraming { None, ContentLength, Chunked };

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target;      // as sent: origin-form path with optional query
    int versionMinor = 1;   // HTTP/1.x
    HttpHeaderList headers; // names lower-cased, values trimmed, in arrival order
    QByteArray body;        // de-chunked wire body (still content-encoded)
    BodyFraming framing = BodyFraming::None;
    qint64 contentLength = -1; // with ContentLength framing
    bool keepAlive = true;
    bool expectContinue = false;

    // First value of a header; lowerName must be lower case. Empty if absent.
    QByteArray header(QByteArrayView lowerName) const;
    bool hasHeader(QByteArrayView lowerName) const;
    // The target without its query string.
    QByteArrayView path() const;
};

class HttpRequestParser
{
public:
    enum class Progress {
        NeedMore,    // every byte given was consumed; feed more
        HeadersDone, // the head is complete and valid; inspect head() now, then keep feeding
        Done,        // a whole request is ready: takeRequest()
        Failed       // errorStatus()/errorReason(); the connection must answer and close
    };

    explicit HttpRequestParser(const HttpParserLimits& limits = {});

    // Consumes bytes from data and reports how many in *consumed (never more than data.size()). It
    // stops early after the head (HeadersDone) and after a complete request (Done), so the bytes of a
    // pipelined next request stay with the caller. After HeadersDone with an empty body, the next
    // feed (even of zero bytes) returns Done.
    Progress feed(QByteArrayView data, qsizetype* consumed);

    const HttpRequest& head() const { return m_request; }
    // After HeadersDone: read the body to its end (within the body cap) but keep none of it, so a
    // request refused from its head can be skipped and the connection kept alive.
    void discardBody() { m_discard = true; }
    // Hands over the completed request and resets the parser for the next one on the connection.
    HttpRequest takeRequest();
    void reset();

    bool failed() const { return m_state == State::Failed; }
    int errorStatus() const { return m_errorStatus; }
    // Short English text for the response body (sent to the client, so not translated).
    const QByteArray& errorReason() const { return m_errorReason; }
    // Nothing of a request has arrived yet: a connection in this state is idle between requests.
    bool atRequestStart() const { return m_state == State::Start && m_line.isEmpty() && m_preamble == 0; }
    // Bytes held in memory for the request being parsed (line buffer plus body).
    qint64 bufferedBytes() const { return m_line.size() + m_request.body.size(); }
    // Body bytes read so far for the current request, kept or discarded.
    qint64 bodyBytesSeen() const { return m_bodyBytes; }
    const HttpParserLimits& limits() const { return m_limits; }

private:
    enum class State {
        Start,
        HeaderLine,
        HeadersReported,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Complete,
        Failed
    };

    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHead();
    bool parseChunkSize(QByteArrayView line);
    bool parseTrailerLine(QByteArrayView line);
    bool fail(int status, const char* reason);

    HttpParserLimits m_limits;
    State m_state = State::Start;
    HttpRequest m_request;
    QByteArray m_line;
    qsizetype m_preamble = 0;    // empty lines before the request line
    qsizetype m_headerBytes = 0; // of header lines, or of trailer lines in State::Trailer
    qint64 m_remaining = 0;      // body or chunk bytes still to read
    qint64 m_bodyBytes = 0;      // de-chunked body bytes seen, kept or not
    bool m_discard = false;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace wf::receiver
