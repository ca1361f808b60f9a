#pragma once
// Decoders for the Prometheus API's small answers (QJsonDocument is fast enough for these: they are
// kilobytes, and still decoded on a worker thread). Same envelope and error handling as the query
// decoder: the server's error text kept, proxy pages and non-API JSON rejected, every field
// type-checked, unknown fields ignored, list sizes bounded.
#include "PromApiTypes.h"

#include <QByteArray>

namespace wf::prometheus {

// Endpoints answering a list of strings: /labels, /label/<name>/values.
PromApiResult<QStringList> decodeStringList(const QByteArray& body, int httpStatus, qsizetype maxItems);
// /series: a list of label sets.
PromApiResult<QList<LabelSet>> decodeSeriesList(const QByteArray& body, int httpStatus, qsizetype maxItems);
// /metadata: sorted by metric name; a metric with several entries keeps the first.
PromApiResult<QList<MetricMetadata>> decodeMetadata(const QByteArray& body, int httpStatus,
                                                    qsizetype maxItems);
PromApiResult<QList<PromRule>> decodeRules(const QByteArray& body, int httpStatus, qsizetype maxItems);
PromApiResult<QList<PromAlert>> decodeAlerts(const QByteArray& body, int httpStatus, qsizetype maxItems);
// /targets: the active targets.
PromApiResult<QList<PromTarget>> decodeTargets(const QByteArray& body, int httpStatus, qsizetype maxItems);
PromApiResult<PromBuildInfo> decodeBuildInfo(const QByteArray& body, int httpStatus);
// /status/config: the running configuration as YAML text.
PromApiResult<QString> decodeConfigYaml(const QByteArray& body, int httpStatus);

} // namespace wf::prometheus
