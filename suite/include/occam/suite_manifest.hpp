#pragma once
// The benchmark problems of a suite: what to learn and where its data comes from.
#include <string>
#include <vector>

#include "occam/sampling.hpp"

namespace occam {

struct SuiteProblem {
    std::string id;                       // "I.6.2a", "strogatz_bacres1"
    std::string target;                   // target column name
    std::string formula;                  // the true law, in the tables' Python syntax
    std::vector<VariableRange> variables; // inputs in column order, with sampling ranges
    std::string data_file;                // data to read (Strogatz, real tables); empty: sample from the ranges
    // names in formula that are free constants, not inputs (a real table's law: "H*distance", H)
    std::vector<std::string> free_constants = {};
};

// The 100 Feynman equations from FeynmanEquations.csv (variable names from the vK_name cells).
std::vector<SuiteProblem> load_feynman(const std::string& directory);
// The development set of laws outside the Feynman table (UnseenLaws.csv, the same format), the
// laws occam is judged on and never tuned to.
std::vector<SuiteProblem> load_unseen(const std::string& directory);
// The 14 Strogatz ODE right-hand sides; ranges are the bounding box of each data file.
std::vector<SuiteProblem> load_strogatz(const std::string& directory);

// Small tables of real measurements with their accepted laws (real_laws.csv: id, file, target,
// inputs, law, constants, ...); ranges are the bounding box of each table.
std::vector<SuiteProblem> load_real(const std::string& directory);

}  // namespace occam
