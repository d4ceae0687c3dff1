#include "suite_directory.hpp"

#include <filesystem>

namespace occam::cli {

std::string default_suites_directory() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (error) return {};
    const fs::path folder = program.parent_path();
    // the program's own folder first: a build tree inside an install prefix keeps its own suites
    for (const fs::path& prefix : {folder, folder.parent_path()}) {
        const fs::path suites = prefix / "share" / "occam" / "suites";
        if (fs::is_directory(suites, error)) return suites.string();
    }
    return {};
}

}  // namespace occam::cli
