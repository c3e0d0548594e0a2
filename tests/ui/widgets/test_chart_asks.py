"""The zone chart follows the active package and marks the other packages' asks: one mark
and one label per package with an ask (never the active one), one legend entry, the same in
the window's chart and the prep sheet's diagram, and labels that stay clear at any size."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from tests.ui.widgets.test_zopa_chart import assert_clear, make_deal
from worksheet.domain.deal import Package
from worksheet.domain.summary import summarize
from worksheet.export.pdf import render_pdf
from worksheet.present.chart import LEGEND, package_asks
from worksheet.ui.widgets.zopa_chart import ZopaChart


@pytest.fixture
def chart(qtbot):
    widget = ZopaChart()
    qtbot.addWidget(widget)
    widget.resize(560, 240)
    return widget


def show(chart: ZopaChart, deal):
    chart.setData(deal, summarize(deal))
    return chart.chartModel()


def ask_keys(model) -> set[str]:
    return {key for key in model.markers if key.startswith("ask:")}


def pdf_text(deal, **kw) -> str:
    data = render_pdf(deal, paper="a4", **kw)
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_renewal_marks_the_two_other_packages_and_follows_the_active_one(chart, sample):
    deal = sample("software-renewal")
    assert deal.active_package == "p1" and len(deal.packages) == 3
    model = show(chart, deal)
    assert ask_keys(model) == {"ask:p2", "ask:p3"}
    assert model.markers["ask:p2"] == pytest.approx(model.x_of(Decimal(115000)))
    assert "asks" in {key for key, *_ in model.legend}
    assert LEGEND["asks"] in {text for _, text, _ in model.legend}
    labels = {label.key: label for label in model.labels}
    assert labels["ask:p2"].value == "$115,000"
    assert labels["ask:p3"].name.startswith("Onboarding")
    deal.active_package = "p2"
    assert ask_keys(show(chart, deal)) == {"ask:p1", "ask:p3"}


def test_no_marks_without_other_packages_or_without_asks(chart, sample):
    deal = sample("software-renewal")
    deal.packages = [p for p in deal.packages if p.id == "p1"]
    model = show(chart, deal)
    assert ask_keys(model) == set()
    assert "asks" not in {key for key, *_ in model.legend}
    deal = sample("software-renewal")
    for package in deal.packages:
        package.ask = None
    assert ask_keys(show(chart, deal)) == set()
    assert package_asks(deal) == []


def test_hovering_an_ask_names_its_package(chart, sample):
    model = show(chart, sample("software-renewal"))
    x = model.markers["ask:p3"]
    text = model.tooltip_at(QPointF(x, model.rows["ours"]))
    assert "Onboarding and named engineer" in text and "$120,000" in text


@pytest.mark.parametrize("size", [(260, 180), (380, 200), (460, 220), (560, 240), (900, 320)])
def test_renewal_labels_clear_at_every_size(chart, sample, size):
    chart.resize(*size)
    model = show(chart, sample("software-renewal"))
    assert ask_keys(model) == {"ask:p2", "ask:p3"}  # the marks stay even when names do not fit
    assert_clear(model, *size)
    if size[0] >= 560:
        assert {"ask:p2", "ask:p3", "floor", "target"} <= {label.key for label in model.labels}


money = st.integers(0, 10**9).map(Decimal) | st.decimals(0, 1000, places=4)
names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seller=st.booleans(),
    values=st.lists(money, min_size=6, max_size=6),
    asks=st.lists(st.tuples(names, money | st.none()), max_size=5),
    active=st.integers(0, 5),
    width=st.integers(260, 800),
    height=st.integers(180, 300),
)
def test_any_asks_any_size_keep_labels_clear(chart, seller, values, asks, active, width, height):
    walk_away, target, opening, *estimate = values
    low, likely, high = sorted(estimate)
    deal = make_deal(
        "seller" if seller else "buyer",
        walk_away,
        low,
        likely,
        high,
        target=target,
        opening=opening,
    )
    deal.packages = [
        Package(id=f"p{i}", name=name, ask=ask) for i, (name, ask) in enumerate(asks, start=1)
    ]
    deal.active_package = f"p{active}" if 1 <= active <= len(asks) else None
    chart.resize(width, height)
    model = show(chart, deal)
    expected = {
        f"ask:p{i}"
        for i, (_, ask) in enumerate(asks, start=1)
        if ask is not None and f"p{i}" != deal.active_package
    }
    assert ask_keys(model) == expected
    assert_clear(model, width, height)


@pytest.mark.parametrize("stem", ["software-renewal", "equipment-lease", "job-offer"])
def test_window_and_sheet_legends_say_the_same(chart, sample, stem):
    """Every legend entry of the window's chart is on the prep sheet's diagram and back."""
    from worksheet.export.pdf.chart_parts import legend_of
    from worksheet.present.sentences import package_moves_estimate

    deal = sample(stem)
    chart.resize(900, 320)  # wide enough that the window's legend holds every entry
    model = show(chart, deal)
    window = [text for _, text, _ in model.legend]
    sheet = [
        words
        for _, words in legend_of(
            deal,
            zones=True,
            package_moves=package_moves_estimate(summarize(deal)),
            asks=bool(package_asks(deal)),
        )
    ]
    assert window == sheet
    text = " ".join(pdf_text(deal).split())
    for words in sheet:
        assert words in text, words


def test_sheet_names_the_other_asks_and_the_discreet_copy_draws_no_diagram(sample):
    deal = sample("software-renewal")
    text = " ".join(pdf_text(deal).split())
    assert LEGEND["asks"] in text
    assert "Terms and onb" in text and "Onboarding an" in text
    discreet = " ".join(pdf_text(deal, discreet=True).split())
    assert LEGEND["asks"] not in discreet
    assert "deal zone" not in discreet  # no diagram at all, so no legend
    deal.packages = [p for p in deal.packages if p.id == "p1"]
    assert LEGEND["asks"] not in " ".join(pdf_text(deal).split())


@pytest.mark.parametrize("width", [380, 460, 560, 900])
def test_our_labels_keep_their_words_when_the_asks_join(chart, sample, width):
    """The other packages' asks never cost our own labels their amounts or names."""
    chart.resize(width, 240)
    deal = sample("software-renewal")
    with_asks = {label.key: (label.name, label.value) for label in show(chart, deal).labels}
    deal.packages = [p for p in deal.packages if p.id == deal.active_package]
    alone = {label.key: (label.name, label.value) for label in show(chart, deal).labels}
    ours = {key: words for key, words in alone.items() if not key.startswith("their")}
    assert ours and all(with_asks.get(key) == words for key, words in ours.items())


def test_sheet_keeps_our_amounts_beside_the_asks(sample):
    text = " ".join(pdf_text(sample("software-renewal")).split())
    for words in ("walk-away $104,000", "package floor $114,900", "target $118,000"):
        assert words in text


@pytest.mark.parametrize("width", [340, 400, 460, 560])
def test_the_legend_names_every_kind_of_mark_drawn_at_its_own_height(qtbot, sample, width):
    """The legend wraps, up to three lines, rather than leave out a mark the chart draws:
    the renewal sample draws both sides' offers, the bare-price shape and the other packages'
    asks, which at a narrow width (or in a language with longer words) need a third line."""
    from worksheet.ui.widgets.chart_layout import _legend_items

    widget = ZopaChart()
    qtbot.addWidget(widget)
    widget.resize(width, widget.sizeHint().height())
    model = show(widget, sample("software-renewal"))
    placed = [key for key, *_ in model.legend]
    assert placed == [key for key, _text in _legend_items(model)], (width, placed)
