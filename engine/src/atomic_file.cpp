#include "occam/atomic_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "occam/error.hpp"

namespace occam {

void write_file_atomically(const std::string& path, std::string_view text, std::string_view what) {
    const std::string temporary = path + ".tmp";
    const auto fail = [&](const std::string& reason) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw input_error(fmt::format("{}: cannot write {} ({})", path, what, reason));
    };
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (out) out.close();
        if (!out) fail(std::strerror(errno));
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) fail(error.message());
}

}  // namespace occam
