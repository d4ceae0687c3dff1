#include "occam/front_format.hpp"

#include <fmt/format.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "front_json.hpp"
#include "occam/print.hpp"

namespace occam {

std::optional<FrontFormat> front_format_from_name(std::string_view name) {
    if (name == "table") return FrontFormat::Table;
    if (name == "json") return FrontFormat::Json;
    if (name == "sympy") return FrontFormat::Sympy;
    if (name == "latex") return FrontFormat::Latex;
    if (name == "c") return FrontFormat::C;
    return std::nullopt;
}

std::string front_table(const Front& front) {
    std::string out = fmt::format("{:>2} {:>10} {:>12} {:>14}  {}\n", "", "complexity", "loss (NMSE)", "R2", "formula");
    for (std::size_t i = 0; i < front.entries.size(); ++i) {
        const auto& e = front.entries[i];
        out += fmt::format("{:>2} {:>10} {:>12.4g} {:>14.10f}  {}\n", i == front.recommended ? "*" : "", e.complexity,
                           e.validation_loss, e.validation_r2, to_infix(e.formula, front.variables));
    }
    out += fmt::format("* recommended: {}\n", front.recommendation_rule);
    std::string rows = front.selection_note.empty() ? "the validation rows" : "all rows";
    if (front.log_scale) rows += fmt::format(", of log|{}| (errors relative)", front.log_scale->target);
    if (front.weights.empty()) out += fmt::format("  loss and R2 are on {}\n", rows);
    else out += fmt::format("  loss and R2 are on {}, weighted by column \"{}\"\n", rows, front.weights);
    if (!front.selection_note.empty()) out += fmt::format("  {}\n", front.selection_note);
    if (!front.empty() && !front.best().constant_errors.empty()) {
        const FrontEntry& best = front.best();
        const std::vector<double> values = best.formula.constants();
        std::vector<std::string> fitted;
        for (std::size_t c = 0; c < values.size() && c < best.constant_errors.size(); ++c)
            fitted.push_back(fmt::format("{:.6g} ± {:.2g}", values[c], best.constant_errors[c]));
        out += fmt::format("  fitted constants of the recommended formula: {}\n", fmt::join(fitted, ", "));
    }
    return out;
}

namespace {
// JSON has no Inf or NaN: a number that is not there (not judged, or not finite) is null
nlohmann::json finite_or_null(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr); }
}  // namespace

nlohmann::json front_to_json(const Front& front) {
    nlohmann::json entries = nlohmann::json::array();
    for (std::size_t i = 0; i < front.entries.size(); ++i) {
        const auto& e = front.entries[i];
        nlohmann::json errors = nlohmann::json::array();
        for (double error : e.constant_errors) errors.push_back(finite_or_null(error));
        entries.push_back({{"complexity", e.complexity},
                           {"constants", e.constants},
                           {"constant_values", e.formula.constants()},
                           {"standard_errors", errors},
                           {"train_loss", e.train_loss},
                           {"validation_loss", e.validation_loss},
                           {"validation_r2", e.validation_r2},
                           {"description_length", finite_or_null(e.description_length)},
                           {"recommended", i == front.recommended},
                           {"infix", to_infix(e.formula, front.variables)},
                           {"sympy", to_sympy(e.formula, front.variables)},
                           {"latex", to_latex(e.formula, front.variables)},
                           {"c", to_c(e.formula, front.variables)}});
    }
    const auto& p = front.final_progress;
    // the loss names its weights, so a program never compares weighted and unweighted losses unawares
    const std::string measure = front.weights.empty() ? "NMSE" : "weighted NMSE";
    const nlohmann::json loss{
        {"measure", front.log_scale ? fmt::format("{} of log|{}|", measure, front.log_scale->target) : measure},
        {"errors", front.log_scale ? "relative" : "absolute"},
        {"weights", front.weights.empty() ? nlohmann::json(nullptr) : nlohmann::json(front.weights)}};
    const nlohmann::json document{{"variables", front.variables},
                                  {"loss", loss},
                                  {"front", entries},
                                  {"selection", front.selection_note.empty() ? nlohmann::json(nullptr)
                                                                             : nlohmann::json(front.selection_note)},
                                  {"interrupted", front.interrupted},
                                  {"search",
                                   {{"seconds", p.elapsed_seconds},
                                    {"generations", p.generations},
                                    {"evaluations", p.evaluations}}}};
    return document;
}

namespace {

template <typename Printer>
std::string one_per_line(const Front& front, Printer print) {
    std::string out;
    for (const auto& e : front.entries) out += print(e.formula, front.variables) + "\n";
    return out;
}

}  // namespace

std::string format_front(const Front& front, FrontFormat format) {
    switch (format) {
        case FrontFormat::Table: return front_table(front);
        case FrontFormat::Json: return front_to_json(front).dump(2) + "\n";
        case FrontFormat::Sympy: return one_per_line(front, to_sympy);
        case FrontFormat::Latex: return one_per_line(front, to_latex);
        case FrontFormat::C: return one_per_line(front, to_c);
    }
    return {};
}

std::string progress_text(const Progress& p) {
    return fmt::format("{:7.1f} s  gen {:<6} evals {:<10} {:>8.0f}/s  best loss {:<10.3g} front {:<3}", p.elapsed_seconds,
                       p.generations, p.evaluations, p.evaluations_per_second, p.best_loss, p.front_size);
}

}  // namespace occam
