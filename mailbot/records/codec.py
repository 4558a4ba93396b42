"""The JSON form of the model's dataclasses, as the store keeps them: datetimes as ISO 8601 in
UTC, dates as ISO 8601, enums as their values, tuples as lists; and back, by the dataclasses' type hints."""
from __future__ import annotations

import dataclasses
import functools
import typing
from datetime import date, datetime
from enum import StrEnum

from mailbot.model import utc


def to_dict(obj) -> dict:
    """Turn one of the dataclasses above into a JSON-ready dict (datetimes as ISO 8601 UTC)."""
    return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _encode(value):
    if dataclasses.is_dataclass(value):
        return to_dict(value)
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


@functools.cache
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


def from_dict(cls: type, data: dict):
    """Rebuild dataclass ``cls`` from a dict made by :func:`to_dict`; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _decode(kind, value):
    if value is None:
        return None
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if typing.get_origin(kind) is tuple:
        return tuple(_decode(args[0], v) for v in value)
    if args and typing.get_origin(kind) is not tuple:
        kind = args[0]
    if dataclasses.is_dataclass(kind):
        return from_dict(kind, value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(value)
    return value
