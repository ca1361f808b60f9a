#include "otlp/DecodeResult.h"

#include <QCoreApplication>

namespace wf::otlp {

namespace {

using Code = DecodeError::Code;

// Source texts, also the English messages. QT_TRANSLATE_NOOP lets lupdate find them; message()
// translates at render time, so the same error reads in the UI language and in English on the wire.
const char* sourceText(Code code)
{
    switch (code) {
    case Code::InvalidJson:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "the body is not valid JSON (%1)");
    case Code::InvalidProtobuf:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "the body is not a valid protobuf message (%1)");
    case Code::EmptyBody:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "the body is empty");
    case Code::ExpectedType:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "expected %1, got %2");
    case Code::HexLength:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "expected %1 hex characters, got %2");
    case Code::NotHex:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "contains a character that is not a hex digit");
    case Code::ZeroId:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "an id of all zeros is invalid");
    case Code::MissingField:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "required field is missing");
    case Code::NumberOutOfRange:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "number out of range: %1");
    case Code::InvalidNumber:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "expected an integer, got %1");
    case Code::UnknownEnum:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "unknown enum value %1");
    case Code::InvalidBase64:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "invalid base64");
    case Code::ValueTooDeep:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "values nested deeper than %1 levels");
    case Code::JsonTooDeep:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "JSON nested deeper than %1 levels");
    case Code::TooManyItems:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "more than %1 items in one request; the rest were rejected");
    case Code::TooManyBuckets:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "more than %1 values");
    case Code::BucketCountMismatch:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "expected %1 bucket counts, got %2");
    case Code::ConflictingFields:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "more than one data field (gauge, sum, histogram, ...)");
    case Code::EndBeforeStart:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "end time is before start time");
    case Code::IdLength:
        return QT_TRANSLATE_NOOP("OtlpDecoder", "expected %1 bytes, got %2");
    }
    return "";
}

// JSON type names used as arguments of ExpectedType.
const char* const kTypeNames[] = {
    QT_TRANSLATE_NOOP("OtlpDecoder", "an object"), QT_TRANSLATE_NOOP("OtlpDecoder", "an array"),
    QT_TRANSLATE_NOOP("OtlpDecoder", "a string"),  QT_TRANSLATE_NOOP("OtlpDecoder", "a number"),
    QT_TRANSLATE_NOOP("OtlpDecoder", "a boolean"), QT_TRANSLATE_NOOP("OtlpDecoder", "null"),
};

QString translatedArg(const QString& arg, bool translate)
{
    if (!translate)
        return arg;
    const QByteArray utf8 = arg.toUtf8();
    for (const char* name : kTypeNames)
        if (utf8 == name)
            return QCoreApplication::translate("OtlpDecoder", name);
    return arg;
}

QString render(const DecodeError& e, bool translate)
{
    const char* src = sourceText(e.code);
    QString text = translate ? QCoreApplication::translate("OtlpDecoder", src) : QString::fromUtf8(src);
    // One multi-argument arg() call, so a % sequence inside an argument (sender content) is never
    // substituted again.
    if (text.contains(QLatin1String("%2")))
        text = text.arg(translatedArg(e.arg1, translate), translatedArg(e.arg2, translate));
    else if (text.contains(QLatin1String("%1")))
        text = text.arg(translatedArg(e.arg1, translate));
    return e.path.isEmpty() ? text : e.path + QStringLiteral(": ") + text;
}

QString joined(const DecodeStatus& s, bool translate)
{
    QStringList parts;
    for (const DecodeError& e : s.errors)
        parts << render(e, translate);
    const qint64 more = s.errorCount - s.errors.size();
    if (more > 0) {
        const char* src = QT_TRANSLATE_NOOP("OtlpDecoder", "%1 more errors");
        parts << (translate ? QCoreApplication::translate("OtlpDecoder", src) : QString::fromUtf8(src))
                     .arg(more);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString DecodeError::message() const
{
    return render(*this, true);
}

QString DecodeError::englishMessage() const
{
    return render(*this, false);
}

QString DecodeStatus::errorText() const
{
    return joined(*this, true);
}

QString DecodeStatus::englishErrorText() const
{
    return joined(*this, false);
}

} // namespace wf::otlp
