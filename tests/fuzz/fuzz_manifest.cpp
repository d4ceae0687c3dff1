// The suite manifest reader (the Feynman table's format) on arbitrary bytes, written to a folder first.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "fuzz_input.hpp"
#include "occam/suite_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string folder = "/tmp/occam_fuzz_manifest_" + std::to_string(getpid());
    std::filesystem::create_directories(folder);
    std::ofstream(folder + "/FeynmanEquations.csv", std::ios::binary)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return occam::fuzz::refuse_or_read(data, size, [](std::string_view) { occam::load_feynman(folder); });
}
