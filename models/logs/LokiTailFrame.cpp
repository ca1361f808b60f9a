#include "logs/LokiTailFrame.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <simdjson.h>

namespace wf::logs {

namespace dom = simdjson::dom;

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("LokiTailFrame", text);
}

QString qstr(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool nanoseconds(std::string_view s, qint64* out)
{
    if (s.empty() || s.size() > 19)
        return false;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        if (v > (std::numeric_limits<qint64>::max() - (c - '0')) / 10)
            return false; // 19 digits can exceed qint64
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

bool labels(dom::element e, LabelList& out)
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

} // namespace

LokiTailFrame parseLokiTailFrame(QByteArrayView body, const LokiLimits& limits)
{
    LokiTailFrame out;
    const auto fail = [&out](QString error) {
        out = LokiTailFrame{};
        out.error = std::move(error);
        return out;
    };
    dom::parser parser;
    if (parser.allocate(std::size_t(body.size()) + 64, std::size_t(limits.maxJsonDepth)))
        return fail(msg(QT_TRANSLATE_NOOP("LokiTailFrame", "Out of memory reading a Loki tail message")));
    dom::element doc;
    if (const auto err = parser.parse(body.data(), std::size_t(body.size())).get(doc)) {
        return fail(
            err == simdjson::DEPTH_ERROR
                ? msg(QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail message is nested too deeply"))
                : msg(QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail message is not valid JSON (%1)"))
                      .arg(QString::fromUtf8(simdjson::error_message(err))));
    }
    if (!doc.is_object())
        return fail(msg(QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail message is not a JSON object")));
    dom::element streams;
    if (doc["streams"].get(streams) || (!streams.is_array() && !streams.is_null()))
        return fail(msg(QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail message has no \"streams\" list")));
    dom::array streamList;
    if (!streams.get(streamList)) {
        for (dom::element s : streamList) {
            LokiStream stream;
            dom::element labelValue;
            dom::array values;
            if (s["stream"].get(labelValue) || !labels(labelValue, stream.labels))
                return fail(msg(
                    QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail stream has no valid \"stream\" labels")));
            if (s["values"].get(values))
                return fail(
                    msg(QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail stream has no \"values\" list")));
            for (dom::element v : values) {
                dom::array pair;
                std::string_view ts, line;
                if (v.get(pair) || pair.size() < 2 || pair.at(0).get(ts) || pair.at(1).get(line))
                    return fail(msg(QT_TRANSLATE_NOOP("LokiTailFrame",
                                                      "A Loki tail entry is not [\"<ns>\", \"<line>\"]")));
                LokiEntry entry;
                if (!nanoseconds(ts, &entry.timeNs))
                    return fail(msg(
                        QT_TRANSLATE_NOOP("LokiTailFrame", "A Loki tail entry has an invalid timestamp")));
                if (out.entryCount >= limits.maxEntries) {
                    ++out.droppedByLimit;
                    continue;
                }
                entry.line = truncateLine(QByteArrayView(line.data(), qsizetype(line.size())),
                                          limits.maxLineBytes, &entry.truncated);
                if (pair.size() >= 3) {
                    dom::element meta;
                    if (pair.at(2).get(meta) || !labels(meta, entry.metadata))
                        entry.metadata.clear(); // categorised metadata and others: not needed for a tail
                }
                stream.entries.push_back(std::move(entry));
                ++out.entryCount;
            }
            out.streams.push_back(std::move(stream));
        }
    }
    dom::array dropped;
    if (!doc["dropped_entries"].get(dropped))
        out.droppedByLoki = qint64(dropped.size());
    return out;
}

} // namespace wf::logs
