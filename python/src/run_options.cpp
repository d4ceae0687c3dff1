#include "run_options.hpp"

#include <fmt/format.h>

#include <functional>
#include <limits>
#include <map>
#include <string>

#include "occam/error.hpp"
#include "occam/search_choices.hpp"

namespace py = pybind11;

namespace occam::python {
namespace {

std::string shown(const py::handle& value) { return py::repr(value).cast<std::string>(); }

// A value of the expected kind, or input_error "name=value: expected ...".
template <typename T>
T read(const std::string& name, const py::handle& value, const char* expected) {
    // bool is an int in Python: a count or a number given as True is a mistake, not a 1
    const bool is_bool = py::isinstance<py::bool_>(value);
    try {
        if constexpr (std::is_same_v<T, bool>) {
            if (is_bool) return value.cast<bool>();
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (py::isinstance<py::str>(value)) return value.cast<std::string>();
        } else if constexpr (std::is_integral_v<T>) {
            if (!is_bool && py::isinstance<py::int_>(value)) {
                const long long number = value.cast<long long>();  // cast_error beyond long long
                if (number >= 0 && static_cast<unsigned long long>(number) <= std::numeric_limits<T>::max())
                    return static_cast<T>(number);
            }
        } else {
            if (!is_bool && (py::isinstance<py::float_>(value) || py::isinstance<py::int_>(value)))
                return value.cast<double>();
        }
    } catch (const py::cast_error&) {
    }
    throw input_error(fmt::format("{}={}: expected {}", name, shown(value), expected));
}

template <typename T>
std::optional<T> read_optional(const std::string& name, const py::handle& value, const char* expected) {
    if (value.is_none()) return std::nullopt;
    return read<T>(name, value, expected);
}

constexpr const char* count = "a whole number of at least 0";
constexpr const char* number = "a number";

}  // namespace

void read_options(const py::dict& options, RunOptions& run) {
    SearchChoices choices;
    choices.ops_name = "ops";
    choices.stall_ops_name = "stall_ops";
    SearchOptions& search = run.solve.search;
    std::string precheck = "auto", errors = "auto";
    using Name = const std::string&;
    using Value = const py::handle&;
    using Reader = std::function<void(Name, Value)>;
    const std::map<std::string, Reader> readers{
        {"time", [&](Name n, Value v) { choices.time_limit = read_optional<double>(n, v, "a number of seconds or None"); }},
        {"evaluations", [&](Name n, Value v) { choices.evaluations = read_optional<long long>(n, v, count); }},
        {"generations", [&](Name n, Value v) { choices.generations = read_optional<long long>(n, v, count); }},
        {"target_loss", [&](Name n, Value v) { search.budget.target_loss = read<double>(n, v, number); }},
        {"stall_generations", [&](Name n, Value v) { search.budget.stall_generations = read<long long>(n, v, count); }},
        {"seed", [&](Name n, Value v) { search.seed = read<std::uint64_t>(n, v, count); }},
        {"threads", [&](Name n, Value v) { search.threads = read<std::size_t>(n, v, count); }},
        {"islands", [&](Name n, Value v) { search.population.islands = read<std::size_t>(n, v, count); }},
        {"population", [&](Name n, Value v) { search.population.population_size = read<std::size_t>(n, v, count); }},
        {"max_length", [&](Name n, Value v) { search.population.max_length = read<std::size_t>(n, v, count); }},
        {"max_depth", [&](Name n, Value v) { search.population.max_depth = read<std::size_t>(n, v, count); }},
        {"short_length", [&](Name n, Value v) { search.population.short_island_length = read<std::size_t>(n, v, count); }},
        {"ops", [&](Name n, Value v) {
             if (!v.is_none()) choices.ops = read<std::string>(n, v, "a comma-separated list of operators or None");
         }},
        {"stall_ops", [&](Name n, Value v) { choices.stall_ops = read_optional<std::string>(n, v, "a comma-separated list, \"none\" or None"); }},
        {"widen_after", [&](Name n, Value v) { search.widen_after = read<long long>(n, v, count); }},
        {"lm_iterations", [&](Name n, Value v) { search.fitting.iterations = read<int>(n, v, count); }},
        {"fit_rows", [&](Name n, Value v) { search.fitting.max_rows = read<std::size_t>(n, v, count); }},
        {"sign_restart", [&](Name n, Value v) { search.fitting.sign_restart = read<bool>(n, v, "True or False"); }},
        {"snap", [&](Name n, Value v) { search.fitting.snap = read<bool>(n, v, "True or False"); }},
        {"validation", [&](Name n, Value v) { run.validation = read<double>(n, v, "a share of the rows, from 0 to 1"); }},
        {"precheck", [&](Name n, Value v) { precheck = read<std::string>(n, v, "\"auto\" or \"off\""); }},
        {"errors", [&](Name n, Value v) { errors = read<std::string>(n, v, "\"auto\", \"absolute\" or \"relative\""); }},
        {"units", [&](Name, Value v) {
             if (v.is_none()) return;
             const auto table = v.cast<std::pair<std::string, std::string>>();  // (text, source), made by occam/units.py
             run.units = parse_units(table.first, table.second);
         }},
    };
    for (const auto& [key, value] : options) {
        const std::string name = py::str(key).cast<std::string>();
        const auto reader = readers.find(name);
        if (reader == readers.end()) throw input_error(fmt::format("unknown option {}", name));
        reader->second(name, value);
    }
    search = with_choices(search, choices);
    run.solve.prechecks.mode = precheck_mode_from_name(precheck, "precheck");
    run.solve.errors = error_model_from_name(errors, "errors");
    run.solve.prechecks.units = run.units ? &*run.units : nullptr;
    run.solve.validate();
}

}  // namespace occam::python
