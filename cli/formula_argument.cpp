#include "formula_argument.hpp"

#include <cstdlib>

namespace occam::cli {
namespace {

bool is_number(const std::string& text) {
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end != text.c_str() && *end == '\0';
}

}  // namespace

std::vector<std::string> with_formulas_marked(const CLI::App& app, int argc, const char* const* argv) {
    std::vector<std::string> out(argv, argv + argc);
    const CLI::App* command = nullptr;
    bool value_expected = false;
    for (std::string& argument : out) {
        if (!command) {
            if (argument == "sample" || argument == "eval") command = app.get_subcommand(argument);
            continue;
        }
        if (argument == "--") break;  // the rest is positional already
        const bool dashed = argument.size() > 1 && argument[0] == '-';
        const bool long_option = argument.rfind("--", 0) == 0;
        const std::string name = long_option ? argument.substr(0, argument.find('=')) : argument;
        const CLI::Option* option = dashed ? command->get_option_no_throw(name) : nullptr;
        if (option) {
            // --name=value carries its value; a flag takes none
            value_expected = option->get_type_size() != 0 && name.size() == argument.size();
            continue;
        }
        if (dashed && !long_option && !value_expected && !is_number(argument)) argument.insert(0, " ");
        value_expected = false;
    }
    return out;
}

std::string formula_as_typed(std::string formula) {
    if (formula.rfind(" -", 0) == 0) formula.erase(0, 1);
    return formula;
}

}  // namespace occam::cli
