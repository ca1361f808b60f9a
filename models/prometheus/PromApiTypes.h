#pragma once
// Results of the Prometheus API's smaller endpoints (labels, series, metadata, rules, alerts, targets,
// build info): plain values for the panel editor's autocomplete and for health views.
#include "MetricsTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace wf::prometheus {

using LabelSet = QList<std::pair<QString, QString>>;

template<typename T>
struct PromApiResult
{
    MetricsError error;
    T value{};
    QStringList warnings;
    QStringList infos;
    bool ok() const { return !error.isError(); }
};

struct MetricMetadata
{
    QString metric;
    QString type; // counter, gauge, histogram, summary, unknown, ...
    QString help;
    QString unit;
};

struct PromRule
{
    QString group;
    QString file;
    QString name;
    QString type; // "alerting" or "recording"
    QString query;
    QString health; // ok, err, unknown
    QString lastError;
    QString state; // alerting rules: inactive, pending, firing
    double durationS = 0;
    LabelSet labels;
    LabelSet annotations;
};

struct PromAlert
{
    LabelSet labels;
    LabelSet annotations;
    QString state; // pending, firing
    QString activeAt;
    QString value;
};

struct PromTarget
{
    QString scrapePool;
    QString scrapeUrl;
    QString health; // up, down, unknown
    QString lastError;
    QString lastScrape;
    double lastScrapeDurationS = 0;
    QString scrapeInterval;
    LabelSet labels;
};

struct PromBuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString buildUser;
    QString buildDate;
    QString goVersion;
};

} // namespace wf::prometheus
