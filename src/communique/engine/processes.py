"""Worker processes that die with their parent, and signals that stop a batch cleanly.

spaCy's `nlp.pipe(n_process=N)` forks N workers that wait on a queue for texts. If
the parent is killed (kill -9, the OOM killer) they would wait forever, holding
hundreds of MB each. While `workers_die_with_parent()` is active, every process
forked gets (in the child, right after the fork) the kernel's parent-death signal
(Linux) and a watchdog thread that exits when the parent is gone (anywhere), and
ignores SIGINT: Ctrl-C is the parent's to handle, and the parent stops its workers.

`stop_on_signals()` turns SIGTERM and SIGHUP (what `timeout`, systemd and
`docker stop` send) into `Terminated`, a KeyboardInterrupt, so the same clean-up
runs as for Ctrl-C: what is annotated is stored, the store is closed whole, the
workers are stopped.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import NoReturn

_PR_SET_PDEATHSIG = 1
WATCHDOG_INTERVAL = 1.0  # seconds between checks that the parent is still there

_state: dict = {
    "active": 0,
    "registered": False,
    "parent": 0,
    "forking_thread_is_main": True,
    "before": set(),
}
_lock = threading.Lock()


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


@contextmanager
def workers_die_with_parent() -> Iterator[None]:
    """While active, processes forked from this one end when this one ends, however it ends."""
    with _lock:
        if not _state["registered"] and hasattr(os, "register_at_fork"):
            os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)
            _state["registered"] = True
        if not _state["active"]:
            _state["before"] = set(multiprocessing.active_children())  # children that are not ours to stop
        _state["active"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["active"] -= 1


def _before_fork() -> None:
    _state["parent"] = os.getpid()
    _state["forking_thread_is_main"] = threading.current_thread() is threading.main_thread()


def _after_fork_in_child() -> None:
    if not _state["active"]:
        return
    _state["active"] = 0  # the child's own forks are its business
    parent = _state["parent"]
    if _state["forking_thread_is_main"]:
        # the kernel signals the child when the forking *thread* ends: only safe for the main thread
        _set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):  # not the parent's handlers: stopping a worker stops it
        signal.signal(signum, signal.SIG_DFL)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="communique-parent-watch", daemon=True
    ).start()


def _set_parent_death_signal(signum: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the watchdog still works
        pass


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_INTERVAL)
    os._exit(1)


def stop_workers() -> None:
    """Stop the worker processes started while `workers_die_with_parent` is active, now.

    They hold nothing that must be saved (results come back to this process to be stored);
    otherwise spaCy, on its way out of `nlp.pipe`, waits for them to finish every batch
    already sent to them.
    """
    if not _state["active"]:
        return
    for proc in set(multiprocessing.active_children()) - _state["before"]:
        proc.terminate()


@contextmanager
def stop_on_signals(signums: tuple[int, ...] = (signal.SIGTERM, signal.SIGHUP)) -> Iterator[None]:
    """While active (main thread only), SIGTERM and SIGHUP raise `Terminated` in the main thread,
    and SIGINT KeyboardInterrupt as usual; each first stops the worker processes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signal.SIGINT: signal.signal(signal.SIGINT, _raise_interrupt)}
    for signum in signums:
        previous[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise_terminated(signum: int, frame: object) -> None:
    # a second signal while cleaning up must not interrupt the clean-up itself
    for other in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(other, signal.SIG_IGN)
    stop_workers()
    raise Terminated(signum)


def _raise_interrupt(signum: int, frame: object) -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C interrupts the clean-up
    stop_workers()
    raise KeyboardInterrupt


def exit_now(code: int) -> NoReturn:
    """End this process at once with `code`, after flushing its output.

    For a batch stopped mid-way with worker processes: multiprocessing's exit handlers
    would wait for queue threads still trying to hand texts to workers that were
    stopped, which never ends. The caller has stored and closed what it must first.
    """
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
