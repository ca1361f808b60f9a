#pragma once

// Perses dashboards are often kept as YAML (percli, dashboards-as-code). This turns a YAML document
// into the JSON object the importer reads, within the same size and depth bounds as JSON files.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf::dashboard {

// The document's root mapping, or nullopt with `error` set (translated) when the bytes are not YAML,
// not a mapping, or nest deeper than kMaxJsonDepth. Plain scalars become numbers, booleans or null
// where YAML says so; quoted scalars stay strings.
std::optional<QJsonObject> yamlToJson(const QByteArray& bytes, QString* error);

} // namespace wf::dashboard
