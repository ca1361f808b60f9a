#pragma once
// Turns a step and bound parameter values into exactly what will be executed or sent, and the
// dry-run text that shows it. Each value goes in through the encoding of the place it lands in:
// argv elements take it whole (one element, never split or interpreted by a shell), URLs
// percent-encoded (a value cannot add a path segment, a query parameter or a fragment), header
// values only without control characters, JSON bodies as escaped string values, PromQL as the body of
// a quoted string. The masked rendering replaces secret values and credential headers with "***".
#include "net/HttpTypes.h"
#include "runbook/ParameterBinding.h"
#include "runbook/Runbook.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace wf::runbook {

inline constexpr QLatin1StringView kMask{"***"};

struct RenderedCommand
{
    QString program; // absolute path, resolved the way QProcess would
    QStringList arguments;
    QProcessEnvironment environment{QProcessEnvironment::InheritFromParent}; // replaced when rendered
    QStringList environmentNames; // the allow-listed names that were set
    QString workingDirectory;
};

struct RenderedHttp
{
    QByteArray method;
    QUrl url;
    net::HttpHeaders headers;
    QByteArray body;
};

struct RenderedStep
{
    QString error; // non-empty: the step cannot run (translated)
    RenderedCommand command;
    RenderedHttp http;
    CheckAction check;  // with placeholders filled in
    QStringList dryRun; // lines, masked: what the runner shows and writes to the timeline
    bool ok() const { return error.isEmpty(); }
};

// `environment` is the one allow-listed names are copied from (Watchfloor's own, in production).
RenderedStep renderStep(const Step& step, const BoundParameters& parameters,
                        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

bool isCredentialHeader(QByteArrayView name);

} // namespace wf::runbook
