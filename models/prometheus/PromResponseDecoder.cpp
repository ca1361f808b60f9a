#include "PromResponseDecoder.h"

#include "PromErrors.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QtEndian>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <simdjson.h>
#include <string_view>

namespace wf::prometheus {

namespace {

namespace od = simdjson::ondemand;

// Timestamps are float seconds; beyond this they cannot be nanoseconds in a qint64 (year 2262).
constexpr double kMaxAbsSeconds = 9.2e9;

// Parsers keep their buffers for reuse on the same worker; one that grew past this for a huge answer
// is dropped afterwards so a laptop does not carry tens of MB per pool thread.
constexpr std::size_t kKeepParserCapacity = 4 * 1024 * 1024;

bool parseSampleValue(std::string_view text, double& out)
{
    if (text.empty())
        return false;
    if (text.front() == '+')
        text.remove_prefix(1); // "+Inf": from_chars takes no plus sign
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    if (ptr != end)
        return false;
    // Out of range: from_chars leaves `out` unset; the API never sends such values, so reject.
    return ec == std::errc();
}

// What the walk found; turned into a MetricsResult at the end, when resultType is known (the API
// puts it first, but JSON objects have no order).
struct Walk
{
    const DecodeLimits& limits;
    MetricsResult result;
    QString failure; // a Malformed detail or a TooLarge message; first one wins
    bool tooLarge = false;
    qint64 samples = 0;
    qint64 histogramSamples = 0;
    qsizetype seriesSeen = 0;
    std::size_t lastSeriesSize = 0;
    const char* inputBegin = nullptr; // the document's bytes, for the fast sample scan
    const char* inputEnd = nullptr;
    bool resultIsSeries = false; // "result" was an array of objects
    bool resultIsPair = false;   // "result" was [time, "text"]
    double pairTime = 0;
    std::string pairText;
    QString resultType;
    bool hasResult = false;

    bool fail(const QString& detail)
    {
        if (failure.isEmpty())
            failure = detail;
        return false;
    }
    bool failJson(simdjson::error_code code)
    {
        return fail(QCoreApplication::translate("PromResponseDecoder", "invalid JSON (%1)")
                        .arg(QString::fromUtf8(simdjson::error_message(code))));
    }
    bool failTooLarge(const QString& message)
    {
        tooLarge = true;
        return fail(message);
    }
};

bool readTime(od::value v, double& seconds, Walk& w)
{
    if (auto err = v.get_double().get(seconds))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "a timestamp is not a number"))
                   : w.failJson(err);
    if (!std::isfinite(seconds) || std::abs(seconds) > kMaxAbsSeconds)
        return w.fail(QCoreApplication::translate("PromResponseDecoder", "a timestamp is out of range"));
    return true;
}

bool readValue(od::value v, double& value, Walk& w)
{
    // The raw token, not get_string(): numbers as text never hold escapes, so there is nothing to
    // unescape into the parser's string buffer (a third of the decode time on large answers).
    std::string_view token = v.raw_json_token();
    while (!token.empty() &&
           (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
        token.remove_suffix(1);
    std::string_view text;
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        text = token.substr(1, token.size() - 2);
        if (text.find('\\') == std::string_view::npos && parseSampleValue(text, value))
            return true;
    } else if (!token.empty() && (token.front() == '-' || (token.front() >= '0' && token.front() <= '9'))) {
        text = token; // some compatible servers send plain JSON numbers
        if (parseSampleValue(text, value))
            return true;
    } else {
        return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                  "a sample value is neither a string nor a number"));
    }
    return w.fail(
        QCoreApplication::translate("PromResponseDecoder", "a sample value is not a number: \"%1\"")
            .arg(QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 40)))));
}

// Prometheus writes timestamps as integer seconds or with up to three decimals ("1795471052.830"):
// read those exactly as milliseconds; anything else (exponents, more decimals) goes the double way.
bool fastTimeMs(std::string_view raw, qint64& ms)
{
    std::size_t i = 0;
    const bool negative = i < raw.size() && raw[i] == '-';
    if (negative)
        ++i;
    const std::size_t digitsStart = i;
    qint64 seconds = 0;
    while (i < raw.size() && raw[i] >= '0' && raw[i] <= '9' && i - digitsStart < 11)
        seconds = seconds * 10 + (raw[i++] - '0');
    if (i == digitsStart)
        return false;
    qint64 fraction = 0;
    int decimals = 0;
    if (i < raw.size() && raw[i] == '.') {
        ++i;
        while (i < raw.size() && raw[i] >= '0' && raw[i] <= '9' && decimals < 4)
            fraction = fraction * 10 + (raw[i++] - '0'), ++decimals;
        if (decimals == 0 || decimals > 3)
            return false;
    }
    // The token ends at whitespace or the next structural character.
    if (i < raw.size() && raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\n' && raw[i] != '\r' &&
        raw[i] != ',' && raw[i] != ']')
        return false;
    for (int d = decimals; d < 3; ++d)
        fraction *= 10;
    ms = seconds * 1000 + fraction;
    if (negative)
        ms = -ms;
    return true;
}

// [time, "value"]
bool readSample(od::value v, qint64& timeNs, double& value, Walk& w)
{
    od::array pair;
    if (auto err = v.get_array().get(pair))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                        "a sample is not a [time, value] pair"))
                   : w.failJson(err);
    int n = 0;
    double seconds = 0;
    for (auto element : pair) {
        od::value item;
        if (auto err = element.get(item))
            return w.failJson(err);
        if (n == 0) {
            qint64 ms = 0;
            if (fastTimeMs(item.raw_json_token(), ms)) {
                seconds = std::nan("");
                timeNs = ms * 1'000'000;
            } else if (!readTime(item, seconds, w)) {
                return false;
            }
        }
        if (n == 1 && !readValue(item, value, w))
            return false;
        if (++n > 2)
            return w.fail(
                QCoreApplication::translate("PromResponseDecoder", "a sample has more than two elements"));
    }
    if (n != 2)
        return w.fail(
            QCoreApplication::translate("PromResponseDecoder", "a sample is not a [time, value] pair"));
    if (!std::isnan(seconds))
        timeNs = std::llround(seconds * 1000.0) * 1'000'000;
    return true;
}

bool appendSample(SeriesSet& set, qint64 timeNs, double value, Walk& w)
{
    if (!set.timesNs.empty() && timeNs < set.timesNs.back())
        return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                  "the samples of a series are not in time order"));
    if (++w.samples > w.limits.maxSamples)
        return w.failTooLarge(
            QCoreApplication::translate("PromResponseDecoder",
                                        "The answer holds more than %1 samples; narrow the query or "
                                        "the time range, or choose a larger step.")
                .arg(w.limits.maxSamples));
    set.timesNs.push_back(timeNs);
    set.values.push_back(value);
    return true;
}

inline bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline const char* skipSpace(const char* p, const char* end)
{
    while (p < end && isJsonSpace(*p))
        ++p;
    return p;
}

// Eight ASCII digits at p as a number, or false when they are not all digits (the SWAR parse
// simdjson and fast_float use: four multiply-and-shift steps instead of eight loop rounds).
inline bool eightDigits(const char* p, quint64& out)
{
    quint64 x;
    std::memcpy(&x, p, 8);
    if (((x & 0xF0F0F0F0F0F0F0F0ULL) | (((x + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) !=
        0x3333333333333333ULL)
        return false;
    if constexpr (QSysInfo::ByteOrder == QSysInfo::BigEndian)
        x = qbswap(x);
    x -= 0x3030303030303030ULL;
    x = (x * 10) + (x >> 8);
    x = (((x & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
         (((x >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
        32;
    out = x;
    return true;
}

// The shape Prometheus writes for a range of samples, read straight from the bytes:
// [[<seconds>[.<1-3 digits>],"<number without escapes>"],...]. Returns the position after the closing
// bracket, or nullptr on anything else (exponent times, escapes, numbers as values, disorder, a limit
// hit); the caller then clears what was appended and decodes the array the generic way, which
// reports precisely. On-Demand iteration of every sample (two array iterators, a type check and a
// token copy per sample) was half of the decode time; here a sample is a few compares, one SWAR
// digit parse for the time and one from_chars that also finds the closing quote.
const char* scanSamples(const char* p, const char* end, SeriesSet& set, Walk& w)
{
    p = skipSpace(p, end);
    if (p == end || *p != '[')
        return nullptr;
    p = skipSpace(p + 1, end);
    if (p < end && *p == ']')
        return p + 1;
    qint64 lastMs = std::numeric_limits<qint64>::min();
    while (p < end) {
        if (*p != '[')
            return nullptr;
        p = skipSpace(p + 1, end);
        // Timestamp: integer seconds (at most 11 digits) with up to three decimals, exactly as ms.
        const char* digits = p;
        qint64 seconds = 0;
        if (quint64 eight = 0; end - p >= 8 && eightDigits(p, eight)) {
            seconds = qint64(eight);
            p += 8;
        }
        while (p < end && unsigned(*p - '0') < 10 && p - digits < 11)
            seconds = seconds * 10 + (*p++ - '0');
        if (p == digits || (p < end && unsigned(*p - '0') < 10))
            return nullptr;
        qint64 fraction = 0;
        int decimals = 0;
        if (p < end && *p == '.') {
            ++p;
            while (p < end && unsigned(*p - '0') < 10 && decimals < 4)
                fraction = fraction * 10 + (*p++ - '0'), ++decimals;
            if (decimals == 0 || decimals > 3)
                return nullptr;
        }
        for (int d = decimals; d < 3; ++d)
            fraction *= 10;
        const qint64 ms = seconds * 1000 + fraction;
        if (ms < lastMs)
            return nullptr;
        lastMs = ms;
        if (p < end && *p == ',')
            ++p;
        else if (p = skipSpace(p, end); p < end && *p == ',')
            p = skipSpace(p + 1, end);
        else
            return nullptr;
        if (p == end || *p != '"')
            return nullptr;
        ++p;
        if (p < end && *p == '+')
            ++p; // "+Inf": from_chars takes no plus sign
        // from_chars stops at the first character that cannot continue the number: the closing quote
        // for a well-formed value, anything else (an escape, text) sends the array the generic way.
        double value = 0;
        const auto [after, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || after == p || after == end || *after != '"')
            return nullptr;
        p = after + 1;
        if (p < end && *p == ']')
            ++p;
        else if (p = skipSpace(p, end); p < end && *p == ']')
            ++p;
        else
            return nullptr;
        if (++w.samples > w.limits.maxSamples)
            return nullptr;
        set.timesNs.push_back(ms * 1'000'000);
        set.values.push_back(value);
        p = skipSpace(p, end);
        if (p == end)
            return nullptr;
        if (*p == ']')
            return p + 1;
        if (*p != ',')
            return nullptr;
        p = skipSpace(p + 1, end);
    }
    return nullptr;
}

// [[time, "value"], ...] into `set`: the fast scan when the bytes have the usual shape, else On-Demand.
bool readSamples(od::value value, SeriesSet& set, Walk& w)
{
    // Where the array starts in the input (taken before entering it); the scan may read to the end of
    // the input, never past it.
    const char* start = value.raw_json_token().data();
    od::array samples;
    if (auto err = value.get_array().get(samples))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "\"values\" is not an array"))
                   : w.failJson(err);
    if (w.inputEnd && start >= w.inputBegin && start < w.inputEnd && *start == '[') {
        const qint64 samplesBefore = w.samples;
        const std::size_t sizeBefore = set.values.size();
        if (const char* after = scanSamples(start, w.inputEnd, set, w)) {
            // Let On-Demand skip the same array (cheap: it follows its structural index) and check it
            // ends where the scan did, so both always agree on the document.
            std::string_view raw;
            if (auto err = samples.raw_json().get(raw))
                return w.failJson(err);
            const char* rawEnd = raw.data() + raw.size();
            while (rawEnd > raw.data() && isJsonSpace(rawEnd[-1]))
                --rawEnd;
            if (raw.data() != start || rawEnd != after)
                return w.fail(
                    QCoreApplication::translate("PromResponseDecoder", "\"values\" is not an array"));
            return true;
        }
        w.samples = samplesBefore;
        set.timesNs.resize(sizeBefore);
        set.values.resize(sizeBefore);
    }
    for (auto element : samples) {
        od::value sample;
        if (auto err = element.get(sample))
            return w.failJson(err);
        qint64 t = 0;
        double x = 0;
        if (!readSample(sample, t, x, w) || !appendSample(set, t, x, w))
            return false;
    }
    return true;
}

bool readLabels(od::value v, SeriesSet& set, Walk& w)
{
    od::object object;
    if (auto err = v.get_object().get(object))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "\"metric\" is not an object"))
                   : w.failJson(err);
    qsizetype bytes = 0;
    for (auto field : object) {
        std::string_view key;
        if (auto err = field.unescaped_key().get(key))
            return w.failJson(err);
        const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
        std::string_view text;
        if (auto err = field.value().get_string().get(text))
            return err == simdjson::INCORRECT_TYPE
                       ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                            "a label value is not a string"))
                       : w.failJson(err);
        bytes += qsizetype(key.size() + text.size());
        if (bytes > w.limits.maxLabelBytes)
            return w.failTooLarge(QCoreApplication::translate("PromResponseDecoder",
                                                              "A series has more than %1 bytes of labels.")
                                      .arg(w.limits.maxLabelBytes));
        set.labels.append({name, QString::fromUtf8(text.data(), qsizetype(text.size()))});
    }
    return true;
}

// Counts native histogram samples without decoding them: one for "histogram", one per element of
// "histograms".
bool countHistograms(od::value v, bool many, Walk& w)
{
    if (!many) {
        ++w.histogramSamples;
        return true;
    }
    od::array items;
    if (auto err = v.get_array().get(items))
        return err == simdjson::INCORRECT_TYPE ? w.fail(QCoreApplication::translate(
                                                     "PromResponseDecoder", "\"histograms\" is not an array"))
                                               : w.failJson(err);
    std::size_t count = 0;
    if (auto err = items.count_elements().get(count))
        return w.failJson(err);
    w.histogramSamples += qint64(count);
    return true;
}

bool readSeriesItem(od::value v, Walk& w)
{
    od::object object;
    if (auto err = v.get_object().get(object))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                        "a result element is not an object"))
                   : w.failJson(err);
    const bool keep = w.seriesSeen < w.limits.maxSeries;
    ++w.seriesSeen;
    if (!keep) {
        w.result.truncated = true;
        return true; // the rest of the element is skipped by the iterator
    }
    SeriesSet set;
    // Series of one answer usually have the same length: sizing for the previous one saves the
    // regrowth of two large columns per series.
    set.timesNs.reserve(w.lastSeriesSize);
    set.values.reserve(w.lastSeriesSize);
    bool sawMetric = false, sawValues = false, sawHistograms = false;
    for (auto field : object) {
        std::string_view key;
        if (auto err = field.unescaped_key().get(key))
            return w.failJson(err);
        od::value value;
        if (auto err = field.value().get(value))
            return w.failJson(err);
        if (key == "metric") {
            if (sawMetric)
                return w.fail(
                    QCoreApplication::translate("PromResponseDecoder", "a series has \"metric\" twice"));
            sawMetric = true;
            if (!readLabels(value, set, w))
                return false;
        } else if (key == "values") {
            if (sawValues)
                return w.fail(
                    QCoreApplication::translate("PromResponseDecoder", "a series has its samples twice"));
            sawValues = true;
            if (!readSamples(value, set, w))
                return false;
        } else if (key == "value") {
            if (sawValues)
                return w.fail(
                    QCoreApplication::translate("PromResponseDecoder", "a series has its samples twice"));
            sawValues = true;
            qint64 t = 0;
            double x = 0;
            if (!readSample(value, t, x, w) || !appendSample(set, t, x, w))
                return false;
        } else if (key == "histogram" || key == "histograms") {
            sawHistograms = true;
            if (!countHistograms(value, key == "histograms", w))
                return false;
        }
    }
    if (!sawMetric)
        return w.fail(QCoreApplication::translate("PromResponseDecoder", "a series has no \"metric\""));
    if (!sawValues && !sawHistograms)
        return w.fail(QCoreApplication::translate("PromResponseDecoder", "a series has no samples"));
    if (sawValues) {
        w.lastSeriesSize = std::min<std::size_t>(set.values.size(), 1'000'000);
        w.result.series.push_back(std::move(set));
    }
    return true;
}

bool readResult(od::value v, Walk& w)
{
    if (w.hasResult)
        return w.fail(QCoreApplication::translate("PromResponseDecoder", "\"result\" appears twice"));
    w.hasResult = true;
    od::array items;
    if (auto err = v.get_array().get(items))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "\"result\" is not an array"))
                   : w.failJson(err);
    int index = 0;
    for (auto element : items) {
        od::value item;
        if (auto err = element.get(item))
            return w.failJson(err);
        od::json_type type;
        if (auto err = item.type().get(type))
            return w.failJson(err);
        if (type == od::json_type::object && !w.resultIsPair) {
            w.resultIsSeries = true;
            if (!readSeriesItem(item, w))
                return false;
        } else if (!w.resultIsSeries && index == 0) {
            w.resultIsPair = true;
            if (!readTime(item, w.pairTime, w))
                return false;
        } else if (!w.resultIsSeries && index == 1) {
            std::string_view text;
            if (auto err = item.get_string().get(text))
                return err == simdjson::INCORRECT_TYPE
                           ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                                "a scalar or string result is "
                                                                "not [time, \"text\"]"))
                           : w.failJson(err);
            w.pairText.assign(text);
        } else {
            return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                      "\"result\" mixes series with other values"));
        }
        ++index;
    }
    if (w.resultIsPair && index != 2)
        return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                  "a scalar or string result is not [time, \"text\"]"));
    return true;
}

bool readData(od::value v, Walk& w)
{
    od::object object;
    if (auto err = v.get_object().get(object))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "\"data\" is not an object"))
                   : w.failJson(err);
    for (auto field : object) {
        std::string_view key;
        if (auto err = field.unescaped_key().get(key))
            return w.failJson(err);
        od::value value;
        if (auto err = field.value().get(value))
            return w.failJson(err);
        if (key == "resultType") {
            std::string_view type;
            if (auto err = value.get_string().get(type))
                return err == simdjson::INCORRECT_TYPE
                           ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                                "\"resultType\" is not a string"))
                           : w.failJson(err);
            w.resultType = QString::fromUtf8(type.data(), qsizetype(type.size()));
        } else if (key == "result") {
            if (!readResult(value, w))
                return false;
        }
    }
    return true;
}

bool readStrings(od::value v, QStringList& out, Walk& w, const char* what)
{
    od::array items;
    if (auto err = v.get_array().get(items))
        return err == simdjson::INCORRECT_TYPE
                   ? w.fail(QCoreApplication::translate("PromResponseDecoder", "\"%1\" is not an array")
                                .arg(QLatin1String(what)))
                   : w.failJson(err);
    for (auto element : items) {
        std::string_view text;
        if (auto err = element.get_string().get(text))
            return err == simdjson::INCORRECT_TYPE
                       ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                            "\"%1\" holds something else than text")
                                    .arg(QLatin1String(what)))
                       : w.failJson(err);
        if (out.size() < 100)
            out.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
    }
    return true;
}

od::parser& workerParser(std::unique_ptr<od::parser>& slot)
{
    if (!slot)
        slot = std::make_unique<od::parser>();
    return *slot;
}

// Turns a finished walk into the panel's result: the type checked against what "result" held.
bool finishSeries(Walk& w, const QString& status)
{
    if (status != QLatin1String("success"))
        return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                  "\"status\" is neither \"success\" nor \"error\""));
    if (!w.hasResult || w.resultType.isEmpty())
        return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                  "\"data\" lacks \"resultType\" or \"result\""));
    MetricsResult& r = w.result;
    if (w.resultType == QLatin1String("matrix") || w.resultType == QLatin1String("vector")) {
        if (w.resultIsPair)
            return w.fail(QCoreApplication::translate("PromResponseDecoder", "a %1 result holds a scalar")
                              .arg(w.resultType));
        r.resultType = w.resultType == QLatin1String("matrix") ? ResultType::Matrix : ResultType::Vector;
        if (r.resultType == ResultType::Vector) {
            for (const SeriesSet& s : r.series)
                if (s.values.size() != 1)
                    return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                              "a vector element holds a range of samples"));
        }
    } else if (w.resultType == QLatin1String("scalar")) {
        if (!w.resultIsPair)
            return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                      "a scalar result is not [time, \"value\"]"));
        double value = 0;
        if (!parseSampleValue(w.pairText, value))
            return w.fail(QCoreApplication::translate("PromResponseDecoder", "the scalar is not a number"));
        r.resultType = ResultType::Scalar;
        SeriesSet set;
        set.timesNs.push_back(std::llround(w.pairTime * 1000.0) * 1'000'000);
        set.values.push_back(value);
        r.series.push_back(std::move(set));
    } else if (w.resultType == QLatin1String("string")) {
        if (!w.resultIsPair)
            return w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                      "a string result is not [time, \"text\"]"));
        r.resultType = ResultType::String;
        r.text = QString::fromUtf8(w.pairText.data(), qsizetype(w.pairText.size()));
    } else {
        return w.fail(QCoreApplication::translate("PromResponseDecoder", "unknown resultType \"%1\"")
                          .arg(w.resultType.left(40)));
    }
    if (r.truncated)
        r.warnings.append(
            QCoreApplication::translate("PromResponseDecoder",
                                        "Only the first %1 of %2 series are shown; narrow the query.")
                .arg(w.limits.maxSeries)
                .arg(w.seriesSeen));
    if (w.histogramSamples > 0) {
        // Computed outside translate(): lupdate's parser hangs on template arguments inside its call.
        const int samples = int(std::min<qint64>(w.histogramSamples, INT_MAX));
        r.warnings.append(QCoreApplication::translate(
            "PromResponseDecoder",
            "%n native histogram sample(s) were not shown: native histograms are not "
            "supported yet; query them with histogram_quantile() or histogram_count().",
            nullptr, samples));
    }
    return true;
}

} // namespace

MetricsResult decodeQueryResponse(const QByteArray& body, int httpStatus, const DecodeLimits& limits)
{
    if (looksLikeMarkup(body) || body.trimmed().isEmpty()) {
        MetricsResult r;
        r.error = notPrometheusError(body, httpStatus);
        return r;
    }

    // On-Demand stops at the end of the top-level object; anything after it is checked here.
    if (!body.trimmed().endsWith('}')) {
        MetricsResult r;
        r.error = body.trimmed().startsWith('{')
                      ? malformedError(QCoreApplication::translate(
                            "PromResponseDecoder", "invalid JSON (incomplete, or content after its end)"))
                      : notPrometheusError(body, httpStatus);
        return r;
    }

    thread_local std::unique_ptr<od::parser> parserSlot;
    od::parser& parser = workerParser(parserSlot);
    struct Release
    {
        std::unique_ptr<od::parser>& slot;
        ~Release()
        {
            if (slot && slot->capacity() > kKeepParserCapacity)
                slot.reset();
        }
    } release{parserSlot};

    std::optional<simdjson::padded_string> copy;
    simdjson::padded_string_view input;
    const auto size = std::size_t(body.size());
    if (std::size_t(body.capacity()) >= size + simdjson::SIMDJSON_PADDING) {
        input = simdjson::padded_string_view(body.constData(), size, std::size_t(body.capacity()));
    } else {
        copy.emplace(body.constData(), size);
        input = simdjson::padded_string_view(*copy);
    }

    Walk w{limits, {}, {}};
    w.inputBegin = input.data();
    w.inputEnd = input.data() + input.size();
    QString status, errorType, errorText;
    bool sawData = false;
    bool sawStatus = false;
    const auto walkDocument = [&]() -> bool {
        od::document doc;
        if (auto err = parser.iterate(input).get(doc))
            return w.failJson(err);
        od::object top;
        if (auto err = doc.get_object().get(top))
            return err == simdjson::INCORRECT_TYPE ? false : w.failJson(err);
        for (auto field : top) {
            std::string_view key;
            if (auto err = field.unescaped_key().get(key))
                return w.failJson(err);
            od::value value;
            if (auto err = field.value().get(value))
                return w.failJson(err);
            if (key == "status" || key == "errorType" || key == "error") {
                std::string_view text;
                if (auto err = value.get_string().get(text))
                    return err == simdjson::INCORRECT_TYPE
                               ? w.fail(QCoreApplication::translate("PromResponseDecoder",
                                                                    "\"%1\" is not a string")
                                            .arg(QString::fromUtf8(key.data(), qsizetype(key.size()))))
                               : w.failJson(err);
                const QString s = QString::fromUtf8(text.data(), qsizetype(text.size()));
                if (key == "status") {
                    status = s;
                    sawStatus = true;
                } else if (key == "errorType") {
                    errorType = s;
                } else {
                    errorText = s;
                }
            } else if (key == "data") {
                sawData = true;
                if (!readData(value, w))
                    return false;
            } else if (key == "warnings") {
                if (!readStrings(value, w.result.warnings, w, "warnings"))
                    return false;
            } else if (key == "infos") {
                if (!readStrings(value, w.result.infos, w, "infos"))
                    return false;
            }
        }
        return true;
    };

    const bool walked = walkDocument();
    MetricsResult& r = w.result;
    if (!walked && w.failure.isEmpty()) { // top level is not an object
        MetricsResult out;
        out.error = notPrometheusError(body, httpStatus);
        return out;
    }
    if (walked && sawStatus && status == QLatin1String("error")) {
        MetricsResult out;
        out.error = errorFromEnvelope(errorType, errorText, httpStatus);
        out.warnings = r.warnings;
        out.infos = r.infos;
        return out;
    }
    if (walked && !sawStatus) {
        MetricsResult out;
        out.error = notPrometheusError(body, httpStatus);
        if (out.error.kind == MetricsErrorKind::NotPrometheus)
            out.error.message = QCoreApplication::translate(
                "PromResponseDecoder",
                "The server's answer is JSON but not the Prometheus API (no \"status\").");
        return out;
    }
    if (walked && httpStatus >= 400) {
        MetricsResult out;
        out.error = errorFromStatus(httpStatus, body);
        return out;
    }
    if (walked && !sawData) {
        MetricsResult out;
        out.error = malformedError(QCoreApplication::translate("PromResponseDecoder", "\"data\" is missing"));
        return out;
    }
    if (!walked || !finishSeries(w, status)) {
        MetricsResult out;
        if (w.tooLarge) {
            out.error.kind = MetricsErrorKind::TooLarge;
            out.error.message = w.failure;
        } else {
            out.error = malformedError(w.failure);
        }
        out.error.httpStatus = httpStatus;
        return out;
    }
    return std::move(w.result);
}

} // namespace wf::prometheus
