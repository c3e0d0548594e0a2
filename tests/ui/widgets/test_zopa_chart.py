"""ZopaChart: geometry follows the deal, every state draws something sensible, labels stay clear."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPalette

from tests.ui.untouchable import Untouchable
from worksheet.domain.deal import Concession, Deal, Offer
from worksheet.domain.summary import summarize
from worksheet.ui.widgets.zopa_chart import NEED_BOTH, NEED_ORDER, NEED_THEIRS, ZopaChart


@pytest.fixture
def chart(qtbot):
    widget = ZopaChart()
    qtbot.addWidget(widget)
    widget.resize(560, 220)
    return widget


def show(chart: ZopaChart, deal: Deal):
    chart.setData(deal, summarize(deal))
    return chart.chartModel()


def make_deal(role="seller", walk_away=None, low=None, likely=None, high=None, **anchors) -> Deal:
    deal = Deal(role=role)
    deal.anchors.walk_away = None if walk_away is None else Decimal(walk_away)
    for name, value in anchors.items():
        setattr(deal.anchors, name, Decimal(value))
    est = deal.their_estimate
    est.walk_away_low = None if low is None else Decimal(low)
    est.walk_away_likely = None if likely is None else Decimal(likely)
    est.walk_away_high = None if high is None else Decimal(high)
    return deal


def assert_clear(model, width, height):
    """No label overlaps another, none is cut at an edge."""
    rects = [label.rect for label in model.labels] + [rect for *_, rect, _ in model.ticks]
    rects += [rect for *_, rect in model.legend]
    rects += [rect for rect, _ in model.zone_labels.values()]
    if model.gap_label is not None:
        rects.append(model.gap_label[1])
    for i, rect in enumerate(rects):
        assert rect.left() >= -0.01 and rect.right() <= width + 0.01, rect
        assert rect.top() >= -0.01 and rect.bottom() <= height + 0.01, rect
        for other in rects[i + 1 :]:
            assert not rect.intersects(other), (rect, other)


def test_seller_zone_starts_at_the_package_floor_and_follows_the_walk_away(chart, sample):
    deal = sample("software-renewal")
    model = show(chart, deal)
    start = model.zones["likely"][0]
    assert start == pytest.approx(model.x_of(Decimal(114900)))  # walk-away 104,000 + package 10,900
    assert model.zones["best"][1] == pytest.approx(model.x_of(Decimal(132000)))
    assert model.zones["worst"] is None  # status "possible"
    assert model.markers["walk_away"] < model.markers["floor"]  # the package moves it up

    deal.anchors.walk_away = Decimal(108000)
    moved = show(chart, deal)
    assert moved.domain == model.domain
    assert moved.zones["likely"][0] > start + 10
    assert moved.zones["likely"][0] == pytest.approx(moved.x_of(Decimal(118900)))


def test_buyer_zones_end_at_the_ceiling_and_nest(chart, sample):
    model = show(chart, sample("equipment-lease"))
    ceiling = model.markers["floor"]
    assert ceiling == pytest.approx(model.x_of(Decimal(60500)))
    zones = model.zones
    assert all(zones[name][1] == pytest.approx(ceiling) for name in ("worst", "likely", "best"))
    assert zones["best"][0] < zones["likely"][0] < zones["worst"][0] < ceiling
    assert model.markers["walk_away"] > ceiling  # a buyer's package lowers the ceiling
    for name in ("worst", "likely", "best"):
        bar = model.zone_bars[name]
        assert bar.left() == pytest.approx(zones[name][0]) and bar.right() == pytest.approx(ceiling)
        label, inside = model.zone_labels[name]
        within = bar.left() <= label.left() and label.right() <= bar.right()
        assert inside == within  # wide bars carry their name inside, narrow ones beside
    assert model.status_text == "Deal zone: certain"
    assert "100% chance" in model.status_detail
    assert [by for _, by in model.offers] == ["them"]


def test_no_zone_shows_the_gap(chart):
    model = show(chart, make_deal(walk_away=150, low=100, likely=110, high=120))
    assert all(zone is None for zone in model.zones.values())
    assert model.gap == (pytest.approx(model.x_of(120)), pytest.approx(model.x_of(150)))
    assert model.status_text == "No deal zone"
    assert "30 apart" in model.status_detail
    word, box = model.gap_label
    assert word == "gap $30"
    assert model.gap[0] <= box.center().x() <= model.gap[1]
    assert model.zone_bars == {} and model.zone_labels == {}


@pytest.mark.parametrize(
    ("deal", "message"),
    [
        (Deal(), NEED_BOTH),
        (make_deal(walk_away=100), NEED_THEIRS),
        (make_deal(walk_away=100, low=90, likely=80, high=120), NEED_ORDER),
    ],
)
def test_unknown_states_say_what_to_fill_in(chart, deal, message):
    model = show(chart, deal)
    assert model.message == message
    assert model.zones == {} and model.labels == []
    assert chart.grab().toImage().width() > 0


def test_walk_away_missing_is_explained(chart):
    model = show(chart, make_deal(likely=100))
    assert "walk-away price" in model.message


def test_no_data_yet(chart):
    assert chart.chartModel().message
    assert not chart.grab().isNull()


def test_all_values_equal(chart):
    model = show(chart, make_deal(walk_away=100, likely=100, target=100, opening=100))
    low, high = model.domain
    assert low < 100 < high
    assert model.status_text == "Deal zone: certain"
    assert model.markers["floor"] == pytest.approx(model.markers["their_likely"])
    assert len(model.ticks) >= 2
    assert_clear(model, 560, 220)


def test_huge_and_tiny(chart):
    huge = show(chart, make_deal(walk_away=10**11, low=9 * 10**10, high=2 * 10**11))
    assert huge.ticks and all(text.startswith("$") for *_, text in huge.ticks)
    assert_clear(huge, 560, 220)
    tiny = show(chart, make_deal(walk_away="100000.0001", likely="100000.0002"))
    assert tiny.zones["likely"][1] > tiny.zones["likely"][0]
    texts = [text for *_, text in tiny.ticks]
    assert len(texts) == len(set(texts))  # no repeated tick label
    assert_clear(tiny, 560, 220)


def test_thousands_of_offers_and_concessions(chart):
    deal = make_deal(walk_away=100, low=90, likely=110, high=130)
    deal.concessions = [Concession(what=f"c{i}", cost_to_us=Decimal(0)) for i in range(2000)]
    deal.offers = [
        Offer(by="us" if i % 2 else "them", amount=Decimal(90 + i % 40)) for i in range(10_000)
    ]
    model = show(chart, deal)
    assert len(model.offers) <= 2 * 41  # one mark per price and side
    assert_clear(model, 560, 220)


@pytest.mark.parametrize("stem", ["software-renewal", "equipment-lease", "job-offer"])
@pytest.mark.parametrize("size", [(260, 180), (460, 200), (560, 220), (900, 320)])
def test_samples_labels_clear_at_every_size(chart, sample, stem, size):
    chart.resize(*size)
    model = show(chart, sample(stem))
    assert_clear(model, *size)
    keys = {label.key for label in model.labels}
    if size[0] >= 460:
        assert {"floor", "target", "opening", "their_likely"} <= keys


money = st.integers(0, 10**9).map(Decimal) | st.decimals(0, 1000, places=4)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seller=st.booleans(),
    values=st.lists(money, min_size=6, max_size=6),
    width=st.integers(260, 800),
    height=st.integers(180, 300),
    status=st.booleans(),
)
def test_any_deal_any_size_keeps_labels_clear(chart, seller, values, width, height, status):
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
    chart.setShowStatus(status)
    chart.resize(width, height)
    model = show(chart, deal)
    assert model.message is None
    assert_clear(model, width, height)


def colour_count(image: QImage, colour: QColor, tolerance: int = 40) -> int:
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red())
                + abs(c.green() - colour.green())
                + abs(c.blue() - colour.blue())
                <= tolerance
            ):
                hits += 1
    return hits


@pytest.mark.parametrize("dark", [False, True])
def test_renders_in_light_and_dark(chart, sample, dark_palette, dark):
    if dark:
        chart.setPalette(dark_palette)
    show(chart, sample("software-renewal"))
    image = chart.grab().toImage()
    assert image.width() >= 560 and image.height() >= 220
    background = chart.palette().color(QPalette.ColorRole.Window)
    text = chart.palette().color(QPalette.ColorRole.WindowText)
    assert image.pixelColor(1, image.height() - 2) == background
    assert text != background
    assert colour_count(image, text) > 40  # the status words and values are drawn in text colour
    if dark:
        assert background.lightness() < 60 and text.lightness() > 200


def test_painting_never_walks_the_concessions(chart, sample):
    """Paint cost must not grow with the deal's lists: the chart reads only the summary.

    (Paint times live in tests/bench, not in tests.)
    """
    deal = sample("software-renewal")
    deal.concessions *= 500  # 2,000 concessions
    walk_aways = (Decimal(104000), Decimal(108000))
    summaries = []
    for walk_away in walk_aways:
        deal.anchors.walk_away = walk_away
        summaries.append(summarize(deal))
    deal.concessions = Untouchable(deal.concessions)
    image = QImage(560, 220, QImage.Format.Format_ARGB32_Premultiplied)
    sharp = QImage(1120, 440, QImage.Format.Format_ARGB32_Premultiplied)
    sharp.setDevicePixelRatio(2.0)
    starts = []
    for walk_away, summary in zip(walk_aways, summaries, strict=True):
        deal.anchors.walk_away = walk_away
        chart.setData(deal, summary)
        chart.render(image)
        chart.render(sharp)
        starts.append(chart.chartModel().zones["likely"][0])
    assert starts[1] > starts[0]  # the zone followed the walk-away


def test_status_line_can_be_left_to_a_heading(chart, sample):
    chart.setShowStatus(False)
    model = show(chart, sample("job-offer"))
    assert model.status_text == "" and "status" not in model.rows
    assert QRectF(0, 0, 560, 220).contains(model.labels[0].rect)


def test_hovering_explains_marks_bars_and_labels(chart, sample):
    from PySide6.QtCore import QPointF

    model = show(chart, sample("software-renewal"))
    y_ours = model.rows["ours"]
    floor = model.tooltip_at(QPointF(model.markers["floor"], y_ours))
    assert floor == "Our floor with the package: $114,900 (walk-away + package cost $10,900)"
    walk_away = model.tooltip_at(QPointF(model.markers["walk_away"], y_ours))
    assert walk_away == "Our walk-away: $104,000"
    likely = model.zone_bars["likely"].center()
    assert model.tooltip_at(likely) == "Likely zone: $114,900 – $120,000"
    their = model.tooltip_at(QPointF(model.markers["their_high"] - 1, model.rows["their_base"]))
    assert their.startswith("Their walk-away, highest guess: $132,000")
    label = next(label for label in model.labels if label.key == "target")
    assert model.tooltip_at(label.rect.center()) == "Our target: $118,000"
    offer = model.tooltip_at(QPointF(model.x_of(99000), model.rows["their_base"]))
    assert offer == "Their offer: $99,000"
    assert model.tooltip_at(QPointF(2, model.rows["axis"] + 30)) == ""


# The offscreen platform cannot raise a tooltip window and says so; the tooltip still shows.
@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_tooltip_event_shows_the_words(qtbot, chart, sample):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart.show()
    qtbot.waitExposed(chart)
    model = show(chart, sample("job-offer"))
    pos = QPoint(round(model.markers["target"]), round(model.rows["ours"]))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert QToolTip.text() == "Our target: £92,000"
    QToolTip.hideText()


@pytest.mark.parametrize("scale", [1.25, 1.5, 2.0])
def test_labels_stay_clear_with_a_taller_font(chart, scale):
    # Zone names sit on bars a fixed pitch apart; a font taller than that pitch (Noto Sans is)
    # used to make neighbouring names overlap. All three zones and a gap-free layout:
    deal = make_deal(walk_away="100", low="110", likely="130", high="160")
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    chart.setFont(font)
    chart.resize(560, 320)
    model = show(chart, deal)
    assert set(model.zone_labels) == {"best", "likely", "worst"}
    assert_clear(model, 560, 320)
