"""Give the memory a finished session freed back to the operating system.

A kiosk process runs for weeks. Each citizen's screens, answers and images are freed when the session ends,
but glibc's malloc keeps freed memory in its arenas (one per thread that allocated: the GUI thread, the pool
threads, the device threads), so the process's RSS creeps up by a few MB per hundred sessions although no
object is left behind (bench/soak.py: RSS fell back below its warm-up figure after a malloc_trim).
`malloc_trim(0)` returns the free pages of every arena; the window calls it in idle time after a session.
Elsewhere (Windows, musl) there is nothing to call and this does nothing.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

_trim: Callable[[int], int] | None = None
_looked = False


def _malloc_trim() -> Callable[[int], int] | None:
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            # Imported here, not at the top: ctypes is not needed for the first frame. No ctypes.util either:
            # find_library runs ldconfig in a subprocess, and its import alone pulled in subprocess, signal and
            # selectors before the first frame (bench/first_frame.py under -X importtime).
            import ctypes
            try:
                libc = ctypes.CDLL("libc.so.6")
                _trim = libc.malloc_trim
            except (OSError, AttributeError):   # not glibc
                log.info("malloc_trim not available: freed heap stays with the process")
    return _trim


def release_free_heap() -> bool:
    """Return freed heap pages to the OS; True when the platform could (glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
