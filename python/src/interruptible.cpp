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

// The worker and what it shares with the calling thread; the worker is joined before any of it
// goes, however the calling thread leaves (a Python exception while drawing, say).
class Worker {
public:
    explicit Worker(const std::function<void(const std::atomic<bool>&, ProgressBoard&)>& work)
        : done_(finished_.get_future()), thread_([this, &work] {
              try {
                  work(stop, board);
              } catch (...) {
                  failure = std::current_exception();
              }
              finished_.set_value();
          }) {}
    Worker(const Worker&) = delete;
    ~Worker() {
        stop = true;
        const py::gil_scoped_release released;
        thread_.join();
    }

    // Waits up to a tenth of a second, without the GIL; whether the work has returned.
    bool wait() {
        const py::gil_scoped_release released;
        return done_.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready;
    }

    std::atomic<bool> stop{false};
    ProgressBoard board;
    std::exception_ptr failure;

private:
    std::promise<void> finished_;
    std::future<void> done_;
    std::thread thread_;
};

}  // namespace

bool run_interruptibly(const std::function<void(const std::atomic<bool>& stop, ProgressBoard& board)>& work,
                       bool verbose) {
    bool interrupted = false, drawn = false;
    std::optional<py::error_already_set> raised;  // by a signal handler, not KeyboardInterrupt
    {
        Worker worker(work);
        const py::object err = py::module_::import("sys").attr("stderr");
        for (bool ready = false; !ready;) {
            ready = worker.wait();
            // every pending signal is heard, a second Ctrl-C too: the search keeps what it found and
            // stops at its next barrier, and Python hears of the interrupt once the work returned
            if (PyErr_CheckSignals() != 0) {
                py::error_already_set error;
                if (!error.matches(PyExc_KeyboardInterrupt) && !raised) raised.emplace(std::move(error));
                interrupted = true;
                worker.stop = true;
            }
            const auto line = worker.board.take();
            if (!verbose || !line) continue;
            try {
                err.attr("write")("\r" + *line);
                err.attr("flush")();
                drawn = true;
            } catch (py::error_already_set& error) {
                if (error.matches(PyExc_KeyboardInterrupt)) {
                    interrupted = true;
                    worker.stop = true;
                } else {
                    verbose = false;  // no stderr to draw on (None, a closed pipe): the search goes on
                }
            }
        }
        if (drawn) {
            try {
                err.attr("write")("\n");
            } catch (py::error_already_set&) {
            }
        }
        if (worker.failure) std::rethrow_exception(worker.failure);
    }
    if (raised) throw std::move(*raised);
    return interrupted;
}

}  // namespace occam::python
