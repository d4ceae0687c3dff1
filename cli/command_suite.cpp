// occam suite feynman|unseen|strogatz|real : run a benchmark suite and give an honest verdict per problem.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "interrupt.hpp"
#include "invocation.hpp"
#include "search_output.hpp"
#include "occam/error.hpp"
#include "occam/report.hpp"
#include "occam/solve.hpp"
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
    std::optional<std::string> seeds;  // "1-3" or "1,2,5": every problem once per seed; none: --seed alone
    bool no_units = false;
    std::size_t rows = 10000;
    std::size_t threads = 2;
    std::size_t fit_rows = SearchOptions{}.fitting.max_rows;
    std::string output;
    std::string report;
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

// Suites of laws sampled over ranges, each with a units table for the dimensional analysis.
bool is_sampled(const std::string& suite) { return suite == "feynman" || suite == "unseen"; }

std::vector<SuiteProblem> loaded(const SuiteArgs& args) {
    const std::string directory = args.suites_dir + "/" + args.suite;
    if (args.suite == "feynman") return load_feynman(directory);
    if (args.suite == "unseen") return load_unseen(directory);
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

// "1-3", "1,2,5" or "1-3,7" as a list of seeds, in the order given.
std::vector<std::uint64_t> parse_seeds(const std::string& text) {
    const auto fail = [&] { return input_error(fmt::format("--seeds {}: expected seeds such as 1-3 or 1,2,5", text)); };
    const auto number = [&](const std::string& digits) {
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 18)
            throw fail();
        return static_cast<std::uint64_t>(std::stoull(digits));
    };
    std::vector<std::uint64_t> seeds;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(start, end - start);
        start = end + 1;
        const auto dash = item.find('-');
        const std::uint64_t first = number(item.substr(0, dash));
        const std::uint64_t last = dash == std::string::npos ? first : number(item.substr(dash + 1));
        if (last < first || last - first >= 1000) throw fail();
        for (std::uint64_t seed = first; seed <= last; ++seed) {
            if (std::find(seeds.begin(), seeds.end(), seed) != seeds.end())
                throw input_error(fmt::format("--seeds {}: seed {} is named twice", text, seed));
            seeds.push_back(seed);
        }
    }
    return seeds;
}

// One line per run: a real table's verdict is "law" when the recommended formula has the law's
// form, "front" when another does, "outdone" when a formula no more complex than the law fits the
// table better; a sampled law's "exact" as printed, "refit" when only its refitted constants are.
const char* verdict_word(const SuiteOutcome& o, bool real) {
    return real ? (o.exact                           ? "law"
                   : o.law_on_front.value_or(false) ? "front"
                   : o.law_outdone.value_or(false)  ? "outdone"
                                                     : "no")
                : (o.exact_as_printed ? "exact" : o.exact ? "refit" : "no");
}

SuiteReportRow report_row(const SuiteOutcome& o, const std::string& seed_label, bool real) {
    return {.id = o.id + (seed_label.empty() ? "" : " (" + seed_label + ")"), .verdict = verdict_word(o, real),
            .solved = solved(o), .seconds = o.seconds, .formula = o.formula, .front = o.front};
}

void print_outcome(const SuiteOutcome& o, const std::string& seed_label, bool real) {
    const char* verdict = verdict_word(o, real);
    fmt::print("{:<12} {}{:<5} R2 {:<12.9f} {:>5.1f} s  {}\n", o.id, seed_label, verdict, o.test_r2, o.seconds, o.formula);
    for (const auto& step : o.steps) fmt::print("    pre-check: {}\n", step);
    std::fflush(stdout);
}

// Rows are appended and flushed one by one, so an interrupted run keeps what it finished.
void write_row(std::ofstream& out, const SuiteOutcome& o, std::uint64_t seed, bool real) {
    const auto yes = [](bool b) { return b ? "yes" : "no"; };
    if (real) {
        out << fmt::format("{},{},{},{},{},{:.12g},{},{:.2f},{}\n", o.id, seed, yes(o.exact),
                           yes(o.law_on_front.value_or(false)), yes(o.law_outdone.value_or(false)), o.test_r2,
                           o.complexity, o.seconds, csv_quoted(o.formula));
    } else {
        const std::string to_exact = o.seconds_to_exact ? fmt::format("{:.1f}", *o.seconds_to_exact) : "";
        out << fmt::format("{},{},{},{},{:.12g},{},{},{:.2f},{:.3g},{}\n", o.id, seed, yes(o.exact_as_printed),
                           yes(o.exact), o.test_r2, o.complexity, to_exact, o.seconds, o.max_relative_error,
                           csv_quoted(o.formula));
    }
    out << std::flush;
}

void run_suite(SuiteArgs args) {
    if (!is_sampled(args.suite) && args.suite != "strogatz" && args.suite != "real")
        throw input_error(fmt::format("unknown suite \"{}\": expected feynman, unseen, strogatz or real", args.suite));
    if (args.suites_dir.empty()) args.suites_dir = default_suites_directory();
    if (args.suites_dir.empty())
        throw input_error("occam suite: no suite manifests beside the program (share/occam/suites); give --suites DIR");
    const auto problems = selected(args);
    const bool real = args.suite == "real";
    const std::vector<std::uint64_t> seeds = args.seeds ? parse_seeds(*args.seeds) : std::vector{args.seed};
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
    const bool prechecks = precheck_mode_from_name(args.precheck) == PrecheckMode::automatic;
    std::optional<UnitsTable> units;
    if (prechecks && is_sampled(args.suite) && !args.no_units)
        units = read_units(args.suites_dir + "/" + args.suite + "/units.csv");
    options.units = units ? &*units : nullptr;
    options.prechecks = prechecks;

    require_output_folder(args.report);
    std::ofstream out;
    if (!args.output.empty()) {
        out.open(args.output, std::ios::trunc);
        if (!out) throw input_error(fmt::format("{}: cannot write file", args.output));
        out << (real ? "id,seed,recommended,law_on_front,law_outdone,r2,complexity,seconds,formula\n"
                     : "id,seed,exact_as_printed,exact_after_refit,test_r2,complexity,seconds_to_exact,seconds,max_relative_error,"
                       "formula\n")
            << std::flush;
    }
    const bool show_progress = isatty(fileno(stderr));
    const auto& interrupted = install_interrupt_handler();
    // problems outside, seeds inside; the summaries count the problems every seed finished
    std::vector<std::vector<SuiteOutcome>> by_seed(seeds.size());
    std::vector<SuiteReportRow> report_rows;
    for (std::size_t i = 0; i < problems.size() && !interrupted; ++i) {
        for (std::size_t k = 0; k < seeds.size() && !interrupted; ++k) {
            options.seed = seeds[k];
            options.search.seed = seeds[k];
            if (show_progress)
                fmt::print(stderr, "[{}/{}] {} seed {} ...\r", i + 1, problems.size(), problems[i].id, seeds[k]);
            const auto outcome = run_suite_problem(problems[i], options, &interrupted);
            if (outcome.interrupted) break;  // a cut-short search gets no verdict
            print_outcome(outcome, seeds.size() > 1 ? fmt::format("seed {:<3} ", seeds[k]) : "", real);
            if (out.is_open()) write_row(out, outcome, seeds[k], real);
            report_rows.push_back(report_row(outcome, seeds.size() > 1 ? fmt::format("seed {}", seeds[k]) : "", real));
            by_seed[k].push_back(outcome);
        }
    }
    // every seed's summary over the problems that all seeds finished
    std::size_t finished = problems.size();
    for (const auto& outcomes : by_seed) finished = std::min(finished, outcomes.size());
    for (auto& outcomes : by_seed) outcomes.resize(finished);
    if (interrupted) fmt::print(stderr, "occam: interrupted after {} of {} problems\n", finished, problems.size());
    std::vector<std::string> summaries;
    for (std::size_t k = 0; k < seeds.size(); ++k) {
        const std::string label = seeds.size() > 1 ? fmt::format("{} seed {}", args.suite, seeds[k]) : args.suite;
        summaries.push_back(suite_summary(label, by_seed[k]));
    }
    if (seeds.size() > 1) summaries.push_back(fmt::format("{}: {}", args.suite, seeds_summary(by_seed)));
    for (const std::string& summary : summaries) fmt::print("{}\n", summary);
    if (!args.report.empty())
        write_output(args.report, suite_report(fmt::format("{}", fmt::join(summaries, "; ")), invocation(), report_rows));
}

}  // namespace

void add_suite_command(CLI::App& app) {
    auto args = std::make_shared<SuiteArgs>();
    auto* cmd = app.add_subcommand("suite", "Run the Feynman, unseen-law, Strogatz or real-table benchmark suite with "
                                            "an honest verdict per problem");
    cmd->add_option("suite", args->suite,
                    "feynman, unseen (51 laws outside the Feynman table, the development set), strogatz, or real "
                    "(small tables of measurements: is the accepted law on the front, and recommended?)")
        ->required();
    cmd->add_option("--only", args->only, "Comma-separated problem ids, e.g. I.6.2a,I.10.7");
    cmd->add_option("--time", args->time, "Seconds of search per problem")->capture_default_str()->check(at_least(1e-9, "POSITIVE"));
    cmd->add_option("--generations", args->generations, "A generation budget per problem instead of a time limit "
                                                        "(reproducible)");
    cmd->add_option("--noise", args->noise, "Gaussian noise on sampled targets, sd = level x RMS")
        ->capture_default_str()
        ->check(non_negative());
    auto* seed = cmd->add_option("--seed", args->seed, "Random seed for data and search")->capture_default_str();
    cmd->add_option("--seeds", args->seeds, "Run every problem once per seed, e.g. 1-3 or 1,2,5 (instead of --seed): "
                                            "per seed the summary, then the mean, least and most solved, and which "
                                            "problems only some seeds solve")
        ->excludes(seed);
    cmd->add_option("--rows", args->rows, "Rows sampled per Feynman or unseen-law problem")->capture_default_str()->check(CLI::Range(16, 10'000'000));
    cmd->add_option("--threads", args->threads, "Worker threads")->capture_default_str();
    cmd->add_option("--fit-rows", args->fit_rows, "Training rows used to fit each candidate")->capture_default_str();
    cmd->add_option("--short-length", args->short_length, "Every other island breeds formulas of at most this many "
                                                          "nodes (0: none)")
        ->capture_default_str();
    cmd->add_flag("--sign-restart,!--no-sign-restart", args->sign_restart,
                  "Fit each new candidate also from its constants' negatives");
    cmd->add_option("-o,--output", args->output, "CSV file with one row per problem, written as the suite goes");
    cmd->add_option("--report", args->report,
                    "HTML report written at the end: the summary, then per problem its verdict, time, formula and front");
    cmd->add_option("--precheck", args->precheck,
                    "auto: dimensional analysis (the suite's units table, feynman and unseen) and pair symmetries "
                    "through a neural surrogate before each search, or off")
        ->capture_default_str();
    cmd->add_flag("--no-units", args->no_units,
                  "Run the pre-checks without the suite's units table, as for a user who has none");
    cmd->add_option("--suites", args->suites_dir,
                    "Folder holding the feynman/, unseen/, strogatz/ and real/ manifests (default: share/occam/suites beside "
                    "the program, or in its parent folder)");
    cmd->callback([args] { run_suite(*args); });
}

}  // namespace occam::cli
