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

    // Parses a comma-separated list of operator names; input_error on an unknown or empty list.
    static OperatorSet parse(std::string_view list);
    static OperatorSet arithmetic();  // + - * /
    static OperatorSet standard();    // the default search set

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
