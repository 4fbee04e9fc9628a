"""Receipt printer (ESC/POS): what this package offers.

- ``receipts``: typed data classes and pure layout functions (data -> ``Document``) for every receipt kind.
- ``document`` / ``encoder`` / ``text`` / ``qr``: the document model and its ESC/POS bytes, Chinese done right.
- ``preview``: a Pillow image of any document, mirroring the paper (for 打印预览, docs and tests);
  ``qr_png(payload)`` for the on-screen fallback QR.
- ``samples``: sample data for every kind (`kiosk print-sample`, the demo, docs/screenshots/receipts).
- ``service.PrinterService``: one owner thread; ``status()`` and ``print_document(doc)`` return futures.
- ``qt_adapter.PrinterAdapter``: the same as Qt signals delivered on the GUI thread (QtCore only).
- ``status``: DLE EOT parsing and the printer states; ``simulator``: a virtual network printer.
- ``cli``: ``kiosk print-test``, ``kiosk print-sample KIND``, ``kiosk printer-status``.

Nothing here imports python-escpos at import time. Network, serial and file printers never need it (our own raw
transports); USB and Windows printers import it on the owner thread when they are first opened.
"""
from __future__ import annotations
