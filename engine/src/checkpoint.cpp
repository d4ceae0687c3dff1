// Checkpoint files are JSON, written without indentation:
// {
//   "format": "occam checkpoint", "version": 1,
//   "options": {"seed": 1, "islands": 8, ...},   the options and data it belongs to (checkpoint_fingerprint.cpp)
//   "generations": 40,                           generations done so far, over all resumes
//   "archive": [individual, ...],                all islands' archives merged, ascending complexity
//   "islands": [{"random": [w0, w1, w2, w3],     xoshiro256** state words
//                "oldest": 17,                   the population member the next child replaces
//                "evaluations": 8200, "node_rows": 1234567,
//                "population": [individual, ...], "archive": [individual, ...]}, ...]
// }
// individual: {"tree": [node, ...], "offset": a, "scale": b, "loss": l, "complexity": c}
// node, in postfix order: ["var", column], ["const", value], ["number", value], or [name] ("+", "sin", "pi")
// Doubles are JSON numbers with the shortest digits that read back to the same bits; non-finite
// ones (the loss of an invalid formula) are the strings "inf", "-inf" and "nan".
#include "checkpoint.hpp"

#include "occam/atomic_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checkpoint_fingerprint.hpp"
#include "occam/error.hpp"

namespace occam {
namespace {

using nlohmann::json;

constexpr const char* format_name = "occam checkpoint";
constexpr int format_version = 1;

// ---- writing ----

json encode(double x) {
    if (std::isfinite(x)) return x;
    if (std::isnan(x)) return "nan";
    return x > 0 ? "inf" : "-inf";
}

json encode(const Node& node) {
    const json name = std::string(info(node.op).name);
    if (node.op == Op::Variable) return {name, node.index};
    if (node.op == Op::Constant || node.op == Op::Number) return {name, encode(node.value)};
    return json::array({name});
}

json encode(const Individual& individual) {
    json tree = json::array();
    for (const Node& node : individual.tree.nodes()) tree.push_back(encode(node));
    return {{"tree", std::move(tree)},
            {"offset", encode(individual.scaling.offset)},
            {"scale", encode(individual.scaling.scale)},
            {"loss", encode(individual.loss)},
            {"complexity", individual.complexity}};
}

json encode(const ParetoArchive& archive) {
    json entries = json::array();
    for (const auto& [complexity, individual] : archive.entries()) entries.push_back(encode(individual));
    return entries;
}

json encode(const IslandState& island) {
    json population = json::array();
    for (const auto& individual : island.population) population.push_back(encode(individual));
    return {{"random", island.random},
            {"oldest", island.oldest},
            {"evaluations", island.evaluations},
            {"node_rows", island.node_rows},
            {"population", std::move(population)},
            {"archive", encode(island.archive)}};
}

// ---- reading: every check names the file and where in it the problem is ----

class Reader {
public:
    Reader(const std::string& file, const Problem& problem, const SearchOptions& options)
        : file_(file), problem_(problem), options_(options) {}

    SearchState state(const json& document) const {
        const std::string top = "checkpoint";
        if (!document.is_object() || !document.contains("format") || document["format"] != format_name)
            throw input_error(fmt::format("{}: not an occam checkpoint", file_));
        const auto version = count(member(document, "version", top), top + ".version");
        if (version != format_version)
            throw input_error(fmt::format("{}: checkpoint version {} is not supported (this occam reads version {})",
                                          file_, version, format_version));
        const std::string difference = fingerprint_difference(member(document, "options", top), problem_, options_);
        if (!difference.empty()) throw input_error(fmt::format("{}: cannot resume: {}", file_, difference));

        SearchState state;
        state.generations = static_cast<long long>(count(member(document, "generations", top), "generations"));
        state.archive = archive(member(document, "archive", top), "archive");
        const json& islands = array(member(document, "islands", top), "islands");
        if (islands.size() != options_.population.islands)
            fail("islands", fmt::format("{} islands, expected {}", islands.size(), options_.population.islands));
        for (std::size_t i = 0; i < islands.size(); ++i)
            state.islands.push_back(island(islands[i], fmt::format("islands[{}]", i)));
        return state;
    }

private:
    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw input_error(fmt::format("{}: damaged checkpoint: {}: {}", file_, where, what));
    }

    const json& member(const json& object, const char* key, const std::string& where) const {
        if (!object.is_object()) fail(where, "expected an object");
        const auto it = object.find(key);
        if (it == object.end()) fail(where, fmt::format("\"{}\" is missing", key));
        return *it;
    }

    const json& array(const json& value, const std::string& where) const {
        if (!value.is_array()) fail(where, "expected an array");
        return value;
    }

    std::uint64_t count(const json& value, const std::string& where) const {
        if (!value.is_number_unsigned()) fail(where, "expected a whole number at least 0");
        return value.get<std::uint64_t>();
    }

    double number(const json& value, const std::string& where) const {
        if (value.is_number()) return value.get<double>();
        if (value == "inf") return std::numeric_limits<double>::infinity();
        if (value == "-inf") return -std::numeric_limits<double>::infinity();
        if (value == "nan") return std::numeric_limits<double>::quiet_NaN();
        fail(where, "expected a number");
    }

    Node node(const json& value, const std::string& where) const {
        if (!value.is_array() || value.empty() || !value[0].is_string()) fail(where, "expected [name, ...]");
        const auto op = op_from_name(value[0].get<std::string>());
        if (!op) fail(where, fmt::format("unknown operator \"{}\"", value[0].get<std::string>()));
        const bool has_argument = *op == Op::Variable || *op == Op::Constant || *op == Op::Number;
        if (value.size() != (has_argument ? 2u : 1u)) fail(where, "wrong number of fields for this node");
        if (*op == Op::Variable) {
            const auto column = count(value[1], where);
            if (column >= problem_.input_names().size()) fail(where, fmt::format("no input column {}", column));
            return Node::variable(static_cast<std::uint32_t>(column));
        }
        if (has_argument) return {*op, 1, 0, number(value[1], where)};
        return Node::function(*op);
    }

    Tree tree(const json& value, const std::string& where) const {
        std::vector<Node> nodes;
        std::size_t operands = 0;  // subtrees waiting for a parent: postfix is well formed when one is left
        for (std::size_t i = 0; i < array(value, where).size(); ++i) {
            const Node n = node(value[i], fmt::format("{}[{}]", where, i));
            const auto needed = static_cast<std::size_t>(arity(n.op));
            if (operands < needed) fail(where, "not a postfix expression");
            operands = operands - needed + 1;
            nodes.push_back(n);
        }
        if (operands != 1) fail(where, "not a postfix expression");
        if (nodes.size() > std::numeric_limits<std::uint16_t>::max()) fail(where, "too long");
        return Tree(std::move(nodes));
    }

    Individual individual(const json& value, const std::string& where) const {
        Individual result;
        result.tree = tree(member(value, "tree", where), where + ".tree");
        result.scaling.offset = number(member(value, "offset", where), where + ".offset");
        result.scaling.scale = number(member(value, "scale", where), where + ".scale");
        result.loss = number(member(value, "loss", where), where + ".loss");
        const auto complexity = count(member(value, "complexity", where), where + ".complexity");
        if (complexity != static_cast<std::uint64_t>(result.tree.complexity()))
            fail(where, "the complexity does not match the tree");
        result.complexity = result.tree.complexity();
        return result;
    }

    std::vector<Individual> individuals(const json& value, const std::string& where) const {
        std::vector<Individual> result;
        for (std::size_t i = 0; i < array(value, where).size(); ++i)
            result.push_back(individual(value[i], fmt::format("{}[{}]", where, i)));
        return result;
    }

    // Inserting a front in ascending complexity rebuilds it exactly; anything else is not a front.
    ParetoArchive archive(const json& value, const std::string& where) const {
        ParetoArchive result;
        for (const auto& entry : individuals(value, where))
            if (!result.insert(entry)) fail(where, "the entries are not a Pareto front");
        return result;
    }

    IslandState island(const json& value, const std::string& where) const {
        IslandState result;
        const json& words = array(member(value, "random", where), where + ".random");
        if (words.size() != result.random.size()) fail(where + ".random", "expected 4 words");
        for (std::size_t k = 0; k < words.size(); ++k) result.random[k] = count(words[k], where + ".random");
        if (result.random == Random::State{}) fail(where + ".random", "an all-zero state");
        result.evaluations = static_cast<long long>(count(member(value, "evaluations", where), where + ".evaluations"));
        result.node_rows = static_cast<long long>(count(member(value, "node_rows", where), where + ".node_rows"));
        result.population = individuals(member(value, "population", where), where + ".population");
        if (result.population.size() != options_.population.population_size)
            fail(where + ".population", fmt::format("{} members, expected {}", result.population.size(),
                                                    options_.population.population_size));
        result.oldest = count(member(value, "oldest", where), where + ".oldest");
        if (result.oldest >= result.population.size()) fail(where + ".oldest", "beyond the population");
        result.archive = archive(member(value, "archive", where), where + ".archive");
        return result;
    }

    const std::string& file_;
    const Problem& problem_;
    const SearchOptions& options_;
};

// JSON syntax errors name the byte; nlohmann's text after " - " says what was expected there.
std::string syntax_error(const std::string& path, const json::parse_error& error) {
    const std::string what = error.what();
    const auto detail = what.find(" - ");
    return fmt::format("{}: not an occam checkpoint: JSON syntax error at byte {}{}", path, error.byte,
                       detail == std::string::npos ? "" : " (" + what.substr(detail + 3) + ")");
}

}  // namespace

void write_checkpoint(const std::string& path, const SearchState& state, const Problem& problem,
                      const SearchOptions& options) {
    json islands = json::array();
    for (const auto& island : state.islands) islands.push_back(encode(island));
    const json document{{"format", format_name},
                        {"version", format_version},
                        {"options", checkpoint_fingerprint(problem, options)},
                        {"generations", state.generations},
                        {"archive", encode(state.archive)},
                        {"islands", std::move(islands)}};
    // column names come from user files: replace invalid UTF-8 rather than fail mid-search
    write_file_atomically(path, document.dump(-1, ' ', false, json::error_handler_t::replace) + '\n', "the checkpoint");
}

SearchState read_checkpoint(const std::string& path, const Problem& problem, const SearchOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(fmt::format("{}: cannot read the checkpoint ({})", path, std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw input_error(fmt::format("{}: cannot read the checkpoint", path));
    json document;
    try {
        document = json::parse(text.str());
    } catch (const json::parse_error& error) {
        throw input_error(syntax_error(path, error));
    } catch (const json::out_of_range&) {
        throw input_error(fmt::format("{}: not an occam checkpoint: a number too large for a double", path));
    }
    return Reader(path, problem, options).state(document);
}

}  // namespace occam
