"""Make the screenshots of the meeting view, the debrief and the deal library.

Also renders docs/pdf/debrief.png from the same talk. Run under a real X server at 1366×768 with a window manager, from the repository root:

    Xvfb :96 -screen 0 1366x768x24 &  DISPLAY=:96 openbox &
    DISPLAY=:96 PYTHONPATH=. python docs/screenshots/make_table_shots.py

Each picture is the window as the app draws it (QWidget.grab) after a short scripted talk.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtWidgets import QApplication

from worksheet import paths

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def settle(app: QApplication, rounds: int = 20) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="dw-shots-"))
    paths.set_base(home)
    from worksheet.ui.launch import make_app
    from worksheet.ui.main_window import MainWindow
    from worksheet.ui.meeting import MeetingView

    dark = "--dark" in sys.argv
    app = make_app(dark=dark)
    window = MainWindow(autosave=False)
    window.open_sample(paths.samples_dir() / "software-renewal.deal")
    deal = window.doc.deal
    for i, c in enumerate(deal.concessions):
        c.id = c.id or f"c{i + 1}"
    start = datetime(2027, 3, 14, 14, 0, tzinfo=timezone(timedelta(hours=1)))
    minutes = iter(range(0, 300, 4))
    view = MeetingView(window.doc, window, clock=lambda: start + timedelta(minutes=next(minutes)))
    view.showFullScreen()
    settle(app)
    for text, shift in (
        ("126000", True),
        ("96000", False),
        ("121000", True),
        ("102000", False),
        ("118000", True),
        ("108500", False),
    ):
        view.entry.setText(text)
        view.log_offer("us" if shift else "them")
    if deal.concessions:
        view.concession_model.set_status(0, "traded")
    if len(deal.concessions) > 2:
        view.concession_model.set_status(2, "given")
    if len(deal.concessions) > 1:
        view.concession_model.set_status(1, "offered")
    view.entry.setText("112,000")
    settle(app)
    if dark:  # only the meeting view, to check its colours on a dark palette
        view.grab().save(str(HERE / "meeting-dark.png"))
        window.doc.undo_stack.setClean()
        return 0
    view.grab().save(str(HERE / "meeting-1366x768.png"))
    view.show_walk_away(True)
    settle(app, 5)
    view.grab().save(str(HERE / "meeting-walk-away-held.png"))
    view.show_walk_away(False)
    view.close()

    from worksheet.ui.pages.debrief import fill_bounds_from_offers

    o = deal.outcome
    o.status, o.date, o.price = "agreed", "2027-03-14", D(116000)
    o.package = deal.active_package
    o.terms = "Two-year term, net 45, onboarding for the Dallas depot in April."
    o.went_well = "Asked about their budget cycle before naming a number; they opened up."
    o.do_differently = "Our second step was too big. Wait for their move before moving again."
    fill_bounds_from_offers(window.doc)
    window.resize(1366, 740)
    window.showMaximized()
    page = window.show_page("debrief")
    settle(app)
    for box in page.checks[:4:2]:
        box.click()
    page.refresh_all()
    settle(app)
    page.scroll.ensureWidgetVisible(page.export_button, 40, 40)
    settle(app)
    window.grab().save(str(HERE / "debrief-1366x768.png"))

    # The debrief PDF of the same talk, as a picture for the docs (pdftoppm from poppler).
    import shutil
    import subprocess

    from worksheet.export.pdf.debrief import export_debrief

    pdf = home / "debrief.pdf"
    export_debrief(window.doc.snapshot(), pdf)
    if shutil.which("pdftoppm"):
        out = ROOT / "docs" / "pdf" / "debrief"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(out)], check=True
        )

    from tests.library_deals import make_folder
    from worksheet.ui.library import LibraryWindow

    folder = home / "documents"
    make_folder(folder, 120, seed=3)
    lib = LibraryWindow(folder=folder)
    lib.resize(1366, 740)
    lib.showMaximized()
    lib.start()
    lib.search.setText("")
    settle(app)
    lib.grab().save(str(HERE / "library-1366x768.png"))
    window.doc.undo_stack.setClean()
    lib.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
