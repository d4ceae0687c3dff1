// The formula parser on arbitrary bytes, with variables collected and with a fixed list.
#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return occam::fuzz::refuse_or_read(data, size, [](std::string_view text) {
        const occam::ParsedFormula parsed = occam::parse_formula(text);
        // what parses must print and parse back
        const std::string printed = occam::to_infix(parsed.tree, parsed.variables);
        occam::parse_formula(printed, parsed.variables);
        const std::vector<std::string> fixed{"x", "y", "theta"};
        occam::parse_formula(text, fixed);
    });
}
