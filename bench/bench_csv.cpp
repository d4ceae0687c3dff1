// read_csv throughput on a ~100 MB numeric file: 10 columns of random doubles in shortest form,
// the kind of table a measurement campaign produces. Reported as bytes/s of file text.
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "occam/dataset.hpp"

namespace {

constexpr int columns = 10;
constexpr std::size_t target_bytes = 100u << 20;

// Writes the file once per process; returns its path and size.
const std::filesystem::path& numeric_file(std::size_t& bytes) {
    static std::size_t size = 0;
    static const std::filesystem::path path = [] {
        auto p = std::filesystem::temp_directory_path() / "occam_bench_csv.csv";
        std::mt19937_64 rng(7);
        std::normal_distribution<double> value(0.0, 100.0);
        std::string text;
        text.reserve(target_bytes + 4096);
        for (int c = 0; c < columns; ++c) text += (c ? ",x" : "x") + std::to_string(c);
        text += '\n';
        char number[32];
        while (text.size() < target_bytes) {
            for (int c = 0; c < columns; ++c) {
                if (c) text += ',';
                auto result = std::to_chars(number, number + sizeof number, value(rng));
                text.append(number, result.ptr);
            }
            text += '\n';
        }
        std::ofstream(p, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
        size = text.size();
        return p;
    }();
    bytes = size;
    return path;
}

void BM_read_csv(benchmark::State& state) {
    std::size_t bytes = 0;
    const std::string path = numeric_file(bytes).string();
    for (auto _ : state) {
        occam::Dataset data = occam::read_csv(path);
        benchmark::DoNotOptimize(data.values().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_read_csv)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The same text already in memory: parsing alone, without the file read.
void BM_parse_csv(benchmark::State& state) {
    std::size_t bytes = 0;
    std::ifstream in(numeric_file(bytes), std::ios::binary);
    std::string text(bytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(bytes));
    for (auto _ : state) {
        occam::Dataset data = occam::parse_csv(text, "bench.csv");
        benchmark::DoNotOptimize(data.values().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_parse_csv)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ignored;
    std::filesystem::remove(std::filesystem::temp_directory_path() / "occam_bench_csv.csv", ignored);
    return 0;
}
