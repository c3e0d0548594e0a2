"""`python -m tests.bench`: run the benchmarks, print the table; a missed goal never fails."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.harness import Goal, Row, render_json, render_markdown, render_text

# name -> (what it measures, function(repeats, workdir) -> rows, full repeats, quick repeats).
# Whole processes cost ~0.3–1 s each, so they get fewer repeats than in-process calls.
Bench = Callable[[int, Path], list[Row]]


def _benches() -> dict[str, tuple[str, Bench, int, int]]:
    from tests.bench.bench_core import bench_core
    from tests.bench.bench_edit import bench_edit
    from tests.bench.bench_manager import bench_import_review, bench_preview
    from tests.bench.bench_packages import bench_packages
    from tests.bench.bench_process import bench_pdf, bench_window, bench_xlsx
    from tests.bench.bench_table import bench_table

    return {
        "window": ("start to painted window, peak memory", bench_window, 15, 3),
        "edit": ("edit to repainted summary and chart", bench_edit, 60, 10),
        "pdf": ("command-line PDF export", bench_pdf, 15, 3),
        "xlsx": ("command-line Excel export", bench_xlsx, 15, 3),
        "core": ("summary, load, save of a 2,000-concession deal", bench_core, 40, 5),
        "preview": ("Print Preview open to page drawn", bench_preview, 15, 3),
        "import": ("import-review of the sample workbook", bench_import_review, 15, 3),
        "packages": ("packages summary and the MESO builder", bench_packages, 40, 5),
        "table": ("meeting view offers and the 1,000-deal library", bench_table, 30, 3),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on, for the docs and the JSON file."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    qt = ""
    # In a child, so this process (and the smoke test's) never imports Qt.
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        qt = subprocess.run(
            [
                sys.executable,
                "-c",
                "import PySide6, PySide6.QtCore as c; "
                "print(f'PySide6 {PySide6.__version__}, Qt {c.qVersion()}')",
            ],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu or platform.processor(),
        "python": platform.python_version(),
        "pyside6_qt": qt,
        "system": platform.platform(),
        "load_average_1min_at_start": None if load is None else round(load, 2),
    }


def precompile() -> None:
    """Write our modules' bytecode first, as an installed or frozen app has it.

    An editable checkout under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    from source in every measured start, a cost no installed copy pays. (The baselines'
    libraries are installed, so they already have their bytecode.)
    """
    import compileall

    import worksheet

    compileall.compile_dir(Path(worksheet.__file__).parent, quiet=1)


def run(names: list[str], quick: bool, repeats: int | None, log=print) -> list[Row]:
    precompile()
    benches = _benches()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="deal-bench-") as tmp:
        for name in names:
            what, bench, full, fast = benches[name]
            n = repeats if repeats is not None else (fast if quick else full)
            log(f"… {name}: {what} ({n} runs)", file=sys.stderr)
            started = time.perf_counter()
            workdir = Path(tmp) / name
            workdir.mkdir()
            try:
                rows.extend(bench(n, workdir))
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
                rows.append(
                    Row(
                        name,
                        f"{what} (benchmark failed)",
                        Goal("none", 0),
                        note=f"not measured: {detail}",
                    )
                )
            log(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return rows


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Measure Deal Worksheet against bare Qt, reportlab, openpyxl and json on "
        "this machine, and print each figure next to its goal. Missed goals are reported, "
        "never turned into a failing exit code.",
    )
    p.add_argument("--quick", action="store_true", help="fewer repeats (noisier, ~4× faster)")
    p.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only this benchmark (window, edit, pdf, xlsx, core, table, preview, import); "
        "may be repeated",
    )
    p.add_argument(
        "--repeats", type=int, metavar="N", help="repeats for every benchmark (overrides --quick)"
    )
    p.add_argument("--json", metavar="OUT", help="also write every sample and figure as JSON")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = p.parse_args(argv)
    known = list(_benches())
    for name in args.only or ():
        if name not in known:
            p.error(f"unknown benchmark {name!r}; choose from {', '.join(known)}")
    if args.repeats is not None and args.repeats < 1:
        p.error("--repeats must be at least 1")
    args.names = [n for n in known if not args.only or n in args.only]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    info = machine()
    rows = run(args.names, args.quick, args.repeats)
    elapsed = time.perf_counter() - started
    print(render_markdown(rows) if args.markdown else render_text(rows))
    print(
        f"\n{info['cpus']} CPUs ({info['cpu_model']}), Python {info['python']}, "
        f"{info['pyside6_qt'] or 'PySide6 ?'}; load average at start "
        f"{info['load_average_1min_at_start']}; run took {elapsed:.0f} s."
    )
    if args.json:
        settings = {
            "quick": args.quick,
            "repeats": args.repeats,
            "only": args.names,
            "seconds": elapsed,
        }
        Path(args.json).write_text(render_json(rows, info, settings) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
