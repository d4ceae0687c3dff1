#pragma once
#include <string>

namespace occam::cli {

// Where `occam suite` finds its manifests when --suites is not given: share/occam/suites beside
// the program, either installed (<prefix>/bin/occam, <prefix>/share/occam/suites) or in a build
// tree (<build>/occam, <build>/share/occam/suites, a link CMake makes to bench/suites).
// Empty when neither exists. Linux: the program's path comes from /proc/self/exe.
std::string default_suites_directory();

}  // namespace occam::cli
