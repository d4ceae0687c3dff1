#include "checkpoint_fingerprint.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace occam {
namespace {

struct Field {
    const char* key;
    const char* label;  // as the user knows it (the command-line option where there is one), singular
    nlohmann::json value;
    // for fields added after version 1 was in use: what an older checkpoint, which lacks the
    // field, was made with
    std::optional<nlohmann::json> when_absent = std::nullopt;
};

// Word-wise so it stays cheap on big data.
class DataHash {
public:
    void mix(const double* values, Eigen::Index count) {
        for (Eigen::Index i = 0; i < count; ++i) {
            hash_ ^= std::bit_cast<std::uint64_t>(values[i]);
            hash_ *= 0x100000001b3ULL;
            hash_ ^= hash_ >> 29;
        }
    }
    std::string text() const { return fmt::format("{:016x}", hash_); }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Catches a resume on other data of the same shape.
std::string data_hash(const Problem& problem) {
    DataHash hash;
    hash.mix(problem.train_inputs().data(), problem.train_inputs().size());
    hash.mix(problem.train_target().data(), problem.train_target().size());
    return hash.text();
}

// Weights are data too: other weights make other losses, so another search.
nlohmann::json weights_fingerprint(const Problem& problem) {
    if (!problem.weighted()) return nullptr;
    DataHash hash;
    hash.mix(problem.train_weights().data(), problem.train_weights().size());
    return {{"column", problem.weight_name()}, {"hash", hash.text()}};
}

// In the order a mismatch is reported.
std::vector<Field> fields(const Problem& problem, const SearchOptions& options) {
    const auto& p = options.population;
    const auto& m = options.mutation;
    return {
        {"seed", "--seed", options.seed},
        {"islands", "--islands", p.islands},
        {"population", "--population", p.population_size},
        {"ops", "--ops", options.operators.names()},
        {"max_length", "--max-length", p.max_length},
        {"max_depth", "--max-depth", p.max_depth},
        {"lm_iterations", "--lm-iterations", options.fitting.iterations},
        {"fit_rows", "--fit-rows", options.fitting.max_rows},
        {"generations_per_epoch", "number of generations per epoch", p.generations_per_epoch},
        {"migrants", "number of migrants", p.migrants},
        {"tournament_size", "tournament size", p.tournament_size},
        {"crossover_probability", "crossover probability", p.crossover_probability},
        {"parsimony", "parsimony", p.parsimony},
        {"archive_parent_probability", "archive parent probability", p.archive_parent_probability},
        {"mutation_weights", "mutation weighting", {m.point, m.subtree, m.insert, m.hoist, m.constant, m.swap}},
        {"target", "--target", problem.target_name()},
        {"inputs", "list of input columns", problem.input_names()},
        {"training_rows", "number of training rows", problem.train_target().size()},
        {"training_data", "training data", data_hash(problem)},
        {"weights", "--weights", weights_fingerprint(problem), nlohmann::json(nullptr)},
        {"short_island_length", "--short-length", p.short_island_length, 0},
        {"sign_restart", "--sign-restart", options.fitting.sign_restart, false},
    };
}

}  // namespace

nlohmann::json checkpoint_fingerprint(const Problem& problem, const SearchOptions& options) {
    nlohmann::json fingerprint = nlohmann::json::object();
    for (auto& field : fields(problem, options)) fingerprint[field.key] = std::move(field.value);
    return fingerprint;
}

std::string fingerprint_difference(const nlohmann::json& saved, const Problem& problem, const SearchOptions& options) {
    for (const auto& field : fields(problem, options)) {
        const auto it = saved.find(field.key);
        if (it == saved.end() && !field.when_absent) return fmt::format("it does not record {}", field.label);
        const nlohmann::json& recorded = it == saved.end() ? *field.when_absent : *it;
        if (recorded == field.value) continue;
        const std::string before = recorded.dump(), now = field.value.dump();
        if (before.size() + now.size() > 80) return fmt::format("{} differs", field.label);
        return fmt::format("{} differs (checkpoint {}, this run {})", field.label, before, now);
    }
    return {};
}

}  // namespace occam
