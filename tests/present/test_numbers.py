"""The one money formatter and the chance formatter."""

from __future__ import annotations

import unicodedata
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksheet.present.numbers import (
    NBSP,
    Separators,
    chance_phrase,
    format_amount,
    format_chance,
    format_money,
    format_range,
    short_money,
)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (D("92000"), "USD", "$92,000"),
        (D("1234567.5"), "EUR", "€1,234,567.50"),
        (D("99.9999"), "GBP", "£100"),
        (D("60.6500"), "USD", "$60.65"),
        (D("60.65"), "USD", "$60.65"),
        (D("60.655"), "USD", "$60.66"),
        (D("92000.00"), "USD", "$92,000"),
        (D("0"), "USD", "$0"),
        (D("-250"), "USD", "−$250"),
        (D("-0.001"), "USD", "$0"),
        (D("1200"), "PLN", f"1,200{NBSP}zł"),
        (D("1200"), "XYZ", f"XYZ{NBSP}1,200"),
        (D("1200.5"), "JPY", "¥1,200"),
        (D("999999999999.9999"), "USD", "$1,000,000,000,000"),
        (D("12345678901234"), "USD", "$12,345,678,901,234"),
        (None, "USD", "—"),
    ],
)
def test_format_money(amount, currency, expected):
    assert format_money(amount, currency) == expected


def test_typed_precision_never_shows():
    # the "$60.6500 – $60.65" for one value: now one amount
    assert format_range(D("60.6500"), D("60.65"), "USD") == "$60.65"
    assert format_range(D("1"), D("2.5"), "USD") == f"$1{NBSP}– $2.50"


def test_locale_separators():
    german = Separators(group=".", decimal=",")
    assert format_money(D("118000"), "USD", seps=german) == "$118.000"
    assert format_money(D("1234.5"), "EUR", seps=german) == "€1.234,50"
    # a space as group separator becomes a no-break space
    assert format_amount(D("104000"), seps=Separators(" ", ",")) == f"104{NBSP}000"


@given(
    st.decimals(
        min_value=D("-999999999999.9999"),
        max_value=D("999999999999.9999"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from(["USD", "EUR", "PLN", "JPY", "XYZ", "SEK"]),
)
def test_money_never_breaks_inside_and_never_shows_more_than_two_decimals(amount, currency):
    text = format_money(amount, currency)
    # no breaking space inside: only no-break spaces
    assert not any(unicodedata.category(ch) == "Zs" and ch != NBSP for ch in text)
    digits = text.split(".")
    assert len(digits) <= 2 and (len(digits) == 1 or len(digits[1].rstrip("$€zł kr" + NBSP)) <= 2)
    assert "-" not in text  # the minus is U+2212, which stays with its digits


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (None, "—"),
        (0.0, "0%"),
        (0.0012, "under 1%"),
        (0.005, "under 1%"),
        (0.0051, "1%"),
        (0.7213, "72%"),
        (0.494991, "49%"),
        (D("0.494991"), "49%"),
        (0.9951, "over 99%"),
        (0.9961, "over 99%"),
        (0.99999, "over 99%"),
        (1.0, "100%"),
    ],
)
def test_format_chance_never_rounds_a_real_chance_away(p, text):
    assert format_chance(p) == text


def test_chance_phrase():
    assert chance_phrase(0.72) == "about 72%"
    assert chance_phrase(0.0001) == "under 1%"
    assert chance_phrase(0.0) == "no chance"


def test_short_money():
    assert short_money(D("104000")) == "$104k"
    assert short_money(D("1250000")) == "$1.2M"
    assert short_money(D("950")) == "$950"
