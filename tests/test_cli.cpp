// End-to-end tests of the occam program: each runs the built binary in a fresh directory and checks
// its exit code, its standard output and error, and the files it leaves behind.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "run_program.hpp"

using namespace occam::test;
using Args = std::vector<std::string>;

namespace {

// Bad input of any kind ends the same way: exit code 2, nothing on stdout, and one line on stderr.
void check_input_error(const ProgramResult& r, const std::string& message) {
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "occam: " + message + "\n");
}

// A formula error is the exception: its message adds the formula text and a caret under the column.
void check_formula_error(const ProgramResult& r, const std::string& first_line, const std::string& text,
                         std::size_t column) {
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    const auto lines = lines_of(r.err);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "occam: " + first_line);
    CHECK(lines[1] == text);
    CHECK(lines[2] == std::string(column - 1, ' ') + "^");
}

// Writes `occam sample formula` for x and y in [1, 3] to name in dir.
void sample(const TempDir& dir, const std::string& formula, const std::string& name, Args extra = {}) {
    Args args{"sample", formula, "--var", "x:1:3", "--var", "y:1:3", "--rows", "200", "--target", "f", "-o", name};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_program(args, dir.path());
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
}

// Column c of every data row of a CSV text, as written.
std::vector<std::string> column_of(const std::string& csv, std::size_t c) {
    std::vector<std::string> cells;
    const auto lines = lines_of(csv);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t end; (end = lines[i].find(',', start)) != std::string::npos; start = end + 1)
            fields.push_back(lines[i].substr(start, end - start));
        fields.push_back(lines[i].substr(start));
        cells.push_back(fields.at(c));
    }
    return cells;
}

// A small well-formed data set, for tests that fail before any search starts.
std::string small_csv() {
    std::string text = "x,y\n";
    for (int i = 0; i < 20; ++i) text += std::to_string(i) + "," + std::to_string(2 * i + 1) + "\n";
    return text;
}

}  // namespace

TEST_CASE("cli: a malformed CSV file is named with its line and column, and no output file is left") {
    struct Case {
        const char* what;
        const char* text;  // nullptr: no file at all
        const char* message;
    };
    const Case cases[] = {
        {"empty file", "", "data.csv: empty file (expected a header row)"},
        {"header only", "x,y\n", "data.csv: no data rows"},
        {"ragged row", "x,y\n1,2\n3\n", "data.csv:3: expected 2 fields, found 1"},
        {"non-numeric cell", "x,y\n1,2\n3,abc\n", "data.csv:3:3: cannot read \"abc\" as a number (column \"y\")"},
        {"duplicate column", "x,x,y\n1,2,3\n", "data.csv:1: duplicate column name \"x\""},
        {"unknown target", "x,z\n1,2\n", "unknown target \"y\" in data.csv; columns are: x, z"},
        {"NaN cell", "x,y\n1,2\nnan,3\n4,5\n",
         "data.csv:3:1: invalid value \"nan\" in column \"x\" (use --drop-invalid to skip such rows)"},
        {"missing file", nullptr, "data.csv: cannot open file (No such file or directory)"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.what));
        TempDir dir;
        if (c.text) dir.write("data.csv", c.text);
        const auto before = dir.listing();
        check_input_error(run_program({"eval", "x", "data.csv", "--target", "y", "--predict", "out.csv"}, dir.path()),
                          c.message);
        CHECK(dir.listing() == before);
    }
}

TEST_CASE("cli: --drop-invalid skips a NaN row instead of failing") {
    TempDir dir;
    dir.write("data.csv", "x,y\n1,2\nnan,3\n4,5\n");
    const auto r = run_program({"eval", "x", "data.csv", "--target", "y", "--drop-invalid"}, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("rows           2\n"));
}

TEST_CASE("cli: eval rejects formulas it cannot use") {
    TempDir dir;
    dir.write("data.csv", "x,y\n0,2\n1,3\n");
    SUBCASE("syntax error: the place, the text and a caret") {
        check_formula_error(run_program({"eval", "sin(x", "data.csv", "--target", "y"}, dir.path()),
                            "formula:1:6: expected ')'", "sin(x", 6);
    }
    SUBCASE("a name that is not a column") {
        check_formula_error(run_program({"eval", "sin(q)", "data.csv", "--target", "y"}, dir.path()),
                            "formula:1:5: unknown variable \"q\"", "sin(q)", 5);
    }
    SUBCASE("the target as an input") {
        check_input_error(run_program({"eval", "y + 1", "data.csv", "--target", "y"}, dir.path()),
                          "the formula uses the target column \"y\" as an input");
    }
    SUBCASE("undefined on a row") {
        check_input_error(run_program({"eval", "log(x)", "data.csv", "--target", "y"}, dir.path()),
                          "data.csv: the formula is undefined (NaN or Inf) on data row 1");
    }
}

TEST_CASE("cli: search rejects impossible options before it starts") {
    TempDir dir;
    dir.write("data.csv", small_csv());
    dir.write("two.csv", "x,y\n1,2\n2,3\n");
    struct Case {
        Args args;
        const char* message;
    };
    // Each also has a generation budget, so that a check that fails to fire cannot start a 60 s search.
    const Case cases[] = {
        {{"--ops", "+,foo"},
         "--ops: unknown operator \"foo\" (known: +,-,*,/,pow,neg,square,cube,sqrt,exp,log,sin,cos,tan,asin,acos,"
         "atan,tanh,abs,inv)"},
        {{"--ops", ","}, "--ops: the operator set is empty"},
        {{"--ops", "sin,cos"}, "--ops: at least one binary operator (+ - * / pow) is needed"},
        {{"--population", "0"}, "--population must be at least 2, not 0"},
        {{"--time", "-1"}, "--time: the time limit must be positive, not -1"},
        {{"--format", "xml"}, "--format xml: expected table, json, sympy, latex or c"},
        {{"--validation", "1"}, "--validation 1 is not a fraction in [0, 1)"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.message));
        Args args{"search", "data.csv", "--target", "y", "--generations", "1", "--quiet"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        check_input_error(run_program(args, dir.path()), c.message);
    }
    check_input_error(run_program({"search", "data.csv", "--target", "g", "--generations", "1"}, dir.path()),
                      "unknown target \"g\" in data.csv; columns are: x, y");
    check_input_error(run_program({"search", "two.csv", "--target", "y", "--generations", "1"}, dir.path()),
                      "2 rows are too few: a formula needs at least 3");
}

TEST_CASE("cli: sample rejects bad variable ranges, unknown variables and zero rows") {
    TempDir dir;
    struct Case {
        Args args;
        const char* message;
    };
    const Case cases[] = {
        {{"--var", "theta:3"}, "--var theta:3: expected name:low:high, e.g. theta:1:3"},
        {{"--var", "theta:1:2:3"}, "--var theta:1:2:3: expected name:low:high, e.g. theta:1:3"},
        {{"--var", ":1:3"}, "--var :1:3: expected name:low:high, e.g. theta:1:3"},
        {{"--var", "theta:a:b"}, "--var theta:a:b: cannot read \"a\" as a number"},
        {{"--var", "theta:3:1"}, "--var theta:3:1: low must not exceed high"},
        {{"--var", "theta:1:3", "--rows", "0"}, "--rows: must be at least 1, not 0"},
        {{"--var", "theta:1:3", "--rows", "-5"}, "--rows: must be at least 1, not -5"},
        {{"--var", "theta:1:3", "--noise", "-1"}, "--noise: must be at least 0, not -1"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.message));
        Args args{"sample", "theta", "-o", "data.csv"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        check_input_error(run_program(args, dir.path()), c.message);
        CHECK(dir.listing().empty());
    }
    check_formula_error(run_program({"sample", "sin(phi)", "--var", "theta:1:3"}, dir.path()),
                        "formula:1:5: unknown variable \"phi\"", "sin(phi)", 5);
}

TEST_CASE("cli: writing into a directory that does not exist fails cleanly") {
    TempDir dir;
    dir.write("data.csv", small_csv());
    const auto before = dir.listing();
    check_input_error(run_program({"sample", "x", "--var", "x:1:3", "-o", "nowhere/out.csv"}, dir.path()),
                      "nowhere/out.csv: cannot write file (No such file or directory)");
    check_input_error(
        run_program({"eval", "2*x + 1", "data.csv", "--target", "y", "--predict", "nowhere/out.csv"}, dir.path()),
        "nowhere/out.csv: cannot write file (No such file or directory)");
    check_input_error(run_program({"search", "data.csv", "--target", "y", "--generations", "1", "--quiet", "--output",
                                   "nowhere/front.txt"},
                                  dir.path()),
                      "nowhere/front.txt: cannot write file (No such file or directory)");
    CHECK(dir.listing() == before);  // no stray .tmp file
}

TEST_CASE("cli: sample writes reproducible data that eval fits exactly") {
    TempDir dir;
    const Args command{"sample", "x*y + 2", "--var", "x:1:3", "--var", "y:1:3", "--rows", "200", "--seed", "1",
                       "--target", "f", "-o"};
    auto with_output = [&](const std::string& name, Args extra = {}) {
        Args args = command;
        args.push_back(name);
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_program(args, dir.path());
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
        return dir.read(name);
    };
    const std::string data = with_output("data.csv");
    const auto lines = lines_of(data);
    CHECK(lines.size() == 201);
    CHECK(lines.at(0) == "x,y,f");
    CHECK(with_output("again.csv") == data);

    // Noise moves the target and nothing else.
    const std::string noisy = with_output("noisy.csv", {"--noise", "0.01"});
    CHECK(lines_of(noisy).size() == 201);
    CHECK(column_of(noisy, 0) == column_of(data, 0));
    CHECK(column_of(noisy, 1) == column_of(data, 1));
    CHECK(column_of(noisy, 2) != column_of(data, 2));

    const auto eval = run_program({"eval", "x*y + 2", "data.csv", "--target", "f", "--predict", "out.csv"}, dir.path());
    CHECK(eval.exit_code == 0);
    CHECK(eval.err.empty());
    CHECK(eval.out == "rows           200\nR2             1\nRMSE           0\nNMSE           0\nmax abs error  0\n");
    const std::string predicted = dir.read("out.csv");
    CHECK(lines_of(predicted).size() == 201);
    CHECK(lines_of(predicted).at(0) == "f,prediction");
    CHECK(column_of(predicted, 0) == column_of(data, 2));
    CHECK(column_of(predicted, 1) == column_of(data, 2));  // an exact fit, to the last bit
}

TEST_CASE("cli: a formula may begin with a minus sign, stand after the ranges, and use an input named y") {
    TempDir dir;
    // four rows of the Feynman table begin with a minus; the target is not called y when an input is
    const auto sampled = run_program({"sample", "-x*y", "--var", "x:1:3", "--var", "y:1:3", "--rows", "5"}, dir.path());
    CHECK(sampled.exit_code == 0);
    CHECK(sampled.err.empty());
    CHECK(lines_of(sampled.out).at(0) == "x,y,target");
    const auto after = run_program({"sample", "--var", "x:1:3", "--var", "y:1:3", "--rows", "5", "-x*y", "-o", "data.csv"}, dir.path());
    CHECK(after.exit_code == 0);
    CHECK(after.err.empty());
    CHECK(dir.read("data.csv") == sampled.out);
    const auto eval = run_program({"eval", "-x*y", "data.csv", "-t", "target"}, dir.path());
    CHECK(eval.exit_code == 0);
    CHECK(eval.out.find("R2             1\n") != std::string::npos);
    // a bad formula that begins with a minus is named at the column the user typed
    check_formula_error(run_program({"eval", "-x*", "data.csv", "-t", "target"}, dir.path()),
                        "formula:1:4: expected operand", "-x*", 4);
    // an unknown option is still one
    const auto unknown = run_program({"eval", "x", "data.csv", "-t", "target", "--nonsense"}, dir.path());
    CHECK(unknown.exit_code == 2);
}

TEST_CASE("cli: search prints its front in every format") {
    TempDir dir;
    sample(dir, "x*y + 2", "data.csv");
    const Args command{"search", "data.csv", "--target", "f", "--generations", "10", "--quiet", "--seed", "1"};
    auto search_as = [&](const std::string& format) {
        Args args = command;
        args.insert(args.end(), {"--format", format});
        const auto r = run_program(args, dir.path());
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        return r.out;
    };

    const auto json = nlohmann::json::parse(search_as("json"));
    CHECK(json.at("variables") == nlohmann::json::array({"x", "y"}));
    CHECK(json.at("interrupted") == false);
    const auto& front = json.at("front");
    REQUIRE(front.is_array());
    REQUIRE(!front.empty());
    std::size_t recommended = 0;
    std::string formula;
    for (const auto& entry : front) {
        if (entry.at("recommended").get<bool>()) {
            ++recommended;
            formula = entry.at("sympy").get<std::string>();
        }
    }
    CHECK(recommended == 1);
    REQUIRE(!formula.empty());
    // The printed formula reads back and fits the exact data it came from.
    const auto eval = run_program({"eval", formula, "data.csv", "--target", "f"}, dir.path());
    CHECK(eval.exit_code == 0);
    CHECK(eval.out.find("\nR2             1\n") != std::string::npos);

    for (const char* format : {"sympy", "latex", "c"}) {
        INFO(std::string(format));
        const auto lines = lines_of(search_as(format));
        CHECK(lines.size() == front.size());
        for (const auto& line : lines) CHECK(!line.empty());
    }

    const std::string table = search_as("table");
    CHECK(table.starts_with("   complexity  loss (NMSE)             R2  formula\n"));
    Args to_file = command;
    to_file.insert(to_file.end(), {"--output", "front.txt"});
    const auto r = run_program(to_file, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(dir.read("front.txt") == table);
    CHECK(dir.listing() == std::vector<std::string>{"data.csv", "front.txt"});
}

TEST_CASE("cli: search --report writes a page, and occam report draws the same page from the saved front") {
    TempDir dir;
    sample(dir, "x*y + 2", "data.csv");
    const auto searched = run_program({"search", "data.csv", "--target", "f", "--generations", "10", "--quiet", "--seed",
                                       "1", "--format", "json", "-o", "front.json", "--report", "direct.html"},
                                      dir.path());
    CHECK(searched.exit_code == 0);
    const auto json = nlohmann::json::parse(dir.read("front.json"));
    CHECK(json.at("run").at("data") == "data.csv");
    CHECK(json.at("run").at("target") == "f");
    CHECK(json.at("run").at("command").get<std::string>().find("--generations 10") != std::string::npos);

    const auto reported = run_program({"report", "front.json", "-o", "saved.html"}, dir.path());
    CHECK(reported.exit_code == 0);
    CHECK(reported.err.empty());
    const std::string direct = dir.read("direct.html"), saved = dir.read("saved.html");
    const auto count = [](const std::string& page, const std::string& piece) {
        std::size_t n = 0;
        for (auto at = page.find(piece); at != std::string::npos; at = page.find(piece, at + 1)) ++n;
        return n;
    };
    CHECK(count(direct, "class=\"front-point") == json.at("front").size());
    CHECK(count(saved, "class=\"front-point") == json.at("front").size());
    CHECK(count(saved, "<circle class=\"data-point\"") == count(direct, "<circle class=\"data-point\""));
    for (const auto& entry : json.at("front")) CHECK(saved.find(entry.at("infix").get<std::string>()) != std::string::npos);

    // the data moved away: the page still draws the front, and says the data are missing
    std::filesystem::rename(dir / "data.csv", dir / "elsewhere.csv");
    const auto without = run_program({"report", "front.json", "-o", "without.html"}, dir.path());
    CHECK(without.exit_code == 0);
    CHECK(without.err.find("the data file it names is not here") != std::string::npos);
    CHECK(dir.read("without.html").find("data file was not available") != std::string::npos);
    const auto with_data = run_program({"report", "front.json", "-o", "again.html", "--data", "elsewhere.csv"}, dir.path());
    CHECK(with_data.exit_code == 0);
    CHECK(count(dir.read("again.html"), "<circle class=\"data-point\"") == count(direct, "<circle class=\"data-point\""));
}

TEST_CASE("cli: a search with a generation budget gives the same front on 1 and 2 threads") {
    TempDir dir;
    // Noisy data, so that no formula meets the target loss and every generation runs.
    sample(dir, "x*y + sin(x)", "data.csv", {"--noise", "0.1"});
    auto front_on = [&](const char* threads) {
        const auto r = run_program(
            {"search", "data.csv", "--target", "f", "--generations", "8", "--quiet", "--threads", threads}, dir.path());
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        return r.out;
    };
    const std::string one = front_on("1");
    CHECK(lines_of(one).size() > 3);
    CHECK(front_on("2") == one);
}

TEST_CASE("cli: Ctrl-C stops a search, which still prints its front") {
    TempDir dir;
    sample(dir, "x*y + sin(x)", "data.csv", {"--noise", "0.1"});
    // the first checkpoint is written at the first barrier: the search is running by then
    Program search({"search", "data.csv", "--target", "f", "--time", "60", "--quiet", "--checkpoint", "run.ckpt"},
                   dir.path());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!std::filesystem::exists(dir.path() / "run.ckpt") && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(std::filesystem::exists(dir.path() / "run.ckpt"));
    search.signal(SIGINT);
    const auto start = std::chrono::steady_clock::now();
    const auto r = search.wait(std::chrono::seconds(10));
    const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
    CHECK(!r.timed_out);
    CHECK(waited.count() < 5);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "occam: interrupted; the front found so far:\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 3);
    CHECK(lines[0] == "   complexity  loss (NMSE)             R2  formula");
    CHECK(r.out.find("\n *") != std::string::npos);  // the recommended formula is marked
}

TEST_CASE("cli: help lists the sub-commands and every option") {
    TempDir dir;
    const auto top = run_program({"--help"}, dir.path());
    CHECK(top.exit_code == 0);
    for (const std::string command : {"sample", "eval", "search", "suite", "distill", "check"}) {
        INFO(command);
        CHECK(std::regex_search(top.out, std::regex("\n  " + command + " +\\S")));

        // The options are read from the command's sources, so a new option without help text fails here.
        std::vector<std::string> sources{"command_" + command + ".cpp"};
        if (command == "search" || command == "distill") sources.push_back("search_option_group.cpp");
        std::string code;
        for (const std::string& file : sources) {
            std::ifstream source(std::string(OCCAM_SOURCE_DIR) + "/cli/" + file);
            REQUIRE(source);
            code += std::string{std::istreambuf_iterator<char>(source), {}};
        }
        const std::regex declaration(R"re(add_(?:option|flag)\("([^"]+)")re");
        std::vector<std::string> names;
        for (std::sregex_iterator it(code.begin(), code.end(), declaration), end; it != end; ++it) {
            const std::string spec = (*it)[1];
            std::size_t start = 0;
            for (std::size_t comma; (comma = spec.find(',', start)) != std::string::npos; start = comma + 1)
                names.push_back(spec.substr(start, comma - start));
            names.push_back(spec.substr(start));
        }
        for (auto& name : names)
            if (name.starts_with('!')) name.erase(0, 1);  // CLI11's mark of a negating flag name
        CHECK(names.size() >= 4);  // the regex found the declarations

        const auto help = run_program({command, "--help"}, dir.path());
        CHECK(help.exit_code == 0);
        CHECK(help.err.empty());
        for (const auto& name : names) {
            INFO(name);
            CHECK(help.out.find(name) != std::string::npos);
        }
    }
}

TEST_CASE("cli: a missing or unknown sub-command is a usage error") {
    TempDir dir;
    for (const Args& args : {Args{}, Args{"frobnicate"}}) {
        const auto r = run_program(args, dir.path());
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(lines_of(r.err).size() == 1);
        CHECK(r.err.starts_with("occam: "));
    }
}

TEST_CASE("cli: suite --seeds runs every problem once per seed and summarises over the seeds") {
    TempDir dir;
    const Args base{"suite", "unseen", "--only", "lmtd", "--rows", "200", "--generations", "3", "--threads", "1",
                    "--precheck", "off"};
    Args args = base;
    args.insert(args.end(), {"--seeds", "1-2", "-o", "runs.csv", "--report", "runs.html"});
    const auto r = run_program(args, dir.path());
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    // the report: every summary line on top, a row with a front thumbnail per problem and seed
    const std::string page = dir.read("runs.html");
    for (std::size_t k = 2; k < 5; ++k) CHECK(page.find(lines[k].substr(0, 20)) != std::string::npos);
    CHECK(page.find("lmtd (seed 1)") != std::string::npos);
    CHECK(page.find("lmtd (seed 2)") != std::string::npos);
    std::size_t thumbnails = 0;
    for (auto at = page.find("class=\"front-thumbnail\""); at != std::string::npos; at = page.find("class=\"front-thumbnail\"", at + 1))
        ++thumbnails;
    CHECK(thumbnails == 2);
    CHECK(lines[0].starts_with("lmtd         seed 1 "));
    CHECK(lines[1].starts_with("lmtd         seed 2 "));
    CHECK(lines[2].starts_with("unseen seed 1: "));
    CHECK(lines[3].starts_with("unseen seed 2: "));
    CHECK(std::regex_search(lines[4], std::regex(R"(^unseen: over 2 seeds: \d\.\d/1 on average, \d at least, \d at most;)")));
    const std::string csv = dir.read("runs.csv");
    CHECK(csv.starts_with("id,seed,exact_as_printed,"));
    CHECK(column_of(csv, 1) == std::vector<std::string>{"1", "2"});

    const auto with_seeds = [&](const std::string& seeds) {
        Args with = base;
        with.insert(with.end(), {"--seeds", seeds});
        return run_program(with, dir.path());
    };
    check_input_error(with_seeds("1-2,2"), "--seeds 1-2,2: seed 2 is named twice");
    for (const std::string bad : {"3-1", "1-", "x", "1,,2", ""}) {
        INFO(bad);
        check_input_error(with_seeds(bad), "--seeds " + bad + ": expected seeds such as 1-3 or 1,2,5");
    }
}

TEST_CASE("cli: with your own --ops a stalled search adds only what --stall-ops names") {
    TempDir dir;
    const auto written = run_program({"sample", "atan(y/x)", "--var", "x:1:2", "--var", "y:1:3", "--rows", "300",
                                      "--target", "f", "-o", "angle.csv"},
                                     dir.path());
    REQUIRE(written.exit_code == 0);
    const Args search{"search", "angle.csv", "--target", "f", "--ops", "+,-,*,/,sqrt", "--widen-after", "4",
                      "--generations", "60", "--islands", "2", "--population", "40", "--threads", "1"};
    const auto own = run_program(search, dir.path());
    REQUIRE(own.exit_code == 0);
    CHECK(own.err.find("to its operators") == std::string::npos);
    CHECK(own.out.find("atan") == std::string::npos);

    Args with_atan = search;
    with_atan.insert(with_atan.end(), {"--stall-ops", "atan"});
    const auto widened = run_program(with_atan, dir.path());
    REQUIRE(widened.exit_code == 0);
    CHECK(std::regex_search(widened.err, std::regex("search added atan to its operators at generation \\d+ of the plain "
                                                    "search: the best loss had not fallen by 1 % for 4 generations")));

    Args unknown = search;
    unknown.insert(unknown.end(), {"--stall-ops", "frob"});
    const auto bad = run_program(unknown, dir.path());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.starts_with("occam: --stall-ops: unknown operator \"frob\" (known: "));
}
