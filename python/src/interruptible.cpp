#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <chrono>
#include <exception>
#include <future>
#include <thread>

namespace py = pybind11;

namespace occam::python {

void ProgressBoard::post(std::string line) {
    const std::lock_guard lock(mutex_);
    line_ = std::move(line);
}

std::optional<std::string> ProgressBoard::take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(line_, std::nullopt);
}

namespace {

void write_stderr(const std::string& text) {
    const py::object err = py::module_::import("sys").attr("stderr");
    err.attr("write")(text);
    err.attr("flush")();
}

}  // namespace

bool run_interruptibly(const std::function<void(const std::atomic<bool>& stop, ProgressBoard& board)>& work,
                       bool verbose) {
    std::atomic<bool> stop{false};
    ProgressBoard board;
    std::exception_ptr failure;
    std::promise<void> finished;
    std::future<void> done = finished.get_future();
    std::thread worker([&] {
        try {
            work(stop, board);
        } catch (...) {
            failure = std::current_exception();
        }
        finished.set_value();
    });

    bool interrupted = false, drawn = false;
    std::optional<py::error_already_set> raised;  // by a signal handler, not KeyboardInterrupt
    for (bool ready = false; !ready;) {
        {
            const py::gil_scoped_release released;
            ready = done.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready;
        }
        if (verbose)
            if (const auto line = board.take()) {
                write_stderr("\r" + *line);
                drawn = true;
            }
        if (!ready && !stop && PyErr_CheckSignals() != 0) {
            // the search keeps what it found and stops at its next barrier; Python hears of the
            // interrupt once the work has returned
            py::error_already_set error;
            if (!error.matches(PyExc_KeyboardInterrupt)) raised.emplace(std::move(error));
            interrupted = true;
            stop = true;
        }
    }
    worker.join();
    if (drawn) write_stderr("\n");
    if (failure) std::rethrow_exception(failure);
    if (raised) throw std::move(*raised);
    return interrupted;
}

}  // namespace occam::python
