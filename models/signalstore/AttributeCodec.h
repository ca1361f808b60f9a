#pragma once
// The compact BLOB in which the signal store keeps attribute lists (span, log record and resource
// attributes). Per attribute: a type byte (AnyValue::Type), then the key and the value's display
// string, each as a varint length and UTF-8 bytes. Values are stored as display strings because that
// is all the views show; the type byte keeps what kind of value it was at the cost of one byte.
// Decoding never trusts the bytes: a truncated or garbled blob yields the attributes before the damage.
#include "telemetry/AnyValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace wf::signalstore {

using DisplayAttributes = QList<std::pair<QString, QString>>;

// Null QByteArray for an empty list (stored as NULL).
QByteArray encodeAttributes(const telemetry::Attributes& attributes);
DisplayAttributes decodeAttributes(const QByteArray& blob);

} // namespace wf::signalstore
