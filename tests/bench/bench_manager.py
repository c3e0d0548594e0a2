"""The manager's loop: Print Preview drawn after it opens, `import-review` as a whole process."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench.deals import SAMPLE
from tests.bench.harness import (
    ChildFailed,
    Measure,
    Row,
    child_env,
    max_goal,
    paired_runs,
    run_child,
)

PREVIEW_GOAL = max_goal(0.200)
IMPORT_GOAL = max_goal(0.300)


def bench_preview(repeats: int, workdir: Path) -> list[Row]:
    row = Row(
        "print-preview",
        "Print Preview of the sample: open to page drawn",
        PREVIEW_GOAL,
        baseline_title="(bare QPrintPreviewWidget, ready image)",
    )
    try:
        run = run_child(
            ["-m", "tests.bench.preview_child", str(SAMPLE), str(repeats)],
            child_env(workdir),
            timeout=180,
        )
        result = json.loads(run.stdout.strip().splitlines()[-1])
    except (ChildFailed, ValueError, IndexError) as exc:
        row.note = f"not measured: {exc}"
        return [row]
    if "error" in result:
        row.note = f"not measured: {result['error']}"
        return [row]
    row.value = Measure(result["preview"])
    row.baseline = Measure(result["baseline"])
    return [row]


def bench_import_review(repeats: int, workdir: Path) -> list[Row]:
    from worksheet.export.xlsx import export_xlsx
    from worksheet.io import load

    book = workdir / "manager.xlsx"
    export_xlsx(load(SAMPLE), book)
    row = Row(
        "import-review",
        "import-review of the sample workbook (whole process)",
        IMPORT_GOAL,
        baseline_title="(bare openpyxl load_workbook)",
    )

    def check_app() -> None:
        pass

    try:
        app_runs, base_runs = paired_runs(
            ["-m", "worksheet", "import-review", str(SAMPLE), str(book)],
            ["-m", "tests.bench.bare_import", str(book)],
            child_env(workdir),
            repeats,
            check_app=check_app,
        )
    except ChildFailed as exc:
        row.note = f"not measured: {exc}"
        return [row]
    if "no changes" not in app_runs[-1].stdout:
        row.note = f"not measured: unexpected output {app_runs[-1].stdout[:80]!r}"
        return [row]
    row.value = Measure([r.wall for r in app_runs])
    row.baseline = Measure([r.wall for r in base_runs])
    row.extra["cpu"] = Measure([r.cpu for r in app_runs]).to_dict()
    row.extra["baseline_cpu"] = Measure([r.cpu for r in base_runs]).to_dict()
    return [row]
