"""One truth in every output: the window's summary panel, the prep sheet's text and the
workbook's Summary sheet say the same things in the same words and amounts, and those strings
come from `worksheet.present`.

Over every sample and a set of generated deals: both roles, all four statuses, partial and
out-of-order estimates, huge and 4-decimal amounts.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal as D
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tests.conftest import SAMPLES
from tests.domain.builders import pack
from worksheet.domain.deal import Anchors, Concession, Deal, TheirEstimate
from worksheet.domain.summary import summarize
from worksheet.export.pdf import render_pdf
from worksheet.export.xlsx import export_xlsx
from worksheet.io import load
from worksheet.present.numbers import format_money
from worksheet.present.summary import summary_text
from worksheet.present.words import STATUSES
from worksheet.ui.widgets.summary_panel import SummaryPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HUGE = D("999999999999.9999")


def generated() -> dict[str, Deal]:
    def deal(role, walk_away, low=None, likely=None, high=None, cost=None, value=None, **kw):
        concessions = []
        if cost is not None or value is not None:
            concessions.append(
                Concession(
                    what="c",
                    cost_to_us=None if cost is None else D(cost),
                    value_to_them=None if value is None else D(value),
                )
            )
        made = Deal(
            role=role,
            currency=kw.get("currency", "USD"),
            anchors=Anchors(walk_away=None if walk_away is None else D(walk_away)),
            their_estimate=TheirEstimate(
                walk_away_low=None if low is None else D(low),
                walk_away_likely=None if likely is None else D(likely),
                walk_away_high=None if high is None else D(high),
            ),
            concessions=concessions,
        )
        return pack(made, [True] * len(concessions))

    cases = {
        "seller-certain": deal("seller", "100000", "110000", "120000", "130000", "2500", "4000"),
        "seller-possible": deal("seller", "115000", "110000", "120000", "130000"),
        "seller-edge": deal("seller", "130000", "110000", "120000", "130000"),
        "seller-none": deal("seller", "140000", "110000", "120000", "130000"),
        "seller-unknown": deal("seller", None, "110000", "120000", "130000"),
        "buyer-certain": deal("buyer", "140000", "110000", "120000", "130000", "1500", "900"),
        "buyer-possible": deal("buyer", "70353", "0", "100000", "100000"),
        "buyer-edge": deal("buyer", "110000", "110000", "120000", "130000"),
        "buyer-none": deal("buyer", "100000", "110000", "120000", "130000"),
        "buyer-unknown": deal("buyer", "100000"),
        "only-likely": deal("seller", "100000", likely="120000"),
        "only-low": deal("buyer", "125000", low="110000"),
        "out-of-order": deal("seller", "100000", "130000", "120000", "110000"),
        "four-decimals": deal("seller", "60.6500", "60.1234", "61.5", "62.9999", "0.1234"),
        "huge": deal("buyer", str(HUGE), "999999999990.5", "999999999995", str(HUGE - 1)),
        "zloty": deal("seller", "1200.5", "1100", "1300", "1500.25", "10", "20", currency="PLN"),
    }
    return cases


CASES: dict[str, Deal] = {p.stem: load(p) for p in sorted(SAMPLES.glob("*.deal"))}
CASES.update(generated())


def test_the_cases_cover_both_roles_and_every_status() -> None:
    seen = {(summarize(d).role, summarize(d).status) for d in CASES.values()}
    assert seen == {(r, s) for r in ("seller", "buyer") for s in STATUSES}


def squash(text: str) -> str:
    """Without whitespace (no-break spaces included), so wrapping does not matter."""
    return "".join(text.split())


def pdf_text(deal: Deal) -> str:
    data = render_pdf(deal, paper="a4")
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def excel_render(number_format: str, value: D) -> str:
    """What a spreadsheet shows for `value` in the money formats the workbook writes:
    `"$"#,##0`, `#,##0.00"<nbsp>zł"`, `"XYZ<nbsp>"#,##0` (a leading minus for negatives)."""
    m = re.fullmatch(r'(?:"([^"]*)")?#,##0(?:\.(0+))?(?:"([^"]*)")?', number_format)
    assert m, number_format
    prefix, zeros, suffix = m.group(1) or "", m.group(2) or "", m.group(3) or ""
    places = len(zeros)
    text = f"{abs(value):,.{places}f}"
    return f"{'−' if value < 0 else ''}{prefix}{text}{suffix}"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("consistency")
    out = {}
    for key, deal in CASES.items():
        path = Path(base) / f"{key}.xlsx"
        export_xlsx(deal, path)
        out[key] = load_workbook(path)
    return out


@pytest.mark.parametrize("key", list(CASES))
def test_panel_sheet_and_workbook_say_the_same(qtbot, workbooks, key: str) -> None:
    deal = CASES[key]
    summary = summarize(deal)
    said = summary_text(summary, deal.currency)  # the one source

    # The window's summary panel (an English locale: the deal's own conventions)
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.setLocale(panel.locale().__class__("en_US"))
    panel.setData(deal, summary)
    assert panel.titleText() == said.title
    assert panel.sentenceText() == said.sentence
    for number in said.numbers:
        assert panel.numberText(number.key) == number.value, number.key
        assert panel._number_names[number.key].text() == number.label

    # The prep sheet: the same title, sentence and limit, word for word
    text = squash(pdf_text(deal))
    assert squash(said.title) in text
    assert squash(said.sentence) in text
    limit = said.number("package_walk_away")
    if summary.package_cost and summary.package_walk_away is not None:
        assert squash(limit.label + limit.value) in text
    if summary.package_value:
        assert squash(format_money(summary.package_value, deal.currency)) in text

    # The workbook's Summary sheet: the same words, and its money format shows the same amounts
    wb = workbooks[key]
    ws = wb["Summary"]
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    status_formula = next(v for v in cells if v.startswith('=IF(ZopaStatus="certain"'))
    assert f'"{said.title}"' in status_formula
    limit_formula = next(v for v in cells if v.startswith('=IF(IsSeller,"Package floor"'))
    assert f'"{limit.label}"' in limit_formula
    # the sentence is a live formula built from present's words (recalculated and compared
    # word for word in tests/export/test_xlsx_libreoffice.py::test_status_sentence_is_the_apps_live)
    ((sheet, ref),) = list(wb.defined_names["ZopaSentence"].destinations)
    sentence_formula = wb[sheet][ref.replace("$", "")].value
    assert "Even our most cautious guess of their walk-away leaves room" in sentence_formula
    for label in ("Chance of a deal", "Gap to close"):
        assert (
            said.number("probability" if label.startswith("Chance") else "gap").label == label
            and label in cells
        )
    ((sheet, ref),) = list(wb.defined_names["WalkAway"].destinations)
    money_format = wb[sheet][ref.replace("$", "")].number_format
    for amount in (
        summary.package_walk_away,
        summary.gap,
        summary.package_value,
        *(z.low for z in (summary.worst, summary.likely, summary.best) if z is not None),
    ):
        if amount is None:
            continue
        shown, app = excel_render(money_format, amount), format_money(amount, deal.currency)
        # An editable sheet has one money format: once any amount has cents, every cell shows
        # them, so a typed cent never hides (docs/format.md). Otherwise the strings are equal.
        cents = amount.quantize(D("0.01"))
        if money_format.count("0.00") and cents == cents.to_integral_value():
            shown = shown.replace(".00", "", 1)
        assert shown == app, (amount, money_format)


def test_a_german_window_agrees_with_its_own_fields(qtbot) -> None:
    """In a German locale the panel and chart write amounts as the amount fields do."""
    from PySide6.QtCore import QLocale

    from worksheet.ui.widgets.money_field import format_amount_for_locale

    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    deal = CASES["software-renewal"]
    summary = summarize(deal)
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.setLocale(german)
    panel.chart.setLocale(german)
    panel.setData(deal, summary)
    field_text = format_amount_for_locale(summary.package_walk_away, german)
    assert field_text == "114.900"
    # German writes the symbol after the amount, as CLDR (and QLocale) do: 114.900 $.
    assert panel.numberText("package_walk_away") == f"{field_text}\u00a0$"
    assert f"{field_text}\u00a0$" in panel.sentenceText()
    assert "114,900" not in panel.sentenceText()
    panel.chart.resize(460, 220)
    labels = [label.value for label in panel.chart.chartModel().labels]
    assert "114.900\u00a0$" in labels and not any("114,900" in v for v in labels), labels


_AMOUNT = st.decimals(min_value=D("0"), max_value=D("999999999999.9999"), places=4, allow_nan=False)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    role=st.sampled_from(["seller", "buyer"]),
    walk_away=st.one_of(st.none(), _AMOUNT),
    estimate=st.lists(st.one_of(st.none(), _AMOUNT), min_size=3, max_size=3),
    cost=st.one_of(st.none(), _AMOUNT),
    value=st.one_of(st.none(), _AMOUNT),
    currency=st.sampled_from(["USD", "EUR", "PLN", "JPY", "XYZ"]),
)
def test_any_deal_says_the_same_in_panel_and_sheet(
    qtbot, role, walk_away, estimate, cost, value, currency
) -> None:
    low, likely, high = estimate
    deal = Deal(
        role=role,
        currency=currency,
        anchors=Anchors(walk_away=walk_away),
        their_estimate=TheirEstimate(
            walk_away_low=low, walk_away_likely=likely, walk_away_high=high
        ),
        concessions=[Concession(what="c", cost_to_us=cost, value_to_them=value)],
    )
    pack(deal, [True])
    summary = summarize(deal)
    said = summary_text(summary, currency)
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.setLocale(panel.locale().__class__("en_US"))
    panel.setData(deal, summary)
    assert (panel.titleText(), panel.sentenceText()) == (said.title, said.sentence)
    assert all(panel.numberText(n.key) == n.value for n in said.numbers)
    text = squash(pdf_text(deal))
    assert squash(said.title) in text and squash(said.sentence) in text
