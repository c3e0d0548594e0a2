"""Benchmark child for the meeting view and the deal library, with the real widgets.

`meeting DEAL REPEATS`: an offer typed into the meeting view (500 offers logged) → scored and
repainted. `library FOLDER REPEATS`: first listing of the folder cold, again from the index,
and a search keystroke → filtered and repainted. Prints one JSON line.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARMUP = 3


def _label_baseline(app, repeats: int) -> list[float]:
    """The cheapest repaint of a window this size: a label's new text, painted."""
    from tests.bench.edit_child import label_baseline

    return label_baseline(app, repeats, lambda i: f"Their offer: ${100000 + i}", size=(1280, 760))


def meeting(path: Path, repeats: int) -> dict:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from tests.bench.edit_child import PaintCounter
    from worksheet.io import load
    from worksheet.ui.document import DealDocument
    from worksheet.ui.launch import make_app
    from worksheet.ui.meeting import MeetingView

    app = make_app()
    doc = DealDocument()
    doc.replace(load(path))
    start_count = len(doc.deal.offers)
    if start_count < 500:
        raise AssertionError(f"the deal has {start_count} offers, not 500")
    view = MeetingView(doc)
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    paints = PaintCounter(view.zone_bar)
    samples = []
    cpu = []
    forced = 0
    for i in range(WARMUP + repeats):
        view.entry.setText(str(90000 + 37 * i))
        app.processEvents()
        before = paints.count
        start = time.perf_counter()
        cpu_start = time.process_time()
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        app.sendEvent(view.entry, enter)
        app.processEvents()
        if paints.count == before:
            view.repaint()
            forced += 1
        elapsed = time.perf_counter() - start
        if i >= WARMUP:
            samples.append(elapsed)
            cpu.append(time.process_time() - cpu_start)
        if len(doc.deal.offers) != start_count + i + 1:
            raise AssertionError("the offer was not logged")
        if "$" not in view.latest.text():
            raise AssertionError("the offer was not scored on screen")
    result = {
        "meeting": samples,
        "baseline": _label_baseline(app, repeats),
        "offers": len(doc.deal.offers),
        "cpu_median_ms": round(sorted(cpu)[len(cpu) // 2] * 1000, 2),
        "forced_repaints": forced,
    }
    doc.undo_stack.setClean()
    view.close()
    return result


def library(folder: Path, repeats: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from tests.bench.edit_child import PaintCounter
    from worksheet import paths
    from worksheet.ui.launch import make_app
    from worksheet.ui.library import LibraryWindow

    app = make_app()
    files = sorted(folder.rglob("*.deal"))

    def parse_all() -> None:
        for f in files:
            with open(f, "rb") as fh:
                raw = fh.read()
            # The broken files: reading them is the floor, not parsing them.
            with contextlib.suppress(ValueError):
                json.loads(raw)

    cold, cached, bare_parse = [], [], []
    for _ in range(max(1, repeats // 10)):
        paths.library_index_path().unlink(missing_ok=True)
        t = time.perf_counter()
        parse_all()
        bare_parse.append(time.perf_counter() - t)
    window = None
    for i in range(max(1, repeats // 10)):
        paths.library_index_path().unlink(missing_ok=True)
        window = LibraryWindow(folder=folder)
        window.resize(1180, 680)
        window.show()
        t = time.perf_counter()
        listing = window.start()
        app.processEvents()
        cold.append(time.perf_counter() - t)
        if listing.read != len(files):
            raise AssertionError(f"cold listing read {listing.read} of {len(files)} files")
        if i + 1 < max(1, repeats // 10):
            window.close()
    assert window is not None
    index = paths.library_index_path()
    index_read = []
    for _ in range(repeats):
        t = time.perf_counter()
        json.loads(index.read_bytes())
        index_read.append(time.perf_counter() - t)
    for _ in range(repeats):
        t = time.perf_counter()
        listing = window.start()
        app.processEvents()
        cached.append(time.perf_counter() - t)
        if listing.from_index != len(files):
            raise AssertionError("the cached listing read files again")
    paints = PaintCounter(window.table.viewport())
    queries = ["a", "ac", "acm", "acme", "acme ", "acme d", "acme de", "acme dea"]
    search = []
    search_cpu = []
    forced = 0
    for i in range(WARMUP + repeats):
        text = queries[i % len(queries)]
        if text == queries[0]:
            window.search.setText("")
            app.processEvents()
        before = paints.count
        t = time.perf_counter()
        c = time.process_time()
        window.search.setText(text)
        app.processEvents()
        if paints.count == before:
            window.table.viewport().repaint()
            forced += 1
        if i >= WARMUP:
            search.append(time.perf_counter() - t)
            search_cpu.append(time.process_time() - c)
    window.search.setText("acme dea")
    app.processEvents()
    if not 0 < window.proxy.rowCount() < window.model.rowCount():
        raise AssertionError("the search did not filter")
    QApplication.processEvents()
    return {
        "cold": cold,
        "parse_baseline": bare_parse,
        "cached": cached,
        "index_baseline": index_read,
        "search": search,
        "baseline": _label_baseline(app, repeats),
        "files": len(files),
        "search_cpu_median_ms": round(sorted(search_cpu)[len(search_cpu) // 2] * 1000, 2),
        "forced_repaints": forced,
    }


def main(argv: list[str]) -> int:
    mode, path, repeats = argv[0], Path(argv[1]), int(argv[2])
    try:
        result = meeting(path, repeats) if mode == "meeting" else library(path, repeats)
    except Exception as exc:  # any failure becomes a row note, never a crash
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = {"error": detail}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
