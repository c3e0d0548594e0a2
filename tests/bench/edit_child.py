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


def _labels_text(widget) -> str:
    """Everything the summary panel says, to prove that an edit changed what is on screen."""
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def _cells_text(editor) -> str:
    """What the Packages page shows, when the edit happens there."""
    model = getattr(editor, "model", None)
    if model is None or not hasattr(model, "figure"):
        return ""
    return "\n".join(
        str(model.index(r, c).data()) for r in range(9) for c in range(model.columnCount())
    )


def open_window(path: Path):
    """The app's main window with `path` open, as a user has it."""
    from worksheet.ui.main_window import MainWindow

    window = MainWindow(autosave=False)
    if not window.open_path(path):
        raise RuntimeError(f"the window could not open {path.name}")
    return window


class WalkAwayEdit:
    """Our walk-away, typed into its field on the Prices page."""

    values = (Decimal("97000"), Decimal("101500"))  # two summaries that differ

    def __init__(self, window) -> None:
        self.window = window
        self.field = window.show_page("anchors").walk_away.lineEdit()

    def edit(self, amount: Decimal) -> None:
        # One edit as a person makes it (like a paste): replace the text; emits textEdited.
        self.field.selectAll()
        self.field.insert(str(amount))

    def value(self) -> Decimal | None:
        return self.window.doc.deal.anchors.walk_away


class TableEdit:
    """The cost of a concession in the package, committed in the Concessions table (as its
    cell editor does on Enter), with the whole list on show."""

    values = (Decimal("1500"), Decimal("4000"))

    def __init__(self, window) -> None:
        from PySide6.QtCore import Qt

        self.window = window
        page = window.show_page("concessions")
        self.model = page.model
        items = window.doc.deal.concessions
        self.row = next(i for i, c in enumerate(items) if window.doc.deal.in_active(c))
        self.index = self.model.index(self.row, self.model.column_of("cost_to_us"))
        self.role = Qt.ItemDataRole.EditRole

    def edit(self, amount: Decimal) -> None:
        if not self.model.setData(self.index, str(amount), self.role):
            raise AssertionError("the table refused the amount")

    def value(self) -> Decimal | None:
        return self.window.doc.deal.concessions[self.row].cost_to_us


class PackageAskEdit:
    """The ask of the active package, committed in its cell on the Packages page (as the cell
    editor does on Enter), with every package on show; the page is what must repaint."""

    values = (Decimal("118500"), Decimal("121000"))

    def __init__(self, window) -> None:
        from PySide6.QtCore import Qt

        self.window = window
        page = window.show_page("packages")
        self.model = page.model
        self.watched = page.table.viewport()
        from worksheet.ui.models.packages import ASK

        self.index = self.model.index(ASK, 0)
        self.role = Qt.ItemDataRole.EditRole

    def edit(self, amount: Decimal) -> None:
        if not self.model.setData(self.index, str(amount), self.role):
            raise AssertionError("the grid refused the amount")

    def value(self) -> Decimal | None:
        return self.window.doc.deal.packages[0].ask


EDITS = {"walk_away": WalkAwayEdit, "table": TableEdit, "packages": PackageAskEdit}


class PaintCounter:
    """Counts paint events of one widget, to prove the chart was really repainted."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.count = 0
        counter = self

        class _Filter(QObject):
            def eventFilter(self, watched, event):  # Qt's name
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self._filter = _Filter()
        widget.installEventFilter(self._filter)


def label_baseline(app, repeats: int, text_of, *, size: tuple[int, int]) -> list[float]:
    """The cheapest repaint of a window this size: a label's new text `text_of(i)`, painted."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    bare = QMainWindow()
    label = QLabel("—")
    bare.setCentralWidget(label)
    bare.resize(*size)
    bare.show()
    app.processEvents()
    paints = PaintCounter(label)
    out = []
    for i in range(WARMUP + repeats):
        before = paints.count
        start = time.perf_counter()
        label.setText(text_of(i))
        app.processEvents()
        if paints.count == before:
            label.repaint()
        if i >= WARMUP:
            out.append(time.perf_counter() - start)
    bare.close()
    return out


def measure(path: Path, repeats: int, mode: str) -> dict:

    from worksheet.ui.launch import make_app

    app = make_app()  # the app's own set-up: style, icon, Qt messages into the log
    started = time.perf_counter()
    window = open_window(path)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    opened = time.perf_counter() - started

    editor = EDITS[mode](window)
    app.processEvents()  # the page on show is laid out and painted before timing starts
    panel = window.summary_panel
    # What must repaint: the chart, or the page the edit happens on when the editor names it.
    watched = getattr(editor, "watched", panel.chart)
    paints = PaintCounter(watched)

    # Two amounts that give different summaries, so every edit really changes the screen.
    values = editor.values
    seen: dict[Decimal, str] = {}
    samples = []
    forced = 0
    for i in range(WARMUP + repeats):
        amount = values[i % 2]
        before = paints.count
        start = time.perf_counter()
        editor.edit(amount)
        app.processEvents()
        if paints.count == before:
            # The event loop did not paint yet: force it. (When it did, a forced repaint would
            # paint the chart a second time, which no user waits for.)
            (panel if watched is panel.chart else watched).repaint()  # the chart is a child
            forced += 1
        elapsed = time.perf_counter() - start
        if i >= WARMUP:
            samples.append(elapsed)
        if editor.value() != amount:
            raise AssertionError("the edit did not reach the deal")
        if paints.count == before:
            raise AssertionError("the chart was not repainted")
        seen.setdefault(amount, _labels_text(panel) + _cells_text(editor))
    if seen[values[0]] == seen[values[1]]:
        raise AssertionError("the summary panel said the same thing for both amounts")

    # Baseline: the cheapest repaint of a window this size, a label's new text.
    base = label_baseline(
        app, repeats, lambda i: f"Likely zone {values[i % 2]} – 112,000", size=(1280, 800)
    )
    window.doc.undo_stack.setClean()  # nothing to ask about on close
    window.close()
    return {
        "edit": samples,
        "baseline": base,
        "open_seconds": opened,
        "forced_repaints": forced,
        "concessions": len(window.doc.deal.concessions),
    }


def main(argv: list[str]) -> int:
    path, repeats = Path(argv[0]), int(argv[1])
    mode = argv[2] if len(argv) > 2 else "walk_away"
    try:
        result = measure(path, repeats, mode)
    except Exception as exc:  # any failure becomes a row note, never a crash
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = {"error": detail}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
