#pragma once
// occam's tree to a GiNaC expression and back. Fitted constants become floats, exact numbers
// fractions (0.075 is 3/40), inputs the symbols x0, x1, ... (positive ones where the rows are all
// positive, so GiNaC may take sqrt(x^2) as x); back in occam's order (ginac_expression.hpp), a
// product's constant factors (6/(11*pi)) as one exact subtree, which occam counts as one node.
#include <Eigen/Core>

#include <vector>

#include "expression_form.hpp"
#include "ginac_expression.hpp"
#include "occam/tree.hpp"

namespace occam::algebra {

class Translation {
public:
    // rows: the inputs, whose signs the symbols take
    explicit Translation(const Eigen::ArrayXXd& rows);

    // The subtree of tree rooted at node i.
    gi::ex to_ginac(const Tree& tree, std::size_t i) const;
    // Throws std::domain_error for what occam cannot write (complex numbers, other functions).
    detail::Expr to_expr(const gi::ex& e) const;

private:
    static detail::Expr number(const gi::numeric& n);
    detail::Expr sum(const gi::ex& e) const;
    // A product as top/bottom; its constant factors (6/(11*pi)) written as one exact subtree,
    // which occam counts as one node.
    detail::Expr product(const gi::ex& e) const;
    detail::Expr power(const gi::ex& base, const gi::ex& exponent) const;
    detail::Expr function(const gi::ex& e) const;
    std::vector<gi::ex> symbols_;
};

}  // namespace occam::algebra
