"""Ctrl-C during fit: the search stops at its next barrier, the estimator keeps the front found so
far, and KeyboardInterrupt reaches the caller."""
import os
import signal
import threading
import time

import numpy as np
import pytest

import occam


def test_ctrl_c_keeps_the_front_and_raises_keyboard_interrupt(product_law):
    X, y = product_law
    y = y + np.random.default_rng(1).normal(scale=0.3, size=len(y))  # never reaches the target loss
    model = occam.Regressor(time=60, precheck="off", stall_generations=0, threads=2)
    timer = threading.Timer(1.5, os.kill, args=(os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        model.fit(X, y)
    assert time.monotonic() - started < 20
    assert model.interrupted_
    assert len(model.equations_) > 0
    assert np.all(np.isfinite(model.predict(X)))
