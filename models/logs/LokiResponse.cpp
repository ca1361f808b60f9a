#include "logs/LokiResponse.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <simdjson.h>

namespace wf::logs {

namespace dom = simdjson::dom;

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("LokiResponse", text);
}

QString qstr(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool parseDoc(dom::parser& parser, QByteArrayView body, int maxDepth, dom::element& doc, QString& error)
{
    if (parser.allocate(std::size_t(body.size()) + 64, std::size_t(maxDepth))) {
        error = msg("Out of memory reading the Loki response");
        return false;
    }
    if (const auto err = parser.parse(body.data(), std::size_t(body.size())).get(doc)) {
        error = err == simdjson::DEPTH_ERROR ? msg("The Loki response is nested too deeply")
                                             : msg("The Loki response is not valid JSON (%1)")
                                                   .arg(QString::fromUtf8(simdjson::error_message(err)));
        return false;
    }
    return true;
}

// "status":"error" documents, or anything other than "success".
bool checkStatus(dom::element doc, QString& error)
{
    std::string_view status;
    if (doc["status"].get(status)) {
        error = msg("The Loki response has no \"status\"");
        return false;
    }
    if (status == "success")
        return true;
    std::string_view e;
    if (doc["error"].get(e)) {
    } // absent: the default stays
    error = msg("Loki answered with an error: %1").arg(qstr(e).left(500));
    return false;
}

bool labelObject(dom::element e, LabelList& out)
{
    dom::object o;
    if (e.get(o))
        return false;
    for (auto [k, v] : o) {
        std::string_view s;
        if (v.get(s))
            return false;
        out.emplace_back(qstr(k), qstr(s));
    }
    std::sort(out.begin(), out.end());
    return true;
}

qint64 parseNs(std::string_view s, bool& ok)
{
    ok = !s.empty() && s.size() <= 19;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') {
            ok = false;
            return 0;
        }
        if (v > (std::numeric_limits<qint64>::max() - (c - '0')) / 10) {
            ok = false; // past the year 2262
            return 0;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

struct Reader
{
    const LokiLimits& limits;
    LokiQueryResult& out;

    bool room()
    {
        if (out.entryCount < limits.maxEntries)
            return true;
        ++out.droppedEntries;
        return false;
    }

    bool streams(dom::array result)
    {
        for (dom::element s : result) {
            LokiStream stream;
            dom::element labels;
            dom::array values;
            if (s["stream"].get(labels) || !labelObject(labels, stream.labels) || s["values"].get(values)) {
                out.error = msg("A stream in the Loki response has no valid \"stream\" labels or \"values\"");
                return false;
            }
            for (dom::element v : values) {
                dom::array pair;
                std::string_view ts, line;
                if (v.get(pair) || pair.size() < 2 || pair.at(0).get(ts) || pair.at(1).get(line)) {
                    out.error = msg("A log entry in the Loki response is not [\"<ns>\", \"<line>\"]");
                    return false;
                }
                if (!room())
                    continue;
                LokiEntry entry;
                bool ok = false;
                entry.timeNs = parseNs(ts, ok);
                if (!ok) {
                    out.error = msg("A log entry in the Loki response has an invalid timestamp");
                    return false;
                }
                entry.line = truncateLine(QByteArrayView(line.data(), qsizetype(line.size())),
                                          limits.maxLineBytes, &entry.truncated);
                out.truncatedLines += entry.truncated;
                dom::element meta;
                if (pair.size() >= 3 && !pair.at(2).get(meta)) {
                    dom::element sm, parsed;
                    // A default dom::element must not be touched: track what was found.
                    const bool hasSm = !meta["structuredMetadata"].get(sm);
                    const bool hasParsed = !meta["parsed"].get(parsed);
                    bool good = true;
                    if (hasSm || hasParsed) {
                        if (hasSm && sm.type() == dom::element_type::OBJECT)
                            good &= labelObject(sm, entry.metadata);
                        if (hasParsed && parsed.type() == dom::element_type::OBJECT)
                            good &= labelObject(parsed, entry.metadata);
                        std::sort(entry.metadata.begin(), entry.metadata.end());
                    } else {
                        good = labelObject(meta, entry.metadata);
                    }
                    if (!good) {
                        out.error = msg("A log entry in the Loki response has invalid structured metadata");
                        return false;
                    }
                }
                stream.entries.push_back(std::move(entry));
                ++out.entryCount;
            }
            out.streams.push_back(std::move(stream));
        }
        return true;
    }

    bool sample(dom::element v, LokiSeries& series)
    {
        dom::array pair;
        std::string_view value;
        double t = 0;
        if (v.get(pair) || pair.size() != 2 || pair.at(0).get(t) || pair.at(1).get(value)) {
            out.error = msg("A sample in the Loki response is not [<seconds>, \"<value>\"]");
            return false;
        }
        if (!room())
            return true;
        bool ok = false;
        const double d = QByteArray(value.data(), qsizetype(value.size())).toDouble(&ok);
        const QByteArray text(value.data(), qsizetype(value.size()));
        if (!ok && text != "NaN" && text != "+Inf" && text != "-Inf") {
            out.error = msg("A sample value in the Loki response is not a number");
            return false;
        }
        series.samples.push_back(
            {qint64(t * 1000.0), ok ? d
                                    : (text == "+Inf"   ? std::numeric_limits<double>::infinity()
                                       : text == "-Inf" ? -std::numeric_limits<double>::infinity()
                                                        : std::numeric_limits<double>::quiet_NaN())});
        ++out.entryCount;
        return true;
    }

    bool matrix(dom::array result, bool vector)
    {
        for (dom::element s : result) {
            LokiSeries series;
            dom::element labels;
            if (s["metric"].get(labels) || !labelObject(labels, series.labels)) {
                out.error = msg("A series in the Loki response has no valid \"metric\" labels");
                return false;
            }
            if (vector) {
                dom::element v;
                if (s["value"].get(v) || !sample(v, series))
                    return out.error.isEmpty() ? (out.error = msg("A vector sample has no \"value\""), false)
                                               : false;
            } else {
                dom::array values;
                if (s["values"].get(values)) {
                    out.error = msg("A series in the Loki response has no \"values\"");
                    return false;
                }
                for (dom::element v : values)
                    if (!sample(v, series))
                        return false;
            }
            out.series.push_back(std::move(series));
        }
        return true;
    }
};

} // namespace

QString truncateLine(QByteArrayView utf8, int maxBytes, bool* truncated)
{
    if (utf8.size() <= maxBytes) {
        if (truncated)
            *truncated = false;
        return QString::fromUtf8(utf8);
    }
    qsizetype cut = maxBytes;
    while (cut > 0 && (quint8(utf8[cut]) & 0xC0) == 0x80) // not inside a multi-byte character
        --cut;
    if (truncated)
        *truncated = true;
    return QString::fromUtf8(utf8.first(cut)) %
           QCoreApplication::translate("LokiResponse", " … [line truncated, %1 bytes]").arg(utf8.size());
}

LokiQueryResult parseLokiQueryResponse(QByteArrayView body, const LokiLimits& limits)
{
    LokiQueryResult out;
    dom::parser parser;
    dom::element doc;
    if (!parseDoc(parser, body, limits.maxJsonDepth, doc, out.error) || !checkStatus(doc, out.error))
        return out;
    std::string_view type;
    dom::array result;
    if (doc["data"]["resultType"].get(type) || doc["data"]["result"].get(result)) {
        out.error = msg("The Loki response has no data.resultType or data.result");
        return out;
    }
    Reader r{limits, out};
    bool good = false;
    if (type == "streams") {
        out.type = LokiQueryResult::Type::Streams;
        good = r.streams(result);
    } else if (type == "matrix" || type == "vector") {
        out.type = type == "matrix" ? LokiQueryResult::Type::Matrix : LokiQueryResult::Type::Vector;
        good = r.matrix(result, type == "vector");
    } else {
        out.error = msg("Unknown Loki result type \"%1\"").arg(qstr(type).left(40));
    }
    if (!good) {
        out.streams.clear();
        out.series.clear();
        out.entryCount = 0;
    }
    return out;
}

LokiStringList parseLokiStringList(QByteArrayView body)
{
    LokiStringList out;
    dom::parser parser;
    dom::element doc;
    if (!parseDoc(parser, body, 8, doc, out.error) || !checkStatus(doc, out.error))
        return out;
    dom::element data;
    if (doc["data"].get(data)) {
        out.error = msg("The Loki response has no \"data\"");
        return out;
    }
    if (data.is_null()) // Loki answers null when there are no labels in the range
        return out;
    dom::array arr;
    if (data.get(arr)) {
        out.error = msg("The Loki response's \"data\" is not a list");
        return out;
    }
    for (dom::element e : arr) {
        std::string_view s;
        if (e.get(s)) {
            out.error = msg("The Loki response's \"data\" holds a non-string");
            out.values.clear();
            return out;
        }
        out.values.append(qstr(s));
    }
    return out;
}

QString lokiErrorText(int status, QByteArrayView body)
{
    QString text;
    dom::parser parser;
    dom::element doc;
    std::string_view e;
    if (body.trimmed().startsWith('{') && !parser.parse(body.data(), std::size_t(body.size())).get(doc) &&
        (!doc["error"].get(e) || !doc["message"].get(e)))
        text = qstr(e);
    else
        text = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 2000)));
    text = text.simplified().left(500);
    if (text.isEmpty())
        text = status == 429 ? msg("too many requests") : msg("no error text");
    return QStringLiteral("HTTP %1: %2").arg(status).arg(text);
}

} // namespace wf::logs
