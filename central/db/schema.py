"""The database schema (SQLAlchemy Core). Times are UTC; JSON columns hold small structured values.

Personal data lives only in `cases.applicant`, `appointments.applicant` and `help_requests.applicant`
(the offices need it to process); look-ups by identity use `citizen_key`, a keyed hash (HMAC-SHA256 with
a server-side pepper) of the ID number, never the number itself.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

TS = DateTime(timezone=True)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

regions = Table(
    "regions",
    metadata,
    Column("code", String(12), primary_key=True),
    Column("name", String(64), nullable=False),
    Column("full_name", String(128), nullable=False),
    Column("level", String(16), nullable=False),  # county | township | village
    Column("parent_code", String(12), nullable=True, index=True),
    Column("sort_order", Integer, nullable=False, default=0),
)

items = Table(
    "items",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("department", String(100), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("theme", String(16), nullable=False),
    Column("life_events", JSON, nullable=False),
    Column("levels", JSON, nullable=False),
    Column("region_codes", JSON, nullable=False),
    Column("max_one_trip", Boolean, nullable=False),
    Column("online_depth", String(16), nullable=False),
    Column("has_guide", Boolean, nullable=False),
    Column("guide", JSON, nullable=True),
    Column("source", String(300), nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("updated_at", TS, nullable=False, index=True),
)

terminals = Table(
    "terminals",
    metadata,
    Column("id", String(64), primary_key=True),
    # The HMAC key must be readable to verify signatures; production keeps it in a KMS/HSM (see docs/api).
    Column("secret", String(200), nullable=False),
    Column("site_name", String(100), nullable=False),
    Column("site_type", String(32), nullable=False),
    Column("region_code", String(12), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", TS, nullable=False),
    Column("last_heartbeat_at", TS, nullable=True),
    Column("last_heartbeat", JSON, nullable=True),
)

terminal_events = Table(
    "terminal_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("terminal_id", String(64), ForeignKey("terminals.id"), nullable=False, index=True),
    Column("time", TS, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("code", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("received_at", TS, nullable=False),
)

nonces = Table(
    "nonces",
    metadata,
    Column("terminal_id", String(64), primary_key=True),
    Column("nonce", String(32), primary_key=True),
    Column("seen_at", TS, nullable=False, index=True),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("terminal_id", String(64), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("state", String(16), nullable=False),  # in_flight | done
    Column("status_code", Integer, nullable=True),
    Column("response", JSON, nullable=True),
    Column("created_at", TS, nullable=False, index=True),
    Column("claimed_at", TS, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_number", String(32), nullable=True, unique=True),
    Column("service_code", String(32), nullable=False),
    Column("service_name", String(200), nullable=False),
    Column("citizen_key", String(64), nullable=False, index=True),
    Column("applicant", JSON, nullable=False),
    Column("phone_last4", String(4), nullable=False),
    Column("qr_token_hash", String(64), nullable=False),
    Column("terminal_id", String(64), nullable=False),
    Column("region_code", String(12), nullable=False),
    Column("route", String(16), nullable=False),  # county | township | village
    Column("offices", JSON, nullable=False),  # {"accept": ..., "review": ..., "handover": ...}
    Column("state", String(16), nullable=False, index=True),
    Column("outcome", String(16), nullable=True),  # approved | refused
    Column("outcome_reason", Text, nullable=True),
    Column("form", JSON, nullable=False),
    Column("materials", JSON, nullable=False),
    Column("missing_materials", JSON, nullable=False),
    Column("delivery", JSON, nullable=False),
    Column("tracking_number", String(64), nullable=True),
    Column("carrier", String(32), nullable=True),
    Column("local_reference", String(64), nullable=True),
    Column("promised_by", TS, nullable=True),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
)

case_events = Table(
    "case_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("time", TS, nullable=False),
    Column("office", String(100), nullable=False),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("case_id", "seq"),
)

lookup_failures = Table(
    "lookup_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, nullable=False, index=True),
    Column("terminal_id", String(64), nullable=False),
    Column("at", TS, nullable=False),
)

appointment_units = Table(
    "appointment_units",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("region_code", String(12), nullable=False),
    Column("address", String(200), nullable=False),
    Column("phone", String(32), nullable=False),
    Column("hall", Boolean, nullable=False),  # a service hall with queue tickets
    Column("sort_order", Integer, nullable=False),
)

appointment_services = Table(
    "appointment_services",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("unit_id", String(32), ForeignKey("appointment_units.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("item_code", String(32), nullable=True),
    Column("window_group", String(8), nullable=False),  # queue prefix, e.g. "A"
    Column("window_name", String(64), nullable=False),
    Column("slot_minutes", Integer, nullable=False),
    Column("slot_capacity", Integer, nullable=False),
    Column("weekdays", JSON, nullable=False),  # 0=Mon .. 6=Sun
    Column("sort_order", Integer, nullable=False),
)

slot_counts = Table(
    "slot_counts",
    metadata,
    Column("service_id", String(32), primary_key=True),
    Column("day", String(10), primary_key=True),  # YYYY-MM-DD (local)
    Column("start", String(5), primary_key=True),  # HH:MM (local)
    Column("booked", Integer, nullable=False),
)

appointments = Table(
    "appointments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("appointment_number", String(32), nullable=True, unique=True),
    Column("unit_id", String(32), nullable=False),
    Column("service_id", String(32), nullable=False),
    Column("day", String(10), nullable=False),
    Column("start", String(5), nullable=False),
    Column("end", String(5), nullable=False),
    Column("citizen_key", String(64), nullable=False, index=True),
    Column("applicant", JSON, nullable=False),
    Column("state", String(16), nullable=False),  # booked | cancelled | checked_in
    Column("terminal_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
)

queue_tickets = Table(
    "queue_tickets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", String(32), nullable=False),
    Column("window_group", String(8), nullable=False),
    Column("service_id", String(32), nullable=False),
    Column("day", String(10), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("ticket_number", String(16), nullable=False),
    Column("priority", Boolean, nullable=False),
    Column("appointment_number", String(32), nullable=True),
    Column("state", String(16), nullable=False),  # waiting | called | done
    Column("terminal_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("unit_id", "window_group", "day", "seq"),
)

help_requests = Table(
    "help_requests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("request_number", String(32), nullable=True, unique=True),
    Column("kind", String(16), nullable=False),
    Column("service_code", String(32), nullable=True),
    Column("applicant", JSON, nullable=False),
    Column("phone_last4", String(4), nullable=False),
    Column("region_code", String(12), nullable=False),
    Column("state", String(16), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("terminal_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
)

intermediaries = Table(
    "intermediaries",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("category", String(32), nullable=False, index=True),
    Column("detail", JSON, nullable=False),
    Column("rating_sum", Integer, nullable=False, default=0),
    Column("rating_count", Integer, nullable=False, default=0),
    Column("sort_order", Integer, nullable=False),
)

intermediary_ratings = Table(
    "intermediary_ratings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("intermediary_id", String(32), ForeignKey("intermediaries.id"), nullable=False, index=True),
    Column("score", Integer, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("terminal_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
)

evaluations = Table(
    "evaluations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("evaluation_number", String(32), nullable=True, unique=True),
    Column("level", String(8), nullable=False),
    Column("score", Integer, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("case_number", String(32), nullable=True),
    Column("service_code", String(32), nullable=True),
    Column("terminal_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
)

follow_ups = Table(
    "follow_ups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("follow_up_number", String(32), nullable=True, unique=True),
    Column("evaluation_id", Integer, ForeignKey("evaluations.id"), nullable=False),
    Column("state", String(16), nullable=False),  # open | called_back | fixed
    Column("callback_due", TS, nullable=False),
    Column("fix_due", TS, nullable=False),
    Column("created_at", TS, nullable=False),
)

staff_calls = Table(
    "staff_calls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("call_number", String(32), nullable=True, unique=True),
    Column("terminal_id", String(64), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("screen", String(64), nullable=False, default=""),
    Column("state", String(16), nullable=False),
    Column("created_at", TS, nullable=False),
)

Index("ix_case_events_case", case_events.c.case_id, case_events.c.seq)
