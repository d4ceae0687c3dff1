#pragma once
// Batch evaluation of a tree over many rows. Rows are processed in fixed blocks; each node's values
// for a block live in one column of a per-interpreter buffer, and every operator is one vectorised
// Eigen array expression over that column. Reverse-mode accumulation over the same buffer yields
// the Jacobian with respect to the fittable constants in the same pass.
#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

#include "occam/tree.hpp"

namespace occam {

class Interpreter {
public:
    static constexpr Eigen::Index block_rows = 64;

    // What evaluation needs to know of a tree's shape: made once per tree and reused while only its
    // constants change (every Levenberg-Marquardt iteration of one candidate).
    struct Plan {
        explicit Plan(const Tree& tree);

        std::vector<std::uint32_t> left;         // left (or only) child of each node
        std::vector<std::uint8_t> has_constant;  // subtree holds a fittable constant
        std::vector<std::int32_t> ordinal;       // constant's position among fittable constants, or -1
        std::size_t constants = 0;
    };

    // out = f(X) for every row of X (rows x columns, column-major). Returns false as soon as a
    // block produces NaN or Inf (the remaining rows of out are then unspecified).
    // constants, when given, replace the tree's fittable constants in postfix order.
    bool evaluate(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                  Eigen::Ref<Eigen::ArrayXd> out, std::span<const double> constants = {});

    // Also fills jacobian (rows x constant_count) with d f / d constant_k.
    bool evaluate(const Tree& tree, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                  Eigen::Ref<Eigen::ArrayXd> out, Eigen::Ref<Eigen::ArrayXXd> jacobian,
                  std::span<const double> constants = {});

    // The same with a plan made for this tree (Plan(tree)), not made again at every call.
    bool evaluate(const Tree& tree, const Plan& plan, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                  Eigen::Ref<Eigen::ArrayXd> out, std::span<const double> constants = {});
    bool evaluate(const Tree& tree, const Plan& plan, const Eigen::Ref<const Eigen::ArrayXXd>& X,
                  Eigen::Ref<Eigen::ArrayXd> out, Eigen::Ref<Eigen::ArrayXXd> jacobian,
                  std::span<const double> constants = {});

private:
    Eigen::Array<double, block_rows, Eigen::Dynamic> values_;   // one column per node
    Eigen::Array<double, block_rows, Eigen::Dynamic> adjoint_;  // d root / d node
};

// Reference evaluator: one row at a time, plain recursion over std:: math. Slow; used by tests and
// as the arbiter of what the fast interpreter must compute.
double evaluate_scalar(const Tree& tree, std::span<const double> row, std::size_t node);
inline double evaluate_scalar(const Tree& tree, std::span<const double> row) {
    return evaluate_scalar(tree, row, tree.root());
}

}  // namespace occam
