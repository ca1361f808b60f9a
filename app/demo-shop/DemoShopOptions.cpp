#include "DemoShopOptions.h"

#include <QCommandLineParser>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::demoshop {

// Plain English, not tr(): a developer tool started by `watchfloor --demo`, whose text the user never
// sees in the app; translating it would only add work to translations/.
namespace {

// Parses a finite number in [low, high]; sets error otherwise.
bool readNumber(const QCommandLineParser& p, const QString& name, double low, double high, double& out,
                QString& error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < low || v > high) {
        error = u"--%1 must be a number from %2 to %3"_s.arg(name).arg(low).arg(high);
        return false;
    }
    out = v;
    return true;
}

} // namespace

DemoShopOptions parseDemoShopOptions(const QStringList& arguments)
{
    DemoShopOptions o;
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Simulates a small shop and sends its traces, logs and metrics over OTLP/HTTP JSON."_s);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);
    p.addOption(help);
    p.addOptions({
        {u"endpoint"_s, u"OTLP/HTTP base URL (default %1)."_s.arg(o.endpoint.toString()), u"url"_s},
        {u"seed"_s, u"Random seed; the same seed gives the same telemetry (default 1)."_s, u"n"_s},
        {u"speed"_s, u"Simulated seconds per real second (default 1)."_s, u"x"_s},
        {u"failure-after"_s, u"Simulated seconds before the payments DB pool starts to fail (default 60)."_s,
         u"seconds"_s},
        {u"control-port"_s, u"Port of the control endpoint on 127.0.0.1 (default 0: any free port)."_s,
         u"port"_s},
        {u"rate"_s, u"User requests per simulated second (default 20)."_s, u"n"_s},
        {u"duration"_s, u"Stop after this many simulated seconds (default: run until terminated)."_s,
         u"seconds"_s},
        {u"exit-on-stdin-close"_s,
         u"Exit when standard input reaches end of file (for parents that keep a pipe open)."_s},
    });
    o.helpText = p.helpText();
    if (!p.parse(arguments)) {
        o.error = p.errorText();
        return o;
    }
    if (p.isSet(help)) {
        o.showHelp = true;
        return o;
    }
    if (!p.positionalArguments().isEmpty()) {
        o.error = u"unexpected argument: %1"_s.arg(p.positionalArguments().first());
        return o;
    }

    if (p.isSet(u"endpoint"_s)) {
        const QUrl url(p.value(u"endpoint"_s), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
            o.error = u"--endpoint must be an http(s) URL, e.g. http://127.0.0.1:4318"_s;
            return o;
        }
        o.endpoint = url;
    }
    if (p.isSet(u"seed"_s)) {
        bool ok = false;
        o.seed = p.value(u"seed"_s).toULongLong(&ok);
        if (!ok) {
            o.error = u"--seed must be a non-negative integer"_s;
            return o;
        }
    }
    double port = 0;
    if (!readNumber(p, u"speed"_s, 0.01, 1000, o.speed, o.error) ||
        !readNumber(p, u"failure-after"_s, 0, 1e7, o.failureAfterS, o.error) ||
        !readNumber(p, u"rate"_s, 0.1, 2000, o.rate, o.error) ||
        !readNumber(p, u"duration"_s, 0, 1e7, o.durationS, o.error) ||
        !readNumber(p, u"control-port"_s, 0, 65535, port, o.error))
        return o;
    if (port != std::floor(port)) {
        o.error = u"--control-port must be an integer"_s;
        return o;
    }
    o.controlPort = static_cast<quint16>(port);
    o.exitOnStdinClose = p.isSet(u"exit-on-stdin-close"_s);
    return o;
}

} // namespace wf::demoshop
