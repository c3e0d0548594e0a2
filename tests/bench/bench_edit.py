"""Edit to repainted summary and chart, in a child process that holds the real main window."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench.deals import BIG_CONCESSIONS, SAMPLE, big_deal, write_deal
from tests.bench.harness import ChildFailed, Measure, Row, child_env, max_goal, run_child

GOAL = max_goal(0.016)  # one frame at 60 Hz


def bench_edit(repeats: int, workdir: Path) -> list[Row]:
    big = write_deal(big_deal(), workdir / "big.deal")
    cases = [
        ("edit-sample", "Edit walk-away → summary and chart repainted, sample deal", SAMPLE),
        ("edit-2000", f"Edit walk-away → repainted, {BIG_CONCESSIONS:,} concessions", big),
    ]
    rows = []
    for name, title, path in cases:
        row = Row(name, title, GOAL, baseline_title="(QLabel setText, painted)")
        rows.append(row)
        try:
            # One child per deal: the second window must not benefit from the first one's caches.
            run = run_child(
                ["-m", "tests.bench.edit_child", str(path), str(repeats)],
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
