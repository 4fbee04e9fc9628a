"""A size-limited file system for disk-full tests: a tmpfs mounted with size= (needs root, as in CI here).

`with small_tmpfs(path, "512k") as fs:` mounts, `fs.resize("8m")` remounts bigger (the disk was cleaned up),
and the mount goes away at the end. Tests skip with the reason when mounting is not allowed.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class SmallFs:
    path: Path

    def resize(self, size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.path)], check=True, capture_output=True)

    def fill(self, leave_bytes: int = 0) -> int:
        """Fill the file system with a filler file until at most LEAVE_BYTES are free; returns bytes written."""
        filler = self.path / "filler.bin"
        written = 0
        with open(filler, "ab") as f:
            while True:
                st = os.statvfs(self.path)
                free = st.f_bavail * st.f_frsize
                if free <= leave_bytes:
                    break
                try:
                    f.write(b"\0" * min(65536, max(4096, free - leave_bytes)))
                    f.flush()
                except OSError:
                    break
                written += 1
        return written

    def free_up(self) -> None:
        (self.path / "filler.bin").unlink(missing_ok=True)


@contextmanager
def small_tmpfs(path: Path, size: str) -> Iterator[SmallFs]:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a size-limited tmpfs here ({done.stderr.strip() or done.returncode}); "
                    "the disk-full tests need root or CAP_SYS_ADMIN")
    try:
        yield SmallFs(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)
