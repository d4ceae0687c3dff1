#pragma once
// Long work called from Python: it runs on a worker thread without the GIL, while the calling
// thread wakes every tenth of a second to let Python see Ctrl-C (KeyboardInterrupt in a script or
// a notebook) and to redraw the progress line on sys.stderr.
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace occam::python {

// Where the worker leaves its latest progress line for the calling thread to show.
class ProgressBoard {
public:
    void post(std::string line);
    std::optional<std::string> take();  // the line posted since the last take, if any

private:
    std::mutex mutex_;
    std::optional<std::string> line_;
};

// Runs work(stop, board) and returns whether Ctrl-C set stop (the work then returns early with what
// it found). With verbose, the board's lines are drawn on sys.stderr. What work throws is rethrown
// here; so is an exception other than KeyboardInterrupt raised by a signal handler.
bool run_interruptibly(const std::function<void(const std::atomic<bool>& stop, ProgressBoard& board)>& work,
                       bool verbose);

}  // namespace occam::python
