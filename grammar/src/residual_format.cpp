#include "occam/residual_format.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "front_json.hpp"
#include "occam/print.hpp"

namespace occam {
namespace {

std::string loss_name(const ResidualModel& model) {
    return model.weights.empty() ? "NMSE" : fmt::format("NMSE weighted by column \"{}\"", model.weights);
}

std::string table(const ResidualModel& model) {
    std::string out;
    for (std::size_t r = 0; r < model.rounds.size(); ++r) {
        const auto& round = model.rounds[r];
        out += fmt::format("round {}: {}{}\n", r + 1, round.target,
                           round.front.interrupted ? " (interrupted)" : "");
        out += front_table(round.front);
        out += fmt::format("  chosen: {}\n\n", to_infix(round.chosen().formula, model.variables));
    }
    out += fmt::format("model: the sum of the {} chosen formulas, constants fitted together on all training rows\n",
                       model.rounds.size());
    out += fmt::format("  {}\n", to_infix(model.formula, model.variables));
    out += fmt::format("  complexity {}, constants {}, train loss {:.4g}, validation loss {:.4g}, validation R2 {:.10f} ({})\n",
                       model.complexity, model.constants, model.train_loss, model.validation_loss, model.validation_r2,
                       loss_name(model));
    return out;
}

nlohmann::json json(const ResidualModel& model) {
    nlohmann::json rounds = nlohmann::json::array();
    for (const auto& round : model.rounds) {
        nlohmann::json document = front_to_json(round.front);
        document.erase("variables");  // the same for every round: said once at the top
        document["target"] = round.target;
        document["chosen"] = to_infix(round.chosen().formula, model.variables);
        rounds.push_back(std::move(document));
    }
    const nlohmann::json loss{{"measure", model.weights.empty() ? "NMSE" : "weighted NMSE"},
                              {"weights", model.weights.empty() ? nlohmann::json(nullptr) : nlohmann::json(model.weights)}};
    const nlohmann::json sum{{"complexity", model.complexity},
                             {"constants", model.constants},
                             {"train_loss", model.train_loss},
                             {"validation_loss", model.validation_loss},
                             {"validation_r2", model.validation_r2},
                             {"infix", to_infix(model.formula, model.variables)},
                             {"sympy", to_sympy(model.formula, model.variables)},
                             {"latex", to_latex(model.formula, model.variables)},
                             {"c", to_c(model.formula, model.variables)}};
    const nlohmann::json document{{"variables", model.variables},
                                  {"loss", loss},
                                  {"rounds", rounds},
                                  {"model", sum},
                                  {"interrupted", model.interrupted}};
    return document;
}

}  // namespace

std::string format_residual_model(const ResidualModel& model, FrontFormat format) {
    if (model.rounds.empty()) return format == FrontFormat::Json ? json(model).dump(2) + "\n" : "";
    switch (format) {
        case FrontFormat::Table: return table(model);
        case FrontFormat::Json: return json(model).dump(2) + "\n";
        case FrontFormat::Sympy: return to_sympy(model.formula, model.variables) + "\n";
        case FrontFormat::Latex: return to_latex(model.formula, model.variables) + "\n";
        case FrontFormat::C: return to_c(model.formula, model.variables) + "\n";
    }
    return {};
}

}  // namespace occam
