"""MoneyField: typing, messages, signals, locale parsing and reformatting on focus-out."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from worksheet.ui.widgets.money_field import MESSAGE_DELAY_MS, MoneyField


@pytest.fixture
def field(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    field = MoneyField("Walk-away price", host)
    field.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    field.setCurrency("USD")
    other = QLineEdit(host)  # somewhere for the focus to go
    other.move(0, 80)
    host.show()
    qtbot.waitExposed(host)
    field.other = other  # type: ignore[attr-defined]
    field.host = host  # type: ignore[attr-defined]  # keeps the window alive for the test
    return field


def message_label(field: MoneyField):
    return field._message_label


def type_into(qtbot, field: MoneyField, text: str) -> list:
    emitted: list = []
    field.amountEdited.connect(emitted.append)
    field.lineEdit().setFocus()
    qtbot.keyClicks(field.lineEdit(), text)
    return emitted


def test_valid_typing_emits_decimals_and_shows_no_message(qtbot, field):
    emitted = type_into(qtbot, field, "92000.5")
    assert emitted[-1] == Decimal("92000.5")
    assert all(isinstance(v, Decimal) for v in emitted)
    assert field.amount() == Decimal("92000.5")
    assert field.isValid()
    assert message_label(field).isHidden()


def test_invalid_typing_shows_the_message_and_goes_back_to_the_value_before(qtbot, field):
    emitted = type_into(qtbot, field, "12")
    assert emitted == [Decimal(1), Decimal(12)]
    qtbot.keyClicks(field.lineEdit(), "abc")
    # "12a": back to what the deal held before the edit (not set), once; never the prefix 12.
    assert emitted == [Decimal(1), Decimal(12), None]
    assert field.committedAmount() is None
    assert not field.isValid()
    assert field.amount() is None
    qtbot.waitUntil(lambda: message_label(field).isVisible(), timeout=2000)
    assert "Not a number" in message_label(field).text()
    assert "the deal keeps no amount (not set)" in message_label(field).text()
    assert "Not a number" in field.lineEdit().accessibleDescription()
    assert field.pendingProblem() == (
        "Walk-away price",
        "“12abc” is not an amount (not a number); the deal still holds no amount (not set)",
    )
    # Fixing the text hides the message at once and emits the good amount.
    field.lineEdit().clear()
    qtbot.keyClicks(field.lineEdit(), "7")
    assert emitted[-1] == Decimal(7)
    assert message_label(field).isHidden()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.23456", "Use at most 4 decimal places"),
        ("1000000000000", "Must be below 1,000,000,000,000"),
        ("-5", "Must not be negative"),
    ],
)
def test_message_for_each_kind_of_bad_amount(qtbot, field, text, message):
    emitted = type_into(qtbot, field, text)
    assert all(v is None or (abs(v) < 10**12 and v >= 0) for v in emitted)
    assert Decimal(text) not in emitted
    field.other.setFocus()  # leaving the field shows the message without waiting
    qtbot.waitUntil(lambda: message_label(field).isVisible(), timeout=1000)
    assert message in message_label(field).text()
    assert field.errorMessage() == message


def test_no_error_flash_while_typing_a_grouped_number(qtbot, field):
    type_into(qtbot, field, "92,0")  # on its way to 92,000
    assert not field.isValid()
    assert message_label(field).isHidden()  # the message waits for a pause
    qtbot.keyClicks(field.lineEdit(), "00")
    assert field.amount() == Decimal(92000)
    # Past the pause after which a message would show: none does, the number is whole.
    qtbot.wait(MESSAGE_DELAY_MS + 250)
    assert message_label(field).isHidden()


def test_a_pause_on_a_half_typed_number_shows_the_message(qtbot, field):
    # The other side of the test above: the same half-typed number, left alone, does show it,
    # so the wait above could have seen a message.
    type_into(qtbot, field, "92,0")
    assert message_label(field).isHidden()
    qtbot.waitUntil(lambda: message_label(field).isVisible(), timeout=MESSAGE_DELAY_MS + 1000)


def test_clearing_emits_none(qtbot, field):
    field.setAmount(Decimal(5))
    emitted = type_into(qtbot, field, "")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_End)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Backspace)
    assert emitted == [None]
    assert field.isValid()
    assert field.amount() is None


def test_set_amount_shows_grouped_and_does_not_emit(qtbot, field):
    emitted: list = []
    field.amountEdited.connect(emitted.append)
    field.setAmount(Decimal("1234567.5"))
    assert field.lineEdit().text() == "1,234,567.50"
    field.setAmount(None)
    assert field.lineEdit().text() == ""
    assert emitted == []


def test_focus_out_regroups_the_amount(qtbot, field):
    type_into(qtbot, field, "1234567")
    field.other.setFocus()
    qtbot.waitUntil(lambda: field.lineEdit().text() == "1,234,567", timeout=1000)
    assert field.amount() == Decimal(1234567)


def test_german_locale(qtbot, field):
    field.setLocale(QLocale(QLocale.German, QLocale.Germany))
    emitted = type_into(qtbot, field, "92.000,50")
    assert emitted[-1] == Decimal("92000.50")
    field.other.setFocus()
    qtbot.waitUntil(lambda: field.lineEdit().text() == "92.000,50", timeout=1000)
    field.lineEdit().clear()
    emitted.clear()
    field.lineEdit().setFocus()
    qtbot.keyClicks(field.lineEdit(), "92000.50")  # the C form also works
    assert emitted[-1] == Decimal("92000.50")


def test_negative_only_when_allowed(qtbot, field):
    field.setAllowNegative(True)
    emitted = type_into(qtbot, field, "-250")
    assert emitted[-1] == Decimal(-250)
    field.setAllowNegative(False)
    assert not field.isValid()
    assert field.errorMessage() == "Must not be negative"
    assert message_label(field).isVisible()


def test_currency_symbol_typed_with_the_amount_is_accepted(qtbot, field):
    emitted = type_into(qtbot, field, "$92,000")
    assert emitted[-1] == Decimal(92000)


def test_hostile_text_is_just_text(qtbot, field):
    emitted = type_into(qtbot, field, "<b>1</b>")
    assert all(v is None or v == 1 for v in emitted)
    field.other.setFocus()
    qtbot.waitUntil(lambda: message_label(field).isVisible(), timeout=1000)
    assert message_label(field).textFormat() == Qt.TextFormat.PlainText


def test_accessible_names_and_currency(qtbot, field):
    assert field.accessibleName() == "Walk-away price"
    assert field.lineEdit().accessibleName() == "Walk-away price"
    assert "USD" in field.lineEdit().accessibleDescription()
    field.setCurrency("EUR")
    assert field._currency_label.text() == "EUR"
    assert "EUR" in field.lineEdit().accessibleDescription()
    field.setPlaceholderText("not set")
    assert field.lineEdit().placeholderText() == "not set"


def test_echo_while_typing_keeps_the_users_text(qtbot, field):
    # The window writes each edit to the deal and pushes the value back: typing must go on.
    field.amountEdited.connect(field.setAmount)
    field.lineEdit().setFocus()
    qtbot.keyClicks(field.lineEdit(), "1234567.5")
    assert field.lineEdit().text() == "1234567.5"
    assert field.amount() == Decimal("1234567.5")
    field.setAmount(Decimal(8))  # a different value (say, undo) replaces the text
    assert field.lineEdit().text() == "8"
