"""Defects of the prep sheet that the one presentation layer fixed, each shown on the PDF."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pypdf

from tests.domain.builders import pack
from worksheet.domain.deal import Anchors, Concession, Deal, Fallback, TheirEstimate
from worksheet.domain.summary import summarize
from worksheet.export.pdf import render_pdf
from worksheet.present.numbers import format_money


def text_of(deal: Deal) -> str:
    data = render_pdf(deal, paper="a4")
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def lines_of(deal: Deal) -> list[str]:
    return [" ".join(line.split()) for line in text_of(deal).splitlines()]


def packaged(role: str) -> Deal:
    deal = Deal(
        role=role,
        anchors=Anchors(walk_away=D(104000) if role == "seller" else D(126000)),
        their_estimate=TheirEstimate(
            walk_away_low=D(88000), walk_away_likely=D(100000), walk_away_high=D(112000)
        ),
        concessions=[Concession(what="Setup", cost_to_us=D(5000), value_to_them=D(20000))],
    )
    return pack(deal, [True])


def test_a_buyer_has_a_package_ceiling_in_the_numbers_box() -> None:
    lines = lines_of(packaged("buyer"))
    assert "Package ceiling" in lines and "Package floor" not in lines
    assert "Package floor" in lines_of(packaged("seller"))


def test_numbers_box_and_diagram_show_the_same_estimate_and_the_legend_says_so() -> None:
    deal = packaged("seller")
    s = summarize(deal)
    assert (s.their_low_package, s.their_high_package) == (D(108000), D(132000))
    text = " ".join(text_of(deal).split())
    # The diagram's labels are the estimate with the package …
    assert "low $108,000" in text and "high $132,000" in text
    # … and the numbers box shows that same range, labelled, beside the bare one.
    assert "With our package $108,000 – $132,000" in text
    assert "bare price $88,000 – $112,000" in text
    assert "their walk-away + package" in text and "bare price" in text


def test_an_out_of_order_estimate_is_called_so() -> None:
    deal = Deal(
        anchors=Anchors(walk_away=D(100)),
        their_estimate=TheirEstimate(
            walk_away_low=D(300), walk_away_likely=D(200), walk_away_high=D(100)
        ),
    )
    text = " ".join(text_of(deal).split())
    assert "not estimated yet" not in text
    assert "out of order" in text


def test_amounts_never_show_the_precision_they_were_typed_with() -> None:
    deal = Deal(
        anchors=Anchors(walk_away=D("60.6500"), target=D("70.1234")),
        their_estimate=TheirEstimate(walk_away_low=D("60.65"), walk_away_high=D("60.6500")),
    )
    text = " ".join(text_of(deal).split())
    assert "60.6500" not in text and "70.1234" not in text
    assert "$60.65" in text and "$70.12" in text


def test_fourteen_digit_amounts_are_never_split() -> None:
    amounts = [D("999999999999.99"), D("999999999999.25"), D("999999999990.5")]
    deal = Deal(
        anchors=Anchors(opening=amounts[0], target=amounts[1], walk_away=amounts[2]),
        their_estimate=TheirEstimate(
            walk_away_low=D("999999999980.75"),
            walk_away_likely=D("999999999995.125"),
            walk_away_high=D("999999999998.99"),
        ),
        concessions=[Concession(what="x", cost_to_us=D("1.5"), value_to_them=D("2.25"))],
    )
    text = text_of(deal)
    for amount in [*amounts, D("999999999980.75"), D("999999999998.99")]:
        shown = format_money(amount, "USD")
        assert shown in text, shown  # on one line, whole


def test_mini_deal_and_unknown_kinds_read_as_words() -> None:
    deal = Deal(
        kind="barter",  # a kind from a newer release
        fallbacks=[Fallback(kind="mini_deal", what="Pilot"), Fallback(kind="zz_new", what="Z")],
    )
    text = " ".join(text_of(deal).split())
    assert "Smaller or trial deal" in text
    assert "zz_new" not in text and "barter" not in text
    assert "Other fallback" in text and "Negotiation" in text
