// The smallest C++ program using occam as a library: read a CSV, solve (pre-checks and search under
// one time limit), print the recommended formula.
// Usage: search_example data.csv target [seconds]
#include <occam/occam.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: search_example data.csv target [seconds]\n";
        return 2;
    }
    try {
        const auto data = occam::read_csv(argv[1]);
        const occam::Problem problem(data, argv[2]);
        occam::SolveOptions options;
        options.search.seed = 1;
        options.search.budget.time_limit = std::chrono::duration<double>(argc > 3 ? std::stod(argv[3]) : 30.0);
        const auto solution = occam::solve(data, problem, options, [](std::size_t, const occam::Progress& p) {
            std::cerr << "\r" << p.elapsed_seconds << " s, best loss " << p.best_loss << "   ";
        });
        std::cerr << '\n';
        for (const auto& step : solution.steps) std::cerr << "pre-check: " << step.line() << '\n';
        const auto& front = solution.front;
        std::cout << occam::to_sympy(front.best().formula, front.variables) << '\n';
    } catch (const occam::input_error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {  // e.g. an unreadable [seconds] argument
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
