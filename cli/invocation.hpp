#pragma once
// The command line the program was started with, kept for reports: the command that reproduces a run.
#include <string>

namespace occam::cli {

void remember_invocation(int argc, char** argv);

// The words as typed, each quoted for a POSIX shell where it needs it ("occam search data.csv --target y").
std::string invocation();

}  // namespace occam::cli
