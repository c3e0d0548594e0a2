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


def phases(deal_path: Path, out: Path) -> list[tuple[str, float, int]]:
    """One start, step by step (runs in the child): (step, seconds, peak RSS after it)."""
    marks: list[tuple[str, float, int]] = []
    last = time.perf_counter()
    marks.append(("Python started (interpreter, site)", 0.0, _peak_rss()))

    def mark(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        marks.append((name, now - last, _peak_rss()))
        last = now

    import PySide6.QtWidgets  # noqa: F401 - the import is what is timed

    mark("import PySide6 QtCore, QtGui, QtWidgets")
    from PySide6.QtCore import Qt  # noqa: F401 - PySide6 builds the Qt namespace's enums here

    mark("from PySide6.QtCore import Qt")
    from worksheet.io import load

    mark("import worksheet.io (domain, load/save)")
    from worksheet.ui.launch import _settle, make_app

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
    window.show()
    _settle(app, window)
    mark("show, lay out, first paint")
    image = window.grab().toImage()
    mark("grab the window")
    if not image.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
    mark("save the PNG")
    window.doc.undo_stack.setClean()
    window.close()
    return marks


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.bench.startup_phases")
    p.add_argument("deal", nargs="?", default=str(SAMPLE))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(phases(Path(args.deal), Path(tmp) / "shot.png")))
        return 0

    from tests.bench.harness import child_env, run_child

    with tempfile.TemporaryDirectory(prefix="deal-phases-") as tmp:
        env = child_env(Path(tmp))
        args_child = ["-m", "tests.bench.startup_phases", "--child", args.deal]
        run_child(args_child, env)  # warm-up: page cache and .pyc files
        runs = [json.loads(run_child(args_child, env).stdout.splitlines()[-1])
                for _ in range(args.runs)]
    names = [name for name, _, _ in runs[0]]
    medians = [statistics.median(run[i][1] for run in runs) for i in range(len(names))]
    peaks = [statistics.median(run[i][2] for run in runs) for i in range(len(names))]
    width = max(len(n) for n in names)
    print(f"{'step':<{width}}  {'time':>10}  {'peak memory after it':>20}")
    for name, value, peak in zip(names, medians, peaks, strict=True):
        print(f"{name:<{width}}  {value * 1000:7.1f} ms  {peak / 1024 / 1024:16.1f} MiB")
    print(f"{'sum of the steps (after the interpreter started)':<{width}}  "
          f"{sum(medians) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
