"""Where the window's start goes: `python -m tests.bench.startup_phases [--runs N] [DEAL]`.

A diagnostic, not a benchmark row: it runs the steps of `--screenshot` (imports, the app,
the window, the first paint, the PNG) in fresh child processes and prints the median time
of each step, so a slow "start to painted window" row can be traced to its cause.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Only the standard library at the top: the child times every other import itself.
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "software-renewal.deal"


def _peak_rss() -> int:
    """This process's peak resident memory so far, in bytes (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def phases(deal_path: Path, out: Path) -> list[tuple[str, float, float, int]]:
    """One start, step by step (runs in the child): (step, wall s, CPU s, peak RSS after it)."""
    marks: list[tuple[str, float, float, int]] = []
    last, last_cpu = time.perf_counter(), time.process_time()
    marks.append(("Python started (interpreter, site)", 0.0, last_cpu, _peak_rss()))

    def mark(name: str) -> None:
        nonlocal last, last_cpu
        now, cpu = time.perf_counter(), time.process_time()
        marks.append((name, now - last, cpu - last_cpu, _peak_rss()))
        last, last_cpu = now, cpu

    import gc

    gc.disable()  # as worksheet.ui.launch.run() does for the whole start
    import PySide6.QtWidgets  # noqa: F401 - the import is what is timed

    mark("import PySide6 QtCore, QtGui, QtWidgets")
    from PySide6.QtCore import Qt  # noqa: F401 - PySide6 builds the Qt namespace's enums here

    mark("from PySide6.QtCore import Qt")
    from worksheet.io import load

    mark("import worksheet.io (domain, load/save)")
    from worksheet.ui.launch import PNG_QUALITY, make_app, settle

    mark("import worksheet.ui.launch")
    from worksheet.ui.main_window import MainWindow

    mark("import worksheet.ui.main_window (pages, widgets)")
    app = make_app()
    mark("QApplication and the app's set-up")
    deal = load(deal_path)
    mark("load the deal")
    window = MainWindow(autosave=False)
    mark("MainWindow()")
    window.doc.replace(deal, deal_path.resolve())
    mark("show the deal in the window (doc.replace)")
    window.resize(1280, 800)
    # As take_screenshot(): shown with updates off, so the one full paint is the grab's.
    window.setUpdatesEnabled(False)
    window.show()
    settle(app, window)
    window.setUpdatesEnabled(True)
    mark("show and lay out (no paint yet)")
    image = window.grab().toImage()
    mark("grab: the one full paint")
    if not image.save(str(out), "PNG", PNG_QUALITY):
        raise OSError(f"cannot write {out}")
    mark("save the PNG")
    gc.enable()
    window.doc.undo_stack.setClean()
    window.close()
    return marks


def bare_phases(out: Path) -> list[tuple[str, float, float, int]]:
    """The same steps for the baseline of the benchmark: an empty QMainWindow."""
    marks: list[tuple[str, float, float, int]] = []
    last, last_cpu = time.perf_counter(), time.process_time()
    marks.append(("Python started (interpreter, site)", 0.0, last_cpu, _peak_rss()))

    def mark(name: str) -> None:
        nonlocal last, last_cpu
        now, cpu = time.perf_counter(), time.process_time()
        marks.append((name, now - last, cpu - last_cpu, _peak_rss()))
        last, last_cpu = now, cpu

    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("import PySide6 QtCore, QtGui, QtWidgets")
    app = QApplication([sys.argv[0]])
    mark("QApplication")
    window = QMainWindow()
    mark("QMainWindow()")
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    mark("show, lay out, first paint")
    image = window.grab().toImage()
    mark("grab the window")
    if not image.save(str(out), "PNG", 80):  # the app's screenshot level, as bare_window.py
        raise OSError(f"cannot write {out}")
    mark("save the PNG")
    return marks


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.bench.startup_phases")
    p.add_argument("deal", nargs="?", default=str(SAMPLE))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--bare", action="store_true", help="the bare QMainWindow's steps instead")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            shot = Path(tmp) / "shot.png"
            marks = bare_phases(shot) if args.bare else phases(Path(args.deal), shot)
            print(json.dumps(marks))
        return 0

    from tests.bench.harness import child_env, run_child

    with tempfile.TemporaryDirectory(prefix="deal-phases-") as tmp:
        env = child_env(Path(tmp))
        args_child = ["-m", "tests.bench.startup_phases", "--child", args.deal]
        if args.bare:
            args_child.append("--bare")
        run_child(args_child, env)  # warm-up: page cache and .pyc files
        runs = [
            json.loads(run_child(args_child, env).stdout.splitlines()[-1]) for _ in range(args.runs)
        ]
    names = [mark[0] for mark in runs[0]]

    def median(i: int, column: int) -> float:
        return statistics.median(run[i][column] for run in runs)

    width = max(len(n) for n in names)
    print(f"{'step':<{width}}  {'wall':>9}  {'CPU':>9}  {'peak memory after it':>20}")
    for i, name in enumerate(names):
        print(
            f"{name:<{width}}  {median(i, 1) * 1000:6.1f} ms  {median(i, 2) * 1000:6.1f} ms"
            f"  {median(i, 3) / 1024 / 1024:16.1f} MiB"
        )
    total = sum(median(i, 1) for i in range(1, len(names)))
    total_cpu = sum(median(i, 2) for i in range(1, len(names)))
    print(
        f"{'sum of the steps after Python started':<{width}}  {total * 1000:6.1f} ms"
        f"  {total_cpu * 1000:6.1f} ms"
    )
    print("(The first row's CPU column is the CPU the interpreter used before the first step.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
