"""parse_amount: what people type in en, de and fr locales, and what must be refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksheet.domain.deal import MONEY_LIMIT
from worksheet.ui.widgets.money_field import format_amount_for_locale, parse_amount

EN = (".", ",")
DE = (",", ".")
FR = (",", "\u202f")


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("92000", EN, "92000"),
        ("92,000", EN, "92000"),
        ("92 000", EN, "92000"),
        ("92\u00a0000", EN, "92000"),
        ("92000.50", EN, "92000.50"),
        ("  1,234,567.8901 ", EN, "1234567.8901"),
        ("12,34,567", EN, "1234567"),  # Indian grouping
        (".5", EN, "0.5"),
        ("92.", EN, "92"),
        ("+7", EN, "7"),
        ("0", EN, "0"),
        ("-0", EN, "0"),
        ("1.500000", EN, "1.5"),  # trailing zeros past 4 places change nothing
        ("92.000,50", DE, "92000.50"),
        ("92.000", DE, "92000"),
        ("92000,5", DE, "92000.5"),
        ("92000.50", DE, "92000.50"),  # the C form, pasted into a German field
        ("92,000.50", DE, "92000.50"),
        ("1.5", DE, "1.5"),  # not a valid German grouping, so read as C
        ("92 000,50", DE, "92000.50"),
        ("1\u202f234\u202f567,25", FR, "1234567.25"),
        ("1 234 567,25", FR, "1234567.25"),
        ("", EN, None),
        ("   ", EN, None),
        ("１２３", EN, "123"),  # full-width digits
        ("999999999999.9999", EN, "999999999999.9999"),
    ],
)
def test_reads_what_people_type(text, style, expected):
    value = parse_amount(text, *style)
    if expected is None:
        assert value is None
    else:
        assert value == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "style", "message"),
    [
        ("abc", EN, "Not a number"),
        ("NaN", EN, "Not a number"),
        ("inf", EN, "Not a number"),
        ("-Infinity", EN, "Not a number"),
        ("1e5", EN, "Not a number"),
        ("1E-3", EN, "Not a number"),
        ("12abc", EN, "Not a number"),
        ("-", EN, "Not a number"),
        ("$", EN, "Not a number"),
        ("1.23456", EN, "Use at most 4 decimal places"),
        ("0,12345", DE, "Use at most 4 decimal places"),
        ("1000000000000", EN, "Must be below 1,000,000,000,000"),
        ("1.000.000.000.000", DE, "Must be below 1.000.000.000.000"),
        ("-5", EN, "Must not be negative"),
        ("−5", EN, "Must not be negative"),  # the typographic minus sign
        ("1,5", EN, "92,000.50"),  # the hint shows how to write it
        ("1.2.3", EN, "thousands in groups of three"),
        ("12,3456", EN, "groups of three"),
    ],
)
def test_refuses_with_a_clear_message(text, style, message):
    with pytest.raises(ValueError) as caught:
        parse_amount(text, *style)
    assert message in str(caught.value)


def test_negative_allowed_only_when_asked():
    assert parse_amount("-1,250.5", *EN, allow_negative=True) == Decimal("-1250.5")
    assert parse_amount("−3", *EN, allow_negative=True) == Decimal(-3)
    with pytest.raises(ValueError, match="Must be above −1,000,000,000,000"):
        parse_amount("-1000000000000", *EN, allow_negative=True)


amounts = st.decimals(
    min_value=-(MONEY_LIMIT - Decimal("0.0001")),
    max_value=MONEY_LIMIT - Decimal("0.0001"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


def _written(amount: Decimal, point: str, group: str, places: int) -> str:
    """An amount as a person in that locale writes it, thousands grouped."""
    text = f"{abs(amount):,.{places}f}"
    whole, _, fraction = text.partition(".")
    out = whole.replace(",", group) + (point + fraction if fraction else "")
    return ("-" if amount < 0 else "") + out


@given(amount=amounts, style=st.sampled_from([EN, DE, FR]), places=st.integers(0, 4))
def test_grouped_amounts_parse_back_exactly(amount, style, places):
    amount = round(amount, places)
    if abs(amount) >= MONEY_LIMIT:
        return
    text = _written(amount, *style, places)
    assert parse_amount(text, *style, allow_negative=True) == amount


@given(amount=amounts, style=st.sampled_from([EN, DE, FR]))
def test_the_field_format_parses_back_exactly(amount, style):
    from PySide6.QtCore import QLocale

    locale = {
        EN: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
        DE: QLocale(QLocale.Language.German, QLocale.Country.Germany),
        FR: QLocale(QLocale.Language.French, QLocale.Country.France),
    }[style]
    text = format_amount_for_locale(amount, locale)
    assert parse_amount(text, locale.decimalPoint(), locale.groupSeparator(), True) == amount


@given(text=st.text(max_size=30), style=st.sampled_from([EN, DE, FR]), negative=st.booleans())
def test_any_text_gives_an_amount_in_range_or_a_message(text, style, negative):
    try:
        value = parse_amount(text, *style, allow_negative=negative)
    except ValueError as error:
        assert str(error)
        return
    if value is None:
        assert not text.strip()
        return
    assert value.is_finite()
    assert abs(value) < MONEY_LIMIT
    assert value.as_tuple().exponent >= -4
    assert negative or value >= 0
