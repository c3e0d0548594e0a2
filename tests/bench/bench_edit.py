"""Edit to repainted summary and chart, in a child process that holds the real main window."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench.deals import (
    BIG_CONCESSIONS,
    BIG_PACKAGES,
    SAMPLE,
    big_deal,
    packaged_deal,
    write_deal,
)
from tests.bench.harness import ChildFailed, Measure, Row, child_env, max_goal, run_child

GOAL = max_goal(0.016)  # one frame at 60 Hz


def bench_edit(repeats: int, workdir: Path) -> list[Row]:
    big = write_deal(big_deal(), workdir / "big.deal")
    packaged = write_deal(packaged_deal(), workdir / "packaged.deal")
    n = f"{BIG_CONCESSIONS:,}"
    cases = [
        (
            "edit-sample",
            "Edit walk-away → summary and chart repainted, sample deal",
            SAMPLE,
            "walk_away",
        ),
        ("edit-2000", f"Edit walk-away → repainted, {n} concessions", big, "walk_away"),
        ("edit-2000-table", f"Edit a cost in the {n}-row table → repainted", big, "table"),
        (
            "edit-packages",
            f"Edit an ask → Packages page repainted, {BIG_PACKAGES} packages × {n}",
            packaged,
            "packages",
        ),
        (
            "edit-packages-sample",
            "Edit an ask → Packages page repainted, sample deal",
            SAMPLE,
            "packages",
        ),
    ]
    rows = []
    for name, title, path, mode in cases:
        row = Row(name, title, GOAL, baseline_title="(QLabel setText, painted)")
        rows.append(row)
        try:
            # One child per deal: the second window must not benefit from the first one's caches.
            run = run_child(
                ["-m", "tests.bench.edit_child", str(path), str(repeats), mode],
                child_env(workdir),
                timeout=120,
            )
            result = json.loads(run.stdout.strip().splitlines()[-1])
        except (ChildFailed, ValueError, IndexError) as exc:
            row.note = f"not measured: {exc}"
            continue
        if "error" in result:
            row.note = f"not measured: {result['error']}"
            continue
        row.value = Measure(result["edit"])
        row.baseline = Measure(result["baseline"])
        row.extra = {k: v for k, v in result.items() if k not in ("edit", "baseline")}
    return rows
