#include "occam/check.hpp"

#include <algorithm>

#include "occam/surrogate_oracle.hpp"
#include "relative_errors.hpp"

namespace occam {

CheckReport check(const Dataset& data, const Problem& problem, const SolveOptions& options) {
    CheckReport report;
    const PrecheckOptions& prechecks = options.prechecks;
    if (prechecks.units) report.dimensions = analyze_dimensions(*prechecks.units, problem);

    SurrogateOptions surrogate;
    surrogate.seed = options.search.seed;
    const OracleFactory trained = prechecks.oracle ? prechecks.oracle : surrogate_oracle_factory(surrogate);
    const JudgedOracle oracle = trained(data, problem.input_names(), problem.target_name());
    report.oracle = oracle.description;
    report.threshold = oracle.threshold;
    report.log_magnitude = oracle.log_magnitude;
    const Eigen::ArrayXXd x = data.columns(problem.input_names(), "the data");
    const CheckSettings settings = oracle.settings(prechecks.symmetry_points, options.search.seed);
    report.symmetries = check_pair_symmetries(oracle.f, x, settings);
    std::stable_sort(report.symmetries.begin(), report.symmetries.end(), [](const auto& a, const auto& b) {
        return a.evidence.error / a.evidence.threshold < b.evidence.error / b.evidence.threshold;
    });
    report.separations = check_separability(oracle.f, x, settings);

    // the plan's first question is about the data as given when no units reduce it: the surrogate
    // just trained answers it
    PrecheckOptions planned = prechecks;
    planned.oracle = [&](const Dataset& stage, const std::vector<std::string>& inputs, const std::string& target) {
        if (inputs == problem.input_names() && target == problem.target_name()) return oracle;
        return trained(stage, inputs, target);
    };
    // with relative errors the search plans on the logs, and says so first
    if (const auto scale = detail::log_scale_of(data, problem, options)) {
        const Dataset log_data = detail::with_log_target(data, problem);
        report.plan = plan_prechecks(log_data, detail::log_problem(log_data, problem), planned, options.search.seed);
        report.plan.insert(report.plan.begin(), detail::log_scale_step(*scale).text);
        return report;
    }
    report.plan = plan_prechecks(data, problem, planned, options.search.seed);
    return report;
}

}  // namespace occam
