#pragma once
// The benchmark formula tables as tests use them: the suite manifests under bench/suites, read by
// the same code as `occam suite`.
#include <string>
#include <vector>

#include "occam/suite_manifest.hpp"

namespace occam::test {

inline std::string suites_dir() { return std::string(OCCAM_SOURCE_DIR) + "/bench/suites"; }
inline std::vector<SuiteProblem> feynman_formulas() { return load_feynman(suites_dir() + "/feynman"); }
inline std::vector<std::string> names_of(const SuiteProblem& p) {
    std::vector<std::string> names;
    for (const auto& v : p.variables) names.push_back(v.name);
    return names;
}
inline std::vector<SuiteProblem> unseen_formulas() { return load_unseen(suites_dir() + "/unseen"); }
inline std::vector<SuiteProblem> strogatz_formulas() { return load_strogatz(suites_dir() + "/strogatz"); }

}  // namespace occam::test
