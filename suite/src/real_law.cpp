#include "occam/real_law.hpp"

#include <array>

#include "occam/constant_fitter.hpp"
#include "occam/decades.hpp"
#include "occam/error.hpp"
#include "occam/exactness.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/parse.hpp"
#include "occam/simplify.hpp"
#include "occam/substitute.hpp"

namespace occam {
namespace {

// NMSE of formula on the table, or of its log on log|y| when log_sign is not 0; Inf where it is
// undefined.
double nmse_on(const Tree& formula, const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y, double log_sign) {
    Eigen::ArrayXd prediction(y.size());
    if (log_sign != 0) {
        if (!Interpreter().evaluate(log_of(formula, log_sign), X, prediction)) return INFINITY;
        return nmse_loss(y.abs().log(), prediction);
    }
    if (!Interpreter().evaluate(formula, X, prediction)) return INFINITY;
    return nmse_loss(y, prediction);
}

}  // namespace

FittedLaw fit_law(const std::string& law, const std::vector<std::string>& inputs,
                  const std::vector<std::string>& free_constants, const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y,
                  double log_sign) {
    std::vector<std::string> names = inputs;
    names.insert(names.end(), free_constants.begin(), free_constants.end());
    std::vector<Tree> replacements;
    for (std::size_t k = 0; k < inputs.size(); ++k) replacements.push_back(Tree({Node::variable(static_cast<std::uint32_t>(k))}));
    for (std::size_t k = 0; k < free_constants.size(); ++k) replacements.push_back(Tree({Node::constant(1)}));
    FittedLaw result{.form = substitute_variables(parse_formula(law, names), replacements), .fitted = {}, .log_sign = log_sign};
    const Eigen::ArrayXd fitted_target = log_sign != 0 ? Eigen::ArrayXd(y.abs().log()) : y;

    constexpr std::array starts{1.0, -1.0, 0.01, 100.0, 1e4, -0.01};
    const std::size_t count = result.form.constant_count();
    std::vector<std::size_t> digit(count, 0);  // one start per constant, counted through every combination
    for (;;) {
        std::vector<double> values(count);
        for (std::size_t c = 0; c < count; ++c) values[c] = starts[digit[c]];
        Tree trial = result.form;
        trial.set_constants(values);
        if (log_sign != 0) {
            Tree logs = log_of(trial, log_sign);
            ConstantFitter(200).fit(logs, X, fitted_target, /*use_scaling=*/false);
            trial.set_constants(logs.constants());
        } else {
            ConstantFitter(200).fit(trial, X, y, /*use_scaling=*/false);
        }
        const double nmse = nmse_on(trial, X, y, log_sign);
        if (nmse < result.nmse) {
            result.nmse = nmse;
            result.fitted = std::move(trial);
        }
        std::size_t c = 0;
        while (c < count && ++digit[c] == starts.size()) digit[c++] = 0;
        if (c == count) break;
    }
    if (result.fitted.empty()) result.fitted = result.form;
    result.complexity = simplify(result.fitted).complexity();
    return result;
}

bool has_law_form(const Tree& formula, const FittedLaw& law, const std::vector<VariableRange>& ranges,
                  const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y) {
    if (!(nmse_on(formula, X, y, law.log_sign) <= 1.1 * law.nmse)) return false;
    // the front's formula is sampled for the law to match: one undefined over most of the table's
    // ranges (a power of a negative base) is not the law, whatever it does on the rows
    try {
        return judge_exact(law.fitted, formula, ranges).exact;
    } catch (const input_error&) {
        return false;
    }
}

bool outdoes_law(const Tree& formula, const FittedLaw& law, const Eigen::ArrayXXd& X, const Eigen::ArrayXd& y) {
    return formula.complexity() <= law.complexity && nmse_on(formula, X, y, law.log_sign) < law.nmse;
}

}  // namespace occam
