// occam eval "<formula>" data.csv --target y : how well a given formula fits data.
#include <fmt/core.h>

#include <string>

#include "commands.hpp"
#include "formula_argument.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/parse.hpp"
#include "occam/weights.hpp"

namespace occam::cli {
namespace {

struct EvalArgs {
    std::string formula;
    std::string data_path;
    std::string target;
    std::string weights;
    std::string predict_path;
    bool drop_invalid = false;
};

// The first row where the formula is NaN or Inf, for an error message a user can act on.
Eigen::Index first_undefined_row(const Tree& tree, const Eigen::ArrayXXd& X) {
    std::vector<double> row(static_cast<std::size_t>(X.cols()));
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        for (Eigen::Index c = 0; c < X.cols(); ++c) row[c] = X(i, c);
        if (!std::isfinite(evaluate_scalar(tree, row))) return i;
    }
    return -1;
}

void run_eval(const EvalArgs& args) {
    const Dataset data = read_csv(args.data_path, {.drop_invalid = args.drop_invalid});
    const std::size_t target = data.require(args.target, args.data_path);
    Eigen::ArrayXd weights;  // empty: unweighted
    if (!args.weights.empty()) weights = weight_column(data, args.weights, args.target, args.data_path);
    const Tree formula = parse_formula(formula_as_typed(args.formula), data.names());
    for (const auto& node : formula.nodes()) {
        if (node.op == Op::Variable && node.index == target)
            throw input_error(fmt::format("the formula uses the target column \"{}\" as an input", args.target));
        if (node.op == Op::Variable && data.names()[node.index] == args.weights)
            throw input_error(fmt::format("the formula uses the weight column \"{}\" as an input", args.weights));
    }
    Eigen::ArrayXd prediction(data.rows());
    Interpreter interpreter;
    if (!interpreter.evaluate(formula, data.values(), prediction)) {
        const auto row = first_undefined_row(formula, data.values());
        if (row < 0)  // only the vectorised functions overflow, within rounding of the limit
            throw input_error(fmt::format("{}: the formula overflows to NaN or Inf on this data", args.data_path));
        throw input_error(fmt::format("{}: the formula is undefined (NaN or Inf) on data row {}",
                                      args.data_path, row + 1));
    }
    if (!args.predict_path.empty()) {
        Eigen::ArrayXXd columns(data.rows(), 2);
        columns.col(0) = data.values().col(target);
        columns.col(1) = prediction;
        write_csv(args.predict_path, Dataset({args.target, "prediction"}, std::move(columns)));
    }
    const auto m = fit_metrics(data.values().col(target), prediction, weights);
    fmt::print("rows           {}\n", data.rows());
    if (!args.weights.empty()) fmt::print("weights        {} (R2, RMSE and NMSE weighted)\n", args.weights);
    fmt::print("R2             {:.12g}\n", m.r2);
    fmt::print("RMSE           {:.6g}\n", m.rmse);
    fmt::print("NMSE           {:.6g}\n", m.nmse);
    fmt::print("max abs error  {:.6g}\n", m.max_abs_error);
}

}  // namespace

void add_eval_command(CLI::App& app) {
    auto args = std::make_shared<EvalArgs>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a formula on a CSV file and report how well it fits the target");
    cmd->add_option("formula", args->formula, "The formula; its variables are column names")->required();
    cmd->add_option("data", args->data_path, "CSV file with a header row")->required();
    cmd->add_option("-t,--target", args->target, "The target column")->required();
    cmd->add_option("-w,--weights", args->weights, "Column of per-row weights: R2, RMSE and NMSE become weighted");
    cmd->add_option("--predict", args->predict_path, "Write the target and the predictions to this CSV file");
    cmd->add_flag("--drop-invalid", args->drop_invalid, "Skip rows with NaN or Inf cells instead of failing");
    cmd->callback([args] { run_eval(*args); });
}

}  // namespace occam::cli
