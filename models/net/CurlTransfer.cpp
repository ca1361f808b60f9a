#include "CurlTransfer.h"

#include "RedirectPolicy.h"

#include <algorithm>

namespace wf::net::detail {

namespace {

bool hasHeader(const HttpHeaders& headers, QByteArrayView name)
{
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

CurlTransfer::CurlTransfer(const TransferConfig& config, void* privateData)
    : m_config(config)
    , m_easy(curl_easy_init())
{
    if (!m_easy)
        return;
    CURL* e = m_easy.get();
    const QByteArray url = m_config.url.toEncoded();
    curl_easy_setopt(e, CURLOPT_URL, url.constData());
    curl_easy_setopt(e, CURLOPT_PRIVATE, privateData);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "Watchfloor/" WATCHFLOOR_VERSION);

    // Defence in depth: HttpClient follows redirects itself (so it can drop secrets on origin change),
    // and even so curl may only ever speak http or https.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);

    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(m_config.connectTimeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(m_config.totalTimeout.count()));
    // No CURLOPT_LOW_SPEED_LIMIT: the total timeout already ends drips and hangs, and a speed floor would
    // kill legitimate slow queries (Prometheus/Loki compute for many seconds before the first byte).

    const long verify = m_config.verifyTls ? 1L : 0L;
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, verify);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, m_config.verifyTls ? 2L : 0L);

    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); // all codings curl was built with
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &CurlTransfer::onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, this);

    const QByteArray& method = m_config.method;
    if (method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (method == "POST" || method == "PUT" || method == "PATCH" || !m_config.body.isEmpty()) {
        // Through POSTFIELDS even when empty, so an empty PUT still says Content-Length: 0.
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_config.body.size()));
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, m_config.body.constData()); // m_config outlives the handle
        if (method != "POST")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.constData());
    } else if (method != "GET") {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.constData());
    }

    const HttpCredentials& c = m_config.credentials;
    if (!c.user.isEmpty() || !c.password.isEmpty()) {
        curl_easy_setopt(e, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(e, CURLOPT_USERNAME, c.user.toUtf8().constData());
        curl_easy_setopt(e, CURLOPT_PASSWORD, c.password.toUtf8().constData());
    }

    curl_slist* list = nullptr;
    const auto append = [&list](const QByteArray& line) {
        if (curl_slist* grown = curl_slist_append(list, line.constData()))
            list = grown;
    };
    for (const auto& [name, value] : std::as_const(m_config.headers))
        append(value.isEmpty() ? QByteArray(name + ';')
                               : QByteArray(name + ": " + value)); // "Name;": empty value
    if (!c.bearerToken.isEmpty() && !hasHeader(m_config.headers, "Authorization"))
        append("Authorization: Bearer " + c.bearerToken);
    // curl waits up to a second for "100 Continue" on large bodies; servers we talk to never need it.
    if (!hasHeader(m_config.headers, "Expect"))
        append(QByteArrayLiteral("Expect:"));
    m_headerList.reset(list);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, m_headerList.get());
}

CurlTransfer::~CurlTransfer()
{
    if (m_multi && m_easy)
        curl_multi_remove_handle(m_multi, m_easy.get());
}

CURLMcode CurlTransfer::attach(CURLM* multi)
{
    const CURLMcode rc = curl_multi_add_handle(multi, m_easy.get());
    if (rc == CURLM_OK)
        m_multi = multi;
    return rc;
}

size_t CurlTransfer::onWrite(char* data, size_t size, size_t count, void* self)
{
    auto* t = static_cast<CurlTransfer*>(self);
    const size_t n = size * count;
    // Counted here, on decompressed bytes, because curl 7.88 enforces CURLOPT_MAXFILESIZE neither for
    // unannounced sizes nor after decoding.
    if (t->m_body.size() + qint64(n) > t->m_config.maxResponseBytes) {
        t->m_bodyTooLarge = true;
        t->m_body = QByteArray(); // release, not just clear: the point is bounded memory
        return CURL_WRITEFUNC_ERROR;
    }
    t->m_body.append(data, qsizetype(n));
    return n;
}

size_t CurlTransfer::onHeader(char* data, size_t size, size_t count, void* self)
{
    auto* t = static_cast<CurlTransfer*>(self);
    const size_t n = size * count;
    if (!t->m_headers.feed(QByteArrayView(data, qsizetype(n))))
        return CURL_WRITEFUNC_ERROR;
    // End of a final response's headers: fail fast on an announced, uncompressed size over the cap, and
    // reserve once for a size under it instead of growing by doubling.
    if (n <= 2 && t->m_headers.status() >= 200 && t->m_config.method != "HEAD") {
        bool ok = false;
        const qint64 announced = t->m_headers.value("Content-Length").toLongLong(&ok);
        const bool encoded = !t->m_headers.value("Content-Encoding").isEmpty();
        if (ok && !encoded && announced > t->m_config.maxResponseBytes) {
            t->m_bodyTooLarge = true;
            return CURL_WRITEFUNC_ERROR;
        }
        if (ok && !encoded && announced > 0)
            t->m_body.reserve(qsizetype(announced));
    }
    return n;
}

} // namespace wf::net::detail
