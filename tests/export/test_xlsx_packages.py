"""The workbook's Packages sheet: inputs and live formulas, checked as written and after
LibreOffice recalculates them (also after a manager edits a cost and an ask)."""

from __future__ import annotations

import copy
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import SAMPLES
from tests.export.test_xlsx_libreoffice import recalculate
from worksheet.domain.deal import Concession, Deal, Package
from worksheet.domain.summary import summarize, summary_to_dict
from worksheet.export.xlsx import export_xlsx
from worksheet.export.xlsx.packages import (
    ASK_ROW,
    BEST_ROW,
    CHANCE_ROW,
    COST_ROW,
    EXPECTED_ROW,
    GIVES_HEAD_ROW,
    NAME_ROW,
    NET_ROW,
    VALUE_ROW,
)
from worksheet.io import load

SAMPLE_FILES = sorted(SAMPLES.glob("*.deal"))
FIGURE_ROWS = {
    "cost_to_us": COST_ROW,
    "value_to_them": VALUE_ROW,
    "net": NET_ROW,
    "acceptance": CHANCE_ROW,
    "expected_value": EXPECTED_ROW,
    "best_ask": BEST_ROW,
}


def test_sheet_has_inputs_and_formulas(tmp_path: Path) -> None:
    deal = load(SAMPLES / "software-renewal.deal")
    out = tmp_path / "r.xlsx"
    export_xlsx(deal, out)
    ws = load_workbook(out)["Packages"]
    assert [ws.cell(row=NAME_ROW, column=c).value for c in (2, 3, 4)] == [
        "Full service",
        "Terms and onboarding",
        "Onboarding and named engineer",
    ]
    assert [ws.cell(row=ASK_ROW, column=c).value for c in (2, 3, 4)] == [121000, 115000, 120000]
    for row in FIGURE_ROWS.values():
        assert str(ws.cell(row=row, column=2).value).startswith("=")
    assert "SUMIFS(ConcessionCost,$B$" in ws.cell(row=COST_ROW, column=2).value
    ticks = [ws.cell(row=GIVES_HEAD_ROW + 1 + r, column=3).value for r in range(4)]
    assert ticks == [True, True, False, False]  # Terms and onboarding: c1, c2
    first, last = GIVES_HEAD_ROW + 1, GIVES_HEAD_ROW + 4
    (rule,) = ws.data_validations.dataValidation
    assert rule.formula1 == '"TRUE,FALSE"'
    assert str(rule.sqref) == f"B{first}:B{last} C{first}:C{last} D{first}:D{last}"


def test_discreet_sheet_has_asks_and_contents_only(tmp_path: Path) -> None:
    deal = load(SAMPLES / "software-renewal.deal")
    out = tmp_path / "d.xlsx"
    export_xlsx(deal, out, discreet=True)
    ws = load_workbook(out)["Packages"]
    assert ws.cell(row=ASK_ROW, column=2).value == 121000
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert "Net" not in values and "Chance of acceptance" not in values


def test_hostile_names_stay_text(tmp_path: Path) -> None:
    deal = Deal(
        concessions=[Concession(id="c1", what='=HYPERLINK("http://x")')],
        packages=[Package(id="p1", name="=1+2", ask=Decimal(5), concessions=["c1"])],
    )
    out = tmp_path / "h.xlsx"
    export_xlsx(deal, out)
    ws = load_workbook(out)["Packages"]
    for cell in (ws.cell(row=NAME_ROW, column=2), ws.cell(row=GIVES_HEAD_ROW + 1, column=1)):
        assert cell.data_type == "s" and cell.quotePrefix  # text, never a formula


# --------------------------------------------------------------------------- LibreOffice


def _expected(deal: Deal) -> list[dict]:
    return json.loads(json.dumps(summary_to_dict(deal, summarize(deal))))["packages"]


def _read(path: Path, n: int) -> list[dict]:
    ws = load_workbook(path, data_only=True)["Packages"]
    out = []
    for i in range(n):
        col = 2 + i
        out.append({key: ws.cell(row=row, column=col).value for key, row in FIGURE_ROWS.items()})
    return out


def _same(sheet: dict, spec: dict) -> None:
    for key, value in spec.items():
        if key not in FIGURE_ROWS:
            continue
        got = sheet[key]
        if value is None:
            assert got in (None, ""), (key, got)
        elif key == "acceptance":
            assert got == pytest.approx(value, abs=1e-9), key
        else:
            assert Decimal(str(got)) == Decimal(value), (key, got, value)


def _edit_cost_and_ask(source: Path, target: Path, deal: Deal) -> Deal:
    """As a manager would: a concession in the first package costs 750 more, the second
    package's ask drops by 2,500. Returns the deal with the same edits."""
    changed = copy.deepcopy(deal)
    wb = load_workbook(source)
    costs = wb.defined_names["ConcessionCost"].attr_text.split("!")[1].replace("$", "")
    cells = [row[0] for row in wb["Concessions"][costs]]
    ordered = changed.concessions_in_order()
    first = changed.package_by_id(changed.packages[0].id)
    k = next(i for i, c in enumerate(ordered) if c.id in first.concessions)
    new_cost = (ordered[k].cost_to_us or Decimal(0)) + 750
    cells[k].value = new_cost
    ordered[k].cost_to_us = new_cost
    ws = wb["Packages"]
    ask = changed.packages[1].ask - 2500
    ws.cell(row=ASK_ROW, column=3).value = ask
    changed.packages[1].ask = ask
    wb.save(target)
    return changed


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice's soffice")
def test_recalculated_packages_equal_the_summary(tmp_path: Path) -> None:
    written, edited, deals, changed = [], [], [], []
    for sample in SAMPLE_FILES:
        deal = load(sample)
        out = tmp_path / "in" / sample.with_suffix(".xlsx").name
        out.parent.mkdir(exist_ok=True)
        export_xlsx(deal, out)
        written.append(out)
        deals.append(deal)
        target = tmp_path / "edited-in" / out.name
        target.parent.mkdir(exist_ok=True)
        changed.append(_edit_cost_and_ask(out, target, deal))
        edited.append(target)
    plain, after = recalculate((written, tmp_path / "out"), (edited, tmp_path / "edited-out"))
    for deal, path in zip(deals, plain, strict=True):
        expected = _expected(deal)
        for sheet, spec in zip(_read(path, len(expected)), expected, strict=True):
            _same(sheet, spec)
    for deal, path in zip(changed, after, strict=True):
        expected = _expected(deal)
        assert expected != _expected(deals[changed.index(deal)])  # the edits moved something
        for sheet, spec in zip(_read(path, len(expected)), expected, strict=True):
            _same(sheet, spec)
