// Checkpoints: a search stopped at a barrier and resumed continues exactly as one unbroken run.
#include <doctest/doctest.h>

#include "temp_dir.hpp"

#include <bit>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include "checkpoint.hpp"
#include "occam/error.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

using namespace occam;
using occam::test::TempDir;
namespace fs = std::filesystem;

namespace {


Problem noisy_problem() {
    const std::vector<VariableRange> ranges{{"a", 0.5, 2}, {"b", 0.5, 2}};
    const std::vector<std::string> names{"a", "b"};
    const auto data = sample_formula(parse_formula("a/(b + 1) - a*a", names), ranges, {.rows = 200, .seed = 2, .noise = 0.01});
    return Problem(data, "y", {});
}

// Generations per epoch stay at the default 4, so 6 generations stop between two barriers.
SearchOptions small_search(long long generations) {
    SearchOptions options;
    options.threads = 1;
    options.operators = OperatorSet::parse("+,-,*,/,sin");
    options.budget.time_limit.reset();
    options.budget.max_generations = generations;
    options.population.islands = 3;
    options.population.population_size = 40;
    options.population.max_length = 15;
    return options;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The message of the input_error that work throws; empty when it throws none.
std::string error_of(const std::function<void()>& work) {
    try {
        work();
    } catch (const input_error& error) {
        return error.what();
    }
    return {};
}

void check_same_front(const Front& a, const Front& b) {
    REQUIRE(a.entries.size() == b.entries.size());
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        CHECK(a.entries[i].formula == b.entries[i].formula);
        CHECK(a.entries[i].train_loss == b.entries[i].train_loss);
        CHECK(a.entries[i].validation_loss == b.entries[i].validation_loss);
    }
    CHECK(a.final_progress.evaluations == b.final_progress.evaluations);
    CHECK(a.final_progress.generations == b.final_progress.generations);
}

}  // namespace

TEST_CASE("checkpoint: 6 generations and a resume to 12 equal one run of 12") {
    TempDir dir;
    const Problem problem = noisy_problem();

    auto whole = small_search(12);
    whole.checkpoint.path = dir.file("whole.json");
    const Front one_run = search(problem, whole);

    auto first = small_search(6);
    first.checkpoint.path = dir.file("half.json");
    const Front half = search(problem, first);
    CHECK(half.final_progress.generations == 6);

    auto second = small_search(12);
    second.threads = 2;  // threads never change the result, so a resume may use others
    second.checkpoint.resume = dir.file("half.json");
    second.checkpoint.path = dir.file("resumed.json");
    const Front resumed = search(problem, second);

    check_same_front(one_run, resumed);
    // the final checkpoints hold every population, random stream and archive: all must agree
    CHECK(read_text(dir.file("whole.json")) == read_text(dir.file("resumed.json")));
}

TEST_CASE("checkpoint: resuming a finished search returns its front without more work") {
    TempDir dir;
    const Problem problem = noisy_problem();
    auto options = small_search(8);
    options.checkpoint.path = dir.file("run.json");
    const Front done = search(problem, options);
    options.checkpoint.resume = options.checkpoint.path;
    options.checkpoint.path.clear();
    check_same_front(done, search(problem, options));
}

TEST_CASE("checkpoint: doubles and non-finite losses read back to the same bits") {
    TempDir dir;
    const Problem problem = noisy_problem();
    auto options = small_search(4);
    options.population.islands = 1;
    options.population.population_size = 2;
    const std::vector<double> values{0.1, 1.0 / 3, -0.0, 5e-324, 1.7976931348623157e308, -2.5e-300};

    Individual exotic;
    std::vector<Node> nodes{Node::variable(1)};
    for (double v : values) nodes.insert(nodes.end(), {Node::constant(v), Node::function(Op::Add)});
    nodes.insert(nodes.end(), {Node::number(0.7), Node::function(Op::Sin), Node::function(Op::Mul)});
    exotic.tree = Tree(nodes);
    exotic.scaling = {1.0 / 7, -3e-17};
    exotic.loss = 0.123456789012345678;
    exotic.complexity = exotic.tree.complexity();
    Individual invalid = exotic;
    invalid.loss = INFINITY;
    invalid.scaling.scale = NAN;

    SearchState state;
    IslandState island{.population = {invalid, exotic}, .oldest = 1, .random = {1, ~0ULL, 3, 1ULL << 63},
                       .evaluations = 7, .node_rows = 1234567890123, .archive = {}};
    island.archive.insert(exotic);
    state.islands.push_back(island);
    state.archive.insert(exotic);
    state.generations = 3;
    const std::string path = dir.file("state.json");
    write_checkpoint(path, state, problem, options);
    const SearchState back = read_checkpoint(path, problem, options);

    const auto bits = [](double x) { return std::bit_cast<std::uint64_t>(x); };
    REQUIRE(back.islands.size() == 1);
    const auto& population = back.islands[0].population;
    REQUIRE(population.size() == 2);
    CHECK(population[1].tree == exotic.tree);
    const auto constants = population[1].tree.constants();
    for (std::size_t i = 0; i < values.size(); ++i) CHECK(bits(constants[i]) == bits(values[i]));
    CHECK(bits(population[1].scaling.offset) == bits(exotic.scaling.offset));
    CHECK(bits(population[1].scaling.scale) == bits(exotic.scaling.scale));
    CHECK(bits(population[1].loss) == bits(exotic.loss));
    CHECK(population[0].loss == INFINITY);
    CHECK(std::isnan(population[0].scaling.scale));
    CHECK(back.islands[0].oldest == 1);
    CHECK(back.islands[0].random == island.random);
    CHECK(back.islands[0].evaluations == 7);
    CHECK(back.islands[0].node_rows == 1234567890123);
    CHECK(back.islands[0].archive.size() == 1);
    CHECK(back.archive.entries().begin()->second.tree == exotic.tree);
    CHECK(back.generations == 3);
}

TEST_CASE("checkpoint: a resume with other options or data is refused, naming what differs") {
    TempDir dir;
    const Problem problem = noisy_problem();
    auto options = small_search(4);
    options.checkpoint.path = dir.file("run.json");
    search(problem, options);
    options.checkpoint.path.clear();
    options.checkpoint.resume = dir.file("run.json");
    const auto resume_error = [&](const Problem& p, const SearchOptions& o) {
        return error_of([&] { search(p, o); });
    };

    auto other_seed = options;
    other_seed.seed = 2;
    CHECK(resume_error(problem, other_seed) == dir.file("run.json") + ": cannot resume: --seed differs (checkpoint 1, this run 2)");
    auto other_population = options;
    other_population.population.population_size = 50;
    CHECK(resume_error(problem, other_population) ==
          dir.file("run.json") + ": cannot resume: --population differs (checkpoint 40, this run 50)");
    auto other_ops = options;
    other_ops.operators = OperatorSet::parse("+,-,*,/");
    CHECK(resume_error(problem, other_ops).find("--ops differs") != std::string::npos);

    const std::vector<VariableRange> ranges{{"a", 0.5, 2}, {"b", 0.5, 2}};
    const auto other_data = sample_formula(parse_formula("a*b", std::vector<std::string>{"a", "b"}), ranges,
                                           {.rows = 200, .seed = 2});
    CHECK(resume_error(Problem(other_data, "y", {}), options).find("training data differs") != std::string::npos);

    // a bigger budget, other threads and front options are what a resume is for
    auto longer = options;
    longer.budget.max_generations = 8;
    longer.threads = 2;
    longer.fitting.snap = false;
    CHECK(resume_error(problem, longer).empty());

    // options added later: a checkpoint without them was made with their defaults
    auto short_islands = options;
    short_islands.population.short_island_length = 12;
    CHECK(resume_error(problem, short_islands) ==
          dir.file("run.json") + ": cannot resume: --short-length differs (checkpoint 0, this run 12)");
    std::string text = read_text(dir.file("run.json"));
    for (const std::string key : {"\"short_island_length\"", "\"sign_restart\""}) {
        const auto at = text.find(key);
        REQUIRE(at != std::string::npos);
        const auto end = text.find_first_of(",}", at);
        text.erase(at, end - at + (text[end] == ',' ? 1 : 0));
    }
    write_text(dir.file("run.json"), text);
    CHECK(resume_error(problem, longer).empty());
    auto sign_restart = options;
    sign_restart.fitting.sign_restart = true;
    CHECK(resume_error(problem, sign_restart) ==
          dir.file("run.json") + ": cannot resume: --sign-restart differs (checkpoint false, this run true)");
}

TEST_CASE("checkpoint: damaged files are refused with the file named") {
    TempDir dir;
    const Problem problem = noisy_problem();
    auto options = small_search(4);
    const std::string path = dir.file("run.json");
    options.checkpoint.path = path;
    search(problem, options);
    const std::string text = read_text(path);
    options.checkpoint.path.clear();
    options.checkpoint.resume = path;
    const auto load_error = [&] { return error_of([&] { read_checkpoint(path, problem, options); }); };

    // cut after a comma, so the text ends between values rather than inside a number or string
    write_text(path, text.substr(0, text.rfind(',', text.size() / 2) + 1));
    const std::string truncated = load_error();
    CHECK(truncated.rfind(path + ": not an occam checkpoint: JSON syntax error at byte ", 0) == 0);
    CHECK(truncated.find("unexpected end of input") != std::string::npos);
    CHECK(error_of([&] { search(problem, options); }) == truncated);

    write_text(path, "{\"format\": \"something else\"}");
    CHECK(load_error() == path + ": not an occam checkpoint");

    std::string unknown_op = text;
    unknown_op.replace(unknown_op.find("[\"+\"]"), 5, "[\"?\"]");
    write_text(path, unknown_op);
    CHECK(load_error().find(": damaged checkpoint: ") != std::string::npos);
    CHECK(load_error().find("unknown operator \"?\"") != std::string::npos);

    std::string newer = text;
    newer.replace(newer.find("\"version\":1"), 11, "\"version\":9");
    write_text(path, newer);
    CHECK(load_error() == path + ": checkpoint version 9 is not supported (this occam reads version 1)");

    fs::remove(path);
    CHECK(load_error().rfind(path + ": cannot read the checkpoint", 0) == 0);
}

TEST_CASE("checkpoint: written through a temporary, never left half-written") {
    TempDir dir;
    const Problem problem = noisy_problem();
    auto options = small_search(8);
    const std::string path = dir.file("run.json");
    write_text(path, "an older checkpoint");
    options.checkpoint.path = path;
    search(problem, options);
    CHECK_FALSE(fs::exists(path + ".tmp"));
    options.checkpoint.path.clear();
    options.checkpoint.resume = path;
    CHECK(error_of([&] { read_checkpoint(path, problem, options); }).empty());

    options.checkpoint.resume.clear();
    options.checkpoint.path = dir.file("no/such/folder/run.json");
    CHECK(error_of([&] { search(problem, options); }).rfind(options.checkpoint.path + ": cannot write the checkpoint", 0) == 0);
    CHECK_FALSE(fs::exists(options.checkpoint.path + ".tmp"));
}
