// Parses a formula, evaluates it and prints it back: enough to prove headers, libraries and
// dependencies of the installed package all resolve.
#include <occam/occam.hpp>

#include <iostream>

int main() {
    const std::vector<std::string> names{"x"};
    const occam::Tree tree = occam::parse_formula("2*x^2 + 1", names);
    Eigen::ArrayXXd X(3, 1);
    X << 1, 2, 3;
    Eigen::ArrayXd out(3);
    occam::Interpreter interpreter;
    if (!interpreter.evaluate(tree, X, out) || out[2] != 19.0) return 1;
    std::cout << occam::to_sympy(tree, names) << '\n';
    return 0;
}
