"""ID-card reader (GA/T 467 SAM serial protocol) for second-generation cards and permits.

codec: request frames, FrameReceiver, SW3 statuses (pure) · card: text-block decoding into IdCard (pure)
· reader: IdCardReader, the owner thread · qt_adapter: IdCardReaderAdapter (Qt signals on the GUI thread)
· simulator: SimulatedReader over a pty (port = "sim") · samples: synthetic cards · photo: optional
WLT decoder command · cli: `kiosk ports`, `kiosk read-card`, `kiosk sim-reader`.
"""
