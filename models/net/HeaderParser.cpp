#include "HeaderParser.h"

namespace wf::net {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

QByteArrayView stripLineEnd(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    return line;
}

} // namespace

std::optional<int> parseStatusLine(QByteArrayView line)
{
    line = stripLineEnd(line);
    if (!line.startsWith("HTTP/"))
        return std::nullopt;
    const qsizetype space = line.indexOf(' ');
    if (space < 0 || line.size() < space + 4)
        return std::nullopt;
    const QByteArrayView code = line.sliced(space + 1, 3);
    int status = 0;
    for (char c : code) {
        if (c < '0' || c > '9')
            return std::nullopt;
        status = status * 10 + (c - '0');
    }
    if (line.size() > space + 4 && line[space + 4] != ' ')
        return std::nullopt;
    if (status < 100)
        return std::nullopt;
    return status;
}

bool isValidHeaderName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isValidHeaderValue(QByteArrayView value)
{
    for (char c : value)
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    return true;
}

std::optional<std::pair<QByteArray, QByteArray>> parseHeaderLine(QByteArrayView line)
{
    line = stripLineEnd(line);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    const QByteArrayView name = line.first(colon);
    if (!isValidHeaderName(name))
        return std::nullopt;
    QByteArrayView value = line.sliced(colon + 1).trimmed();
    if (!isValidHeaderValue(value))
        return std::nullopt;
    return std::pair{name.toByteArray(), value.toByteArray()};
}

bool ResponseHeaderCollector::feed(QByteArrayView line)
{
    m_totalBytes += line.size();
    if (overLimit())
        return false;
    if (const auto status = parseStatusLine(line)) {
        m_status = *status;
        m_headers.clear();
    } else if (auto header = parseHeaderLine(line)) {
        m_headers.append(std::move(*header));
    }
    return true;
}

QByteArray ResponseHeaderCollector::value(QByteArrayView name) const
{
    return findHeader(m_headers, name);
}

QByteArray findHeader(const HttpHeaders& headers, QByteArrayView name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

} // namespace wf::net
