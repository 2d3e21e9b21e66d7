"""Field-by-field last-writer-wins merge for mutable records.

A record version is ``{field: (value, Stamp)}``. Merging keeps, for each field, the value with
the highest (hlc, device) stamp, so edits to different fields on different PCs both survive and
the result does not depend on the order replicas meet (commutative, associative, idempotent).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.hlc import Stamp

FieldVersions = Mapping[str, tuple[Any, Stamp]]


def merge(a: FieldVersions, b: FieldVersions) -> dict[str, tuple[Any, Stamp]]:
    out: dict[str, tuple[Any, Stamp]] = dict(a)
    for field, (value, stamp) in b.items():
        current = out.get(field)
        if current is None or _wins(value, stamp, current[0], current[1]):
            out[field] = (value, stamp)
    return out


def _wins(value: Any, stamp: Stamp, cur_value: Any, cur_stamp: Stamp) -> bool:
    if stamp != cur_stamp:
        return stamp > cur_stamp
    # Same stamp with different values only happens with corrupted input; pick by a total
    # order on the value's repr so the merge still converges.
    return repr(value) > repr(cur_value)


def changed_fields(
    current: FieldVersions, incoming: FieldVersions
) -> dict[str, tuple[Any, Stamp]]:
    """The subset of ``incoming`` that would change ``current`` when merged."""
    merged = merge(current, incoming)
    return {f: v for f, v in merged.items() if current.get(f) != v}
