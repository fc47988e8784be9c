"""Apply a string function to every string inside nested lists, tuples and dicts."""

from __future__ import annotations

from typing import Any, Callable


def map_strings(value: Any, function: Callable[[str], str]) -> Any:
    """The same structure with ``function`` applied to its strings.

    >>> map_strings({"a": ["x", 1, ("y",)]}, str.upper)
    {'a': ['X', 1, ('Y',)]}
    """
    if isinstance(value, str):
        return function(value)
    if isinstance(value, list):
        return [map_strings(item, function) for item in value]
    if isinstance(value, tuple):
        return tuple(map_strings(item, function) for item in value)
    if isinstance(value, dict):
        return {key: map_strings(item, function) for key, item in value.items()}
    return value
