"""Client of the central service, request signing, and the offline outbox with its sync worker.

Modules (one job each):
- crypto.py          the one place that chooses primitives (HMAC-SHA256, SHA-256, AES-256-GCM); a 国密
                     SM3/SM4 implementation replaces this module only (GB/T 39786 review, see its docstring)
- signing.py         terminal request signing (pure canonical string) and the requests auth hook
- errors.py          typed client errors with plain zh/en messages mapped from problem+json codes
- transport.py       requests.Session: (connect, read) timeouts, TLS/mTLS, GET-only urllib3 retries,
                     clock skew from `Date`, every failure mapped to a typed error
- models.py          typed results (frozen dataclasses) built from the contract's JSON
- client.py          CentralClient: one method per terminal operation of docs/api/openapi.json
- keyfile.py, errors_storage.py   the outbox data key (0600/0400, outside the data dir) and StorageError
- outbox.py          the local SQLite outbox (WAL, synchronous=FULL, secure_delete, sealed payloads, one writer)
- sync.py            SyncWorker: sends the outbox in order, backoff + jitter + cap, Retry-After, alerts
- catalogue_sync.py  incremental catalogue fetch into kiosk.catalogue.CatalogueStore (+ guides)
- qt_adapter.py      QtCore signals for the GUI (online/offline, outbox depth, sync progress, alerts)
- cli.py             technician commands: central-check, outbox-status, outbox-flush, outbox-requeue

Use from the app (everything blocking runs on a worker, never on the GUI thread):

    client = CentralClient.from_config(config, base_url=embedded_url_or_None)
    outbox = Outbox.from_config(config)                  # may raise KeyFileError / StorageError: out of service
    signals = ApiSignals(parent)                          # online_changed(bool), outbox_depth_changed(int),
    signals.watch_outbox(outbox)                          # sync_progress(int, int), alert(code, ref, msg),
                                                          # clock_skew(float), storage_failed(code)
    worker = SyncWorker(outbox, client.send_outbox_record, **signals.worker_callbacks())
    #   (queued cases in a row go in POST /cases/batch via client.send_outbox_batch: batch_sender="auto")
    worker.start() ... worker.flush_now() (admin 立即同步) ... worker.stop(); outbox.close(); client.close()

    rec = outbox.enqueue("case", body, owner_id=id_number)   # worker thread; returns after COMMIT
    # -> print rec.local_ref ("LY-JL-0012-KXPM-20261126-0007": terminal, installation tag, day, number) on the receipt, show "已保存，联网后自动上传" / "已提交"
    # kinds: "case" (POST /cases body; local_reference and client_created_at are added when sent),
    #        "evaluation" (POST /evaluations body; may carry "case_local_ref" of a queued case),
    #        "help_request" (POST /help-requests body)
    outbox.lookup(local_ref).remote_ref        # the real case number once synced (else None)
    outbox.pending_for_owner(id_number)        # this citizen's records still waiting ("my cases" offline)
    outbox.depth(), outbox.oldest()            # non-blocking, safe on the GUI thread

Errors: kiosk.api.errors.ApiError subclasses (Offline, Timeout, ServerError, Rejected, ClockSkew) carry
`.code` (log it), `.message_zh` / `.message_en` (show them), `.retryable`.
"""
