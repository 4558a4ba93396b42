"""The JSON form of the model's dataclasses, as the store keeps them: datetimes as ISO 8601 in
UTC, dates as ISO 8601, enums as their values, tuples as lists; and back, by the dataclasses' type hints."""
from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

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
def _fields(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field of dataclass ``cls`` with the function that decodes its stored value, worked
    out once per class from its type hints (decoding is on every read of the store)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))


def from_dict(cls: type, data: dict):
    """Rebuild dataclass ``cls`` from a dict made by :func:`to_dict`; unknown keys are ignored."""
    return cls(**{name: decode(data[name]) for name, decode in _fields(cls) if name in data})


def _decoder(kind) -> Callable[[Any], Any]:
    """The function that turns a stored value of type ``kind`` back into its Python value
    (None stays None)."""
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if typing.get_origin(kind) is tuple:
        item = _decoder(args[0])
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if args:
        kind = args[0]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return lambda value: None if value is None else from_dict(kind, value)
    if kind is datetime:
        return lambda value: None if value is None else datetime.fromisoformat(value)
    if kind is date:
        return lambda value: None if value is None else date.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return lambda value: None if value is None else kind(value)
    return _same


def _same(value: Any) -> Any:
    return value
