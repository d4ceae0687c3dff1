#include "interrupt.hpp"

#include <csignal>

namespace occam::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) {
    interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

}  // namespace

const std::atomic<bool>& install_interrupt_handler() {
    std::signal(SIGINT, on_interrupt);
    return interrupted;
}

}  // namespace occam::cli
