"""One step per `.deal` format version: `MIGRATIONS[n]` turns a version-n dict into version n+1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from worksheet.io.errors import DealFileError

CURRENT_VERSION = 2

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Spec §1.4: concessions get ids `c1, c2…` and status "planned"; the `in_package` ticks
    become package `p1`, made active. Anything the step does not understand (a concessions value
    that is not a list, an item that is not an object) is left for the checks that follow."""
    out = dict(data)
    concessions = data.get("concessions")
    chosen: list[str] = []
    if isinstance(concessions, list):
        moved: list[Any] = []
        for i, item in enumerate(concessions):
            if isinstance(item, dict):
                item = dict(item)
                flag = item.pop("in_package", None)
                if flag is not None and not isinstance(flag, bool):
                    from worksheet.io.validate import _json_type  # the checks' own wording

                    raise DealFileError(
                        f"must be true or false, not {_json_type(flag)}",
                        f"concessions[{i}].in_package",
                    )
                ident = f"c{i + 1}"
                item = {"id": ident, **{k: v for k, v in item.items() if k != "id"}}
                item["status"] = "planned"
                if flag:
                    chosen.append(ident)
            moved.append(item)
        out["concessions"] = moved
    if chosen:
        out["packages"] = [
            {"id": "p1", "name": "Package 1", "ask": None, "concessions": chosen, "notes": ""}
        ]
        out["active_package"] = "p1"
    else:
        out["packages"] = []
        out["active_package"] = None
    return out


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


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
