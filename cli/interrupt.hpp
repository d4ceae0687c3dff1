#pragma once
// Ctrl-C asks the search to stop at its next barrier and still print its front; a second Ctrl-C
// ends the program at once.
#include <atomic>

namespace occam::cli {

const std::atomic<bool>& install_interrupt_handler();

}  // namespace occam::cli
