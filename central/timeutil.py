"""Time helpers: everything is stored in UTC and shown with the China offset (+08:00)."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "CST")


def utcnow() -> datetime:
    """Aware UTC now; the single clock of the service (tests never patch it)."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes for DateTime(timezone=True): they were stored as UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_local(value: datetime | None) -> datetime | None:
    """The zone-qualified local time the API returns (ISO-8601 with +08:00)."""
    if value is None:
        return None
    return as_utc(value).astimezone(CST)


def iso(value: datetime) -> str:
    """ISO-8601 text with the +08:00 offset, as stored in JSON answers."""
    return as_utc(value).astimezone(CST).isoformat()


def local_today() -> date:
    return utcnow().astimezone(CST).date()


def add_working_days(start: datetime, days: int) -> datetime:
    """Deadline counted in working days (Mon-Fri); public holidays are not modelled."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.astimezone(CST).weekday() < 5:
            remaining -= 1
    return current
