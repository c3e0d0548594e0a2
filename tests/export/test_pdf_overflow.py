"""However much a deal holds, the prep sheet stays one page with nothing off the paper."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.builders import pack
from tests.export.test_pdf_sheet import assert_inside_margins, assert_sound_page, squash, text_of
from worksheet.domain.deal import (
    TEXT_LIMIT,
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Interest,
    Listening,
    Meeting,
    Objection,
    Offer,
    TheirEstimate,
    Vision,
)
from worksheet.export.pdf import render_pdf
from worksheet.export.pdf.measure import MORE_MARK
from worksheet.export.pdf.sheet import SIZES

LONG = (
    "Lorem ipsum dolor sit amet <b>&amp; zażółć gęślą jaźń — Съешь же ещё — Ξεσκεπάζω — 价格谈判 "
)


def _huge_deal() -> Deal:
    text = (LONG * (TEXT_LIMIT // len(LONG) + 1))[:TEXT_LIMIT]
    deal = Deal(
        title=text,
        counterpart=Counterpart(name=text, organization=text, style=text, notes=text),
        meeting=Meeting(date="2027-01-14", place=text, attendees=text),
        vision=Vision(goal=text, success=text, their_win=text, relationship=text, approach=text),
        anchors=Anchors(target=Decimal(120), opening=Decimal(130), walk_away=Decimal(100)),
        their_estimate=TheirEstimate(
            walk_away_low=Decimal(90), walk_away_high=Decimal(140), confidence=text, source=text
        ),
        concessions=[
            Concession(
                what=f"Concession number {i}",
                cost_to_us=Decimal(1),
                value_to_them=Decimal(2),
                ask_in_return=f"Ask {i}",
                order=i,
            )
            for i in range(2000)
        ],
        fallbacks=[Fallback(kind="batna", what=text, value=Decimal(95), trigger=text)] * 40,
        listening=Listening(
            interests=[Interest(what=text, why=text)] * 30,
            objections=[Objection(objection=text, why=text, response=text)] * 30,
            questions=[text] * 50,
        ),
        offers=[Offer(at="2026-12-02T10:00", by="them", amount=Decimal(99), terms=text)] * 20,
        notes=text,
    )
    return pack(deal, [i % 2 == 0 for i in range(len(deal.concessions))])


def test_two_thousand_concessions_and_full_texts_fit_one_page(tmp_path: Path) -> None:
    deal = _huge_deal()
    for paper in ("a4", "letter"):
        data = render_pdf(deal, paper=paper)
        assert_sound_page(data)
        assert_inside_margins(data, tmp_path)
        flat = squash(text_of(data))
        assert squash(MORE_MARK) in flat
        # The first concessions in planned order are there; the 2,000th is not.
        assert "Concessionnumber0" in flat and "Concessionnumber1999" not in flat
        # Every section still has its heading: shortened, not dropped.
        for heading in (
            "Vision",
            "Concessions",
            "Fallbacks",
            "Interests",
            "Objections",
            "Questionstoask",
            "Offerssofar",
            "Readiness",
        ):
            assert heading in flat, heading


def test_type_steps_down_before_anything_is_cut(monkeypatch) -> None:
    """A deal a little too long for 9.5 pt is set smaller, complete, with no "more" mark."""
    from worksheet.export.pdf import layout

    used_sizes: list[float] = []
    original = layout.fit_sections

    def spy(sections, styles, *args, **kwargs):
        used_sizes.append(styles.size)
        return original(sections, styles, *args, **kwargs)

    monkeypatch.setattr("worksheet.export.pdf.sheet.fit_sections", spy)
    questions = [
        f"Question {i}: what would make this work for your team this quarter?" for i in range(45)
    ]
    data = render_pdf(
        Deal(title="Many questions", listening=Listening(questions=questions)), paper="a4"
    )
    assert_sound_page(data)
    # It did step down (9.5 pt may be ruled out before any layout is tried, by its floor).
    assert used_sizes and used_sizes[-1] < SIZES[0]
    flat = squash(text_of(data))
    assert squash(MORE_MARK) not in flat
    for question in questions:
        assert squash(question) in flat


_ALPHABET = st.sampled_from(
    list("abcdefghij XYZ<>&;\"'/=#\n\t")
    + list("zażółćĘŚ")
    + list("Жщыэ")
    + list("αβγΩ")
    + list("中文日本語価格")
    + list("שלוםمرحبا")
    + ["\u200b", "\ufffd", "😀", "\x00"]
)


@st.composite
def _long_text(draw) -> str:
    chunk = draw(st.text(alphabet=_ALPHABET, min_size=0, max_size=120))
    return (chunk * draw(st.integers(min_value=1, max_value=170)))[:TEXT_LIMIT]


@st.composite
def _deals(draw) -> Deal:
    """Every text field of the deal may be long, odd or hostile; lists vary in length."""
    t = _long_text()
    amount = st.integers(1, 10**6).map(Decimal)
    deal = Deal(
        title=draw(t),
        kind=draw(st.sampled_from(["sale", "purchase", "job_offer", "renewal", "other"])),
        role=draw(st.sampled_from(["seller", "buyer"])),
        price_unit=draw(t),
        counterpart=Counterpart(name=draw(t), organization=draw(t), style=draw(t), notes=draw(t)),
        meeting=Meeting(date="2027-01-14", place=draw(t), attendees=draw(t)),
        vision=Vision(
            goal=draw(t),
            success=draw(t),
            their_win=draw(t),
            relationship=draw(t),
            approach=draw(t),
        ),
        anchors=Anchors(target=draw(amount), walk_away=draw(amount)),
        their_estimate=TheirEstimate(
            walk_away_likely=draw(amount), confidence=draw(t), source=draw(t)
        ),
        concessions=[
            Concession(what=draw(t), ask_in_return=draw(t), notes=draw(t))
            for _ in range(draw(st.integers(0, 12)))
        ],
        fallbacks=[
            Fallback(
                kind=draw(st.sampled_from(["batna", "mini_deal", "keep_door_open"])),
                what=draw(t),
                value=draw(amount),
                trigger=draw(t),
            )
            for _ in range(draw(st.integers(0, 5)))
        ],
        listening=Listening(
            interests=[Interest(what=draw(t), why=draw(t)) for _ in range(draw(st.integers(0, 4)))],
            questions=[draw(t) for _ in range(draw(st.integers(0, 8)))],
            objections=[
                Objection(objection=draw(t), why=draw(t), response=draw(t))
                for _ in range(draw(st.integers(0, 4)))
            ],
        ),
        offers=[
            Offer(
                at=draw(t),
                by=draw(st.sampled_from(["us", "them"])),
                amount=draw(amount),
                terms=draw(t),
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
        notes=draw(t),
    )
    return pack(deal, [draw(st.booleans()) for _ in deal.concessions])


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(deal=_deals())
def test_any_deal_is_one_sound_page(deal: Deal) -> None:
    data = render_pdf(deal, paper="a4")
    assert_sound_page(data)
    text = text_of(data)
    assert "Readiness" in text  # the page was drawn to its end
    with tempfile.TemporaryDirectory() as folder:
        assert_inside_margins(data, Path(folder))


_money = st.one_of(
    st.none(),
    st.integers(0, 10**6).map(Decimal),
    st.decimals(
        min_value=0, max_value=Decimal(10**12) - 1, places=2, allow_nan=False, allow_infinity=False
    ),
)


@st.composite
def _priced_deals(draw) -> Deal:
    """Deals whose amounts, not texts, are wild: the diagram must stay inside its box."""
    deal = Deal(
        title="Diagram check",
        role=draw(st.sampled_from(["seller", "buyer"])),
        currency=draw(st.sampled_from(["USD", "PLN", "JPY", "XAF"])),
        anchors=Anchors(target=draw(_money), opening=draw(_money), walk_away=draw(_money)),
        their_estimate=TheirEstimate(
            walk_away_low=draw(_money), walk_away_likely=draw(_money), walk_away_high=draw(_money)
        ),
        concessions=[
            Concession(
                what="c",
                cost_to_us=draw(_money),
                value_to_them=draw(_money),
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
        fallbacks=[Fallback(kind="batna", what="b", value=draw(_money))],
        offers=[
            Offer(by=draw(st.sampled_from(["us", "them"])), amount=draw(_money))
            for _ in range(draw(st.integers(0, 4)))
        ],
    )
    return pack(deal, [draw(st.booleans()) for _ in deal.concessions])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deal=_priced_deals(), discreet=st.booleans())
def test_any_amounts_keep_the_diagram_on_the_page(deal: Deal, discreet: bool) -> None:
    data = render_pdf(deal, paper="letter", discreet=discreet)
    assert_sound_page(data)
    with tempfile.TemporaryDirectory() as folder:
        assert_inside_margins(data, Path(folder))
