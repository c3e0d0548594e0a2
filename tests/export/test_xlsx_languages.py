"""The workbook in another language: LibreOffice recalculates it to the same numbers, its
formulas keep the file's own (English) function names, and only words change."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from tests.conftest import SAMPLES
from tests.export.test_xlsx_libreoffice import assert_matches_summary, recalculate
from worksheet import i18n
from worksheet.domain.summary import summarize
from worksheet.export.xlsx import export_xlsx
from worksheet.io import load

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="needs LibreOffice's soffice on PATH to recalculate the workbook",
    ),
]


def _cells(wb) -> list[str]:
    return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]


def test_german_and_arabic_workbooks_recalculate_to_the_same_numbers(tmp_path) -> None:
    deal = load(SAMPLES / "software-renewal.deal")
    summary = summarize(deal)
    files = {}
    try:
        for code in ("en", "de", "ar"):
            i18n.set_language(code)
            files[code] = tmp_path / f"renewal-{code}.xlsx"
            export_xlsx(deal, files[code])
    finally:
        i18n.set_language("en")
    (outputs,) = recalculate((list(files.values()), tmp_path / "out"))
    values = {}
    for code, path in zip(files, outputs, strict=True):
        wb = load_workbook(path, data_only=True)
        assert_matches_summary(wb, deal, summary, code)
        values[code] = wb
    # The words are the reader's; the live chance formula says it in German too.
    german = _cells(values["de"])
    assert any("Ziel mindestens so gut wie die Schmerzgrenze" in c for c in german)
    assert any(c.startswith("etwa 83") for c in german), [c for c in german if "83" in c]
    assert not any("Target at least as good as walk-away" in c for c in german)
    # Formulas stay in the file's own function names, whatever the language.
    formulas = [c for c in _cells(load_workbook(files["de"])) if c.startswith("=")]
    assert formulas and any("IF(" in f for f in formulas)
    assert not any("WENN(" in f for f in formulas)
