#pragma once

// Log files opened from disk, for the offline case: plain text or JSON lines, gzip-compressed or not
// (detected from the content, not the name). Each line gets a timestamp and level when it carries
// them; continuation lines (indented, or without a timestamp in a file whose lines have one) are
// joined to the previous message, so a stack trace stays one message. Lines longer than
// maxLineBytes are cut with a marker; nothing is ever held unbounded.
//
// Blocking: call from a worker thread (the widget layer runs it off the UI thread).

#include <QByteArrayView>
#include <QString>

#include <utility>
#include <vector>

namespace wf::logs {

enum class LogLevel : quint8 { Unknown, Trace, Debug, Info, Warn, Error, Fatal };

struct LogFileLine
{
    qint64 timeNs = 0; // 0: no timestamp found
    LogLevel level = LogLevel::Unknown;
    QString message; // for JSON lines the message field, else the whole line (joined continuations)
    std::vector<std::pair<QString, QString>> fields; // JSON lines: other scalar fields (first 32)
    qint64 lineNumber = 0;                           // 1-based, of the first physical line
    bool truncated = false;
};

struct LogFileOptions
{
    int maxLineBytes = 1024 * 1024;
    qint64 maxLines = 5'000'000;                // messages kept; more are counted in droppedLines
    qint64 maxBytes = 8LL * 1024 * 1024 * 1024; // decompressed bytes read at most
    int maxJoinedLines = 500;                   // continuation lines joined into one message
};

struct LogFileResult
{
    std::vector<LogFileLine> lines;
    QString error; // the file could not be read at all
    bool gzip = false;
    bool jsonLines = false; // most lines were JSON objects
    qint64 bytesRead = 0;   // decompressed
    qint64 physicalLines = 0;
    qint64 truncatedLines = 0;
    qint64 droppedLines = 0;
    bool stoppedAtMaxBytes = false;
    bool ok() const { return error.isEmpty(); }
};

LogFileResult readLogFile(const QString& path, const LogFileOptions& options = {});
// The same on bytes already in memory (not compressed).
LogFileResult parseLogText(QByteArrayView text, const LogFileOptions& options = {});

// Level words ("ERROR", "warn", "[E]" is not one) among the first tokens of a line, or "level=..."
LogLevel detectLevel(QStringView line);
LogLevel levelFromName(QStringView name);
// ISO 8601 / RFC 3339 at the start of the line ("2026-01-01T10:00:00.123Z", "2026-01-01 10:00:00,123",
// "+02:00" offsets); 0 when there is none. `consumed` receives its length.
qint64 parseLeadingTimestamp(QStringView line, qsizetype* consumed = nullptr);
QString levelName(LogLevel level);

} // namespace wf::logs
