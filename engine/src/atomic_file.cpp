#include "occam/atomic_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "occam/error.hpp"

namespace occam {

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string_view what) {
    const std::string temporary = path + ".tmp";
    const auto remove_temporary = [&] {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
    };
    const auto fail = [&](const std::string& reason) {
        remove_temporary();
        throw input_error(fmt::format("{}: cannot write {} ({})", path, what, reason));
    };
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) fail(std::strerror(errno));
        try {
            write(out);
        } catch (...) {
            out.close();
            remove_temporary();
            throw;
        }
        const bool written = static_cast<bool>(out);
        const int write_error = errno;
        out.close();  // before fail removes the file, also when writing failed
        if (!written || !out) {
            const int error = written ? errno : write_error;
            fail(error != 0 ? std::strerror(error) : "the stream failed");
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) fail(error.message());
}

void write_file_atomically(const std::string& path, std::string_view text, std::string_view what) {
    write_file_atomically(
        path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); }, what);
}

}  // namespace occam
