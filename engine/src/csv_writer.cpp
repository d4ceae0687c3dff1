// CSV writing: a header, then numbers in the shortest form that reads back to the same double.
#include "occam/atomic_file.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ostream>
#include <string>

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

// A sink for format_csv that writes to out.
auto into(std::ostream& out) {
    return [&out](const std::string& piece) {
        return static_cast<bool>(out.write(piece.data(), static_cast<std::streamsize>(piece.size())));
    };
}

}  // namespace

void write_csv(const std::string& path, const Dataset& data) {
    // a failed piece leaves the stream failed, which write_file_atomically reports with its reason
    write_file_atomically(path, [&](std::ostream& out) { format_csv(data, into(out)); });
}

void write_csv(std::ostream& out, const Dataset& data) {
    if (!format_csv(data, into(out))) throw input_error("cannot write the CSV text to the output stream");
}

}  // namespace occam
