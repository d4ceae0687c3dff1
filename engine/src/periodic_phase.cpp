#include "periodic_phase.hpp"

#include <cmath>
#include <numbers>

namespace occam {

double period_of(Op op) {
    switch (op) {
        case Op::Sin:
        case Op::Cos: return 2 * std::numbers::pi;
        case Op::Tan: return std::numbers::pi;
        default: return 0;
    }
}

Tree with_reduced_phases(Tree tree) {
    for (std::size_t i = 0; i < tree.length(); ++i) {
        const double period = period_of(tree[i].op);
        if (period == 0) continue;
        const std::size_t argument = tree.right_child(i);
        const Op joint = tree[argument].op;
        if (joint != Op::Add && joint != Op::Sub) continue;
        // either operand of the sum or difference: the phase's sign does not matter modulo the period
        for (const std::size_t operand : {tree.left_child(argument), tree.right_child(argument)}) {
            Node& phase = tree[operand];
            if (phase.op == Op::Constant && std::isfinite(phase.value) && std::abs(phase.value) > period / 2)
                phase.value = std::remainder(phase.value, period);
        }
    }
    return tree;
}

}  // namespace occam
