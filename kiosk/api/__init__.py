"""Client of the central service, request signing, and the offline outbox with its sync worker.

- crypto.py      the one place that chooses primitives (HMAC-SHA256, AES-GCM; 国密-ready)
- signing.py     terminal request signing (pure) and the requests auth hook
- errors.py      typed client errors with plain zh/en messages mapped from problem+json codes
- client.py      CentralClient: requests.Session, timeouts, TLS, GET retries, typed results
- outbox.py      the local SQLite outbox (WAL, FULL sync, encrypted payloads, one writer thread)
- sync.py        SyncWorker: sends the outbox in order, backoff + jitter, Retry-After, alerts
- catalogue_sync.py  incremental catalogue fetch handed to the catalogue store
- qt_adapter.py  QtCore signals for the GUI (sync progress, outbox depth, online/offline)

Nothing here needs a QApplication except qt_adapter.py; nothing here may run on the GUI thread.
"""
