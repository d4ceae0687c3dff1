// CSV writing: a header, then numbers in the shortest form that reads back to the same double.
#include "occam/dataset.hpp"
#include "occam/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <string>
#include <system_error>

namespace occam {
namespace {

// Quotes a name only when a reader could otherwise split or trim it differently.
void append_name(std::string& out, const std::string& name) {
    bool plain = !name.empty() && name.front() != ' ' && name.back() != ' ' && name.front() != '"' &&
                 name.find_first_of(",;\t\"\r\n") == std::string::npos;
    if (plain) {
        out += name;
        return;
    }
    out += '"';
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)), file_(std::fopen(path_.c_str(), "wb")) {}
    ~TempFile() {
        // Reached with the file still open only when writing failed: leave nothing behind.
        if (file_) {
            std::fclose(file_);
            std::remove(path_.c_str());
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    bool is_open() const { return file_ != nullptr; }
    bool write(const std::string& bytes) {
        return std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size();
    }
    bool close() {
        bool ok = std::fclose(file_) == 0;
        file_ = nullptr;
        if (!ok) {
            int error = errno;  // keep the reason, not remove()'s
            std::remove(path_.c_str());
            errno = error;
        }
        return ok;
    }

private:
    std::string path_;
    std::FILE* file_;
};

// Formats the CSV text in pieces of about 1 MiB and hands each to sink; stops when sink fails.
template <typename Sink>
bool format_csv(const Dataset& data, Sink&& sink) {
    std::string buffer;
    constexpr std::size_t flush_at = 1 << 20;
    buffer.reserve(flush_at + 4096);
    const auto& names = data.names();
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (c > 0) buffer += ',';
        append_name(buffer, names[c]);
    }
    buffer += '\n';

    const Eigen::ArrayXXd& values = data.values();
    char number[32];  // the longest shortest-form double is 24 characters
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        for (Eigen::Index c = 0; c < values.cols(); ++c) {
            if (c > 0) buffer += ',';
            auto result = std::to_chars(number, number + sizeof number, values(r, c));
            buffer.append(number, result.ptr);
        }
        buffer += '\n';
        if (buffer.size() >= flush_at) {
            if (!sink(buffer)) return false;
            buffer.clear();
        }
    }
    return sink(buffer);
}

}  // namespace

void write_csv(const std::string& path, const Dataset& data) {
    auto failure = [&](int error) {
        return input_error(fmt::format("{}: cannot write file ({})", path, std::strerror(error)));
    };
    const std::string temp = path + ".tmp";
    TempFile file(temp);
    if (!file.is_open()) throw failure(errno);
    if (!format_csv(data, [&](const std::string& piece) { return file.write(piece); })) throw failure(errno);
    if (!file.close()) throw failure(errno);

    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error) {
        std::remove(temp.c_str());
        throw input_error(fmt::format("{}: cannot write file ({})", path, error.message()));
    }
}

void write_csv(std::ostream& out, const Dataset& data) {
    if (!format_csv(data, [&](const std::string& piece) { return static_cast<bool>(out.write(piece.data(), static_cast<std::streamsize>(piece.size()))); }))
        throw input_error("cannot write the CSV text to the output stream");
}

}  // namespace occam
