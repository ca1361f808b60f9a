#include "ControlHttp.h"

#include "ShopSimulation.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::demo {

namespace {

constexpr int kMaxHeaders = 64;
constexpr qsizetype kMaxTargetBytes = 2048;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isVisible(char c)
{
    return c > 0x20 && c < 0x7f;
}

ControlParse invalid(int status)
{
    ControlParse p;
    p.status = ControlParse::Status::Invalid;
    p.errorStatus = status;
    return p;
}

bool isLoopbackHost(QByteArrayView host)
{
    // Strip the port; IPv6 literals come in brackets.
    QByteArrayView name = host;
    if (name.startsWith('[')) {
        const qsizetype close = name.indexOf(']');
        if (close < 0)
            return false;
        const QByteArrayView rest = name.sliced(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(':'))
            return false;
        name = name.sliced(1, close - 1);
        return name == QByteArrayView("::1");
    }
    const qsizetype colon = name.indexOf(':');
    if (colon >= 0)
        name = name.first(colon);
    return name == QByteArrayView("127.0.0.1") ||
           name.compare(QByteArrayView("localhost"), Qt::CaseInsensitive) == 0;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QString outcomeName(RemediationOutcome o)
{
    switch (o) {
    case RemediationOutcome::Applied:
        return u"applied"_s;
    case RemediationOutcome::NothingToFix:
        return u"nothing-to-fix"_s;
    case RemediationOutcome::AlreadyApplied:
        return u"already-applied"_s;
    }
    return {};
}

} // namespace

QByteArray ControlRequest::header(QByteArrayView lowerCaseName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

ControlParse parseControlRequest(QByteArrayView buffer, ControlRequest& out)
{
    const qsizetype end = buffer.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0) {
        if (buffer.size() > kControlMaxHeaderBytes)
            return invalid(431);
        // A bare LF can never become valid: answer now instead of waiting for the timeout.
        for (qsizetype i = 0; i < buffer.size(); ++i) {
            if (buffer[i] == '\n' && (i == 0 || buffer[i - 1] != '\r'))
                return invalid(400);
        }
        return {};
    }
    if (end + 4 > kControlMaxHeaderBytes)
        return invalid(431);

    const QByteArrayView head = buffer.first(end);
    QList<QByteArrayView> lines;
    qsizetype from = 0;
    while (from <= head.size()) {
        qsizetype next = head.indexOf(QByteArrayView("\r\n"), from);
        if (next < 0)
            next = head.size();
        lines.append(head.sliced(from, next - from));
        from = next + 2;
    }
    for (const QByteArrayView line : lines) {
        if (line.contains('\r') || line.contains('\n'))
            return invalid(400);
    }

    // Request line: method SP target SP version, nothing more.
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return invalid(400);
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (method.size() > 16)
        return invalid(400);
    for (const char c : method) {
        if (c < 'A' || c > 'Z')
            return invalid(400);
    }
    if (target.isEmpty() || target.front() != '/' || target.size() > kMaxTargetBytes)
        return invalid(400);
    for (const char c : target) {
        if (!isVisible(c))
            return invalid(400);
    }
    if (version != QByteArrayView("HTTP/1.1") && version != QByteArrayView("HTTP/1.0"))
        return invalid(400);

    ControlRequest request;
    request.method = method.toByteArray();
    const qsizetype query = target.indexOf('?');
    request.path = (query < 0 ? target : target.first(query)).toByteArray();

    if (lines.size() - 1 > kMaxHeaders)
        return invalid(431);
    bool sawLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty() || line.front() == ' ' || line.front() == '\t')
            return invalid(400); // obsolete line folding
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return invalid(400);
        const QByteArrayView name = line.first(colon);
        for (const char c : name) {
            if (!isTokenChar(c))
                return invalid(400);
        }
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        for (const char c : value) {
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return invalid(400);
        }
        const QByteArray lowerName = name.toByteArray().toLower();
        if (lowerName == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (sawLength || !ok || length < 0 || value.isEmpty() ||
                !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return invalid(400);
            if (length > kControlMaxBodyBytes)
                return invalid(413);
            sawLength = true;
            request.contentLength = length;
        } else if (lowerName == "transfer-encoding") {
            return invalid(400);
        }
        request.headers.append({lowerName, value.toByteArray()});
    }

    const QByteArray host = request.header("host");
    if (host.isEmpty() || !isLoopbackHost(host))
        return invalid(400);
    if (!request.header("origin").isEmpty())
        return invalid(403);

    out = std::move(request);
    ControlParse p;
    p.status = ControlParse::Status::Complete;
    p.headerBytes = end + 4;
    return p;
}

ControlReply errorReply(int status)
{
    ControlReply r;
    r.status = status;
    r.body.insert(u"error"_s, QString::fromLatin1(reasonPhrase(status)));
    return r;
}

ControlReply routeControlRequest(const ControlRequest& request, ShopSimulation& simulation)
{
    if (request.path == "/state") {
        if (request.method != "GET") {
            ControlReply r = errorReply(405);
            r.allow = "GET";
            return r;
        }
        return ControlReply{200, toJson(simulation.state()), {}};
    }

    std::optional<Remediation> action;
    if (request.path == "/actions/payments-db-pool/reset")
        action = Remediation::ResetPaymentsDbPool;
    else if (request.path == "/actions/payments/restart")
        action = Remediation::RestartPayments;
    if (!action)
        return errorReply(404);
    if (request.method != "POST") {
        ControlReply r = errorReply(405);
        r.allow = "POST";
        return r;
    }
    const RemediationOutcome outcome = simulation.applyRemediation(*action);
    QJsonObject body;
    body.insert(u"action"_s, remediationName(*action));
    body.insert(u"outcome"_s, outcomeName(outcome));
    body.insert(u"state"_s, toJson(simulation.state()));
    return ControlReply{200, body, {}};
}

QByteArray serializeControlReply(const ControlReply& reply)
{
    const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact) + '\n';
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    if (!reply.allow.isEmpty())
        out += "Allow: " + reply.allow + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += body;
    return out;
}

} // namespace wf::demo
