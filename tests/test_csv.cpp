// CSV reading and writing: the accepted dialects, every error message a user can see, and a
// bit-exact round trip through write_csv and read_csv.
#include <doctest/doctest.h>

#include "temp_dir.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <thread>

#include <sys/stat.h>  // mkfifo

#include "occam/dataset.hpp"
#include "occam/error.hpp"

using namespace occam;
using occam::test::TempDir;
namespace fs = std::filesystem;

namespace {

Dataset parse(std::string_view text, CsvOptions options = {}) { return parse_csv(text, "data.csv", options); }


}  // namespace

TEST_CASE("csv: plain comma file, stored column-major") {
    Dataset d = parse("x,y,z\n1,2,3\n4.5,-6e2,+7\n");
    REQUIRE(d.rows() == 2);
    REQUIRE(d.cols() == 3);
    CHECK(d.names() == std::vector<std::string>{"x", "y", "z"});
    CHECK(d.values()(0, 0) == 1);
    CHECK(d.values()(1, 0) == 4.5);
    CHECK(d.values()(1, 1) == -600);
    CHECK(d.values()(1, 2) == 7);
    CHECK(d.values().col(1)(0) == 2);
}

TEST_CASE("csv: byte-order mark and CRLF line ends") {
    Dataset d = parse("\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n");
    CHECK(d.names() == std::vector<std::string>{"x", "y"});
    REQUIRE(d.rows() == 2);
    CHECK(d.values()(1, 1) == 4);
}

TEST_CASE("csv: tab and semicolon separators") {
    Dataset tab = parse("a\tb\n1\t2\n");
    CHECK(tab.names() == std::vector<std::string>{"a", "b"});
    CHECK(tab.values()(0, 1) == 2);
    Dataset semi = parse("a;b;c\n1;2;3\n");
    CHECK(semi.names() == std::vector<std::string>{"a", "b", "c"});
    CHECK(semi.values()(0, 2) == 3);
}

TEST_CASE("csv: quoted names, with separators and escaped quotes inside") {
    Dataset d = parse("\"a,b\",\"say \"\"hi\"\"\", c \n1,2,3\n");
    CHECK(d.names() == std::vector<std::string>{"a,b", "say \"hi\"", "c"});
    // Commas inside quotes do not vote for the separator.
    Dataset semi = parse("\"f(x,y)\";z\n1;2\n");
    CHECK(semi.names() == std::vector<std::string>{"f(x,y)", "z"});
}

TEST_CASE("csv: whitespace around cells, quoted numbers, blank trailing lines, no final newline") {
    Dataset d = parse("x , y\n 1 , 2 \n\"3\",4\n\n  \n\r\n");
    REQUIRE(d.rows() == 2);
    CHECK(d.names() == std::vector<std::string>{"x", "y"});
    CHECK(d.values()(0, 1) == 2);
    CHECK(d.values()(1, 0) == 3);
    CHECK(parse("x\n5").values()(0, 0) == 5);
    // Blank lines before the header are skipped; line numbers still count them.
    CHECK(parse("\n \r\nx\n5\n").names() == std::vector<std::string>{"x"});
    CHECK_THROWS_WITH_AS(parse("\n\nx,x\n1,2\n"), "data.csv:3: duplicate column name \"x\"", input_error);
}

TEST_CASE("csv: error messages name the place") {
    auto fails = [](std::string_view text, const char* message) {
        CHECK_THROWS_WITH_AS(parse(text), message, input_error);
    };
    fails("", "data.csv: empty file (expected a header row)");
    fails("\xEF\xBB\xBF\n\n", "data.csv: empty file (expected a header row)");
    fails("x,y\n", "data.csv: no data rows");
    fails("a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n", "data.csv:3: expected 5 fields, found 4");
    fails("a,b\n1,2,3\n", "data.csv:2: expected 2 fields, found 3");
    fails("x,theta\n1,2\n3,2\n4,    abc\n", "data.csv:4:7: cannot read \"abc\" as a number (column \"theta\")");
    fails("x,y\n1,2e\n", "data.csv:2:3: cannot read \"2e\" as a number (column \"y\")");
    fails("x,y\n1,+-2\n", "data.csv:2:3: cannot read \"+-2\" as a number (column \"y\")");
    fails("x,y,x\n1,2,3\n", "data.csv:1: duplicate column name \"x\"");
    fails("x,,y\n1,2,3\n", "data.csv:1:3: empty column name");
    fails("x,y\n1,2\n3,nan\n", "data.csv:3:3: invalid value \"nan\" in column \"y\" (use --drop-invalid to skip such rows)");
    fails("x,y\n-inf,2\n", "data.csv:2:1: invalid value \"-inf\" in column \"x\" (use --drop-invalid to skip such rows)");
    fails("x,y\n1,\n", "data.csv:2:3: empty cell in column \"y\" (use --drop-invalid to skip such rows)");
    fails("x,y\n1,2\n\n3,4\n", "data.csv:3: blank line between data rows");
    fails("\"x,y\n1\n", "data.csv:1:1: unterminated quoted field");
    fails("\"x\"z,y\n1,2\n", "data.csv:1:4: unexpected text after closing quote");
}

TEST_CASE("csv: drop_invalid skips rows with NaN, Inf or empty cells") {
    CsvOptions drop{.drop_invalid = true};
    Dataset d = parse("x,y\n1,2\nnan,3\n4,inf\n5,\n6,7\n", drop);
    REQUIRE(d.rows() == 2);
    CHECK(d.values()(1, 0) == 6);
    CHECK(d.values()(1, 1) == 7);
    // Dropping does not excuse a malformed row.
    CHECK_THROWS_WITH_AS(parse("x,y\nnan,abc\n", drop), "data.csv:2:5: cannot read \"abc\" as a number (column \"y\")",
                         input_error);
    CHECK_THROWS_WITH_AS(parse("x,y\nnan,1\n1,-inf\n", drop),
                         "data.csv: no data rows (all 2 rows had an empty, NaN or Inf cell)", input_error);
}

TEST_CASE("csv: read_csv on a missing file or a directory") {
    CHECK_THROWS_WITH_AS(read_csv("no/such/data.csv"), "no/such/data.csv: cannot open file (No such file or directory)",
                         input_error);
    TempDir dir;
    CHECK_THROWS_WITH_AS(read_csv(dir.path().string()), (dir.path().string() + ": cannot read file (Is a directory)").c_str(),
                         input_error);
}

TEST_CASE("csv: read_csv in blocks, with lines cut by block ends and lines longer than a block") {
    TempDir dir;
    auto check_file = [&](int rows, int columns) {
        std::string text;
        for (int c = 0; c < columns; ++c) text += (c ? ",c" : "c") + std::to_string(c);
        text += "\r\n";
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) text += (c ? "," : "") + std::to_string(r * 1000003LL + c) + ".25";
            text += "\r\n";
        }
        const auto path = (dir.path() / "blocks.csv").string();
        std::ofstream(path, std::ios::binary) << text;
        Dataset d = read_csv(path);
        REQUIRE(d.rows() == rows);
        REQUIRE(d.cols() == columns);
        CHECK(d.names().back() == "c" + std::to_string(columns - 1));
        bool all = true;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) all &= d.values()(r, c) == static_cast<double>(r * 1000003LL + c) + 0.25;
        }
        CHECK(all);
    };
    check_file(300, 2000);  // about 8 MB in lines of 27 kB
    check_file(2, 150000);  // lines of about 2 MB
}

TEST_CASE("csv: read_csv from a pipe, which cannot be read twice") {
    TempDir dir;
    const auto path = (dir.path() / "pipe.csv").string();
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ofstream out(path, std::ios::binary);
        out << "t,v\n";
        for (int r = 0; r < 5000; ++r) out << r << ',' << r * 0.5 << '\n';
    });
    Dataset d = read_csv(path);
    writer.join();
    REQUIRE(d.rows() == 5000);
    CHECK(d.values()(4999, 0) == 4999);
    CHECK(d.values()(4999, 1) == 2499.5);
}

TEST_CASE("csv: write then read is bit-exact") {
    TempDir dir;
    std::mt19937_64 rng(42);
    const Eigen::Index rows = 500;
    Eigen::ArrayXXd values(rows, 4);
    for (Eigen::Index r = 0; r < rows; ++r) {
        values(r, 0) = std::bit_cast<double>(rng());  // any bit pattern; a few are NaN, replaced below
        values(r, 1) = std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
        values(r, 2) = std::ldexp(std::uniform_real_distribution<double>(0, 1)(rng), -1070);  // subnormal
        values(r, 3) = static_cast<double>(static_cast<std::int64_t>(rng() % 2001) - 1000);
        if (!std::isfinite(values(r, 0))) values(r, 0) = -0.0;
    }
    values(0, 1) = std::numeric_limits<double>::max();
    values(1, 1) = std::numeric_limits<double>::denorm_min();
    values(2, 1) = -0.0;
    Dataset original({"x", "a,b", "say \"hi\"", " padded "}, values);
    const std::string path = (dir.path() / "out.csv").string();
    write_csv(path, original);
    CHECK_FALSE(fs::exists(path + ".tmp"));

    Dataset back = read_csv(path);
    CHECK(back.names() == original.names());
    REQUIRE(back.rows() == rows);
    REQUIRE(back.cols() == 4);
    bool identical = true;
    for (Eigen::Index c = 0; c < 4; ++c) {
        for (Eigen::Index r = 0; r < rows; ++r) {
            identical &= std::bit_cast<std::uint64_t>(back.values()(r, c)) ==
                         std::bit_cast<std::uint64_t>(values(r, c));
        }
    }
    CHECK(identical);
}

TEST_CASE("csv: a failed write leaves no file behind") {
    TempDir dir;
    Dataset d({"x"}, Eigen::ArrayXXd::Ones(2, 1));
    const std::string missing = (dir.path() / "no_dir" / "out.csv").string();
    CHECK_THROWS_WITH_AS(write_csv(missing, d), (missing + ": cannot write file (No such file or directory)").c_str(),
                         input_error);
    // Renaming onto a directory fails after the temporary file was written: it must be removed.
    const fs::path taken = dir.path() / "taken";
    fs::create_directories(taken / "inside");
    CHECK_THROWS_AS(write_csv(taken.string(), d), input_error);
    CHECK_FALSE(fs::exists(taken.string() + ".tmp"));
}

TEST_CASE("csv: a real data file (Strogatz bacterial respiration)") {
    Dataset d = read_csv(OCCAM_SOURCE_DIR "/tests/data/d_bacres1.txt");
    CHECK(d.names() == std::vector<std::string>{"label", "x", "y"});
    CHECK(d.rows() == 400);
    CHECK(d.cols() == 3);
    CHECK(d.values()(0, 0) == 8.21314775719214);
    CHECK(d.values()(0, 1) == 9.01502740318998);
    CHECK(d.values()(0, 2) == 12.8015055992981);
}

TEST_CASE("dataset: construction checks, find and require") {
    CHECK_THROWS_AS(Dataset({"x"}, Eigen::ArrayXXd::Zero(3, 2)), input_error);
    CHECK_THROWS_WITH_AS(Dataset({"x", "x"}, Eigen::ArrayXXd::Zero(3, 2)), "duplicate column name \"x\"", input_error);
    Dataset d({"x", "y", "z"}, Eigen::ArrayXXd::Zero(2, 3));
    CHECK(d.find("y") == std::optional<std::size_t>(1));
    CHECK_FALSE(d.find("w").has_value());
    CHECK(d.require("z", "data.csv") == 2);
    CHECK_THROWS_WITH_AS(d.require("foo", "data.csv"), "unknown target \"foo\" in data.csv; columns are: x, y, z",
                         input_error);
    CHECK_THROWS_WITH_AS(d.require("foo", ""), "unknown target \"foo\"; columns are: x, y, z", input_error);
    CHECK(d.column("y").size() == 2);
}
