// CSV from memory or from a file. A file is read in blocks of whole lines through one reused
// buffer that stays in cache: reading 100 MB into fresh memory costs more in page faults than
// parsing it does.
#include "csv_parser.hpp"
#include "occam/dataset.hpp"
#include "occam/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace occam {
namespace {

// Calls consume(block, last) on successive blocks of the file; each ends with a line end, except the last.
template <class Consume>
void for_each_block(std::FILE* file, const std::string& path, Consume consume) {
    std::vector<char> buffer(std::size_t{1} << 20);
    std::size_t kept = 0;  // the start of a line that the previous block cut off
    for (;;) {
        if (kept == buffer.size()) buffer.resize(2 * buffer.size());  // a line longer than the buffer
        std::size_t wanted = buffer.size() - kept;
        std::size_t got = std::fread(buffer.data() + kept, 1, wanted, file);
        std::string_view block(buffer.data(), kept + got);
        if (got < wanted) {
            if (std::ferror(file)) {
                throw input_error(fmt::format("{}: cannot read file ({})", path, std::strerror(errno)));
            }
            consume(block, true);
            return;
        }
        std::size_t cut = block.rfind('\n') + 1;  // 0 when no line is complete yet
        consume(block.substr(0, cut), false);
        kept = block.size() - cut;
        std::memmove(buffer.data(), buffer.data() + cut, kept);
    }
}

}  // namespace

Dataset parse_csv(std::string_view text, std::string_view source, const CsvOptions& options) {
    detail::CsvParser parser(source, options, detail::count_lines(text, true) - 1);
    parser.feed(text);
    return parser.finish();
}

Dataset read_csv(const std::string& path, const CsvOptions& options) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw input_error(fmt::format("{}: cannot open file ({})", path, std::strerror(errno)));

    // Counting lines first lets the table be allocated once at its final size; a second read of a
    // file the first one just cached is cheaper than growing the table. Pipes get one pass.
    Eigen::Index lines = 0;
    if (std::fseek(file.get(), 0, SEEK_SET) == 0) {
        for_each_block(file.get(), path, [&](std::string_view block, bool last) {
            lines += detail::count_lines(block, last);
        });
        std::rewind(file.get());
    }
    detail::CsvParser parser(path, options, lines - 1);
    for_each_block(file.get(), path, [&](std::string_view block, bool) { parser.feed(block); });
    return parser.finish();
}

}  // namespace occam
