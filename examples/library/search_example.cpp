// The smallest C++ program using occam as a library: read a CSV, search, print the recommended formula.
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
        occam::SearchOptions options;
        options.seed = 1;
        options.budget.time_limit = std::chrono::duration<double>(argc > 3 ? std::stod(argv[3]) : 30.0);
        const auto front = occam::search(problem, options, [](const occam::Progress& p) {
            std::cerr << "\r" << p.elapsed_seconds << " s, best loss " << p.best_loss << "   ";
        });
        std::cerr << '\n';
        std::cout << occam::to_sympy(front.best().formula, front.variables) << '\n';
    } catch (const occam::input_error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {  // e.g. an unreadable [seconds] argument
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
