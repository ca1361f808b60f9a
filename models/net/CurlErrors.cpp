#include "CurlErrors.h"

#include <cerrno>

namespace wf::net::detail {

CurlFailure classifyCurlCode(CURLcode code, bool connected, long osErrno)
{
    switch (code) {
    case CURLE_OK:
        return {};
    case CURLE_URL_MALFORMAT:
        return {HttpError::InvalidUrl};
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {HttpError::UnsupportedScheme};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {HttpError::Dns};
    case CURLE_COULDNT_CONNECT:
        // curl reports every failed connect() this way; only a refusal is worth a retry.
        return {osErrno == ECONNREFUSED || osErrno == 0 ? HttpError::ConnectionRefused : HttpError::Network};
    case CURLE_OPERATION_TIMEDOUT:
        return {connected ? HttpError::Timeout : HttpError::ConnectTimeout};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return {HttpError::Tls};
    case CURLE_TOO_MANY_REDIRECTS:
        return {HttpError::TooManyRedirects};
    case CURLE_FILESIZE_EXCEEDED:
        return {HttpError::TooLarge};
    case CURLE_ABORTED_BY_CALLBACK:
        return {HttpError::Cancelled};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return {HttpError::Network, true};
    default:
        return {HttpError::Network};
    }
}

} // namespace wf::net::detail
