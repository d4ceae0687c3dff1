// The checkpoint reader on arbitrary bytes, against a fixed small problem (it reads files: the
// bytes are written to one first).
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "checkpoint.hpp"
#include "fuzz_input.hpp"
#include "occam/dataset.hpp"
#include "occam/problem.hpp"
#include "occam/search_options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // the problem and options of the seed corpus's checkpoint (occam search rows.csv --target y
    // --islands 1 --population 8), so that mutations of it get past the fingerprint
    static const occam::Dataset rows =
        occam::parse_csv("x,y\n1,2.1\n2,3.9\n3,6.3\n4,7.8\n5,10.2\n6,11.7\n7,14.4\n8,15.9\n", "rows.csv");
    static const occam::Problem problem(rows, "y");
    static const occam::SearchOptions options = [] {
        occam::SearchOptions small;
        small.population.islands = 1;
        small.population.population_size = 8;
        return small;
    }();
    static const std::string path = "/tmp/occam_fuzz_checkpoint_" + std::to_string(getpid()) + ".json";
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return occam::fuzz::refuse_or_read(data, size, [](std::string_view) { occam::read_checkpoint(path, problem, options); });
}
