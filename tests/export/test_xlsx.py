"""The manager workbook read back: text safety, names, formats, print set-up, discreet copies."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import SAMPLES
from tests.domain.builders import pack
from worksheet.domain.deal import (
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Interest,
    Listening,
    Objection,
    Offer,
    TheirEstimate,
    Vision,
)
from worksheet.export.xlsx import RESULT_NAMES, export_xlsx
from worksheet.io import load

PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "#N/A",
    "#DIV/0!",
    '=HYPERLINK("http://x","y")',
    "\r=2+3",
    "_x0041_ not an A",
    "1234",
    "TRUE",
)


def hostile_deal(payload: str) -> Deal:
    """Every text field of a deal holding the same hostile payload."""
    deal = Deal(
        title=payload,
        price_unit=payload,
        counterpart=Counterpart(name=payload, organization=payload, style=payload, notes=payload),
        vision=Vision(
            goal=payload, success=payload, their_win=payload, relationship=payload, approach=payload
        ),
        anchors=Anchors(target=Decimal(120), walk_away=Decimal(100)),
        their_estimate=TheirEstimate(
            walk_away_likely=Decimal(110), confidence=payload, source=payload
        ),
        concessions=[
            Concession(
                what=payload,
                cost_to_us=Decimal(1),
                value_to_them=Decimal(2),
                ask_in_return=payload,
                notes=payload,
            )
        ],
        fallbacks=[Fallback(kind="batna", what=payload, value=Decimal(90), trigger=payload)],
        listening=Listening(
            interests=[Interest(what=payload, why=payload)],
            objections=[Objection(objection=payload, why=payload, response=payload)],
            questions=[payload],
        ),
        offers=[Offer(at=payload, by="them", amount=Decimal(105), terms=payload)],
        notes=payload,
    )
    return pack(deal, [True])


def ooxml_text(value: object) -> object:
    """A cell's text as Excel reads it: `_xHHHH_` is an escaped character (openpyxl leaves it)."""
    if not isinstance(value, str):
        return value
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def cells_of(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                yield ws, cell


def named_cell(wb, name: str):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def named_range(wb, name: str):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return [row[0] for row in wb[sheet][ref.replace("$", "")]]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_stays_text(tmp_path: Path, payload: str) -> None:
    out = tmp_path / "hostile.xlsx"
    report = export_xlsx(hostile_deal(payload), out)
    assert report.notes == []
    found = [(ws.title, c) for ws, c in cells_of(out) if ooxml_text(c.value) == payload]
    # title, unit-free fields… at least one cell per text field above made it in, all as text
    assert len(found) >= 20, found
    for sheet, cell in found:
        assert cell.data_type == "s", (sheet, cell.coordinate)
        assert cell.hyperlink is None
        if payload.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell.quotePrefix, (sheet, cell.coordinate)
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
        rels = [n for n in z.namelist() if "worksheets/_rels" in n]
        assert not any("hyperlink" in z.read(n).decode().lower() for n in rels)
    for xml in sheets:
        formulas = re.findall(r"<f>([^<]*)</f>", xml)
        assert not any("cmd" in f or "HYPERLINK" in f or "A1" in f for f in formulas)
        assert "<hyperlinks" not in xml
        assert 't="e"' not in xml  # no error-valued cell


def test_hostile_text_in_headers_and_properties(tmp_path: Path) -> None:
    title = "R&D &P &N && Co\nsecond line " + "x" * 200
    out = tmp_path / "t.xlsx"
    export_xlsx(Deal(title=title), out)
    wb = load_workbook(out)
    assert wb.properties.title == " ".join(title.split())
    for ws in wb.worksheets:
        header = ws.oddHeader.center.text
        assert header.startswith("R&&D &&P &&N &&&& Co second line x")
        assert header.endswith("…") and len(header) < 100  # Excel allows 255 in all
    assert wb["Summary"]["A1"].value == title


def test_characters_the_format_cannot_hold_are_dropped_and_noted(tmp_path: Path) -> None:
    deal = Deal(
        title="Deal\x00 one",
        concessions=[
            Concession(what="ok"),
            Concession(),
            Concession(what="a\x01b\x1fc\ud800d\uffffe\ufffe"),
        ],
        listening=Listening(questions=["fine", "tab\tand\nnewline stay", "bell\x07"]),
    )
    out = tmp_path / "d.xlsx"
    report = export_xlsx(deal, out)
    assert report.notes == [
        "1 character the file format cannot hold were dropped from title",
        "5 characters the file format cannot hold were dropped from concessions[2].what",
        "1 character the file format cannot hold were dropped from listening.questions[2]",
    ]
    values = {c.value for _, c in cells_of(out)}
    assert {"Deal one", "abcde", "tab\tand\nnewline stay", "bell"} <= values


def test_cli_prints_the_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from worksheet.cli import main

    src = tmp_path / "d.deal"
    src.write_text(
        '{"format": "deal-worksheet", "version": 1, "title": "bad \\u0000 char"}', "utf-8"
    )
    out = tmp_path / "out.xlsx"
    assert main(["export", str(src), "--xlsx", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 character the file format cannot hold were dropped from title" in err
    assert load_workbook(out)["Summary"]["A1"].value == "bad  char"


@pytest.fixture
def renewal(tmp_path: Path):
    deal = load(SAMPLES / "software-renewal.deal")
    out = tmp_path / "renewal.xlsx"
    report = export_xlsx(deal, out)
    return deal, load_workbook(out), report


def test_inputs_and_results_are_named(renewal) -> None:
    deal, wb, report = renewal
    for name in RESULT_NAMES:
        assert name in wb.defined_names, name
        assert wb.defined_names[name].attr_text == report.names[name]
    ws = wb["Summary"]
    inputs = {
        "WalkAway": (deal.anchors.walk_away, "Walk-away"),
        "Target": (deal.anchors.target, "Target"),
        "TheirLow": (deal.their_estimate.walk_away_low, "Their walk-away: lowest"),
        "TheirLikely": (deal.their_estimate.walk_away_likely, "Their walk-away: most likely"),
        "TheirHigh": (deal.their_estimate.walk_away_high, "Their walk-away: highest"),
    }
    for name, (amount, label) in inputs.items():
        cell = named_cell(wb, name)
        assert cell.parent.title == "Summary"
        assert Decimal(str(cell.value)) == amount
        assert ws.cell(row=cell.row, column=1).value.startswith(label)
    assert named_cell(wb, "Role").value == "seller"
    assert named_cell(wb, "ZopaStatus").value.startswith("=IF(ZoneReady,")
    assert named_cell(wb, "ZopaLow").coordinate == named_cell(wb, "LikelyLow").coordinate
    assert named_cell(wb, "ZopaHigh").coordinate == named_cell(wb, "LikelyHigh").coordinate
    assert "ROUND(" in named_cell(wb, "ZopaProbability").value
    assert "SUMIFS(ConcessionCost,ConcessionInPackage,TRUE)" in named_cell(wb, "PackageCost").value
    assert (
        "SUMIFS(ConcessionValue,ConcessionInPackage,TRUE)" in named_cell(wb, "PackageValue").value
    )


def test_concession_table_holds_booleans_in_planned_order(tmp_path: Path) -> None:
    deal = Deal(
        concessions=[
            Concession(what="third", cost_to_us=Decimal(3), order=3),
            Concession(what="unordered", cost_to_us=Decimal(9)),
            Concession(what="first", cost_to_us=Decimal(1), value_to_them=Decimal("2.5"), order=1),
        ]
    )
    pack(deal, [True, False, False])
    out = tmp_path / "c.xlsx"
    export_xlsx(deal, out)
    wb = load_workbook(out)
    flags = named_range(wb, "ConcessionInPackage")
    costs = named_range(wb, "ConcessionCost")
    whats = [wb["Concessions"].cell(row=c.row, column=2).value for c in flags]
    assert whats == ["first", "third", "unordered"]
    assert [c.value for c in flags] == [False, True, False]
    assert all(c.data_type == "b" for c in flags)
    assert [c.value for c in costs] == [1, 3, 9]
    assert named_range(wb, "ConcessionValue")[0].number_format == '"$"#,##0.00'


@pytest.mark.parametrize(
    ("currency", "amount", "expected"),
    [
        ("USD", "100", '"$"#,##0'),
        ("EUR", "100", '"€"#,##0'),
        ("PLN", "99.95", '#,##0.00"\u00a0zł"'),
        ("GBP", "0.0001", '"£"#,##0'),
        ("GBP", "0.125", '"£"#,##0.00'),
        ("GBP", "100.0000", '"£"#,##0'),
        ("JPY", "100.5", '"¥"#,##0'),
        ("XYZ", "100", '"XYZ\u00a0"#,##0'),
    ],
)
def test_money_number_formats(tmp_path: Path, currency: str, amount: str, expected: str) -> None:
    deal = Deal(
        currency=currency,
        anchors=Anchors(walk_away=Decimal(amount)),
        their_estimate=TheirEstimate(walk_away_likely=Decimal(200)),
    )
    out = tmp_path / "m.xlsx"
    export_xlsx(deal, out)
    wb = load_workbook(out)
    for name in ("WalkAway", "TheirLikely", "PackageCost", "ZopaLow", "Gap"):
        assert named_cell(wb, name).number_format == expected, name
    assert named_cell(wb, "ZopaProbability").number_format == "0.0%"


def test_sheets_freeze_panes_and_print_setup(renewal) -> None:
    _deal, wb, _report = renewal
    assert wb.sheetnames == [
        "Summary",
        "Concessions",
        "Packages",
        "Fallbacks",
        "Listening",
        "Offers",
        "Zone workings",
    ]
    frozen = {ws.title: ws.freeze_panes for ws in wb.worksheets}
    assert frozen == {
        "Summary": "A3",
        "Concessions": "A4",
        "Packages": "B7",
        "Fallbacks": "A4",
        "Listening": "A3",
        "Offers": "A4",
        "Zone workings": None,
    }
    orientation = {ws.title: ws.page_setup.orientation for ws in wb.worksheets}
    assert orientation["Summary"] == "portrait"
    assert orientation["Concessions"] == orientation["Listening"] == "landscape"
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.oddHeader.center.text == "Northwind Logistics — 2027 platform renewal"
        assert ws.oddFooter.center.text == "Page &P of &N"
        assert ws.oddFooter.right.text == "&A"
    assert wb["Concessions"].print_title_rows == "$3:$3"
    assert wb.properties.title == "Northwind Logistics — 2027 platform renewal"
    assert wb.properties.creator == "Deal Worksheet"
    for ws in wb.worksheets:  # readable widths: every used column set explicitly
        for col in "ABCD":
            assert 6 <= ws.column_dimensions[col].width <= 80, (ws.title, col)


def test_summary_shows_a_chart_and_the_sign_off(renewal) -> None:
    _deal, wb, _report = renewal
    ws = wb["Summary"]
    labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    for label in (
        "Reviewed by",
        "Their role",
        "Decision",
        "Date",
        "Comment",
        "Walk-away limit",
        "Package cost limit",
        "Sign-off (the manager fills in the yellow cells)",
    ):
        assert label in labels
    assert "Zone of possible agreement (live)" in labels
    assert any(str(v).startswith('=IF(IsSeller,"Worst case') for v in labels)
    assert "Readiness" in labels
    done_row = labels.index("Done") + 1
    assert ws.cell(row=done_row, column=2).value.endswith('&" of 7"')


def test_an_empty_deal_still_has_every_name(tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    report = export_xlsx(Deal(), out)
    wb = load_workbook(out)
    for name in (*RESULT_NAMES, "ConcessionCost", "ConcessionInPackage", "BatnaValues"):
        assert wb.defined_names[name].destinations, name
    assert named_cell(wb, "WalkAway").value is None
    assert report.notes == []
    assert wb.properties.title == "Untitled deal"


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "book.xlsx"
    out.write_bytes(b"the old workbook")

    def broken_save(self, filename):
        # The atomic writer hands over its open temp file.
        filename.write(b"half")
        raise OSError(28, "No space left on device")

    from openpyxl.workbook.workbook import Workbook

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(OSError, match="No space"):
        export_xlsx(Deal(title="x"), out)
    assert out.read_bytes() == b"the old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_save_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    out.write_bytes(b"old")
    export_xlsx(Deal(title="new"), out)
    assert load_workbook(out)["Summary"]["A1"].value == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]
    with pytest.raises(OSError):
        export_xlsx(Deal(), tmp_path / "missing-folder" / "x.xlsx")


def test_exporter_module_does_not_import_openpyxl_until_used() -> None:
    code = (
        "import sys, worksheet.export.xlsx, worksheet.cli; "
        "print('openpyxl' in sys.modules, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.deal")))
def test_every_sample_exports(tmp_path: Path, sample: str) -> None:
    deal = load(SAMPLES / sample)
    for discreet in (False, True):
        out = tmp_path / f"{sample}-{discreet}.xlsx"
        report = export_xlsx(deal, out, discreet=discreet)
        if not discreet:
            assert report.notes == []
        else:  # the samples' free texts do mention some of the left-out numbers
            assert all("which a discreet copy leaves out" in n for n in report.notes)
        wb = load_workbook(out)
        assert named_cell(wb, "Role").value == deal.role
        assert len(wb["Summary"]._charts) == 1


def test_money_columns_fit_the_largest_amount(tmp_path: Path) -> None:
    huge = Decimal("999999999999.9999")  # just under the spec's limit of 10^12
    deal = Deal(
        currency="PLN",
        anchors=Anchors(walk_away=huge),
        concessions=[Concession(cost_to_us=huge, value_to_them=Decimal(1))],
        offers=[Offer(amount=huge)],
        fallbacks=[Fallback(value=-huge)],
    )
    out = tmp_path / "huge.xlsx"
    export_xlsx(deal, out)
    wb = load_workbook(out)
    shown = "-1,000,000,000,000 zł"  # rounded to cents it is whole, so no decimals
    assert named_cell(wb, "WalkAway").number_format == '#,##0"\u00a0zł"'
    for sheet, col in (("Summary", "B"), ("Concessions", "C"), ("Fallbacks", "C"), ("Offers", "C")):
        assert wb[sheet].column_dimensions[col].width >= len(shown), sheet


def test_input_cells_offer_the_valid_choices(renewal) -> None:
    _deal, wb, _report = renewal
    lists = {
        dv.formula1: str(dv.sqref)
        for ws in wb.worksheets
        if ws.title != "Packages"  # its own TRUE/FALSE ticks, checked in test_xlsx_packages
        for dv in ws.data_validations.dataValidation
    }
    role = named_cell(wb, "Role")
    assert lists['"seller,buyer"'] == role.coordinate
    flags = named_range(wb, "ConcessionInPackage")
    assert lists['"TRUE,FALSE"'] == f"{flags[0].coordinate}:{flags[-1].coordinate}"
    assert (
        lists['"Approved,Changes requested,Rejected"']
        == named_cell(wb, "SignOffDecision").coordinate
    )
    rules = wb["Summary"].conditional_formatting
    checks = [named_cell(wb, n) for n in ("CheckWalkAway", "CheckLimitPackageCost")]
    ranges = [str(r.sqref) for r in rules]
    assert f"B{checks[0].row}:E{checks[1].row}" in ranges


def test_styles_stay_on_their_cells(tmp_path: Path) -> None:
    # Cell styles are reused between cells; a quote prefix or a fill must not travel along.
    out = tmp_path / "s.xlsx"
    export_xlsx(hostile_deal("=1+1"), out)
    wb = load_workbook(out)
    ws = wb["Summary"]
    labels = [ws.cell(row=r, column=1) for r in range(3, ws.max_row + 1)]
    assert not any(c.quotePrefix for c in labels if isinstance(c.value, str))
    band = next(c for c in labels if c.value == "Vision")
    assert band.fill.fgColor.rgb.endswith("1F4E79") and band.font.b
    assert ws.cell(row=band.row, column=5).fill.fgColor.rgb.endswith("1F4E79")
    comments = next(c for c in labels if c.value == "Comment")
    # The merged comment box keeps its frame on every covered cell. openpyxl restyles merged
    # cells when it reads them, so look at what the file itself says.
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    for col in "CDE":
        style = re.search(rf'<c r="{col}{comments.row}" s="(\d+)"', xml)
        assert style and style.group(1) != "0", col
    concessions = wb["Concessions"]
    assert concessions["B4"].quotePrefix and not concessions["B3"].quotePrefix
    assert concessions["F4"].fill.fgColor.rgb.endswith("FFF2CC")
    assert not concessions["B4"].fill.fgColor.rgb.endswith("FFF2CC")


def test_subtitle_follows_the_role_cell_and_holds_no_user_text(renewal) -> None:
    _deal, wb, _report = renewal
    a2 = wb["Summary"]["A2"].value
    assert a2.startswith("=") and "IsSeller" in a2 and "PriceUnit" in a2
    assert "per year" not in a2  # the unit is read from its own text cell
    assert named_cell(wb, "PriceUnit").value == "per year"


def test_no_two_summary_rows_share_a_label(renewal) -> None:
    _deal, wb, _report = renewal
    ws = wb["Summary"]
    labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    labels = [v for v in labels if isinstance(v, str) and v and not v.startswith("=")]
    repeated = {v for v in labels if labels.count(v) > 1}
    assert not repeated, repeated


def test_readiness_rows_on_this_sheet_are_live(renewal) -> None:
    _deal, wb, _report = renewal
    ws = wb["Summary"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    for label, name in (
        ("Walk-away price set", "WalkAway"),
        ("Target price set", "Target"),
        ("Their walk-away estimated", "TheirLow"),
    ):
        formula = ws.cell(row=rows[label], column=2).value
        assert formula.startswith("=IF(") and name in formula, label
    # the others are marked as they were when exported
    assert ws.cell(row=rows["Goal written down"], column=2).value.endswith("(at export)")


def test_user_facing_text_never_cites_the_spec(renewal, tmp_path: Path) -> None:
    _deal, wb, _report = renewal
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert "spec" not in str(cell.value or "").lower(), (ws.title, cell.coordinate)
    for args in (["--help"], ["summary", "--help"], ["export", "--help"]):
        out = subprocess.run(
            [sys.executable, "-m", "worksheet", *args], capture_output=True, text=True
        ).stdout
        assert "spec" not in out.lower(), args
