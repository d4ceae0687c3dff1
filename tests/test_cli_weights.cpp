// occam search and eval with --weights: bad weight columns end with one line and exit code 2, and
// the weighted outputs say that they are weighted.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_program.hpp"

using namespace occam::test;
using Args = std::vector<std::string>;

namespace {

// y = 2x + 1 with weights w; row 5 (data row 5) carries weight_of_row_5.
std::string weighted_csv(const std::string& weight_of_row_5 = "1") {
    std::string text = "x,y,w\n";
    for (int i = 1; i <= 20; ++i)
        text += std::to_string(i) + "," + std::to_string(2 * i + 1) + "," + (i == 5 ? weight_of_row_5 : "1") + "\n";
    return text;
}

void check_input_error(const ProgramResult& r, const std::string& message) {
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "occam: " + message + "\n");
}

}  // namespace

TEST_CASE("cli: bad weights are refused by search and eval with one line and exit code 2") {
    TempDir dir;
    dir.write("data.csv", weighted_csv());
    dir.write("negative.csv", weighted_csv("-0.5"));
    dir.write("zero.csv", "x,y,w\n1,3,0\n2,5,0\n3,7,0\n4,9,0\n5,11,0\n6,13,0\n7,15,0\n8,17,0\n");
    dir.write("inf.csv", weighted_csv("inf"));
    struct Case {
        std::string file;
        std::string weights;
        std::string message;
    };
    const Case cases[] = {
        {"data.csv", "sigma", "--weights: unknown column \"sigma\" in data.csv; columns are: x, y, w"},
        {"data.csv", "y", "--weights: the weight column \"y\" is the target"},
        {"negative.csv", "w", "--weights: column \"w\" holds a negative weight, -0.5 (data row 5)"},
        {"zero.csv", "w", "--weights: column \"w\" is all zero"},
        // the CSV reader refuses non-finite cells before the weights are looked at
        {"inf.csv", "w", "inf.csv:6:6: invalid value \"inf\" in column \"w\" (use --drop-invalid to skip such rows)"},
    };
    for (const auto& c : cases) {
        INFO(c.message);
        check_input_error(run_program({"search", c.file, "--target", "y", "--weights", c.weights, "--generations", "1",
                                       "--quiet"},
                                      dir.path()),
                          c.message);
        check_input_error(run_program({"eval", "2*x + 1", c.file, "--target", "y", "--weights", c.weights}, dir.path()),
                          c.message);
    }
    check_input_error(run_program({"eval", "2*x + w", "data.csv", "--target", "y", "--weights", "w"}, dir.path()),
                      "the formula uses the weight column \"w\" as an input");
}

TEST_CASE("cli: a weighted search says so in its table and JSON, and eval weighs its metrics") {
    TempDir dir;
    dir.write("data.csv", weighted_csv());
    const Args search{"search", "data.csv", "--target", "y", "--weights", "w", "--generations", "4", "--quiet"};
    const auto table = run_program(search, dir.path());
    CHECK(table.exit_code == 0);
    CHECK(table.err.empty());
    // 20 rows: none held out, so the losses are on all of them
    CHECK(table.out.find("loss and R2 are on all rows, weighted by column \"w\"\n") != std::string::npos);

    Args as_json = search;
    as_json.insert(as_json.end(), {"--format", "json"});
    const auto json = nlohmann::json::parse(run_program(as_json, dir.path()).out);
    CHECK(json.at("variables") == nlohmann::json::array({"x"}));  // the weights are never an input
    CHECK(json.at("loss") == nlohmann::json{{"measure", "weighted NMSE"}, {"errors", "absolute"}, {"weights", "w"}});

    // eval: the row of weight zero is off by 100, and does not count
    dir.write("outlier.csv", "x,y,w\n1,3,1\n2,5,1\n3,107,0\n4,9,1\n");
    const auto weighted = run_program({"eval", "2*x + 1", "outlier.csv", "--target", "y", "--weights", "w"}, dir.path());
    CHECK(weighted.exit_code == 0);
    CHECK(weighted.out == "rows           4\n"
                          "weights        w (R2, RMSE and NMSE weighted)\n"
                          "R2             1\n"
                          "RMSE           0\n"
                          "NMSE           0\n"
                          "max abs error  0\n");
    const auto plain = run_program({"eval", "2*x + 1", "outlier.csv", "--target", "y"}, dir.path());
    CHECK(plain.out.find("RMSE           50\n") != std::string::npos);
}
