#pragma once
// A Feynman law sampled for the pre-check tests: its tree, data and input matrix.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "formula_tables.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/parse.hpp"
#include "occam/sampling.hpp"

namespace occam::test {

struct SampledLaw {
    Tree formula;
    std::vector<std::string> names;  // inputs, in column order
    Dataset data;                    // inputs, then the target
    Eigen::MatrixXd X;               // the inputs alone

    int column(const std::string& name) const {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return static_cast<int>(i);
        throw input_error("no input " + name);
    }
};

inline SampledLaw sample_law(const std::string& text, const std::vector<VariableRange>& ranges, std::size_t rows,
                             std::uint64_t seed = 7) {
    SampledLaw law;
    for (const auto& r : ranges) law.names.push_back(r.name);
    law.formula = parse_formula(text, law.names);
    law.data = sample_formula(law.formula, ranges, {.rows = rows, .seed = seed, .target = "f"});
    law.X = law.data.values().leftCols(static_cast<Eigen::Index>(ranges.size())).matrix();
    return law;
}

inline SampledLaw sample_feynman(const std::string& id, std::size_t rows, std::uint64_t seed = 7) {
    for (const SuiteProblem& p : feynman_formulas())
        if (p.id == id) return sample_law(p.formula, p.variables, rows, seed);
    throw input_error("no Feynman law " + id);
}

}  // namespace occam::test
