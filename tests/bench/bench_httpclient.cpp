// 200 GETs to a loopback server: through HttpClient (all in flight at once, and one after another) and,
// as the baseline, sequential blocking curl_easy_perform on one handle. Prints `bench:` lines.

#include "LoopbackHttpServer.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <curl/curl.h>
#include <functional>

using namespace wf::net;

namespace {

constexpr int kRequests = 200;

size_t discard(char*, size_t size, size_t count, void*)
{
    return size * count;
}

double curlSequentialMs(const QUrl& url)
{
    CURL* easy = curl_easy_init();
    const QByteArray u = url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, u.constData());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    QElapsedTimer t;
    t.start();
    int failures = 0;
    for (int i = 0; i < kRequests; ++i)
        failures += curl_easy_perform(easy) != CURLE_OK;
    const double ms = double(t.nsecsElapsed()) / 1e6;
    curl_easy_cleanup(easy);
    if (failures)
        std::fprintf(stderr, "curl baseline: %d failures\n", failures);
    return ms;
}

// Runs the requests from the application's (only) event loop; sequential mode sends the next request
// from the previous one's callback, so it measures per-request latency through the IO thread.
double clientMs(HttpClient& client, QObject* context, const QUrl& url, bool concurrent)
{
    int done = 0;
    int failures = 0;
    QEventLoop loop;
    HttpRequest r;
    r.url = url;
    std::function<void(const HttpResult&)> onDone = [&](const HttpResult& res) {
        ++done;
        failures += !res.ok();
        if (done == kRequests)
            loop.quit();
        else if (!concurrent)
            client.send(r, context, onDone);
    };
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < (concurrent ? kRequests : 1); ++i)
        client.send(r, context, onDone);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit); // never hang a bench run
    loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (failures || done != kRequests)
        std::fprintf(stderr, "HttpClient: %d failures, %d of %d done\n", failures, done, kRequests);
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    for (const char* v : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(v);
    wf::test::LoopbackHttpServer server;
    server.setRoute("/series", wf::test::HttpRoute::ok(QByteArray(4096, 's')));
    const QUrl url = server.url(QStringLiteral("/series"));

    HttpClient client;
    QObject context;
    clientMs(client, &context, url, true); // warm up: thread, DNS cache, allocator
    const double baseline = curlSequentialMs(url);
    const double concurrent = clientMs(client, &context, url, true);
    const double sequential = clientMs(client, &context, url, false);

    std::printf("bench: curl_easy_sequential_%d_gets %.1f ms\n", kRequests, baseline);
    std::printf("bench: httpclient_%d_gets %.1f ms ratio %.2f vs curl_easy_sequential\n", kRequests,
                concurrent, concurrent / baseline);
    std::printf("bench: httpclient_%d_gets_sequential %.1f ms ratio %.2f vs curl_easy_sequential\n",
                kRequests, sequential, sequential / baseline);
    return 0;
}
