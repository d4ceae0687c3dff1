#include "occam/small_formula_enumeration.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <thread>
#include <utility>

#include "occam/constant_fitter.hpp"
#include "occam/interpreter.hpp"
#include "scale_fitting.hpp"
#include "simple_scale_screening.hpp"

namespace occam {
namespace {

using Postfix = std::vector<Node>;

// One row block of the interpreter per scale: a failing scale (log of a negative x, asin past 1)
// costs only its own block.
constexpr Eigen::Index screening_rows = Interpreter::block_rows;
constexpr std::size_t chunk_size = std::size_t{1} << 14;
// Enough formulas for the second screening (at simple scales) that a law ranked among thousands
// of equally good ones on 64 noisy rows is still among them.
constexpr std::size_t simple_scale_pool = std::size_t{1} << 13;

// s*x with s = ±10^(k/8) / rms(x) from 0.01 to 100 over the input's own size: any scale is
// within a factor 1.34 of one of them, close enough for the right form to rank among the screened;
// the full fit then finds s itself. Relative to the input's size, so that the formulas found do
// not depend on its unit: exp(-b/T) with b of thousands of kelvin (an Arrhenius or vapour-pressure
// law) is screened as well as exp(-1/x) with x near 1.
std::vector<double> screening_scales(const Eigen::ArrayXd& x) {
    const double size = std::sqrt(x.square().mean());
    const double unit = std::isfinite(size) && size > 0 ? 1 / size : 1.0;
    std::vector<double> scales;
    for (int k = -16; k <= 16; ++k) {
        const double s = std::pow(10.0, k / 8.0) * unit;
        scales.push_back(s);
        scales.push_back(-s);
    }
    return scales;
}

// An operand: an expression of a level, or the literal 1 (size 1, index none).
struct Operand {
    std::size_t size;
    std::size_t index;
    bool one() const { return index == none; }
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
};

bool comes_before(const Operand& a, const Operand& b) {
    if (a.size != b.size) return a.size < b.size;
    if (a.one() != b.one()) return a.one();
    return a.index < b.index;
}

bool same(const Operand& a, const Operand& b) { return a.size == b.size && a.index == b.index; }

// Whether u applied to an expression whose root is `below` says nothing new: a sign on x (the
// scale carries one), an operator undoing the one below it, a repeated neg or inv. Inverse trig
// of trig is left out too: asin(cos(a)) is pi/2 - a only for a in [0, pi], a sawtooth that matches
// a rational law on the data and not beyond it (II.11.27 came out as u/asin(-cos(pi*u/6))), so
// it is left out with or without a sign between the two.
bool redundant_unary(Op u, const Postfix& e) {
    const Op below = e.back().op;
    const Op unsigned_below = below == Op::Neg ? e[e.size() - 2].op : below;
    const bool trig = unsigned_below == Op::Sin || unsigned_below == Op::Cos || unsigned_below == Op::Tan;
    if ((u == Op::Asin || u == Op::Acos || u == Op::Atan) && trig) return true;
    switch (u) {
        case Op::Neg: return below == Op::Variable || below == Op::Neg;
        case Op::Inv: return below == Op::Inv;
        case Op::Exp: return below == Op::Log;
        case Op::Log: return below == Op::Exp;
        case Op::Square: return below == Op::Sqrt;
        case Op::Sqrt: return below == Op::Square;
        case Op::Sin: return below == Op::Asin;
        case Op::Cos: return below == Op::Acos;
        case Op::Tan: return below == Op::Atan;
        default: return false;
    }
}

// Whether b(l, r) is worth a place: not constant, one order of + and *, nothing another operator
// writes shorter (1*e, e/1, e*e with square, 1/e with inv) and nothing that vanishes (e - e, e/e).
bool worth_binary(Op b, const Operand& l, const Operand& r, const OperatorSet& operators) {
    if (l.one() && r.one()) return false;
    const bool commutative = b == Op::Add || b == Op::Mul;
    if (commutative && comes_before(r, l)) return false;
    if (b == Op::Mul && (l.one() || r.one())) return false;
    if ((b == Op::Div || b == Op::Pow) && r.one()) return false;  // e/1 and e^1 are e
    if (same(l, r) && b != Op::Pow && !(b == Op::Mul && !operators.contains(Op::Square))) return false;
    if (b == Op::Div && l.one() && operators.contains(Op::Inv)) return false;
    return true;
}

using Screened = detail::ScreenedFormula;

bool better(const Screened& a, const Screened& b) {
    return a.loss != b.loss ? a.loss < b.loss : a.order < b.order;
}

// Keeps candidate in heap (a max-heap under `better`, the worst on top) if it is among the best
// `capacity`; copied or moved in only then.
template <class Candidate>
void keep_if_better(std::vector<Screened>& heap, Candidate&& candidate, std::size_t capacity) {
    if (heap.size() < capacity) {
        heap.push_back(std::forward<Candidate>(candidate));
        std::push_heap(heap.begin(), heap.end(), better);
    } else if (better(candidate, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = std::forward<Candidate>(candidate);
        std::push_heap(heap.begin(), heap.end(), better);
    }
}

class Enumeration {
public:
    Enumeration(const Problem& problem, const OperatorSet& operators, const EnumerationOptions& options)
        : operators_(operators), options_(options), top_of_size_(options.max_nodes + 1) {
        const Eigen::Index rows = problem.train_inputs().rows();
        const Eigen::Index taken = std::min(rows, screening_rows);
        Eigen::ArrayXd x(screening_rows), y(screening_rows);
        // evenly spread rows (repeated when there are fewer than a block)
        for (Eigen::Index r = 0; r < screening_rows; ++r) {
            const Eigen::Index source = (r % taken) * rows / taken;
            x[r] = problem.train_inputs()(source, 0);
            y[r] = problem.train_target()[source];
        }
        scales_ = screening_scales(x);
        scaled_x_.resize(screening_rows * static_cast<Eigen::Index>(scales_.size()), 1);
        for (std::size_t k = 0; k < scales_.size(); ++k)
            scaled_x_.col(0).segment(static_cast<Eigen::Index>(k) * screening_rows, screening_rows) = scales_[k] * x;
        raw_x_ = x;
        centred_y_ = y - y.mean();
        y_square_sum_ = centred_y_.square().sum();
    }

    // Screens every expression up to max_nodes, or those screened when the time limit passes;
    // false when stopped.
    bool run(const std::atomic<bool>* stop) {
        const auto start = std::chrono::steady_clock::now();
        const auto out_of_time = [&] {
            return options_.time_limit && std::chrono::steady_clock::now() - start >= *options_.time_limit;
        };
        levels_.assign(options_.max_nodes + 1, {});
        for (std::size_t size = 1; size <= options_.max_nodes; ++size) {
            const bool last = size == options_.max_nodes;
            bool ended = false;  // past the time limit: the rest of the level is not built
            build_level(size, [&](Postfix nodes, bool as_root) {
                if (ended) return;
                if (as_root) pending_.push_back(nodes);
                if (!last) levels_[size].push_back(std::move(nodes));
                if (pending_.size() == chunk_size) {
                    screen_pending();
                    ended = out_of_time() || (stop != nullptr && stop->load());
                }
            });
            screen_pending();
            if (stop != nullptr && stop->load()) return false;
            if (ended || out_of_time()) break;
        }
        return true;
    }

    // The screened formulas refitted on the problem's rows, best first, and those at a simple scale.
    EnumeratedFormulas result(const Problem& problem, const std::atomic<bool>* stop) const {
        std::vector<Screened> screened = top_;
        for (const auto& of_size : top_of_size_)
            for (const Screened& candidate : of_size)
                if (std::none_of(screened.begin(), screened.end(), [&](const Screened& s) { return s.order == candidate.order; }))
                    screened.push_back(candidate);
        std::sort(screened.begin(), screened.end(), better);
        std::vector<Tree> trees(screened.size());
        std::vector<double> losses(screened.size(), INFINITY);
        std::vector<LinearScaling> scalings(screened.size());
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, screened.size(), 8), [&](const auto& range) {
            ConstantFitter fitter(refit_iterations);
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                trees[i] = scaled_input(screened[i].nodes, screened[i].scale);
                const FitResult fit =
                    fitter.fit(trees[i], problem.train_inputs(), problem.train_target(), problem.train_weights());
                if (fit.finite()) {
                    losses[i] = fit.mse;
                    scalings[i] = fit.scaling;
                }
            }
        });
        std::vector<std::size_t> order(screened.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return losses[a] < losses[b]; });
        std::vector<Tree> best;
        std::vector<bool> size_taken(options_.max_nodes + 1, false);
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            const std::size_t i = order[rank];
            if (!std::isfinite(losses[i])) break;
            const bool first_of_size = !size_taken[size_of(screened[i])];
            size_taken[size_of(screened[i])] = true;
            if (rank < options_.kept || (options_.best_of_each_size && first_of_size))
                best.push_back(detail::with_scaling(trees[i], scalings[i]));
            else if (!options_.best_of_each_size) break;
        }
        EnumeratedFormulas formulas{std::move(best), screened_so_far_, {}};
        if (options_.at_simple_scales) {
            const double lowest_loss = order.empty() ? INFINITY : losses[order.front()];
            formulas.at_simple_scale = detail::at_simple_scales(pool_, problem, lowest_loss, stop);
        }
        return formulas;
    }

private:
    static constexpr int refit_iterations = 30;

    // the size of E, as an index into top_of_size_
    std::size_t size_of(const Screened& screened) const { return std::min(screened.nodes.size(), options_.max_nodes); }

    // Every canonical expression of `size` nodes holding x, with whether it is worth screening as
    // a whole formula (not when the linear scaling makes it another one: -e, e + 1, 1 - e).
    template <class Visit>
    void build_level(std::size_t size, Visit&& visit) {
        if (size == 1) {
            visit(Postfix{Node::variable(0)}, true);
            return;
        }
        for (Op u : operators_.unary()) {
            for (const Postfix& e : levels_[size - 1]) {
                if (redundant_unary(u, e)) continue;
                Postfix nodes = e;
                nodes.push_back(Node::function(u));
                visit(std::move(nodes), u != Op::Neg);
            }
        }
        for (Op b : operators_.binary()) {
            for (std::size_t left = 1; left + 1 < size; ++left) {
                const std::size_t right = size - 1 - left;
                for (const Operand& l : operands(left)) {
                    for (const Operand& r : operands(right)) {
                        if (!worth_binary(b, l, r, operators_)) continue;
                        Postfix nodes = nodes_of(l);
                        const Postfix& tail = nodes_of(r);
                        nodes.insert(nodes.end(), tail.begin(), tail.end());
                        nodes.push_back(Node::function(b));
                        const bool shifted = (b == Op::Add || b == Op::Sub) && (l.one() || r.one());
                        visit(std::move(nodes), !shifted);
                    }
                }
            }
        }
    }

    std::vector<Operand> operands(std::size_t size) const {
        std::vector<Operand> all;
        if (size == 1) all.push_back({1, Operand::none});
        for (std::size_t i = 0; i < levels_[size].size(); ++i) all.push_back({size, i});
        return all;
    }

    Postfix nodes_of(const Operand& operand) const {
        if (operand.one()) return {Node::number(1)};
        return levels_[operand.size][operand.index];
    }

    // Each pending expression's best scale and loss, in parallel; the best few kept in order.
    void screen_pending() {
        if (pending_.empty()) return;
        std::vector<double> losses(pending_.size(), INFINITY);
        std::vector<std::size_t> best_scale(pending_.size(), 0);
        std::vector<double> scale_of(pending_.size(), 0);
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pending_.size(), 512), [&](const auto& range) {
            Interpreter interpreter;
            Eigen::ArrayXd f(screening_rows);
            std::vector<double> loss_at(scales_.size());
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                const Tree tree(pending_[i]);
                for (std::size_t k = 0; k < scales_.size(); ++k) {
                    const auto block = scaled_x_.middleRows(static_cast<Eigen::Index>(k) * screening_rows, screening_rows);
                    loss_at[k] = interpreter.evaluate(tree, block, f) ? detail::scaled_loss(f, centred_y_, y_square_sum_) : INFINITY;
                    if (loss_at[k] < losses[i]) {
                        losses[i] = loss_at[k];
                        best_scale[i] = k;
                    }
                }
                if (std::isfinite(losses[i])) refine_scale(tree, loss_at, best_scale[i], losses[i], scale_of[i], interpreter, f);
            }
        });
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (!std::isfinite(losses[i])) continue;
            Screened candidate{losses[i], screened_so_far_ + i, std::move(pending_[i]), scale_of[i]};
            if (options_.best_of_each_size) keep_if_better(top_of_size_[size_of(candidate)], candidate, screened_per_size);
            if (options_.at_simple_scales) keep_if_better(pool_, candidate, simple_scale_pool);
            keep_if_better(top_, std::move(candidate), options_.screened);
        }
        screened_so_far_ += pending_.size();
        pending_.clear();
    }

    // The loss at scale s on the screening rows.
    double loss_at_scale(const Tree& tree, double s, Interpreter& interpreter, Eigen::ArrayXd& f) const {
        const Eigen::ArrayXXd x = s * raw_x_;
        return interpreter.evaluate(tree, x, f) ? detail::scaled_loss(f, centred_y_, y_square_sum_) : INFINITY;
    }

    // The best grid scale moved to the minimum of a parabola in log|s| through it and its two
    // neighbours of the same sign, a few times: near the right scale the loss of the right form
    // is quadratic in log|s|, so it lands on it, and the right form ranks as it should.
    void refine_scale(const Tree& tree, const std::vector<double>& loss_at, std::size_t best, double& loss, double& scale,
                      Interpreter& interpreter, Eigen::ArrayXd& f) const {
        scale = scales_[best];
        // scales_ alternates signs: the neighbours of one sign are two apart
        if (best < 2 || best + 2 >= scales_.size()) return;
        const double sign = scale < 0 ? -1.0 : 1.0;
        const std::array<double, 3> u{std::log(std::abs(scales_[best - 2])), std::log(std::abs(scale)),
                                      std::log(std::abs(scales_[best + 2]))};
        const auto [centre, centre_loss] = detail::parabola_minimum(u, {loss_at[best - 2], loss, loss_at[best + 2]}, [&](double v) {
            return loss_at_scale(tree, sign * std::exp(v), interpreter, f);
        });
        loss = centre_loss;
        scale = sign * std::exp(centre);
    }

    // x replaced by c*x, c starting at the screened scale: each occurrence gets its own constant
    // (a tree has no shared ones), all starting equal.
    static Tree scaled_input(const Postfix& nodes, double scale) {
        Postfix out;
        for (const Node& node : nodes) {
            if (node.op == Op::Variable) {
                out.push_back(Node::constant(scale));
                out.push_back(node);
                out.push_back(Node::function(Op::Mul));
            } else {
                out.push_back(node);
            }
        }
        return Tree(std::move(out));
    }

    const OperatorSet& operators_;
    const EnumerationOptions& options_;
    std::vector<double> scales_;
    Eigen::ArrayXXd scaled_x_;
    Eigen::ArrayXd raw_x_;
    Eigen::ArrayXd centred_y_;
    double y_square_sum_ = 0;
    std::vector<std::vector<Postfix>> levels_;
    std::vector<Postfix> pending_;
    std::vector<Screened> top_;  // a max-heap under `better`: the worst kept on top
    // with best_of_each_size, the same for each size of E: the short law must reach the full fit
    // even when longer formulas fitting a surrogate's error fill top_
    std::vector<std::vector<Screened>> top_of_size_;
    // with at_simple_scales, the best simple_scale_pool of the screening, screened again
    std::vector<Screened> pool_;
    static constexpr std::size_t screened_per_size = 8;
    std::size_t screened_so_far_ = 0;
};

}  // namespace

EnumeratedFormulas enumerate_small_formulas(const Problem& problem, const OperatorSet& operators,
                                            const EnumerationOptions& options, const std::atomic<bool>* stop) {
    if (problem.train_inputs().cols() != 1 || problem.train_inputs().rows() == 0) return {};
    const int threads = options.threads > 0 ? static_cast<int>(options.threads)
                                            : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    tbb::task_arena arena(threads);
    return arena.execute([&] {
        Enumeration enumeration(problem, operators, options);
        if (!enumeration.run(stop)) return EnumeratedFormulas{};
        return enumeration.result(problem, stop);
    });
}

}  // namespace occam
