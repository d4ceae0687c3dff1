// Distils the per-particle filter Phi(r) of a one-latent energy-flow network (phi.json, trained by
// train_efn.py on toy quark/gluon jets) into a formula, and checks what the formula is worth where it
// matters: as the filter of the jet observable sum_i z_i Phi(r_i), on held-out jets.
//
//   ./build/examples/log_angularity [FOLDER] [--generations N]
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>
#include <string>

#include "occam/constant_fitter.hpp"
#include "occam/occam.hpp"

namespace {

// Probability that a random quark jet scores above a random gluon jet (ties count one half).
double area_under_roc(const std::vector<double>& scores, const std::vector<int>& is_quark) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double quark_rank_sum = 0;
    std::size_t quarks = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
        const double average_rank = (static_cast<double>(i + j) + 1) / 2;  // ranks from 1
        for (std::size_t k = i; k < j; ++k) {
            if (is_quark[order[k]]) {
                quark_rank_sum += average_rank;
                ++quarks;
            }
        }
        i = j;
    }
    const double gluons = static_cast<double>(scores.size() - quarks);
    return (quark_rank_sum - static_cast<double>(quarks) * (static_cast<double>(quarks) + 1) / 2) /
           (static_cast<double>(quarks) * gluons);
}

struct Jets {
    std::vector<int> jet;  // per particle
    Eigen::ArrayXd z, r;
    std::vector<int> is_quark;  // per jet
};

Jets read_jets(const std::string& path) {
    const occam::Dataset data = occam::read_csv(path);
    Jets jets;
    const Eigen::ArrayXd jet = data.column("jet"), label = data.column("label");
    jets.z = data.column("z");
    jets.r = data.column("r");
    for (Eigen::Index i = 0; i < jet.size(); ++i) {
        jets.jet.push_back(static_cast<int>(jet[i]));
        if (static_cast<std::size_t>(jet[i]) >= jets.is_quark.size()) jets.is_quark.resize(static_cast<std::size_t>(jet[i]) + 1);
        jets.is_quark[static_cast<std::size_t>(jet[i])] = label[i] == 1;
    }
    return jets;
}

// The jet observable sum_i z_i f(r_i) with the filter f given as its values at every particle.
std::vector<double> pooled(const Jets& jets, const Eigen::ArrayXd& filter) {
    std::vector<double> sums(jets.is_quark.size(), 0.0);
    for (std::size_t i = 0; i < jets.jet.size(); ++i)
        sums[static_cast<std::size_t>(jets.jet[i])] += jets.z[static_cast<Eigen::Index>(i)] * filter[static_cast<Eigen::Index>(i)];
    return sums;
}

Eigen::ArrayXd values_of(const occam::Tree& formula, const Eigen::ArrayXd& r) {
    Eigen::ArrayXd out(r.size());
    occam::Interpreter interpreter;
    if (!interpreter.evaluate(formula, r, out)) out.setConstant(NAN);
    return out;
}

// log(c + r): with linear scaling the fit is c1 + c2*log(c3 + r), the log-angularity itself.
occam::Tree log_angularity_shape() {
    using occam::Node;
    return occam::Tree({Node::constant(0.1), Node::variable(0), Node::function(occam::Op::Add),
                        Node::function(occam::Op::Log)});
}

// A formula of the log-angularity family: one log, one r and nothing else but constants, + and *.
bool is_log_angularity(const occam::Tree& formula) {
    int logs = 0, variables = 0, others = 0;
    for (const occam::Node& node : formula.nodes()) {
        if (node.op == occam::Op::Log) ++logs;
        else if (node.op == occam::Op::Variable) ++variables;
        else if (occam::arity(node.op) == 1 || node.op == occam::Op::Div || node.op == occam::Op::Pow) ++others;
    }
    return logs == 1 && variables == 1 && others == 0;
}

}  // namespace

int main(int argc, char** argv) try {
    std::string folder = OCCAM_EXAMPLE_DIR;
    long long generations = 300;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--generations") == 0 && i + 1 < argc) {
            generations = std::stoll(argv[++i]);
        } else {
            folder = argv[i];
        }
    }
    const occam::FeedForward phi = occam::read_component(folder + "/phi.json");

    occam::DistillOptions options;
    options.search.seed = 1;
    options.search.threads = 2;
    options.search.budget.time_limit.reset();
    options.search.budget.max_generations = generations;
    options.search.fitting.snap = false;  // a network holds no exact constants
    const occam::Domain domain = occam::make_domain(phi, {occam::parse_range("r:0:0.4")});
    fmt::print("Distilling Phi(r) of {}/phi.json on r in [0, 0.4] ({} generations, seed 1, 2 threads)...\n", folder,
               generations);
    const occam::Distillation distilled = occam::distill(phi, domain, options);
    const occam::Front& front = distilled.outputs.at(0).front;
    fmt::print("{}\n", occam::format_front(front, occam::FrontFormat::Table));
    const occam::FrontEntry& chosen = front.best();
    fmt::print("chosen formula ({} nodes): Phi(r) = {}\n  R2 against the network's Phi on 10000 fresh points: {:.5f}\n",
               chosen.complexity, occam::to_infix(chosen.formula, front.variables), distilled.outputs[0].agreement.r2);

    // Is the log-angularity on the front, and how good is it fitted directly?
    std::string on_front = "no";
    for (const occam::FrontEntry& entry : front.entries)
        if (is_log_angularity(entry.formula))
            on_front = fmt::format("yes, at complexity {}: {}", entry.complexity, occam::to_infix(entry.formula, front.variables));
    const Eigen::MatrixXd grid = occam::sample_domain(domain, 2000, occam::SamplingPlan::grid, 1);
    const Eigen::ArrayXd phi_on_grid = phi.evaluate(grid).col(0).array();
    occam::Tree log_form = log_angularity_shape();
    occam::ConstantFitter fitter(200);
    const occam::FitResult fit = fitter.fit(log_form, grid.array(), phi_on_grid);
    const double c3 = log_form.constants().at(0);
    const occam::FitMetrics log_metrics = occam::fit_metrics(phi_on_grid, fit.scaling.offset + fit.scaling.scale * values_of(log_form, grid.array()));
    fmt::print("log-angularity c1 + c2*log(c3 + r) on the front: {}\n", on_front);
    fmt::print("  fitted directly: c1 = {:.4f}, c2 = {:.4f}, c3 = {:.4f}, R2 against Phi {:.5f}\n\n", fit.scaling.offset,
               fit.scaling.scale, c3, log_metrics.r2);

    // The classifier's view: the network against the same observable with the formula as its filter.
    const Jets jets = read_jets(folder + "/test_jets.csv");
    const occam::Dataset scores = occam::read_csv(folder + "/network_scores.csv");
    const Eigen::ArrayXd score = scores.column("score"), latent = scores.column("latent");
    const std::vector<double> network_score(score.begin(), score.end()), network_latent(latent.begin(), latent.end());
    const double auc_network = area_under_roc(network_score, jets.is_quark);
    // F decides which way the latent points; keep the network latent's direction for every filter
    const bool higher_is_quark = area_under_roc(network_latent, jets.is_quark) >= 0.5;
    auto auc_of_filter = [&](const Eigen::ArrayXd& filter) {
        const double auc = area_under_roc(pooled(jets, filter), jets.is_quark);
        return higher_is_quark ? auc : 1 - auc;
    };
    const Eigen::ArrayXd r_column = jets.r;
    const double auc_phi = auc_of_filter(phi.evaluate(r_column.matrix()).col(0).array());
    const double auc_formula = auc_of_filter(values_of(chosen.formula, r_column));
    const double auc_log = auc_of_filter(fit.scaling.offset + fit.scaling.scale * values_of(log_form, r_column));
    fmt::print("quark/gluon AUC on {} held-out jets:\n", jets.is_quark.size());
    fmt::print("  the network, F(sum z_i Phi(r_i))               {:.4f}\n", auc_network);
    fmt::print("  sum z_i Phi(r_i), the network's filter alone   {:.4f}\n", auc_phi);
    fmt::print("  sum z_i f(r_i), the chosen formula as filter   {:.4f}   (network - formula: {:+.4f})\n", auc_formula,
               auc_network - auc_formula);
    fmt::print("  sum z_i log(c3 + r_i), the log-angularity      {:.4f}\n", auc_log);
    return 0;
} catch (const std::exception& e) {
    fmt::print(stderr, "log_angularity: {}\n", e.what());
    return 2;
}
