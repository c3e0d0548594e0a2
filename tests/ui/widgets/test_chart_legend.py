"""The chart legend names every kind of mark drawn, wraps rather than drops, and is never cut."""

from __future__ import annotations

from decimal import Decimal

import pytest

from worksheet.domain.deal import Offer
from worksheet.domain.summary import summarize
from worksheet.ui.widgets.zopa_chart import ZopaChart


@pytest.fixture
def chart(qtbot):
    widget = ZopaChart()
    qtbot.addWidget(widget)
    return widget


def legend_of(chart: ZopaChart, deal, width: int = 400, height: int = 300):
    chart.resize(width, height)
    chart.setData(deal, summarize(deal))
    model = chart.chartModel()
    return model, {key for key, *_ in model.legend}


@pytest.mark.parametrize("stem", ["software-renewal", "equipment-lease", "job-offer"])
def test_every_mark_drawn_has_a_legend_entry(chart, sample, stem):
    deal = sample(stem)
    model, keys = legend_of(chart, deal)
    assert {"their", "zone"} <= keys
    bys = {by for _, by in model.offers}
    assert ("offer_us" in keys) == ("us" in bys)
    assert ("offer_them" in keys) == ("them" in bys)
    assert ("their_before" in keys) == ("their_likely_before" in model.markers)
    for _, _, rect in model.legend:
        assert rect.left() >= 0 and rect.right() <= model.width
        assert rect.top() >= 0 and rect.bottom() <= model.height
    rects = [rect for *_, rect in model.legend]
    for i, rect in enumerate(rects):
        assert not any(rect.intersects(other) for other in rects[i + 1 :])


def test_renewal_shows_both_sides_offers_on_two_legend_lines(chart, sample):
    deal = sample("software-renewal")
    assert {o.by for o in deal.offers} == {"us", "them"}
    model, keys = legend_of(chart, deal)
    assert {"offer_us", "offer_them", "their_before"} <= keys
    assert len({round(rect.top()) for *_, rect in model.legend}) == 2


def test_a_short_chart_keeps_one_legend_line_and_a_tall_one_wraps(chart, sample):
    deal = sample("software-renewal")
    deal.offers.append(Offer(at="2027-01-20T10:00", by="them", amount=Decimal(101000)))
    short, _ = legend_of(chart, deal, height=220)
    tall, _ = legend_of(chart, deal, height=320)
    assert len({round(r.top()) for *_, r in tall.legend}) == 2
    assert len({round(r.top()) for *_, r in short.legend}) == 1
    assert len(tall.legend) > len(short.legend)
