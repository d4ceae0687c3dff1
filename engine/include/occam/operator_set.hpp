#pragma once
// The operators a search may use, chosen by the user ("+,-,*,/,sin,exp").
#include <string>
#include <string_view>
#include <vector>

#include "occam/operators.hpp"

namespace occam {

class OperatorSet {
public:
    OperatorSet() = default;
    explicit OperatorSet(std::vector<Op> ops);

    // Parses a comma-separated list of operator names; input_error, naming `option`, on an unknown
    // name or an empty list, or, where a search draws from the set alone, one without a binary operator.
    static OperatorSet parse(std::string_view list, std::string_view option = "--ops", bool needs_binary = true);
    static OperatorSet arithmetic();  // + - * /
    static OperatorSet standard();    // the default search set
    // What a stalled search adds to the standard set (SearchOptions::stall_operators): an inverse
    // tangent, a hyperbolic tangent and a free power, the commonest operators of laws outside it.
    static OperatorSet on_stall();

    // This set and then the operators of `more` it lacks.
    OperatorSet joined(const OperatorSet& more) const;

    const std::vector<Op>& all() const { return ops_; }
    const std::vector<Op>& unary() const { return unary_; }
    const std::vector<Op>& binary() const { return binary_; }
    bool contains(Op op) const;
    std::string names() const;  // comma-separated, as parse() reads them

private:
    std::vector<Op> ops_, unary_, binary_;
};

// Every operator's name, comma-separated, as --ops takes them (aliases such as ln are accepted too).
std::string known_operator_names();

}  // namespace occam
