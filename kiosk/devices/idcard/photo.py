"""Optional chip-photo decoding through a technician-configured command (config photo_decoder).

WLT is proprietary and only vendor libraries decode it, so the kiosk treats the photo as an opaque
blob and nothing requires a decoder. When one is configured ("wlt2bmp {in} {out}"), it runs in a
private temporary directory that is removed afterwards: the photo is never left on disk (privacy rule 4).
"""
from __future__ import annotations

import logging
import shlex
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 4 * 1024 * 1024


class PhotoDecoderError(ValueError):
    """The configured photo_decoder command is malformed."""


def parse_command(template: str) -> list[str]:
    """Split the template and check it names both {in} and {out}."""
    try:
        argv = shlex.split(template)
    except ValueError as exc:
        raise PhotoDecoderError(f"photo_decoder {template!r} cannot be parsed: {exc}") from None
    joined = " ".join(argv)
    if not argv or "{in}" not in joined or "{out}" not in joined:
        raise PhotoDecoderError(
            f"photo_decoder {template!r} must be a command with {{in}} and {{out}} placeholders, e.g. 'wlt2bmp {{in}} {{out}}'")
    return argv


def decode_photo(wlt: bytes, template: str, *, timeout_s: float = 10.0) -> bytes | None:
    """Image bytes (usually BMP) from the WLT blob, or None when no decoder is set or it fails."""
    if not template or not wlt:
        return None
    argv = parse_command(template)
    with tempfile.TemporaryDirectory(prefix="kiosk-photo-") as tmp:
        src, dst = Path(tmp) / "photo.wlt", Path(tmp) / "photo.bmp"
        src.write_bytes(wlt)
        src.chmod(0o600)
        cmd = [a.replace("{in}", str(src)).replace("{out}", str(dst)) for a in argv]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("photo decoder could not run: %s", type(exc).__name__)
            return None
        if done.returncode != 0 or not dst.is_file():
            log.warning("photo decoder failed: exit %s", done.returncode)
            return None
        data = dst.read_bytes()
        return data if 0 < len(data) <= MAX_IMAGE_BYTES else None
