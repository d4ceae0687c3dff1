#pragma once
// Runs the built occam program as a child process, the way a user's shell would, but with each
// argument passed as is (no shell, so no quoting bugs) and stdout and stderr captured apart.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace occam::test {

struct ProgramResult {
    int exit_code = -1;  // the status passed to exit, or minus the signal that ended the program
    std::string out;
    std::string err;
    bool timed_out = false;  // killed after the deadline
};

// The program running in the background, for tests that must act on it while it runs (signals).
class Program {
public:
    Program(const std::vector<std::string>& args, const std::filesystem::path& directory);
    ~Program();
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    void signal(int number) const;
    // Collects the output until the program ends; kills it if it outlives the timeout.
    ProgramResult wait(std::chrono::duration<double> timeout);

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
};

// Runs `occam args...` in directory and waits for it (killed after timeout).
ProgramResult run_program(const std::vector<std::string>& args, const std::filesystem::path& directory,
                          std::chrono::duration<double> timeout = std::chrono::seconds(30));

// The lines of text, without their line ends; a last line without '\n' counts too.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace occam::test
