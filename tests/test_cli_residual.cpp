// occam search --residual-rounds: every round's front, then the summed model.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_program.hpp"

using namespace occam::test;
using Args = std::vector<std::string>;

TEST_CASE("cli: --residual-rounds prints each round and the summed model") {
    TempDir dir;
    const auto sampled = run_program({"sample", "x0^2 + 0.01*sin(5*x1)", "--var", "x0:-2:2", "--var", "x1:0:6", "--rows",
                                      "2000", "--seed", "4", "--target", "y", "-o", "data.csv"},
                                     dir.path());
    REQUIRE(sampled.exit_code == 0);
    const Args command{"search", "data.csv", "--target", "y", "--residual-rounds", "2", "--generations", "4",
                       "--islands", "2", "--population", "40", "--ops", "+,-,*,/,sin", "--quiet"};
    const auto table = run_program(command, dir.path());
    CHECK(table.exit_code == 0);
    CHECK(table.err.empty());
    CHECK(table.out.starts_with("round 1: y\n"));
    CHECK(table.out.find("\nround 2: y - (round 1)\n") != std::string::npos);
    CHECK(table.out.find("\nmodel: the sum of the 2 chosen formulas, constants fitted together on all training rows\n") !=
          std::string::npos);

    Args as_json = command;
    as_json.insert(as_json.end(), {"--format", "json"});
    const auto json = nlohmann::json::parse(run_program(as_json, dir.path()).out);
    REQUIRE(json.at("rounds").size() == 2);
    CHECK(json.at("rounds")[1].at("target") == "y - (round 1)");
    const auto& model = json.at("model");
    CHECK(model.at("validation_loss").get<double>() < json.at("rounds")[0].at("front").back().at("validation_loss"));
    // the model's formula reads back and fits the data as well as the search said
    const auto eval = run_program({"eval", model.at("sympy").get<std::string>(), "data.csv", "--target", "y"}, dir.path());
    CHECK(eval.exit_code == 0);

    Args as_sympy = command;
    as_sympy.insert(as_sympy.end(), {"--format", "sympy"});
    CHECK(run_program(as_sympy, dir.path()).out == model.at("sympy").get<std::string>() + "\n");
}

TEST_CASE("cli: --residual-rounds 0 and a checkpoint with several rounds are refused") {
    TempDir dir;
    dir.write("data.csv", "x,y\n1,3\n2,5\n3,7\n4,9\n5,11\n6,13\n7,15\n8,17\n");
    const auto refused = [&](const Args& extra, const std::string& message) {
        Args args{"search", "data.csv", "--target", "y", "--generations", "1", "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_program(args, dir.path());
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "occam: " + message + "\n");
    };
    refused({"--residual-rounds", "0"}, "--residual-rounds must be at least 1");
    refused({"--residual-rounds", "3", "--checkpoint", "run.json"},
            "--checkpoint and --resume hold one search, so they need --residual-rounds 1, not 3");
}
