#include "occam/search.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include "occam/front_builder.hpp"
#include "checkpoint.hpp"
#include "island.hpp"
#include "selection_stall.hpp"
#include "stall_widening.hpp"

namespace occam {
namespace {

using Clock = std::chrono::steady_clock;

struct Totals {
    long long generations = 0;
    long long evaluations = 0;
    long long node_rows = 0;
};

bool out_of_budget(const Budget& budget, const Totals& totals, double elapsed, double best_loss) {
    if (budget.time_limit && elapsed >= budget.time_limit->count()) return true;
    if (budget.max_evaluations && totals.evaluations >= *budget.max_evaluations) return true;
    if (budget.max_generations && totals.generations >= *budget.max_generations) return true;
    return best_loss <= budget.target_loss;
}

// Island i receives the best of island i-1. Migrants are all chosen before any island receives,
// so the exchange does not depend on the order of the receiving loop.
void migrate(std::vector<std::unique_ptr<Island>>& islands, std::size_t count) {
    if (islands.size() < 2 || count == 0) return;
    std::vector<std::vector<Individual>> outgoing;
    for (const auto& island : islands) outgoing.push_back(island->emigrants(count));
    for (std::size_t i = 0; i < islands.size(); ++i)
        islands[i]->receive(outgoing[(i + islands.size() - 1) % islands.size()]);
}

// The lowest training loss among members with fewer constants than rows less one (linear scaling
// counted), the ones the rows can judge.
double best_judgeable_loss(const ParetoArchive& archive, const Problem& problem) {
    const auto rows = static_cast<std::size_t>(problem.train_target().size());
    double best = INFINITY;
    for (const auto& [complexity, individual] : archive.entries())
        if (individual.tree.constant_count() + 2 + 1 < rows) best = std::min(best, individual.loss);
    return best;
}

}  // namespace

Front search(const Problem& problem, const SearchOptions& options, const ProgressCallback& on_progress,
             const std::atomic<bool>* stop) {
    options.validate();
    const auto start = Clock::now();
    // the islands stop early enough for the front to be built within the time limit
    const Deadline deadline = deadline_of(options.budget, start);
    Budget islands_budget = options.budget;
    if (islands_budget.time_limit) *islands_budget.time_limit *= 1 - front_building_share;
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    const auto stopping = [&] { return stop != nullptr && stop->load(std::memory_order_relaxed); };

    const std::size_t threads =
        options.threads == 0 ? static_cast<std::size_t>(tbb::info::default_concurrency()) : options.threads;
    tbb::task_arena arena(static_cast<int>(threads));

    // read before any work, so a damaged or mismatched checkpoint fails at once
    std::optional<SearchState> resumed;
    if (!options.checkpoint.resume.empty()) resumed = read_checkpoint(options.checkpoint.resume, problem, options);

    std::vector<std::unique_ptr<Island>> islands;
    for (std::size_t i = 0; i < options.population.islands; ++i)
        islands.push_back(std::make_unique<Island>(problem, options, i));
    const auto run_on_islands = [&](auto&& work) {
        arena.execute([&] {
            tbb::parallel_for(std::size_t{0}, islands.size(), [&](std::size_t i) { work(*islands[i], i); });
        });
    };

    ParetoArchive archive;
    Totals totals;
    Totals earlier;  // work done before a resume: throughput counts only this run's
    if (resumed) {
        for (std::size_t i = 0; i < islands.size(); ++i) {
            islands[i]->restore(std::move(resumed->islands[i]));
            earlier.evaluations += islands[i]->evaluations();
            earlier.node_rows += islands[i]->node_rows();
        }
        archive = std::move(resumed->archive);
        totals.generations = resumed->generations;
    } else {
        run_on_islands([](Island& island, std::size_t) { island.initialize(); });
    }
    const auto save_checkpoint = [&] {
        SearchState state{.islands = {}, .archive = archive, .generations = totals.generations};
        for (const auto& island : islands) state.islands.push_back(island->state());
        write_checkpoint(options.checkpoint.path, state, problem, options);
    };

    Progress progress;
    const auto take_stock = [&] {
        totals.evaluations = 0;
        totals.node_rows = 0;
        for (const auto& island : islands) {
            archive.merge(island->archive());
            totals.evaluations += island->evaluations();
            totals.node_rows += island->node_rows();
        }
        progress.elapsed_seconds = elapsed();
        progress.generations = totals.generations;
        progress.evaluations = totals.evaluations;
        progress.evaluations_per_second =
            static_cast<double>(totals.evaluations - earlier.evaluations) / std::max(progress.elapsed_seconds, 1e-9);
        progress.node_rows_per_second =
            static_cast<double>(totals.node_rows - earlier.node_rows) / std::max(progress.elapsed_seconds, 1e-9);
        progress.best_loss = archive.best_loss();
        progress.front_size = archive.size();
        progress.archive = &archive;
        if (on_progress) on_progress(progress);
    };
    take_stock();

    // Generations per epoch are fixed, so with a generation or evaluation budget every island does
    // the same work whatever the thread count; only the time limit and Ctrl-C cut an epoch short.
    // Barriers fall on multiples of generations_per_epoch counted over the whole search, resumes
    // included, and a generation budget that ends between them stops without migrating: so 10
    // generations and a resume to 20 migrate exactly where one run of 20 does.
    const std::size_t per_epoch = options.population.generations_per_epoch;
    // the stall is not saved in a checkpoint, so a checkpointed search neither stops by it nor widens:
    // a resume continues bit for bit
    const bool checkpointed = !options.checkpoint.path.empty() || !options.checkpoint.resume.empty();
    SelectionStall stall(problem, options.budget, !checkpointed, archive, totals.generations);
    bool stalled = false;
    const bool by_description = !problem.holds_out();
    // without rows held out, a formula with a constant for nearly every row fits them all: it says
    // nothing of the target loss
    const auto best_loss = [&] { return by_description ? best_judgeable_loss(archive, problem) : archive.best_loss(); };
    // A small table's search always stalls at its noise, and a free power there fits it (Kepler's
    // 3/2 becomes 1.5054 on six planets): widening needs rows held out to tell a law from a fit.
    StallWidening widening(options, !checkpointed && problem.holds_out(), best_loss(), totals.generations);
    while (!out_of_budget(islands_budget, totals, elapsed(), best_loss()) && !stopping() && !stalled) {
        std::size_t epoch = per_epoch - static_cast<std::size_t>(totals.generations) % per_epoch;
        if (options.budget.max_generations)
            epoch = std::min<std::size_t>(epoch, static_cast<std::size_t>(*options.budget.max_generations - totals.generations));
        const double time_limit = islands_budget.time_limit ? islands_budget.time_limit->count() : INFINITY;
        std::vector<std::size_t> completed(islands.size(), 0);
        run_on_islands([&](Island& island, std::size_t index) {
            for (std::size_t g = 0; g < epoch; ++g) {
                if (stopping() || elapsed() >= time_limit) break;
                island.run_generation();
                ++completed[index];
            }
        });
        // A time limit or Ctrl-C can cut an epoch short, and islands unevenly: count only the
        // generations every island finished, and neither migrate nor checkpoint such a state,
        // which no resume could continue bit for bit.
        const std::size_t finished = *std::min_element(completed.begin(), completed.end());
        totals.generations += static_cast<long long>(finished);
        if (finished < epoch) {
            take_stock();
            break;
        }
        if (static_cast<std::size_t>(totals.generations) % per_epoch == 0) migrate(islands, options.population.migrants);
        take_stock();
        stalled = stall.stalled(archive, totals.generations);
        // widening at a barrier after which no generation runs would add nothing
        const double loss = best_loss();
        if (!stalled && !out_of_budget(islands_budget, totals, elapsed(), loss) && widening.due(loss, totals.generations)) {
            for (auto& island : islands) island->use_operators(widening.widened());
            stall.restart(totals.generations);
        }
        if (!options.checkpoint.path.empty()) save_checkpoint();
    }

    Front front = build_front(problem, archive, options.fitting, {}, deadline);
    front.final_progress = progress;
    front.interrupted = stopping();
    front.stalled = stalled;
    if (widening.widened_at()) front.widened = WideningNote{*widening.widened_at(), widening.added()};
    return front;
}

}  // namespace occam
