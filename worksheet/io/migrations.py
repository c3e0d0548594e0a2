"""One step per `.deal` format version: `MIGRATIONS[n]` turns a version-n dict into version n+1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: Empty while version 1 is the only one. When version 2 arrives, add `1: _v1_to_v2` here,
#: bump CURRENT_VERSION, and version-1 files keep opening.
MIGRATIONS: dict[int, Migration] = {}


def migrate(
    data: dict[str, Any],
    version: int,
    *,
    steps: dict[int, Migration] | None = None,
    target: int = CURRENT_VERSION,
) -> dict[str, Any]:
    """Bring `data` written at `version` up to `target`, one step at a time."""
    steps = MIGRATIONS if steps is None else steps
    while version < target:
        step = steps.get(version)
        if step is None:
            raise LookupError(f"no migration from format version {version}")
        data = step(data)
        version += 1
    data["version"] = target
    return data
