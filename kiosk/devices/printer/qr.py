"""QR codes as ESC/POS bytes: native ``GS ( k`` (model 2, error correction M) or a ``GS v 0`` raster image
for printers without native QR (pure; ``qrcode`` is imported only for image mode and previews).
"""
from __future__ import annotations

GS = b"\x1d"
ECC_M = 0x31            # GS ( k function 169: 48 L, 49 M, 50 Q, 51 H
MAX_NATIVE_PAYLOAD = 7089 - 3


def _gs_k(fn: bytes, data: bytes = b"") -> bytes:
    body = b"\x31" + fn + data          # cn = 49 (QR), fn, params
    n = len(body)
    return GS + b"(k" + bytes((n & 0xFF, n >> 8)) + body


def native_qr(payload: str, module: int = 6) -> bytes:
    """Model 2, module size MODULE dots, error correction M, store then print (one QR, ~payload + 40 bytes)."""
    data = payload.encode("utf-8")
    if not data:
        raise ValueError("QR payload is empty")
    if len(data) > MAX_NATIVE_PAYLOAD:
        raise ValueError(f"QR payload is {len(data)} bytes; keep it short (a case-number URL)")
    if not 1 <= module <= 16:
        raise ValueError("QR module size must be 1-16 dots")
    return (
        _gs_k(b"\x41", b"\x32\x00")            # function 165: model 2
        + _gs_k(b"\x43", bytes((module,)))     # function 167: module size
        + _gs_k(b"\x45", bytes((ECC_M,)))      # function 169: error correction M
        + _gs_k(b"\x50", b"\x30" + data)       # function 180: store the data
        + _gs_k(b"\x51", b"\x30")              # function 181: print
    )


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules (True = dark), quiet zone of 4 modules included, error correction M."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=1)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def raster_qr(payload: str, module: int = 6) -> bytes:
    """``GS v 0`` raster of the QR at MODULE dots per module (normal density)."""
    if not 1 <= module <= 16:
        raise ValueError("QR module size must be 1-16 dots")
    matrix = qr_matrix(payload)
    size = len(matrix) * module
    width_bytes = (size + 7) // 8
    out = bytearray()
    for row in matrix:
        bits = bytearray(width_bytes)
        for x, dark in enumerate(row):
            if dark:
                for dx in range(x * module, (x + 1) * module):
                    bits[dx >> 3] |= 0x80 >> (dx & 7)
        out += bytes(bits) * module
    header = GS + b"v0\x00" + bytes((width_bytes & 0xFF, width_bytes >> 8, size & 0xFF, size >> 8))
    return header + bytes(out)
