#include "saved_search.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "occam/error.hpp"
#include "occam/json_syntax_error.hpp"
#include "occam/front_format.hpp"
#include "occam/parse.hpp"

namespace occam::cli {
namespace {

using json = nlohmann::json;

double number_or_nan(const json& value) { return value.is_number() ? value.get<double>() : NAN; }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(fmt::format("{}: cannot read file", path));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Reads the fields of a saved front, each checked for its type; what is wrong names the entry.
class FrontReader {
public:
    explicit FrontReader(const std::string& path) : path_(path) {}

    SavedSearch read(const json& root) const {
        if (!root.is_object()) fail("not an occam front (a JSON object with \"variables\" and \"front\")");
        if (root.contains("rounds"))
            fail("holds a residual model (--residual-rounds); occam report draws a single front");
        SavedSearch saved;
        for (const json& name : required(root, "variables", json::value_t::array, "the document")) {
            if (!name.is_string()) fail("\"variables\" must be a list of names");
            saved.front.variables.push_back(name.get<std::string>());
        }
        const json& entries = required(root, "front", json::value_t::array, "the document");
        for (std::size_t i = 0; i < entries.size(); ++i) saved.front.entries.push_back(entry(entries[i], i, saved));
        if (const auto search = root.find("search"); search != root.end() && search->is_object()) {
            saved.front.final_progress.elapsed_seconds = number_or_nan(search->value("seconds", json()));
            saved.front.final_progress.generations = search->value("generations", 0LL);
            saved.front.final_progress.evaluations = search->value("evaluations", 0LL);
        }
        saved.front.interrupted = root.value("interrupted", false);
        if (const auto run = root.find("run"); run != root.end() && run->is_object()) read_run(*run, saved.run);
        if (const auto loss = root.find("loss"); loss != root.end() && loss->is_object() && loss->value("errors", "") == "relative")
            saved.front.log_scale = LogScale{.target = saved.run.target};
        return saved;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw input_error(fmt::format("{}: {}", path_, what)); }

    const json& required(const json& object, const char* key, json::value_t type, const std::string& where) const {
        const auto found = object.find(key);
        if (found == object.end() || found->type() != type)
            fail(fmt::format("{} has no \"{}\" {}", where, key, type == json::value_t::array ? "list" : "value of the right kind"));
        return *found;
    }

    FrontEntry entry(const json& item, std::size_t i, SavedSearch& saved) const {
        const std::string where = fmt::format("front entry {}", i + 1);
        if (!item.is_object()) fail(where + " is not an object");
        const auto infix = item.find("infix");
        if (infix == item.end() || !infix->is_string()) fail(where + " has no \"infix\" formula");
        FrontEntry entry;
        const std::string text = infix->get<std::string>();
        try {
            entry.formula = parse_formula(text, saved.front.variables);
        } catch (const formula_error& e) {
            fail(fmt::format("{}: formula \"{}\", column {}: {}", where, text, e.offset() + 1, e.reason()));
        }
        // the fitted constants print as numbers: the saved values, in order, name them again
        if (const auto values = item.find("constant_values"); values != item.end() && values->is_array()) {
            std::size_t next = 0;
            for (Node& node : entry.formula.mutable_nodes())
                if (next < values->size() && node.op == Op::Number && number_or_nan((*values)[next]) == node.value) {
                    node = Node::constant(node.value);
                    ++next;
                }
        }
        entry.complexity = item.value("complexity", entry.formula.complexity());
        entry.constants = entry.formula.constant_count();
        entry.train_loss = number_or_nan(item.value("train_loss", json()));
        entry.validation_loss = number_or_nan(item.value("validation_loss", json()));
        entry.validation_r2 = number_or_nan(item.value("validation_r2", json()));
        if (const auto errors = item.find("standard_errors"); errors != item.end() && errors->is_array())
            for (const json& error : *errors) entry.constant_errors.push_back(number_or_nan(error));
        if (item.value("recommended", false)) saved.front.recommended = i;
        return entry;
    }

    static void read_run(const json& run, SearchRun& into) {
        into.data_file = run.value("data", "");
        into.target = run.value("target", "");
        into.seed = run.value("seed", std::uint64_t{0});
        into.command = run.value("command", "");
        if (const auto options = run.find("options"); options != run.end() && options->is_object())
            for (const auto& [name, value] : options->items())
                into.options.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
        if (const auto notes = run.find("notes"); notes != run.end() && notes->is_array())
            for (const json& note : *notes)
                if (note.is_string()) into.notes.push_back(note.get<std::string>());
    }

    const std::string& path_;
};

}  // namespace

std::string front_json_with_run(const Front& front, const SearchRun& run) {
    json document = json::parse(format_front(front, FrontFormat::Json));
    json options = json::object();
    for (const auto& [name, value] : run.options) options[name] = value;
    document["run"] = {{"data", run.data_file}, {"target", run.target}, {"seed", run.seed},
                       {"options", options},    {"notes", run.notes},   {"command", run.command}};
    return document.dump(2) + "\n";
}

SavedSearch read_saved_search(const std::string& path) {
    const std::string text = read_text(path);
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        throw json_syntax_error(path, text, e.byte, e.what());
    } catch (const json::out_of_range&) {
        throw input_error(fmt::format("{}: a number too large for a double", path));
    }
    try {
        SavedSearch saved = FrontReader(path).read(root);
        if (saved.front.entries.empty()) throw input_error(fmt::format("{}: the front is empty: nothing to report", path));
        return saved;
    } catch (const json::exception& e) {  // a field of the wrong type read by value()
        throw input_error(fmt::format("{}: not an occam front: {}", path, e.what()));
    }
}

}  // namespace occam::cli
