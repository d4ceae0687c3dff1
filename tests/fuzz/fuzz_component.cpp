// The network component (JSON) reader on arbitrary bytes.
#include "fuzz_input.hpp"
#include "occam/component_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return occam::fuzz::refuse_or_read(data, size, [](std::string_view text) { occam::parse_component(text, "net.json"); });
}
