// The units table reader on arbitrary bytes.
#include "fuzz_input.hpp"
#include "occam/units.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return occam::fuzz::refuse_or_read(data, size, [](std::string_view text) { occam::parse_units(text, "units.csv"); });
}
