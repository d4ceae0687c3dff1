#pragma once
// The neural surrogate as the oracle of the pre-checks: trained on the problem as it stands, asked
// at new points, and trusted only as far as its own validation error.
#include "occam/precheck.hpp"
#include "occam/surrogate.hpp"

namespace occam {

JudgedOracle surrogate_oracle(const Dataset& data, const std::vector<std::string>& inputs, const std::string& target,
                              const SurrogateOptions& options = {});

OracleFactory surrogate_oracle_factory(const SurrogateOptions& options = {});

}  // namespace occam
