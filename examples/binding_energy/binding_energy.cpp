// Can a compact formula beat the semi-empirical mass formula? Fits the SEMF (5 constants) and
// searches occam formulas for the total binding energy of the AME2020 measured nuclides, on a
// random split and on an extrapolation to the heaviest nuclides, and compares their test RMS.
// Usage (from the repository root): build/examples/binding_energy [options]; see README.md.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <occam/error.hpp>

#include "experiment.hpp"
#include "nuclear_inputs.hpp"
#include "nuclides.hpp"
#include "splits.hpp"

namespace binding_energy {
namespace {

constexpr int min_mass_number = 16;  // lighter nuclei are clusters more than liquid drops
constexpr std::size_t compact = 5;   // the SEMF's number of constants
constexpr std::size_t generous = 10;

std::string rms_text(double value) { return std::isfinite(value) ? fmt::format("{:8.3f}", value) : "   undef"; }

void print_split(const SplitResult& r) {
    fmt::print("\n== {}: {} training, {} test nuclides ==\n", r.split.name, r.split.train.size(), r.split.test.size());
    fmt::print("   {:<14} {:>9} {:>8} {:>8}  {}\n", "model", "constants", "train", "test", "formula or constants (RMS in MeV)");
    const auto line = [](const ModelRow& m, const char* mark) {
        fmt::print(" {:1} {:<14} {:>9} {} {}  {}\n", mark, m.name, m.constants, rms_text(m.train_rms), rms_text(m.test_rms),
                   m.formula);
    };
    line(r.semf_row, "");
    for (std::size_t i = 0; i < r.front.size(); ++i) line(r.front[i], i == r.best_compact ? ">" : "");
    fmt::print("   > the best formula with at most {} fitted constants by occam's validation loss (chosen without the test set)\n",
               compact);
    fmt::print("   search: {} evaluations in {:.1f} s{}\n", r.evaluations, r.search_seconds,
               r.cut_by_time ? " (stopped by the time cap: not reproducible)" : "");
}

// The entry with the lowest test RMS among at most max_constants: an optimistic figure, since the
// test set chooses it.
const ModelRow* best_test(const SplitResult& r, std::size_t max_constants) {
    const ModelRow* best = nullptr;
    for (const auto& m : r.front)
        if (m.constants <= max_constants && (!best || m.test_rms < best->test_rms)) best = &m;
    return best;
}

void print_summary(const std::vector<SplitResult>& results) {
    fmt::print("\n== summary: RMS in MeV (constants in brackets) ==\n");
    fmt::print("{:<46}", "model");
    for (const auto& r : results) fmt::print(" | {:^27}", r.split.name.substr(0, r.split.name.find(':')));
    fmt::print("\n{:<46}", "");
    for (std::size_t i = 0; i < results.size(); ++i) fmt::print(" | {:>8} {:>8} {:>9}", "train", "test", "");
    fmt::print("\n");
    const auto row = [&](const std::string& name, auto pick) {
        fmt::print("{:<46}", name);
        for (const auto& r : results) {
            const ModelRow* m = pick(r);
            if (m) fmt::print(" | {} {} {:>9}", rms_text(m->train_rms), rms_text(m->test_rms), fmt::format("({})", m->constants));
            else fmt::print(" | {:>27}", "none");
        }
        fmt::print("\n");
    };
    row("SEMF", [](const SplitResult& r) { return &r.semf_row; });
    row(fmt::format("occam, best by validation, <= {} constants", compact), [](const SplitResult& r) {
        return r.best_compact < r.front.size() ? &r.front[r.best_compact] : nullptr;
    });
    row(fmt::format("occam, lowest test RMS, <= {} constants", generous), [](const SplitResult& r) { return best_test(r, generous); });

    bool beats = true;
    for (const auto& r : results)
        beats = beats && r.best_compact < r.front.size() && r.front[r.best_compact].test_rms < r.semf_row.test_rms;
    fmt::print("\nverdict: {}\n", beats ? fmt::format("a formula with at most {} fitted constants beats the SEMF's test RMS on every split", compact)
                                       : fmt::format("no formula with at most {} fitted constants beats the SEMF's test RMS on every split", compact));
}

void run(const std::string& data_path, const Settings& settings) {
    const auto start = std::chrono::steady_clock::now();
    const auto nuclides = read_measured_nuclides(data_path, min_mass_number);
    const occam::Dataset data = nuclear_dataset(nuclides, settings.floor);
    fmt::print("AME2020: {} measured nuclides with A >= {}; target B = A * (B/A) in MeV\n", nuclides.size(), min_mass_number);
    fmt::print("inputs: {}\n", fmt::join(input_names(), ", "));
    fmt::print("search: seed {}, {} evaluations per split (time cap {} s), {}{}\n", settings.seed, settings.evaluations,
               settings.time_cap,
               settings.weighted ? fmt::format("weights 1/(sigma_B^2 + ({} MeV)^2)", settings.floor) : "unweighted",
               settings.residual_rounds > 1 ? fmt::format(", {} residual rounds", settings.residual_rounds) : "");

    std::vector<SplitResult> results;
    for (Split split : {random_split(nuclides.size(), 0.2, settings.seed), extrapolation_split(nuclides, 0.1)}) {
        results.push_back(run_split(data, std::move(split), settings));
        print_split(results.back());
    }
    print_summary(results);
    fmt::print("runtime: {:.0f} s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace
}  // namespace binding_energy

int main(int argc, char** argv) {
    binding_energy::Settings settings;
    std::string data_path = OCCAM_BINDING_ENERGY_DATA;
    bool unweighted = false;
    CLI::App app{"Compact formulas for nuclear binding energies against the semi-empirical mass formula", "binding_energy"};
    app.add_option("--data", data_path, "The AME2020 table (CSV)")->capture_default_str();
    app.add_option("--seed", settings.seed, "Seed of the random split and the searches")->capture_default_str();
    app.add_option("--evaluations", settings.evaluations, "Evaluations per search")->capture_default_str();
    app.add_option("--time-cap", settings.time_cap, "Seconds per search at most")->capture_default_str();
    app.add_option("--floor", settings.floor, "Uncertainty floor of the weights, MeV")->capture_default_str();
    app.add_flag("--unweighted", unweighted, "Every nuclide weighs the same");
    app.add_option("--residual-rounds", settings.residual_rounds, "Rounds of residual search")->capture_default_str();
    try {
        app.parse(argc, argv);
        settings.weighted = !unweighted;
        binding_energy::run(data_path, settings);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const occam::input_error& e) {
        fmt::print(stderr, "binding_energy: {}\n", e.what());
        return 2;
    }
    return 0;
}
