"""Edit benchmark child: open a deal in the real main window, edit the walk-away, time repaints.

Prints one JSON line: {"edit": [seconds…], "baseline": [seconds…], …} or {"error": "…"}.
Runs in its own process so the harness (and pytest) never import Qt.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARMUP = 3


def _words(name: str) -> str:
    return name.lower().replace("-", "_")


def _labels_text(widget) -> str:
    """Everything the summary panel says, to prove that an edit changed what is on screen."""
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    if isinstance(widget, QLabel):
        texts.insert(0, widget.text())
    return "\n".join(texts)


def open_window(path: Path):
    """The app's main window showing `path`, built the way the app builds it."""
    from worksheet.ui import main_window

    cls = main_window.MainWindow
    for attempt in (lambda: cls(path=path), lambda: cls(path), lambda: cls()):
        try:
            window = attempt()
            break
        except TypeError:
            continue
    for opener in ("open_path", "open_file", "load_path", "open"):
        method = getattr(window, opener, None)
        if callable(method):
            method(path)
            break
    return window


def _is_walk_away(widget) -> bool:
    words = _words(f"{widget.objectName()} {widget.accessibleName()}").replace(" ", "_")
    return ("walk_away" in words or "walkaway" in words) and not any(
        other in words for other in ("their", "estimate", "low", "high", "likely")
    )


def find_parts(window):
    """Our walk-away field, the summary panel and the ZOPA chart, found by name or label."""
    from PySide6.QtWidgets import QLineEdit, QWidget

    widgets = window.findChildren(QWidget)
    field = None
    # The app's MoneyField wraps a QLineEdit; accept either, so a plain line edit works too.
    for widget in widgets:
        if type(widget).__name__ == "MoneyField" and _is_walk_away(widget):
            field = widget.lineEdit()
            break
    if field is None:
        field = next((w for w in widgets if isinstance(w, QLineEdit) and _is_walk_away(w)), None)
    panel = chart = None
    for widget in widgets:
        name = _words(widget.objectName())
        kind = type(widget).__name__.lower()
        if panel is None and ("summary" in name or "summary" in kind):
            panel = widget
        if chart is None and ("chart" in name or "chart" in kind):
            chart = widget
    missing = [n for n, w in (("walk-away field", field), ("summary panel", panel),
                              ("ZOPA chart", chart)) if w is None]
    if missing:
        raise LookupError("the window has no " + ", ".join(missing) + " with a matching name")
    return field, panel, chart


def edit_money(field, amount: Decimal) -> None:
    """One edit as a person makes it (like a paste): replace the text, which emits textEdited."""
    field.selectAll()
    field.insert(str(amount))


def measure(path: Path, repeats: int) -> dict:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    started = time.perf_counter()
    window = open_window(path)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    opened = time.perf_counter() - started
    field, panel, chart = find_parts(window)

    # Two walk-aways that give different summaries, so every edit really changes the screen.
    values = (Decimal("97000"), Decimal("101500"))
    seen: dict[Decimal, str] = {}
    samples = []
    for i in range(WARMUP + repeats):
        amount = values[i % 2]
        start = time.perf_counter()
        edit_money(field, amount)
        app.processEvents()
        panel.repaint()
        chart.repaint()
        elapsed = time.perf_counter() - start
        if i >= WARMUP:
            samples.append(elapsed)
        seen.setdefault(amount, _labels_text(panel))
    if seen[values[0]] == seen[values[1]]:
        raise AssertionError("the summary panel said the same thing for both walk-aways")

    # Baseline: the cheapest repaint of a window this size, a label's new text.
    bare = QMainWindow()
    label = QLabel("—")
    bare.setCentralWidget(label)
    bare.resize(1280, 800)
    bare.show()
    app.processEvents()
    base = []
    for i in range(WARMUP + repeats):
        start = time.perf_counter()
        label.setText(f"Likely zone {values[i % 2]} – 112,000")
        app.processEvents()
        label.repaint()
        if i >= WARMUP:
            base.append(time.perf_counter() - start)
    window.close()
    bare.close()
    return {"edit": samples, "baseline": base, "open_seconds": opened}


def main(argv: list[str]) -> int:
    path, repeats = Path(argv[0]), int(argv[1])
    try:
        result = measure(path, repeats)
    except Exception as exc:  # any failure becomes a row note, never a crash
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = {"error": detail}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
