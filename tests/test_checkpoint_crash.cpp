// Crash safety of checkpoints: a search killed outright (SIGKILL, no chance to clean up) at random
// moments, some of them during a checkpoint write, is resumed each time from what it left; the
// checkpoint must always be readable, and the finished run must equal one that was never broken.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "run_program.hpp"

using namespace occam::test;
using Args = std::vector<std::string>;

namespace {

// The search of the test: noisy rows never reach the target loss, and a checkpointed search does
// not stop on a stall, so it runs all its generations.
Args search_args(const std::string& checkpoint, const std::string& output) {
    return {"search", "data.csv", "--target", "f", "--generations", "120", "--seed", "1", "--threads", "2",
            "--precheck", "off", "--checkpoint", checkpoint, "--format", "json", "-o", output};
}

nlohmann::json front_of(const TempDir& dir, const std::string& name) {
    const nlohmann::json document = nlohmann::json::parse(dir.read(name));
    // the seconds are the run's own; everything else must agree
    return {document.at("front"), document.at("search").at("evaluations"), document.at("search").at("generations")};
}

}  // namespace

TEST_CASE("checkpoint: a search killed at random moments resumes to the unbroken run's front" *
          doctest::test_suite("slow")) {
    TempDir dir;
    const auto sampled = run_program({"sample", "x*y + sin(x)", "--var", "x:1:3", "--var", "y:1:3", "--rows", "300",
                                      "--noise", "0.05", "--target", "f", "-o", "data.csv"},
                                     dir.path());
    REQUIRE(sampled.exit_code == 0);

    const auto unbroken = run_program(search_args("whole.ckpt", "whole.json"), dir.path(), std::chrono::seconds(300));
    REQUIRE(unbroken.exit_code == 0);

    // kills spread over the run; the checkpoint is rewritten at every barrier (every 4 generations),
    // so several land on or near a write
    std::mt19937 random(2026);
    std::uniform_int_distribution<int> milliseconds(100, 1500);
    int resumed = 0;
    for (int kill = 0; kill < 6; ++kill) {
        Args args = search_args("broken.ckpt", "broken.json");
        if (std::filesystem::exists(dir / "broken.ckpt")) {
            args.insert(args.end(), {"--resume", "broken.ckpt"});
            ++resumed;
        }
        Program running(args, dir.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds(random)));
        running.signal(SIGKILL);
        const ProgramResult killed = running.wait(std::chrono::seconds(30));
        // killed, or finished (or refused a damaged checkpoint) before the signal came
        CAPTURE(killed.err);
        CHECK((killed.exit_code == -SIGKILL || killed.exit_code == 0));
    }
    CHECK(resumed >= 1);
    Args last = search_args("broken.ckpt", "broken.json");
    if (std::filesystem::exists(dir / "broken.ckpt")) last.insert(last.end(), {"--resume", "broken.ckpt"});
    const auto finished = run_program(last, dir.path(), std::chrono::seconds(300));
    CAPTURE(finished.err);
    REQUIRE(finished.exit_code == 0);
    CHECK(front_of(dir, "broken.json") == front_of(dir, "whole.json"));
}
