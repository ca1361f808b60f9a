#pragma once

#include "HeaderParser.h"
#include "HttpTypes.h"

#include <chrono>
#include <curl/curl.h>
#include <memory>

// One curl easy handle configured for one hop of one request (IO thread only). Owns everything curl
// points into (header list, body, error buffer), so it must not move once configured: always on the heap.
namespace wf::net::detail {

// Headers of one response are capped separately from the body: curl 7.88 limits single header lines
// (100 KB) but not their number.
inline constexpr qint64 kMaxResponseHeaderBytes = 256 * 1024;

struct CurlEasyDeleter
{
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct CurlSlistDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct TransferConfig
{
    QByteArray method;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    HttpCredentials credentials;
    std::chrono::milliseconds connectTimeout{0};
    std::chrono::milliseconds totalTimeout{0};
    qint64 maxResponseBytes = 0;
    bool verifyTls = true;
};

class CurlTransfer
{
public:
    // privateData is stored as CURLOPT_PRIVATE so the multi loop can find the owner of a finished handle.
    CurlTransfer(const TransferConfig& config, void* privateData);
    ~CurlTransfer(); // removes the handle from its multi first, if attached
    CurlTransfer(const CurlTransfer&) = delete;
    CurlTransfer& operator=(const CurlTransfer&) = delete;

    bool isValid() const { return m_easy != nullptr; }
    CURLMcode attach(CURLM* multi);

    CURL* easy() const { return m_easy.get(); }
    const TransferConfig& config() const { return m_config; }
    const ResponseHeaderCollector& responseHeaders() const { return m_headers; }
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    bool bodyTooLarge() const { return m_bodyTooLarge; }
    bool headersTooLarge() const { return m_headers.overLimit(); }
    const char* errorText() const { return m_errorBuffer; }

private:
    static size_t onWrite(char* data, size_t size, size_t count, void* self);
    static size_t onHeader(char* data, size_t size, size_t count, void* self);

    TransferConfig m_config;
    std::unique_ptr<CURL, CurlEasyDeleter> m_easy;
    std::unique_ptr<curl_slist, CurlSlistDeleter> m_headerList;
    CURLM* m_multi = nullptr;
    QByteArray m_body;
    ResponseHeaderCollector m_headers{kMaxResponseHeaderBytes};
    bool m_bodyTooLarge = false;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};

} // namespace wf::net::detail
