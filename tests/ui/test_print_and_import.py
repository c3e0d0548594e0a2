"""Print Preview shows the exported page; printing through QPrinter gives that page; the
manager's workbook is reviewed and applied as one undo step; the Sign-off page tracks whether
an approval is current; after an export the file can be opened or shown in its folder."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from tests.conftest import SAMPLES
from worksheet.domain.signoff import BASIS_KEY
from worksheet.export.pdf import render_pdf
from worksheet.export.xlsx import export_xlsx
from worksheet.io import dumps, load
from worksheet.ui import print_flow
from worksheet.ui.document import settings

SAMPLE = SAMPLES / "software-renewal.deal"


@pytest.fixture
def window(qtbot, dialogs):
    from worksheet.ui.main_window import MainWindow

    w = MainWindow(autosave=False)
    qtbot.addWidget(w)
    w.doc.replace(load(SAMPLE), SAMPLE)
    return w


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel, 0..255, over a grid of sampled pixels."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    a = a.convertToFormat(QImage.Format.Format_RGB888)
    b = b.convertToFormat(QImage.Format.Format_RGB888)
    total = 0
    count = 0
    for y in range(0, a.height(), 3):
        for x in range(0, a.width(), 3):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(pa.red() - pb.red()) + abs(pa.green() - pb.green())
            total += abs(pa.blue() - pb.blue())
            count += 3
    return total / count


def ink(image: QImage) -> float:
    """Share of sampled pixels that are not white: a blank page has none."""
    dark = 0
    samples = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            samples += 1
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    return dark / samples


def test_print_preview_shows_the_exported_page(qtbot, window):
    dialog = print_flow.preview_deal(window, show=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view.pageCount() == 1)
    pdf, image = dialog.page()
    assert pdf == render_pdf(window.doc.deal, paper="a4", discreet=False)
    expected = print_flow.rasterize(render_pdf(window.doc.deal, paper="a4"), print_flow.PREVIEW_DPI)
    assert ink(image) > 0.02
    assert mean_difference(image, expected) < 1.0
    # A4 at 150 dpi
    assert abs(image.width() - 1240) <= 2 and abs(image.height() - 1754) <= 2


def test_preview_follows_paper_and_discreet_and_remembers_the_paper(qtbot, window):
    dialog = print_flow.preview_deal(window, show=False)
    qtbot.addWidget(dialog)
    dialog.show()
    a4 = dialog.page()[1]
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    _letter_pdf, letter = dialog.page()
    assert (letter.width(), letter.height()) != (a4.width(), a4.height())
    assert abs(letter.width() - 1275) <= 2 and abs(letter.height() - 1650) <= 2
    assert print_flow.paper_of(dialog.printer) == "letter"
    assert settings().value("paper") == "letter"
    dialog.discreet.setChecked(True)
    discreet_pdf, discreet = dialog.page()
    assert discreet_pdf == render_pdf(window.doc.deal, paper="letter", discreet=True)
    assert mean_difference(discreet, letter) > 0.05
    text = PdfReader(__import__("io").BytesIO(discreet_pdf)).pages[0].extract_text()
    assert "Discreet copy" in text


def test_printing_to_a_pdf_file_gives_the_exported_page(tmp_path, window):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_flow.print_sheet(printer, window.doc.deal, "a4", False)
    printed = PdfReader(out)
    exported = PdfReader(__import__("io").BytesIO(render_pdf(window.doc.deal, paper="a4")))
    assert len(printed.pages) == 1
    assert printed.pages[0].extract_text() == exported.pages[0].extract_text()
    assert "Northwind Logistics" in printed.pages[0].extract_text()


def test_painted_page_through_qprinter_matches_the_exported_pdf(tmp_path, window):
    """What a printer queue receives: the page image painted through QPrinter (seen on a PDF)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "painted.pdf"
    printer.setOutputFileName(str(out))
    print_flow.print_sheet(printer, window.doc.deal, "a4", False, raster=True)
    painted = out.read_bytes()
    assert print_flow.page_count(painted) == 1
    seen = print_flow.rasterize(painted, 100)
    expected = print_flow.rasterize(render_pdf(window.doc.deal, paper="a4"), 100)
    assert mean_difference(seen, expected) < 4.0


def test_print_action_uses_the_print_dialog_and_ctrl_p(qtbot, window, monkeypatch, tmp_path):
    assert window.actions.print.shortcut().toString() == "Ctrl+P"
    out = tmp_path / "via-dialog.pdf"

    def accept(printer, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(print_flow, "ask_print", accept)
    window.actions.print.trigger()
    assert out.exists() and len(PdfReader(out).pages) == 1


# ---------------------------------------------------------------------- import


def named(wb, name: str, row: int = 0):
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    cells = wb[sheet][ref.replace("$", "")]
    return cells[row][0] if isinstance(cells, tuple) else cells


@pytest.fixture
def managers_workbook(window, tmp_path) -> Path:
    path = tmp_path / "manager.xlsx"
    export_xlsx(window.doc.deal, path)
    wb = load_workbook(path)
    named(wb, "WalkAway").value = 101000
    named(wb, "TheirLikely").value = 121000
    named(wb, "SignOffBy").value = "Dana Reyes"
    named(wb, "SignOffDecision").value = "Approved"
    named(wb, "SignOffComment").value = "Go."
    named(wb, "LimitWalkAway").value = 100000
    wb.save(path)
    return path


def test_import_applies_the_accepted_changes_as_one_undo_step(
    qtbot, window, managers_workbook, monkeypatch
):
    from worksheet.ui import import_flow

    before = dumps(window.doc.deal)
    seen = []

    def accept_all(dialog):
        seen.extend(c.key for (c,) in [(c,) for _i, c in dialog.items])
        return True

    monkeypatch.setattr(import_flow, "run_review", accept_all)
    assert import_flow.import_workbook(window, str(managers_workbook))
    deal = window.doc.deal
    assert deal.anchors.walk_away == Decimal(101000)
    assert deal.their_estimate.walk_away_likely == Decimal(121000)
    assert deal.sign_off.decision == "approved"
    assert deal.sign_off.by == "Dana Reyes"
    assert deal.sign_off.limits.walk_away == Decimal(100000)
    assert deal.extra[BASIS_KEY]["walk_away"] == "101000"
    assert len(seen) == 6
    assert window.doc.undo_stack.count() == 1
    assert window.doc.is_modified
    window.doc.undo_stack.undo()
    assert dumps(window.doc.deal) == before


def test_rejected_changes_are_left_alone(qtbot, window, managers_workbook, monkeypatch):
    from worksheet.ui import import_flow

    def only_the_comment(dialog):
        dialog.set_accepted({"sign_off.comment"})
        return True

    monkeypatch.setattr(import_flow, "run_review", only_the_comment)
    assert import_flow.import_workbook(window, str(managers_workbook))
    assert window.doc.deal.sign_off.comment == "Go."
    assert window.doc.deal.anchors.walk_away == Decimal(104000)
    assert window.doc.deal.sign_off.decision == ""


def test_refused_workbook_says_one_line_and_changes_nothing(qtbot, window, dialogs, tmp_path):
    from worksheet.ui import import_flow

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    before = dumps(window.doc.deal)
    assert not import_flow.import_workbook(window, str(bad))
    assert dialogs.errors and "not a zip archive" in dialogs.errors[-1][1]
    assert "\n" not in dialogs.errors[-1][1]
    assert dumps(window.doc.deal) == before
    assert window.doc.undo_stack.count() == 0


def test_review_dialog_lists_each_change_and_marks_refused_cells(qtbot, window, tmp_path):
    from worksheet.export.xlsx.importer import review_workbook
    from worksheet.ui.import_flow import ReviewDialog

    path = tmp_path / "m.xlsx"
    export_xlsx(window.doc.deal, path)
    wb = load_workbook(path)
    named(wb, "Target").value = "abc"
    named(wb, "WalkAway").value = 99000
    wb.save(path)
    dialog = ReviewDialog(review_workbook(window.doc.deal, path), path.name, window)
    qtbot.addWidget(dialog)
    texts = [[item.text(i) for i in range(3)] for item, _c in dialog.items]
    assert ["Walk-away", "$104,000", "$99,000"] in texts
    refused = next(t for t in texts if t[0] == "Target")
    assert refused[2].startswith("not read: not a plain decimal amount")
    assert [c.key for c in dialog.accepted_changes()] == ["anchors.walk_away"]
    assert dialog.apply_button.text() == "Apply 1 Change"


# ---------------------------------------------------------------------- sign-off page


def test_signoff_page_approval_goes_stale_after_an_amount_changes(qtbot, window):
    from worksheet.ui.undo import SetValue

    page = window.show_page("signoff")
    index = page.decision.findData("approved")
    page.decision.setCurrentIndex(index)
    page.decision.activated.emit(index)
    assert window.doc.deal.sign_off.decision == "approved"
    assert page.status.text().startswith("Approved")
    window.doc.push(SetValue(window.doc, ("anchors", "walk_away"), Decimal(99000)))
    assert page.status.text().startswith("Approved for an earlier version")
    assert "our walk-away" in page.status.text()
    assert window.summary_panel.signOffText() == page.status.text()
    window.doc.undo_stack.undo()
    assert page.status.text() == "Approved."
    window.doc.undo_stack.undo()
    assert window.doc.deal.sign_off.decision == ""
    assert BASIS_KEY not in window.doc.deal.extra
    assert window.summary_panel.signOffText() == ""


def test_signoff_date_that_is_not_a_date_never_reaches_the_deal(qtbot, window):
    page = window.show_page("signoff")
    page.date.textEdited.emit("2026-13-40")
    assert window.doc.deal.sign_off.date == ""
    page.date.textEdited.emit("2026-11-20")
    assert window.doc.deal.sign_off.date == "2026-11-20"


def test_limit_warnings_show_in_the_summary(qtbot, window):
    from worksheet.ui.undo import SetValue

    window.doc.push(SetValue(window.doc, ("sign_off", "limits", "walk_away"), Decimal(110000)))
    assert window.summary.has_warning("walk_away_beyond_limit")


# ---------------------------------------------------------------------- after an export


def test_export_offers_open_and_show_in_folder_and_remembers_the_folder(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    from worksheet.ui import export_flow

    opened = []
    monkeypatch.setattr(export_flow, "open_url", lambda path: opened.append(path) or True)
    dialogs.export_path = str(tmp_path / "sheet")
    assert window.export("pdf")
    written = tmp_path / "sheet.pdf"
    assert written.exists()
    done = window.export_done
    done.open_button.click()
    done.folder_button.click()
    assert opened == [written, tmp_path]
    assert export_flow.last_export_folder(window) == tmp_path


def test_replace_is_asked_when_the_app_adds_the_extension(qtbot, window, dialogs, tmp_path):
    existing = tmp_path / "sheet.pdf"
    existing.write_bytes(b"keep me")
    dialogs.overwrite = False
    dialogs.export_path = str(tmp_path / "sheet")
    assert not window.export("pdf")
    assert dialogs.asked_overwrite == [str(existing)]
    assert existing.read_bytes() == b"keep me"


def test_exported_workbook_keeps_the_deal_id_in_the_deal(qtbot, window, dialogs, tmp_path):
    from worksheet.domain.signoff import DEAL_ID_KEY, derived_deal_id

    dialogs.export_path = str(tmp_path / "book.xlsx")
    assert window.export("xlsx")
    assert window.doc.deal.extra[DEAL_ID_KEY] == derived_deal_id(window.doc.deal)


def test_pdf_export_dialog_offers_the_paper_and_remembers_it(qtbot, tmp_path):
    """The real save dialog (Qt's own, for the extra row): pick US Letter, accept."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

    from worksheet.ui import dialogs as module
    from worksheet.ui.export_flow import chosen_paper

    seen = []

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog))
        combo = next(c for c in dialog.findChildren(QComboBox) if c.findData("letter") >= 0)
        seen.append([combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(combo.findData("letter"))
        dialog.selectFile(str(tmp_path / "sheet.pdf"))
        dialog.accept()

    QTimer.singleShot(200, answer)
    path = module.ask_export_path(
        None, "Export PDF", str(tmp_path / "sheet.pdf"), "PDF files (*.pdf)"
    )
    assert seen == [["A4", "US Letter"]]
    assert path == str(tmp_path / "sheet.pdf")
    assert chosen_paper() == "letter"


def _page_box(shot: QImage) -> tuple[int, int, int, int]:
    """The white paper in a grab of the preview (its background is grey)."""
    xs, ys = [], []
    for y in range(0, shot.height(), 2):
        for x in range(0, shot.width(), 2):
            c = shot.pixelColor(x, y)
            if c.red() > 250 and c.green() > 250 and c.blue() > 250:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_what_the_preview_widget_shows_is_the_exported_page(qtbot, window):
    """On screen, not just in the dialog's cache: grab the preview, cut out the paper, compare it
    with the exported PDF rasterized by the same rasterizer at that size. Both are compared a
    third of that size, where the preview's own downscaling of text no longer shows."""
    from PySide6.QtCore import Qt

    def sized(image: QImage, w: int, h: int) -> QImage:
        return image.scaled(
            w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    dialog = print_flow.preview_deal(window, show=False)
    qtbot.addWidget(dialog)
    dialog.resize(700, 960)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view.pageCount() == 1)
    qtbot.wait(50)
    shot = dialog.view.grab().toImage()
    left, top, right, bottom = _page_box(shot)
    width, height = right - left + 1, bottom - top + 1
    assert width > 300 and abs(height / width - 297 / 210) < 0.03  # an A4 page, upright
    page = sized(shot.copy(left, top, width, height), width // 3, height // 3)
    dpi = 72.0 * width / (210 / 25.4 * 72)

    def exported(discreet: bool) -> QImage:
        pdf = render_pdf(window.doc.deal, paper="a4", discreet=discreet)
        return sized(sized(print_flow.rasterize(pdf, dpi), width, height), width // 3, height // 3)

    same = mean_difference(page, exported(False))
    assert ink(page) > 0.02
    assert same < 5.0
    # Another page (the discreet copy) is far further away: the comparison can tell pages apart.
    assert mean_difference(page, exported(True)) > 2 * same + 5.0


@pytest.mark.libreoffice
@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="needs soffice")
def test_managers_round_trip_through_libreoffice_in_the_window(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    """Export from the window, a manager edits and LibreOffice recalculates and saves, import
    with every change accepted, undo: the deal is back as it was."""
    import subprocess

    from worksheet.ui import import_flow

    dialogs.export_path = str(tmp_path / "manager.xlsx")
    assert window.export("xlsx")
    before = dumps(window.doc.deal)
    wb = load_workbook(tmp_path / "manager.xlsx")
    named(wb, "WalkAway").value = 101000
    named(wb, "TheirLow").value = 90000
    named(wb, "ConcessionCost", 0).value = 700
    flag = named(wb, "ConcessionInPackage", 3)
    flag.value = not flag.value
    named(wb, "SignOffDecision").value = "Changes requested"
    named(wb, "SignOffComment").value = "Hold the walk-away at 101k; drop the free onboarding."
    sheet, ref = next(iter(wb.defined_names["PackageAsk"].destinations))
    wb[sheet][ref.replace("$", "").split(":")[0]].value = 125000
    wb.save(tmp_path / "edited.xlsx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "lo"),
            str(tmp_path / "edited.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    listed = []

    def accept_all(dialog):
        listed.extend(change.key for _item, change in dialog.items)
        return True

    monkeypatch.setattr(import_flow, "run_review", accept_all)
    assert import_flow.import_workbook(window, str(tmp_path / "lo" / "edited.xlsx"))
    deal = window.doc.deal
    fourth = deal.concessions_in_order()[3]
    assert sorted(listed) == sorted(
        [
            "anchors.walk_away",
            "their_estimate.walk_away_low",
            f"concessions[{deal.concessions_in_order()[0].id}].cost_to_us",
            f"concessions[{fourth.id}].in_package",
            "sign_off.decision",
            "sign_off.comment",
            f"packages[{deal.packages[0].id}].ask",
        ]
    )
    assert deal.packages[0].ask == Decimal(125000)
    assert deal.anchors.walk_away == Decimal(101000)
    assert deal.their_estimate.walk_away_low == Decimal(90000)
    assert deal.concessions_in_order()[0].cost_to_us == Decimal(700)
    assert deal.in_active(fourth) != load(SAMPLE).in_active(
        next(c for c in load(SAMPLE).concessions if c.id == fourth.id)
    )
    assert deal.sign_off.decision == "changes_requested"
    assert window.summary_panel.signOffText().startswith("Changes requested")
    window.doc.undo_stack.undo()
    assert dumps(window.doc.deal) == before


def test_package_ticks_from_the_workbook_are_reviewed_and_applied_as_one_step(
    qtbot, window, tmp_path, monkeypatch
):
    """Ticks a manager changes in any package on the Packages sheet are listed old → new in
    the review dialog and applied together with the other changes, one undo step for all."""
    from worksheet.ui import import_flow

    path = tmp_path / "ticks.xlsx"
    export_xlsx(window.doc.deal, path)
    wb = load_workbook(path)
    sheet, ref = next(iter(wb.defined_names["PackageTicks"].destinations))
    grid = [list(row) for row in wb[sheet][ref.replace("$", "")]]
    grid[0][1].value = False  # "Terms and onboarding" without the first concession
    grid[2][2].value = "=1+1"  # a formula in a tick: listed as not read
    named(wb, "WalkAway").value = 101000
    wb.save(path)
    before = dumps(window.doc.deal)
    shown = []

    def accept_all(dialog):
        shown.extend(
            [" ".join(item.text(i).split()) for i in range(3)] for item, _c in dialog.items
        )
        return True

    monkeypatch.setattr(import_flow, "run_review", accept_all)
    assert import_flow.import_workbook(window, str(path))
    assert [
        "Package “Terms and onboarding”: Net-60 payment terms instead of net-30",
        "included",
        "left out",
    ] in shown
    refused = next(t for t in shown if t[0].startswith("Package “Onboarding and named"))
    assert refused[2].startswith("not read: the cell holds a formula")
    deal = window.doc.deal
    assert deal.packages[1].concessions == ["c2"]
    assert deal.packages[2].concessions == ["c2", "c3"]  # the refused tick changed nothing
    assert deal.anchors.walk_away == Decimal(101000)
    assert window.doc.undo_stack.count() == 1
    window.doc.undo_stack.undo()
    assert dumps(window.doc.deal) == before
