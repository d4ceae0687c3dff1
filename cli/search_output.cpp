#include "search_output.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "occam/atomic_file.hpp"
#include "occam/error.hpp"
#include "occam/front_format.hpp"

namespace occam::cli {
namespace {

void print_progress(const Progress& p) {
    fmt::print(stderr, "\r{}", progress_text(p));
    std::fflush(stderr);
}

}  // namespace

ProgressCallback progress_line(bool quiet) {
    if (quiet || !isatty(fileno(stderr))) return {};
    return print_progress;
}

void require_output_folder(const std::string& path) {
    if (path.empty()) return;
    const auto folder = std::filesystem::absolute(path).parent_path();
    if (!std::filesystem::is_directory(folder))
        throw input_error(fmt::format("{}: cannot write file (No such file or directory)", path));
}

void write_output(const std::string& path, const std::string& text) {
    if (path.empty()) {
        fmt::print("{}", text);
    } else {
        write_file_atomically(path, text);
    }
}

}  // namespace occam::cli
