// Search throughput: candidate evaluations (each with Levenberg-Marquardt constant fitting) per
// second, and node-rows per second, on 1 and 2 threads with a fixed budget of 32 generations, so the work
// is identical and the ratio of the two is the thread scaling.
#include <benchmark/benchmark.h>

#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

namespace {

const occam::Problem& problem() {
    // Feynman I.12.11 on 7,500 training rows (10,000 sampled, 25 % validation)
    static const occam::Problem p = [] {
        const std::vector<occam::VariableRange> ranges{{"q", 1, 5}, {"Ef", 1, 5}, {"B", 1, 5}, {"v", 1, 5}, {"theta", 1, 5}};
        const std::vector<std::string> names{"q", "Ef", "B", "v", "theta"};
        const auto data = occam::sample_formula(occam::parse_formula("q*(Ef+B*v*sin(theta))", names), ranges,
                                                {.rows = 10000, .seed = 1, .target = "F"});
        return occam::Problem(data, "F");
    }();
    return p;
}

void search_throughput(benchmark::State& state) {
    occam::SearchOptions options;
    options.threads = static_cast<std::size_t>(state.range(0));
    options.budget.time_limit.reset();
    options.budget.max_generations = 32;
    options.budget.target_loss = 0;  // never stop early: every run does the same work
    options.fitting.snap = false;
    double evaluations = 0, node_rows = 0;
    for (auto _ : state) {
        const auto front = occam::search(problem(), options);
        evaluations += static_cast<double>(front.final_progress.evaluations);
        node_rows += front.final_progress.node_rows_per_second * front.final_progress.elapsed_seconds;
        benchmark::DoNotOptimize(front.entries.size());
    }
    state.counters["evaluations/s"] = benchmark::Counter(evaluations, benchmark::Counter::kIsRate);
    state.counters["node-rows/s"] = benchmark::Counter(node_rows, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(search_throughput)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

BENCHMARK_MAIN();
