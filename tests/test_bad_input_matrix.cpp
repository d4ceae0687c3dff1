// Bad input, over every command and file format, as one table: each case must end with exit code 2,
// nothing on standard output, one line on standard error that names the file and the place (a
// formula given on the command line adds its text and a caret under the place), no output file left
// behind, no crash and no hang.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "run_program.hpp"

using namespace occam::test;

namespace {

struct BadInput {
    std::string what;                           // the case, for the report
    std::map<std::string, std::string> files;   // written into a fresh folder first
    std::vector<std::string> args;              // occam's arguments; outputs go to out.*
    std::string message;                        // the first line on standard error, after "occam: "
};

std::string numbers_csv() {
    std::string text = "x,y\n";
    for (int i = 1; i <= 30; ++i) text += std::to_string(i) + "," + std::to_string(2 * i) + "\n";
    return text;
}

const std::string units_header = "Variable,Units,m,s,kg,T,V\n";
const std::string component =
    "{\"format\": \"occam-component\", \"version\": 1, \"inputs\": [\"r\"], \"outputs\": [\"phi\"],\n"
    " \"layers\": [{\"weight\": [[1.5]], \"bias\": [-0.25], \"activation\": \"tanh\"}]}\n";
const std::string manifest_header = "Filename,Number,Output,Formula,# variables,v1_name,v1_low,v1_high\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
}

std::vector<BadInput> cases() {
    const std::string data = numbers_csv();
    const std::vector<std::string> search{"search", "data.csv", "--target", "y", "--generations", "1", "-o", "out.txt"};
    // the search's arguments with these options set: an option already there takes the new value
    const auto searching = [&](const std::vector<std::string>& options) {
        std::vector<std::string> args = search;
        for (std::size_t i = 0; i + 1 < options.size(); i += 2) {
            const auto at = std::find(args.begin(), args.end(), options[i]);
            if (at != args.end()) *(at + 1) = options[i + 1];
            else args.insert(args.end(), {options[i], options[i + 1]});
        }
        return args;
    };
    const std::vector<std::string> distill{"distill", "net.json", "--domain", "r:0:1", "--generations", "1", "-o", "out.txt"};
    const std::vector<std::string> suite{"suite", "feynman", "--suites", "s", "--generations", "1", "--output", "out.csv"};
    const std::vector<std::string> report{"report", "front.json", "-o", "out.html"};
    const std::string saved_front = "{\"variables\": [\"x\"], \"front\": [{\"infix\": \"2*x\", \"recommended\": true}],\n"
                                    " \"run\": {\"data\": \"data.csv\", \"target\": \"y\"}}\n";
    return {
        // CSV data
        {"a short row", {{"data.csv", "x,y\n1,2\n3\n"}}, search, "data.csv:3: expected 2 fields, found 1"},
        {"text in a number column", {{"data.csv", "x,y\n1,2\n3,abc\n"}}, search,
         "data.csv:3:3: cannot read \"abc\" as a number (column \"y\")"},
        {"a NaN cell", {{"data.csv", "x,y\n1,2\n3,nan\n"}}, search,
         "data.csv:3:3: invalid value \"nan\" in column \"y\" (use --drop-invalid to skip such rows)"},
        {"a duplicate column", {{"data.csv", "x,x\n1,2\n"}}, searching({"--target", "x"}), "data.csv:1: duplicate column name \"x\""},
        {"an empty file", {{"data.csv", ""}}, search, "data.csv: empty file (expected a header row)"},
        {"a header alone", {{"data.csv", "x,y\n"}}, search, "data.csv: no data rows"},
        {"an unterminated quote", {{"data.csv", "x,y\n1,2\n\"3,4\n"}}, search, "data.csv:3:1: unterminated quoted field"},
        {"a missing file", {}, search, "data.csv: cannot open file (No such file or directory)"},
        {"an unknown target", {{"data.csv", data}}, searching({"--target", "z"}), "unknown target \"z\" in data.csv; columns are: x, y"},
        {"an unknown weight column", {{"data.csv", data}}, searching({"--weights", "w"}),
         "--weights: unknown column \"w\" in data.csv; columns are: x, y"},
        // search options
        {"a zero generation budget", {{"data.csv", data}}, searching({"--generations", "0"}),
         "--generations: the budget must be positive, not 0"},
        {"a negative time limit", {{"data.csv", data}}, searching({"--time", "-1"}), "--time: the time limit must be positive, not -1"},
        {"an unknown operator", {{"data.csv", data}}, searching({"--ops", "+,foo"}),
         "--ops: unknown operator \"foo\" (known: +,-,*,/,pow,neg,square,cube,sqrt,exp,log,sin,cos,tan,asin,acos,atan,tanh,abs,inv)"},
        {"a validation share of 1.5", {{"data.csv", data}}, searching({"--validation", "1.5"}),
         "--validation 1.5 is not a fraction in [0, 1)"},
        {"a length cap below 3", {{"data.csv", data}}, searching({"--max-length", "1"}), "--max-length must be at least 3, not 1"},
        {"an unknown output format", {{"data.csv", data}}, searching({"--format", "xml"}),
         "--format xml: expected table, json, sympy, latex or c"},
        {"an output folder that does not exist", {{"data.csv", data}}, searching({"-o", "nowhere/out.txt"}),
         "nowhere/out.txt: cannot write file (No such file or directory)"},
        // units tables
        {"a units row short of a column", {{"data.csv", data}, {"units.csv", units_header + "x,,1,0,0,0\ny,,1,0,0,0,0\n"}},
         searching({"--units", "units.csv"}), "units.csv:2:11: missing the \"V\" column (expected 7 fields, found 6)"},
        {"a units exponent that is text", {{"data.csv", data}, {"units.csv", units_header + "x,,a,0,0,0,0\ny,,1,0,0,0,0\n"}},
         searching({"--units", "units.csv"}), "units.csv:2:4: cannot read \"a\" as an exponent such as 2, -1 or 1/2 (column \"m\")"},
        {"a variable without units", {{"data.csv", data}, {"units.csv", units_header + "x,,1,0,0,0,0\n"}},
         searching({"--units", "units.csv"}), "units.csv: no units for variable \"y\""},
        {"a variable twice in the units", {{"data.csv", data}, {"units.csv", units_header + "x,,1,0,0,0,0\nx,,1,0,0,0,0\ny,,1,0,0,0,0\n"}},
         searching({"--units", "units.csv"}), "units.csv:3:1: duplicate variable \"x\" (first on line 2)"},
        {"check with a bad units table", {{"data.csv", data}, {"units.csv", units_header + "x,,a,0,0,0,0\ny,,1,0,0,0,0\n"}},
         {"check", "data.csv", "--target", "y", "--units", "units.csv"},
         "units.csv:2:4: cannot read \"a\" as an exponent such as 2, -1 or 1/2 (column \"m\")"},
        // formula text on the command line
        {"eval of an unfinished formula", {{"data.csv", data}}, {"eval", "x+", "data.csv", "--target", "y"}, "formula:1:3: expected operand"},
        {"eval of an unknown variable", {{"data.csv", data}}, {"eval", "sin(q)", "data.csv", "--target", "y"},
         "formula:1:5: unknown variable \"q\""},
        {"eval of a formula opening with a minus, unfinished", {{"data.csv", data}}, {"eval", "-x*", "data.csv", "--target", "y"},
         "formula:1:4: expected operand"},
        {"eval against an unknown target", {{"data.csv", data}}, {"eval", "x", "data.csv", "--target", "q"},
         "unknown target \"q\" in data.csv; columns are: x, y"},
        {"eval without a target", {{"data.csv", data}}, {"eval", "x", "data.csv"}, "--target is required"},
        {"sample of a variable with no range", {}, {"sample", "y", "--var", "x:1:2", "-o", "out.csv"}, "formula:1:1: unknown variable \"y\""},
        {"sample over a reversed range", {}, {"sample", "x", "--var", "x:3:1", "-o", "out.csv"}, "--var x:3:1: low must not exceed high"},
        {"sample over a range that is text", {}, {"sample", "x", "--var", "x:a:1", "-o", "out.csv"},
         "--var x:a:1: cannot read \"a\" as a number"},
        {"sample over a range without bounds", {}, {"sample", "x", "--var", "x", "-o", "out.csv"},
         "--var x: expected name:low:high, e.g. theta:1:3"},
        {"sample of no rows", {}, {"sample", "x", "--var", "x:1:2", "--rows", "0", "-o", "out.csv"}, "--rows: must be at least 1, not 0"},
        {"sample with negative noise", {}, {"sample", "x", "--var", "x:1:2", "--noise", "-1", "-o", "out.csv"},
         "--noise: must be at least 0, not -1"},
        // network components
        {"a component number past the largest double", {{"net.json", replaced(component, "[[1.5]]", "[[1e999]]")}}, distill,
         "net.json:2:26: a number too large for a double"},
        {"a component's unknown activation", {{"net.json", replaced(component, "\"tanh\"", "\"swish\"")}}, distill,
         "net.json: $.layers[0].activation: unknown activation \"swish\" (known: linear, relu, tanh, sigmoid, softplus, gelu, exp)"},
        {"a component's JSON syntax", {{"net.json", replaced(component, "\"layers\": [", "\"layers\": [,")}}, distill,
         "net.json:2:13: malformed JSON: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal"},
        {"a component's unknown version", {{"net.json", replaced(component, "\"version\": 1", "\"version\": 2")}}, distill,
         "net.json: $.version: only version 1 is known"},
        {"a domain for an input the component lacks", {{"net.json", component}},
         {"distill", "net.json", "--domain", "q:0:1", "--generations", "1", "-o", "out.txt"},
         "--domain q: the component has no input \"q\" (inputs: r)"},
        {"a reversed domain", {{"net.json", component}}, {"distill", "net.json", "--domain", "r:1:0", "--generations", "1", "-o", "out.txt"},
         "--domain r:1:0: LOW must be below HIGH"},
        {"no domain for an input", {{"net.json", component}}, {"distill", "net.json", "--generations", "1", "-o", "out.txt"},
         "--domain: no range for the input \"r\" (give r:LOW:HIGH or --from a CSV)"},
        {"a missing component", {}, distill, "net.json: cannot open the component file"},
        // checkpoints
        {"a truncated checkpoint", {{"data.csv", data}, {"run.ckpt", "{\"format\": \"occam-checkpoint\", \"version\": 1"}},
         searching({"--resume", "run.ckpt"}),
         "run.ckpt: not an occam checkpoint: JSON syntax error at byte 44 (unexpected end of input; expected '}')"},
        {"a checkpoint that is not JSON", {{"data.csv", data}, {"run.ckpt", "not json\n"}}, searching({"--resume", "run.ckpt"}),
         "run.ckpt: not an occam checkpoint: JSON syntax error at byte 2 (invalid literal; last read: 'no')"},
        {"another program's JSON", {{"data.csv", data}, {"run.ckpt", "{\"format\": \"something\"}\n"}}, searching({"--resume", "run.ckpt"}),
         "run.ckpt: not an occam checkpoint"},
        {"a checkpoint number past the largest double", {{"data.csv", data}, {"run.ckpt", "{\"format\": 1e999}\n"}},
         searching({"--resume", "run.ckpt"}), "run.ckpt: not an occam checkpoint: a number too large for a double"},
        {"a missing checkpoint", {{"data.csv", data}}, searching({"--resume", "run.ckpt"}),
         "run.ckpt: cannot read the checkpoint (No such file or directory)"},
        // suite manifests
        {"a manifest's law that cannot be read", {{"s/feynman/FeynmanEquations.csv", manifest_header + "A,1,f,x+,1,x,1,2\n"}}, suite,
         "s/feynman/FeynmanEquations.csv:2:9: formula of A: expected operand"},
        {"a manifest's reversed range", {{"s/feynman/FeynmanEquations.csv", manifest_header + "A,1,f,x,1,x,2,1\n"}}, suite,
         "s/feynman/FeynmanEquations.csv:2:13: the range of x must have its low below its high"},
        {"a manifest's range that is text", {{"s/feynman/FeynmanEquations.csv", manifest_header + "A,1,f,x,1,x,a,1\n"}}, suite,
         "s/feynman/FeynmanEquations.csv:2:13: cannot read \"a\" as a number (column \"v1_low\")"},
        {"a suite folder without the suite", {{"s/other.txt", ""}}, suite, "s/feynman/FeynmanEquations.csv: cannot open the suite table"},
        {"an unknown suite", {}, {"suite", "nosuch", "--generations", "1"}, "unknown suite \"nosuch\": expected feynman, unseen, strogatz or real"},
        // saved fronts for occam report
        {"a saved front that is not JSON", {{"front.json", "{\"variables\": [\"x\"],\n \"front\": [}\n"}}, report,
         "front.json:2:12: malformed JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"},
        {"a saved front without a front", {{"front.json", "{\"variables\": [\"x\"]}\n"}}, report,
         "front.json: the document has no \"front\" list"},
        {"a saved front's formula that cannot be read", {{"front.json", "{\"variables\": [\"x\"], \"front\": [{\"infix\": \"x +\"}]}"}},
         report, "front.json: front entry 1: formula \"x +\", column 4: expected operand"},
        {"a saved front's formula over an unknown input", {{"front.json", "{\"variables\": [\"x\"], \"front\": [{\"infix\": \"z\"}]}"}},
         report, "front.json: front entry 1: formula \"z\", column 1: unknown variable \"z\""},
        {"a saved front whose data lack an input", {{"front.json", saved_front}, {"data.csv", "x,q\n1,2\n"}}, report,
         "unknown target \"y\" in data.csv; columns are: x, q"},
        {"a missing saved front", {}, report, "front.json: cannot read file"},
    };
}

}  // namespace

TEST_CASE("bad input of every kind: exit code 2, one line naming the place, no output left, no hang") {
    const std::vector<BadInput> all = cases();
    CHECK(all.size() >= 40);
    for (const BadInput& bad : all) {
        CAPTURE(bad.what);
        TempDir dir;
        for (const auto& [name, text] : bad.files) {
            std::filesystem::create_directories((dir / name).parent_path());
            dir.write(name, text);
        }
        const std::vector<std::string> before = dir.listing();
        const ProgramResult result = run_program(bad.args, dir.path(), std::chrono::seconds(20));
        CHECK_FALSE(result.timed_out);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        const std::vector<std::string> lines = lines_of(result.err);
        REQUIRE(!lines.empty());
        CHECK(lines[0] == "occam: " + bad.message);
        // a formula from the command line is shown with a caret under the place; nothing else says more
        const bool formula = bad.message.rfind("formula:", 0) == 0;
        CHECK(lines.size() == (formula ? 3u : 1u));
        CHECK(dir.listing() == before);  // no output file, partial or whole
    }
}
