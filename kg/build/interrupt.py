"""Ctrl-C: noted when it arrives, reported in one line, exit code 130.

Python turns SIGINT into a KeyboardInterrupt at whatever line runs next; if that line is in a `__del__`
method or a weakref callback, Python prints "Exception ignored" and goes on, and the Ctrl-C is lost. So the
handler also sets a flag, and the build checks it at each document and before writing its exports
(`check`), raising the interrupt again. Where a step must not be cut in half (exports being moved into
place) the handler only sets the flag (`deferred`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_CODE = 130

_pending = False
_deferred = 0
message = "interrupted"
"""What the command line says on Ctrl-C; a command sets it to say what was kept."""


def _handler(signum, frame) -> None:
    global _pending
    _pending = True
    if not _deferred:
        raise KeyboardInterrupt


def install() -> None:
    """Handle SIGINT in this process (from the main thread only, as `signal` requires)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _handler)


def pending() -> bool:
    return _pending


def check() -> None:
    """Raise KeyboardInterrupt if Ctrl-C was pressed, even if its first KeyboardInterrupt was swallowed."""
    if _pending and not _deferred:
        raise KeyboardInterrupt


@contextmanager
def deferred() -> Iterator[None]:
    """Ctrl-C pressed inside only sets the flag; the block runs to its end."""
    global _deferred
    _deferred += 1
    try:
        yield
    finally:
        _deferred -= 1


def ignore_in_child() -> None:
    """For worker processes: Ctrl-C at the terminal reaches the whole process group; the parent handles it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
