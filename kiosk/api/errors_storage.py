"""Errors of the local outbox storage (separate from errors.py, which is about the network)."""
from __future__ import annotations


class StorageError(Exception):
    """Disk full, I/O error or a damaged database: the app shows out-of-service and alerts the operator.

    Raised instead of ever leaving a half-written record: the transaction was rolled back.
    """

    def __init__(self, message: str, *, code: str = "storage_error") -> None:
        super().__init__(message)
        self.code = code


class KeyFileError(StorageError):
    """The outbox data key is missing, unreadable or has permissions wider than 0600/0400."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="key_file")
