// Smoke driver for fuzz targets when libFuzzer is not in use (g++ builds, ctest). It replays every file
// of the seed corpus, then a bounded, seeded stream of mutations of those seeds. A crash leaves the
// input that caused it in crash-<seed>-<iteration>.bin in the working directory, so it can be replayed.

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

const std::vector<uint8_t>* g_current = nullptr;
char g_crashName[128] = "crash.bin";

extern "C" void onFatalSignal(int sig)
{
    if (g_current) {
        const int fd = ::open(g_crashName, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            [[maybe_unused]] auto n = ::write(fd, g_current->data(), g_current->size());
            ::close(fd);
        }
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::vector<uint8_t> readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Tokens that parsers of text formats care about; splicing them in reaches deeper code than bit flips.
const char* const kTokens[] = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e309",
                               "\\u0000", "\n", "\r\n", "\x1f\x8b", "SQLite format 3", "999999999999"};

void mutate(std::vector<uint8_t>& d, std::mt19937_64& rng, const std::vector<std::vector<uint8_t>>& seeds)
{
    const int rounds = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < rounds; ++r) {
        const auto pos = [&] { return d.empty() ? size_t(0) : size_t(rng() % d.size()); };
        switch (rng() % 7) {
        case 0:
            if (!d.empty())
                d[pos()] ^= uint8_t(1u << (rng() % 8));
            break;
        case 1:
            if (!d.empty())
                d[pos()] = uint8_t(rng());
            break;
        case 2:
            if (!d.empty()) {
                const size_t at = pos();
                d.erase(d.begin() + long(at), d.begin() + long(std::min(d.size(), at + 1 + rng() % 16)));
            }
            break;
        case 3: {
            const char* t = kTokens[rng() % (sizeof(kTokens) / sizeof(kTokens[0]))];
            d.insert(d.begin() + long(pos()), t, t + std::strlen(t));
            break;
        }
        case 4:
            if (!d.empty()) {
                const size_t at = pos();
                const size_t len = std::min(d.size() - at, size_t(1 + rng() % 64));
                std::vector<uint8_t> chunk(d.begin() + long(at), d.begin() + long(at + len));
                d.insert(d.begin() + long(pos()), chunk.begin(), chunk.end());
            }
            break;
        case 5:
            if (!seeds.empty()) {
                const auto& other = seeds[rng() % seeds.size()];
                if (!other.empty()) {
                    const size_t from = rng() % other.size();
                    const size_t len = std::min(other.size() - from, size_t(1 + rng() % 256));
                    d.insert(d.begin() + long(pos()), other.begin() + long(from), other.begin() + long(from + len));
                }
            }
            break;
        case 6:
            if (!d.empty())
                d.resize(pos());
            break;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    long iterations = 10000;
    double seconds = 60;
    uint64_t seed = 0x5eed;
    if (const char* s = std::getenv("WATCHFLOOR_FUZZ_SEED"))
        seed = std::strtoull(s, nullptr, 0);
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--iterations" && i + 1 < argc)
            iterations = std::atol(argv[++i]);
        else if (a == "--seconds" && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else
            inputs.emplace_back(a);
    }

    std::vector<std::vector<uint8_t>> seeds;
    for (const auto& in : inputs) {
        if (std::filesystem::is_directory(in)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(in))
                if (e.is_regular_file())
                    seeds.push_back(readFile(e.path()));
        } else if (std::filesystem::is_regular_file(in)) {
            seeds.push_back(readFile(in));
        } else {
            std::fprintf(stderr, "fuzz: corpus path %s does not exist\n", in.string().c_str());
            return 2;
        }
    }
    if (seeds.empty())
        seeds.emplace_back();

    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onFatalSignal);

    std::vector<uint8_t> current;
    g_current = &current;
    for (size_t i = 0; i < seeds.size(); ++i) {
        current = seeds[i];
        std::snprintf(g_crashName, sizeof g_crashName, "crash-seed-%zu.bin", i);
        LLVMFuzzerTestOneInput(current.data(), current.size());
    }

    std::mt19937_64 rng(seed);
    const auto start = std::chrono::steady_clock::now();
    long done = 0;
    for (; done < iterations; ++done) {
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
            break;
        current = seeds[rng() % seeds.size()];
        mutate(current, rng, seeds);
        std::snprintf(g_crashName, sizeof g_crashName, "crash-%llx-%ld.bin", (unsigned long long)seed, done);
        LLVMFuzzerTestOneInput(current.data(), current.size());
    }
    std::printf("fuzz: %zu seeds, %ld mutated inputs, seed 0x%llx, no crash\n", seeds.size(), done,
                (unsigned long long)seed);
    return 0;
}
