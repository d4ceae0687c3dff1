// occam suite feynman|strogatz|real : run a benchmark suite and give an honest verdict per problem.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "commands.hpp"
#include "interrupt.hpp"
#include "occam/error.hpp"
#include "occam/suite_runner.hpp"
#include "occam/units.hpp"
#include "option_checks.hpp"
#include "suite_directory.hpp"

namespace occam::cli {
namespace {

struct SuiteArgs {
    std::string suite;
    std::string only;
    double time = 60;
    std::optional<long long> generations;
    std::size_t short_length = PopulationOptions{}.short_island_length;
    bool sign_restart = FittingOptions{}.sign_restart;
    double noise = 0;
    std::uint64_t seed = 1;
    std::size_t rows = 10000;
    std::size_t threads = 2;
    std::size_t fit_rows = SearchOptions{}.fitting.max_rows;
    std::string output;
    std::string suites_dir;  // empty: default_suites_directory()
    std::string precheck = "off";
};

std::string csv_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<SuiteProblem> loaded(const SuiteArgs& args) {
    const std::string directory = args.suites_dir + "/" + args.suite;
    if (args.suite == "feynman") return load_feynman(directory);
    if (args.suite == "strogatz") return load_strogatz(directory);
    return load_real(directory);
}

std::vector<SuiteProblem> selected(const SuiteArgs& args) {
    auto problems = loaded(args);
    if (args.only.empty()) return problems;
    std::vector<SuiteProblem> chosen;
    std::size_t start = 0;
    while (start <= args.only.size()) {
        auto end = args.only.find(',', start);
        if (end == std::string::npos) end = args.only.size();
        const std::string id = args.only.substr(start, end - start);
        start = end + 1;
        if (id.empty()) continue;
        const auto it = std::find_if(problems.begin(), problems.end(), [&](const SuiteProblem& p) { return p.id == id; });
        if (it == problems.end()) throw input_error(fmt::format("--only: no problem \"{}\" in the {} suite", id, args.suite));
        chosen.push_back(*it);
    }
    return chosen;
}

void run_suite(SuiteArgs args) {
    if (args.suite != "feynman" && args.suite != "strogatz" && args.suite != "real")
        throw input_error(fmt::format("unknown suite \"{}\": expected feynman, strogatz or real", args.suite));
    if (args.suites_dir.empty()) args.suites_dir = default_suites_directory();
    if (args.suites_dir.empty())
        throw input_error("occam suite: no suite manifests beside the program (share/occam/suites); give --suites DIR");
    const auto problems = selected(args);
    const bool real = args.suite == "real";
    SuiteOptions options;
    options.noise = args.noise;
    options.rows = args.rows;
    options.seed = args.seed;
    options.search.seed = args.seed;
    options.search.threads = args.threads;
    options.search.fitting.max_rows = args.fit_rows;
    options.search.population.short_island_length = args.short_length;
    options.search.fitting.sign_restart = args.sign_restart;
    options.search.budget.time_limit = std::chrono::duration<double>(args.time);
    if (args.generations) {
        options.search.budget.max_generations = args.generations;
        options.search.budget.time_limit.reset();
    }
    options.search.validate();
    if (args.precheck != "auto" && args.precheck != "off")
        throw input_error(fmt::format("--precheck {}: expected auto or off", args.precheck));
    std::optional<UnitsTable> units;
    if (args.precheck == "auto" && args.suite == "feynman") units = read_units(args.suites_dir + "/feynman/units.csv");
    options.units = units ? &*units : nullptr;
    options.prechecks = args.precheck == "auto";

    // Rows are appended and flushed one by one, so an interrupted run keeps what it finished.
    std::ofstream out;
    if (!args.output.empty()) {
        out.open(args.output, std::ios::trunc);
        if (!out) throw input_error(fmt::format("{}: cannot write file", args.output));
        out << (real ? "id,recommended,law_on_front,law_outdone,r2,complexity,seconds,formula\n"
                     : "id,exact_as_printed,exact_after_refit,test_r2,complexity,seconds_to_exact,seconds,max_relative_error,"
                       "formula\n")
            << std::flush;
    }
    const bool show_progress = isatty(fileno(stderr));
    const auto& interrupted = install_interrupt_handler();
    std::vector<SuiteOutcome> outcomes;
    for (std::size_t i = 0; i < problems.size() && !interrupted; ++i) {
        if (show_progress) fmt::print(stderr, "[{}/{}] {} ...\r", i + 1, problems.size(), problems[i].id);
        const auto o = run_suite_problem(problems[i], options, &interrupted);
        if (o.interrupted) break;  // a cut-short search gets no verdict
        outcomes.push_back(o);
        const std::string to_exact = o.seconds_to_exact ? fmt::format("{:.1f}", *o.seconds_to_exact) : "";
        // a real table: "law" when the recommended formula has the law's form, "front" when another does,
        // "outdone" when a formula no more complex than the law fits the table better;
        // a sampled one: "exact" as printed, "refit" when only its refitted constants make it exact
        const char* verdict = real ? (o.exact                           ? "law"
                                      : o.law_on_front.value_or(false) ? "front"
                                      : o.law_outdone.value_or(false)  ? "outdone"
                                                                        : "no")
                                   : (o.exact_as_printed ? "exact" : o.exact ? "refit" : "no");
        fmt::print("{:<12} {:<5} R2 {:<12.9f} {:>5.1f} s  {}\n", o.id, verdict, o.test_r2, o.seconds, o.formula);
        for (const auto& step : o.steps) fmt::print("    pre-check: {}\n", step);
        std::fflush(stdout);
        if (out.is_open() && real) {
            out << fmt::format("{},{},{},{},{:.12g},{},{:.2f},{}\n", o.id, o.exact ? "yes" : "no",
                               o.law_on_front.value_or(false) ? "yes" : "no", o.law_outdone.value_or(false) ? "yes" : "no",
                               o.test_r2, o.complexity, o.seconds,
                               csv_quoted(o.formula))
                << std::flush;
        } else if (out.is_open()) {
            out << fmt::format("{},{},{},{:.12g},{},{},{:.2f},{:.3g},{}\n", o.id, o.exact_as_printed ? "yes" : "no",
                               o.exact ? "yes" : "no", o.test_r2, o.complexity,
                               to_exact, o.seconds, o.max_relative_error, csv_quoted(o.formula))
                << std::flush;
        }
    }
    if (interrupted) fmt::print(stderr, "occam: interrupted after {} of {} problems\n", outcomes.size(), problems.size());
    fmt::print("{}\n", suite_summary(args.suite, outcomes));
}

}  // namespace

void add_suite_command(CLI::App& app) {
    auto args = std::make_shared<SuiteArgs>();
    auto* cmd = app.add_subcommand("suite", "Run the Feynman, Strogatz or real-table benchmark suite with an honest "
                                            "verdict per problem");
    cmd->add_option("suite", args->suite,
                    "feynman, strogatz, or real (small tables of measurements: is the accepted law on the front, "
                    "and recommended?)")
        ->required();
    cmd->add_option("--only", args->only, "Comma-separated problem ids, e.g. I.6.2a,I.10.7");
    cmd->add_option("--time", args->time, "Seconds of search per problem")->capture_default_str()->check(at_least(1e-9, "POSITIVE"));
    cmd->add_option("--generations", args->generations, "A generation budget per problem instead of a time limit "
                                                        "(reproducible)");
    cmd->add_option("--noise", args->noise, "Gaussian noise on sampled targets, sd = level x RMS")
        ->capture_default_str()
        ->check(non_negative());
    cmd->add_option("--seed", args->seed, "Random seed for data and search")->capture_default_str();
    cmd->add_option("--rows", args->rows, "Rows sampled per Feynman problem")->capture_default_str()->check(CLI::Range(16, 10'000'000));
    cmd->add_option("--threads", args->threads, "Worker threads")->capture_default_str();
    cmd->add_option("--fit-rows", args->fit_rows, "Training rows used to fit each candidate")->capture_default_str();
    cmd->add_option("--short-length", args->short_length, "Every other island breeds formulas of at most this many "
                                                          "nodes (0: none)")
        ->capture_default_str();
    cmd->add_flag("--sign-restart,!--no-sign-restart", args->sign_restart,
                  "Fit each new candidate also from its constants' negatives");
    cmd->add_option("-o,--output", args->output, "CSV file with one row per problem, written as the suite goes");
    cmd->add_option("--precheck", args->precheck,
                    "auto: dimensional analysis (Feynman's units table) and pair symmetries through a neural surrogate before each search, or off")
        ->capture_default_str();
    cmd->add_option("--suites", args->suites_dir,
                    "Folder holding the feynman/, strogatz/ and real/ manifests (default: share/occam/suites beside "
                    "the program, or in its parent folder)");
    cmd->callback([args] { run_suite(*args); });
}

}  // namespace occam::cli
