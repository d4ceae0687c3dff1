#include "invocation.hpp"

#include <vector>

namespace occam::cli {
namespace {

std::vector<std::string>& words() {
    static std::vector<std::string> typed;
    return typed;
}

// In single quotes unless the word holds only characters no shell treats specially.
std::string shell_quoted(const std::string& word) {
    const bool plain = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                                "0123456789_-+=./,:@%") == std::string::npos;
    if (plain) return word;
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

void remember_invocation(int argc, char** argv) {
    words().assign(argv, argv + argc);
    if (!words().empty()) words().front() = "occam";  // the program, whatever path started it
}

std::string invocation() {
    std::string line;
    for (const std::string& word : words()) {
        if (!line.empty()) line += ' ';
        line += shell_quoted(word);
    }
    return line;
}

}  // namespace occam::cli
