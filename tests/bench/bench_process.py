"""Whole-process figures: start to painted window, and command-line exports, each against bare Qt
or the bare library doing the least possible in the same run."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from tests.bench.deals import SAMPLE
from tests.bench.harness import (
    BYTES,
    ChildFailed,
    ChildRun,
    Measure,
    Row,
    child_env,
    paired_runs,
    ratio_goal,
)

RATIO = 1.5
WINDOW_SIZE = (1280, 800)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no Qt needed in the harness)."""
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ChildFailed(f"{path.name} is not a PNG")
    return struct.unpack(">II", head[16:24])


def _check_png(path: Path) -> None:
    if not path.exists():
        raise ChildFailed(f"no {path.name} was written")
    size = png_size(path)
    # The app may draw at a device pixel ratio above 1; the picture must still be the whole window.
    if size[0] < WINDOW_SIZE[0] or size[1] < WINDOW_SIZE[1]:
        raise ChildFailed(f"{path.name} is {size[0]}×{size[1]}, expected at least 1280×800")
    path.unlink()


def _check_pdf(path: Path) -> None:
    if not path.exists() or path.read_bytes()[:5] != b"%PDF-":
        raise ChildFailed(f"{path.name} is missing or not a PDF")
    path.unlink()


def _check_xlsx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as book:
            book.getinfo("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise ChildFailed(f"{path.name} is missing or not a workbook ({exc})") from None
    path.unlink()


def _walls(runs: list[ChildRun]) -> Measure:
    return Measure([r.wall for r in runs])


def _peaks(runs: list[ChildRun]) -> Measure:
    return Measure([float(r.peak_rss) for r in runs], BYTES)


def _cpu(row: Row, app_runs: list[ChildRun], base_runs: list[ChildRun]) -> None:
    """CPU seconds next to the wall time: on a busy machine their ratio is the steadier one."""
    app, base = Measure([r.cpu for r in app_runs]), Measure([r.cpu for r in base_runs])
    row.extra["cpu"] = app.to_dict()
    row.extra["baseline_cpu"] = base.to_dict()
    row.extra["cpu_ratio"] = app.median / base.median if base.median > 0 else None


def bench_window(repeats: int, workdir: Path) -> list[Row]:
    shot = workdir / "window.png"
    bare = workdir / "bare.png"
    start = Row(
        "window-start",
        "Start to painted window, sample deal (whole process)",
        ratio_goal(RATIO),
        baseline_title="(bare QMainWindow)",
    )
    memory = Row(
        "window-memory",
        "Peak memory, window with sample deal",
        ratio_goal(RATIO),
        baseline_title="(bare QMainWindow)",
    )
    app_args = ["-m", "worksheet", str(SAMPLE), "--screenshot", str(shot)]
    base_args = ["-m", "tests.bench.bare_window", str(bare)]

    try:
        app_runs, base_runs = paired_runs(
            app_args,
            base_args,
            child_env(workdir),
            repeats,
            check_app=lambda: _check_png(shot),
            check_baseline=lambda: _check_png(bare),
        )
    except ChildFailed as exc:
        start.note = memory.note = f"not measured: {exc}"
        return [start, memory]
    start.value, start.baseline = _walls(app_runs), _walls(base_runs)
    _cpu(start, app_runs, base_runs)
    memory.value, memory.baseline = _peaks(app_runs), _peaks(base_runs)
    return [start, memory]


def _bench_export(
    repeats: int,
    workdir: Path,
    *,
    name: str,
    title: str,
    flag: str,
    suffix: str,
    baseline_module: str,
    baseline_title: str,
    check,
) -> list[Row]:
    out = workdir / f"sample{suffix}"
    bare = workdir / f"bare{suffix}"
    row = Row(name, title, ratio_goal(RATIO), baseline_title=baseline_title)
    app_args = ["-m", "worksheet", "export", str(SAMPLE), flag, str(out)]
    base_args = ["-m", baseline_module, str(bare)]

    try:
        app_runs, base_runs = paired_runs(
            app_args,
            base_args,
            child_env(workdir),
            repeats,
            check_app=lambda: check(out),
            check_baseline=lambda: check(bare),
        )
    except ChildFailed as exc:
        row.note = f"not measured: {exc}"
        return [row]
    row.value, row.baseline = _walls(app_runs), _walls(base_runs)
    _cpu(row, app_runs, base_runs)
    row.extra["peak_rss"] = _peaks(app_runs).to_dict()
    row.extra["baseline_peak_rss"] = _peaks(base_runs).to_dict()
    return [row]


def bench_pdf(repeats: int, workdir: Path) -> list[Row]:
    return _bench_export(
        repeats,
        workdir,
        name="export-pdf",
        title="Export the sample to PDF (whole process)",
        flag="--pdf",
        suffix=".pdf",
        baseline_module="tests.bench.bare_pdf",
        baseline_title="(bare reportlab page)",
        check=_check_pdf,
    )


def bench_xlsx(repeats: int, workdir: Path) -> list[Row]:
    return _bench_export(
        repeats,
        workdir,
        name="export-xlsx",
        title="Export the sample to Excel (whole process)",
        flag="--xlsx",
        suffix=".xlsx",
        baseline_module="tests.bench.bare_xlsx",
        baseline_title="(bare openpyxl cell)",
        check=_check_xlsx,
    )
