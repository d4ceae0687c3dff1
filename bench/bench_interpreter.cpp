// Interpreter throughput in node-rows per second, on the tree distribution of Operon's own benchmark
// (1,000 random trees of length 1-64 over 12,800 rows) so that the figures compare.
#include <benchmark/benchmark.h>

#include "occam/interpreter.hpp"
#include "occam/operator_set.hpp"
#include "tree_creator.hpp"

namespace {

constexpr Eigen::Index rows = 12'800;
constexpr Eigen::Index variables = 5;

struct Workload {
    std::vector<occam::Tree> trees;
};

Workload make_workload(const char* ops) {
    occam::Random rng(42);
    Workload w;
    const auto set = occam::OperatorSet::parse(ops);
    for (int i = 0; i < 1000; ++i) {
        w.trees.push_back(occam::random_tree(rng, set, 1 + rng.below(64), {.variables = variables}));
    }
    return w;
}

const Eigen::ArrayXXd& data() {
    static const Eigen::ArrayXXd X = [] {
        occam::Random rng(7);
        Eigen::ArrayXXd values(rows, variables);
        for (Eigen::Index i = 0; i < values.size(); ++i) values.data()[i] = rng.uniform(0.5, 2.0);
        return values;
    }();
    return X;
}

void evaluate_all(benchmark::State& state, const char* ops, bool jacobian) {
    const auto w = make_workload(ops);
    const auto& X = data();
    occam::Interpreter interpreter;
    Eigen::ArrayXd out(rows);
    Eigen::ArrayXXd J;
    std::int64_t complete = 0, total = 0;
    double finite_nodes = 0;
    for (auto _ : state) {
        for (const auto& tree : w.trees) {
            bool finite = false;
            if (jacobian) {
                J.resize(rows, static_cast<Eigen::Index>(tree.constant_count()));
                finite = interpreter.evaluate(tree, X, out, J);
            } else {
                finite = interpreter.evaluate(tree, X, out);
            }
            complete += finite;
            if (finite) finite_nodes += static_cast<double>(tree.length());
            ++total;
            benchmark::ClobberMemory();
        }
    }
    // share of trees evaluated to the end: an early exit on NaN/Inf would flatter the figure
    state.counters["finite"] = static_cast<double>(complete) / static_cast<double>(total);
    // node-rows per second, reported by Google Benchmark as items/s. Only trees evaluated to the
    // end are counted (the time of the early exits is not subtracted), so the figure is a floor.
    state.SetItemsProcessed(static_cast<std::int64_t>(finite_nodes * rows));
}

}  // namespace

BENCHMARK_CAPTURE(evaluate_all, arithmetic, "+,-,*,/", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(evaluate_all, arithmetic_exp, "+,-,*,/,exp", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(evaluate_all, arithmetic_sin, "+,-,*,/,sin", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(evaluate_all, arithmetic_jacobian, "+,-,*,/", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(evaluate_all, arithmetic_exp_jacobian, "+,-,*,/,exp", true)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
