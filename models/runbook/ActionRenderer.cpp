#include "runbook/ActionRenderer.h"

#include "runbook/Template.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace wf::runbook {

namespace {

using Encoder = std::function<QString(const QString&)>;

// Values as they go into each place; `masked` replaces secrets, for the dry-run text.
Encoder raw(const BoundParameters& p, bool masked)
{
    return [&p, masked](const QString& name) {
        return masked && p.isSecret(name) ? QString(kMask) : p.value(name);
    };
}

Encoder urlComponent(const BoundParameters& p, bool masked)
{
    return [&p, masked](const QString& name) {
        if (masked && p.isSecret(name))
            return QString(kMask);
        return QString::fromLatin1(QUrl::toPercentEncoding(p.value(name)));
    };
}

Encoder promqlString(const BoundParameters& p, bool masked)
{
    return [&p, masked](const QString& name) {
        if (masked && p.isSecret(name))
            return QString(kMask);
        QString v = p.value(name);
        v.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\'', u"\\'"_s).replace(u'`', u"\\`"_s);
        return v;
    };
}

// A string that is exactly one int placeholder becomes a JSON number (validated digits, so exact);
// every other string stays a string, escaped by QJsonDocument.
QJsonValue substituteJson(const QJsonValue& v, const Encoder& encode, const BoundParameters& p)
{
    if (v.isString()) {
        const QString text = v.toString();
        const TemplateScan scan = scanTemplate(text);
        if (scan.names.size() == 1 && p.integers.contains(scan.names.first()) &&
            substitute(text, [](const QString&) { return QString(); }).isEmpty()) {
            const QString value = encode(scan.names.first());
            bool isNumber = false;
            const qint64 n = value.toLongLong(&isNumber);
            if (isNumber)
                return double(n);
            return value; // masked
        }
        return substitute(text, encode);
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue& e : v.toArray())
            out.append(substituteJson(e, encode, p));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), substituteJson(it.value(), encode, p));
        return out;
    }
    return v;
}

bool hasLineBreakOrControl(const QString& s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

QString durationText(std::chrono::milliseconds d)
{
    const qint64 ms = d.count();
    if (ms % 3'600'000 == 0)
        return QString::number(ms / 3'600'000) + u'h';
    if (ms % 60'000 == 0)
        return QString::number(ms / 60'000) + u'm';
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + u"ms"_s;
}

QString jsonList(const QStringList& items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

void renderCommand(const Step& step, const BoundParameters& p, const QProcessEnvironment& env,
                   RenderedStep& out)
{
    const CommandAction& a = step.command;
    QString program = a.program;
    if (!QFileInfo(program).isAbsolute()) {
        program = QStandardPaths::findExecutable(a.program);
        if (program.isEmpty()) {
            out.error =
                QCoreApplication::translate("Runbook", "program %1 was not found on the PATH").arg(a.program);
            return;
        }
    }
    out.command.program = program;
    QStringList maskedArgs{program};
    for (const QString& arg : a.arguments) {
        out.command.arguments.append(substitute(arg, raw(p, false)));
        maskedArgs.append(substitute(arg, raw(p, true)));
    }
    out.command.environment = QProcessEnvironment();
    for (const QString& name : a.environment) {
        if (env.contains(name)) {
            out.command.environment.insert(name, env.value(name));
            out.command.environmentNames.append(name);
        }
    }
    out.command.workingDirectory = a.workingDirectory;
    out.dryRun.append(u"argv: "_s + jsonList(maskedArgs));
    out.dryRun.append(u"env: "_s + (out.command.environmentNames.isEmpty()
                                        ? u"(empty)"_s
                                        : out.command.environmentNames.join(u", "_s)));
    if (!a.workingDirectory.isEmpty())
        out.dryRun.append(u"workdir: "_s + a.workingDirectory);
    out.dryRun.append(u"timeout: "_s + durationText(step.timeout));
}

void renderHttp(const Step& step, const BoundParameters& p, RenderedStep& out)
{
    const HttpAction& a = step.http;
    // "." and ".." are unreserved characters: encoded or not, QUrl and servers read them as path
    // steps, so such a value could walk up the path. No service, id or flag is named that.
    for (const QString& name : scanTemplate(a.url).names) {
        const QString v = p.value(name);
        if (v == u"."_s || v == u".."_s) {
            out.error =
                QCoreApplication::translate("Runbook", "%1 cannot be \".\" or \"..\" in a URL").arg(name);
            return;
        }
    }
    const QUrl url = QUrl::fromEncoded(substitute(a.url, urlComponent(p, false)).toUtf8(), QUrl::StrictMode);
    const QUrl masked =
        QUrl::fromEncoded(substitute(a.url, urlComponent(p, true)).toUtf8(), QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        out.error = QCoreApplication::translate("Runbook", "the URL is not valid with these values");
        return;
    }
    out.http.method = a.method.toLatin1();
    out.http.url = url;
    out.dryRun.append(a.method + u' ' + QString::fromLatin1(masked.toEncoded()));
    for (const auto& [name, value] : a.headers) {
        const QString v = substitute(value, raw(p, false));
        if (hasLineBreakOrControl(v)) {
            out.error = QCoreApplication::translate(
                            "Runbook", "header %1 would contain a line break or control character")
                            .arg(name);
            return;
        }
        out.http.headers.append(std::pair(name.toLatin1(), v.toUtf8()));
        const bool hide = isCredentialHeader(name.toLatin1());
        out.dryRun.append(name + u": "_s + (hide ? QString(kMask) : substitute(value, raw(p, true))));
    }
    if (a.json) {
        out.http.body = QJsonDocument(substituteJson(*a.json, raw(p, false), p).toObject())
                            .toJson(QJsonDocument::Compact);
        if (!std::any_of(a.headers.cbegin(), a.headers.cend(), [](const auto& h) {
                return h.first.compare(u"content-type"_s, Qt::CaseInsensitive) == 0;
            })) {
            out.http.headers.append(std::pair(QByteArray("Content-Type"), QByteArray("application/json")));
            out.dryRun.append(u"Content-Type: application/json"_s);
        }
        out.dryRun.append(QString());
        out.dryRun.append(QString::fromUtf8(QJsonDocument(substituteJson(*a.json, raw(p, true), p).toObject())
                                                .toJson(QJsonDocument::Compact)));
    } else if (!a.body.isEmpty()) {
        out.http.body = a.body.toUtf8();
        out.dryRun.append(QString());
        out.dryRun.append(a.body);
    }
    out.dryRun.append(u"timeout: "_s + durationText(step.timeout));
}

void renderCheck(const Step& step, const BoundParameters& p, RenderedStep& out)
{
    CheckAction c = step.check;
    CheckAction masked = step.check;
    c.promql = substitute(c.promql, promqlString(p, false));
    masked.promql = substitute(masked.promql, promqlString(p, true));
    for (auto& m : c.match)
        m.second = substitute(m.second, raw(p, false));
    for (auto& m : masked.match)
        m.second = substitute(m.second, raw(p, true));
    out.check = c;
    if (c.source == CheckSource::Prometheus) {
        out.dryRun.append(u"prometheus: "_s + masked.promql);
    } else {
        QStringList matchers;
        for (const auto& [k, v] : masked.match)
            matchers.append(k + u"=\""_s + v + u'"');
        const QString selector = matchers.isEmpty() ? QString() : u'{' + matchers.join(u',') + u'}';
        QString expr = c.function + u'(' + c.metric + selector + u')';
        if (!c.divideBy.isEmpty())
            expr += u" / "_s + c.function + u'(' + c.divideBy + selector + u')';
        out.dryRun.append(u"local store: "_s + expr);
    }
    out.dryRun.append(u"over: "_s + durationText(c.window));
    out.dryRun.append(u"passes when: value "_s + c.condition.text);
}

} // namespace

bool isCredentialHeader(QByteArrayView name)
{
    const QByteArray n = name.toByteArray().toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n.contains("token") ||
           n.contains("api-key") || n.contains("apikey") || n.contains("secret");
}

RenderedStep renderStep(const Step& step, const BoundParameters& parameters,
                        const QProcessEnvironment& environment)
{
    RenderedStep out;
    switch (step.action) {
    case ActionKind::Command:
        renderCommand(step, parameters, environment, out);
        break;
    case ActionKind::Http:
        renderHttp(step, parameters, out);
        break;
    case ActionKind::Check:
        renderCheck(step, parameters, out);
        break;
    case ActionKind::Confirm: {
        out.dryRun.append(u"ask: "_s + step.confirm.question);
        QStringList outcomes;
        for (const Outcome& o : step.confirm.outcomes)
            outcomes.append(o.name + u" -> "_s + (o.next.isEmpty() ? u"stop"_s : o.next));
        out.dryRun.append(u"outcomes: "_s + outcomes.join(u", "_s));
        break;
    }
    case ActionKind::Approval:
        out.dryRun.append(u"approval: "_s + step.approval.prompt);
        break;
    }
    if (!out.ok())
        out.dryRun.clear();
    return out;
}

} // namespace wf::runbook
