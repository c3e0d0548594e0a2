"""Pure chart geometry: nice ticks, and labels that never overlap nor leave the chart."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from worksheet.present.chart import nice_step, pick_ticks, place_row, place_rows


def test_nice_steps():
    assert nice_step(44000, 5) == Decimal(10000)
    assert nice_step(40000, 8) == Decimal(5000)
    assert nice_step(44000, 8) == Decimal(10000)  # 5,500 rounds up to the next nice step
    assert nice_step(1000, 4) == Decimal(250)
    assert nice_step(0.0001, 5) == Decimal("0.01")  # never finer than a cent
    assert nice_step(3e11, 4) == Decimal(10) ** 11


def test_ticks_are_round_and_labels_fit():
    ticks = pick_ticks(88000, 132000, 10, 550, lambda v: 60.0, (0, 560))
    values = [v for v, _, _ in ticks]
    assert values == [Decimal(v) for v in (90000, 100000, 110000, 120000, 130000)]
    lefts = [left for _, _, left in ticks]
    assert all(b - a >= 60 + 14 for a, b in itertools.pairwise(lefts))


def test_wide_labels_get_fewer_ticks():
    narrow = pick_ticks(0, 1e11, 10, 450, lambda v: 40.0, (0, 460))
    wide = pick_ticks(0, 1e11, 10, 450, lambda v: 120.0, (0, 460))
    assert 1 <= len(wide) < len(narrow)


def test_crowded_labels_spread_around_their_marks():
    lefts = place_row([(100, 50), (105, 50), (110, 50)], 0, 300, 4)
    assert lefts == [26.0, 80.0, 134.0]  # centred as a group on the middle mark


def test_labels_pressed_to_an_edge_stay_inside():
    assert place_row([(0, 50), (5, 50)], 0, 300, 4) == [0.0, 54.0]
    assert place_row([(300, 50), (299, 50)], 0, 300, 4) == [250.0, 196.0]


def test_too_many_labels_do_not_fit():
    assert place_row([(50, 100), (60, 100), (70, 100)], 0, 250, 4) is None


labels = st.lists(
    st.tuples(st.floats(-50, 650), st.floats(5, 160)),
    min_size=1,
    max_size=6,
)


@given(items=labels, width=st.floats(120, 700), rows=st.integers(1, 2))
def test_placed_labels_never_overlap_and_stay_inside(items, width, rows):
    placed = place_rows(items, 0, width, 6, rows, 30)
    if placed is None:
        # Only when a row of neighbours (alternating along the axis) is wider than the chart.
        ordered = sorted(items, key=lambda item: item[0])
        per_row = [ordered[i::rows] for i in range(rows)]
        assert any(sum(w for _, w in row) + 6 * (len(row) - 1) > width for row in per_row)
        return
    for i, (row, left) in enumerate(placed):
        w = items[i][1]
        assert left >= -1e-6 and left + w <= width + 1e-6
        for j, (other_row, other_left) in enumerate(placed):
            if j != i and other_row == row:
                other_w = items[j][1]
                assert left + w + 6 <= other_left + 1e-6 or other_left + other_w + 6 <= left + 1e-6


def test_package_asks_leave_out_the_active_one_and_unpriced_ones():
    from worksheet.domain.deal import Deal, Package
    from worksheet.present.chart import package_asks, short_name

    deal = Deal(
        packages=[
            Package(id="a", name="Active", ask=Decimal(10)),
            Package(id="b", name="  Two-year\tterm ", ask=Decimal(12)),
            Package(id="c", name="No ask"),
            Package(id="d", name="", ask=Decimal(9)),
        ],
        active_package="a",
    )
    assert package_asks(deal) == [("b", "Two-year term", Decimal(12)), ("d", "package 4", 9)]
    assert short_name("Onboarding and named engineer") == "Onboarding an…"
    assert short_name("Short") == "Short"
