#pragma once
// Decodes the body of /api/v1/query and /api/v1/query_range (matrix, vector, scalar, string) straight
// into columnar series with simdjson On-Demand. Pure and thread-safe; callers run it on a worker thread
// (PrometheusClient does), never on the UI thread: a 30 MB answer still takes tens of milliseconds.
//
// Every field is type-checked; unknown fields (VictoriaMetrics' "stats", Thanos' extras) are skipped.
// Sample values are strings as the API sends them ("1.5", "NaN", "+Inf", "-Inf"; numbers accepted too);
// timestamps become nanoseconds at millisecond precision, ascending within a series or rejected.
// Native histogram samples ("histogram"/"histograms") are not decoded: they are counted and reported
// in a warning, and their series are dropped when they carry no float samples.
#include "MetricsTypes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wf::prometheus {

// `httpStatus` is the status the body came with (0 when unknown): an error envelope or a non-JSON
// error body is described with it. A QByteArray with spare capacity is parsed in place; otherwise the
// body is copied once into a padded buffer.
MetricsResult decodeQueryResponse(const QByteArray& body, int httpStatus = 200,
                                  const DecodeLimits& limits = {});

} // namespace wf::prometheus
