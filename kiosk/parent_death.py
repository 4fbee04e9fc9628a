"""Child processes that die with the kiosk (Linux; a no-op elsewhere).

A kiosk that is hard-killed (SIGKILL from the systemd watchdog, os._exit, a crash) runs no clean-up, so a child
must notice by itself, or it outlives the kiosk: the demo's embedded central service kept port 8600, the
catalogue build worker blocked for good on a queue only the dead kiosk read.

`die_with_parent(parent_pid)`, called first thing in the child, asks the kernel for SIGTERM when the parent
dies (prctl PR_SET_PDEATHSIG), then checks that the parent is still there: one that died before the prctl
sends no signal. Caveat (prctl(2), measured here): the "parent" is the *thread* that started the child, so
the signal also comes when that thread ends while the kiosk lives on. Use it only for a child started by a
thread that outlives it, like the catalogue build worker (kiosk/catalogue/build.py: the thread that starts the
worker waits for it). A child started from a pool thread that ends first (the embedded central service, from
a QThreadPool thread that expires after 30 s idle) watches its parent's pid instead (CENTRAL_PARENT_PID,
kiosk/embedded_central.py).
"""
from __future__ import annotations

import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent_pid: int, sig: int = signal.SIGTERM) -> bool:
    """In the child: receive `sig` when the parent (the thread that started us) dies; if the parent is already
    gone, receive it now. Returns whether the kernel took the request (False off Linux). Never raises, so it
    can be a ProcessPoolExecutor initializer."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):  # no libc symbols (static or unusual builds): nothing to do
        return False
    if os.getppid() != parent_pid:  # the parent died before the prctl: no signal would ever come
        os.kill(os.getpid(), sig)
    return True
