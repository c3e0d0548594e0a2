"""A line edit for an amount of money that accepts what people type in their locale."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from worksheet.domain.deal import MONEY_LIMIT, MONEY_PLACES
from worksheet.i18n import N_, _
from worksheet.ui.widgets.colors import accents
from worksheet.ui.widgets.text_limit import limit_characters

#: Spaces people put between thousands in any locale: space, no-break, narrow no-break, thin.
_SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009"})
_MINUS_SIGNS = frozenset({"-", "\u2212", "\u2012", "\u2013"})

NOT_A_NUMBER = N_("Not a number")
TOO_MANY_PLACES = N_("Use at most {places} decimal places")
NEGATIVE = N_("Must not be negative")

#: How long an invalid entry waits before its message shows, so typing "92,0" on the way to
#: "92,000" does not flash an error at every keystroke.
MESSAGE_DELAY_MS = 600


def _group(number: str, separator: str) -> str:
    """`1000000` → `1,000,000` with the given separator (groups of three)."""
    head = len(number) % 3 or 3
    parts = [number[:head]] + [number[i : i + 3] for i in range(head, len(number), 3)]
    return separator.join(parts)


def _limit_text(group_separator: str) -> str:
    return _group(str(MONEY_LIMIT), group_separator or ",")


def _ascii_digits(text: str) -> str:
    """Turn any Unicode decimal digit (Arabic-Indic, Devanagari, full-width…) into 0-9."""
    out = []
    for ch in text:
        if not ch.isascii() and unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.decimal(ch)))
        else:
            out.append(ch)
    return "".join(out)


def _groups_ok(groups: list[str]) -> bool:
    """Western grouping (1,234,567) or Indian grouping (12,34,567); the first group 1-3 digits."""
    if not all(g.isdigit() for g in groups):
        return False
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3:
        return False
    if all(len(g) == 3 for g in rest):
        return True
    # Indian: the last group has three digits, those before it two.
    return len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1]) and len(first) <= 2


def _read(body: str, decimal_point: str, separators: frozenset[str]) -> Decimal | None:
    """A non-negative number written with this decimal point and these group separators, or None."""
    if body.count(decimal_point) > 1:
        return None
    whole, _unused, fraction = body.partition(decimal_point)
    if not whole and not fraction:
        return None
    if fraction and not fraction.isdigit():
        return None
    if whole:
        groups = [whole]
        for sep in separators:
            groups = [piece for g in groups for piece in g.split(sep)]
        if len(groups) > 1:
            if not _groups_ok(groups):
                return None
        elif not whole.isdigit():
            return None
        whole = "".join(groups)
    try:
        return Decimal(f"{whole or '0'}.{fraction}" if fraction else whole)
    except InvalidOperation:  # pragma: no cover - only digits reach here
        return None


def parse_amount(
    text: str, decimal_point: str, group_separator: str, allow_negative: bool = False
) -> Decimal | None:
    """Read an amount as typed: `92,000`, `92 000`, `92.000,50`; empty means "not set" (None).

    The locale's own form is tried first, then the C form (`92000.50`), so a German user can
    still paste a plain number. Raises ValueError with a short message for people otherwise.
    """
    cleaned = _ascii_digits(text.strip())
    if not cleaned:
        return None
    negative = False
    if cleaned[0] in _MINUS_SIGNS:
        negative, cleaned = True, cleaned[1:].lstrip()
    elif cleaned[0] == "+":
        cleaned = cleaned[1:].lstrip()
    if not cleaned or any(ch.isalpha() for ch in cleaned):
        # Catches words, NaN, inf and exponents such as 1e5 alike.
        raise ValueError(_(NOT_A_NUMBER))

    forms: list[tuple[str, frozenset[str]]] = []
    local_groups = frozenset({group_separator} if group_separator else ()) - {decimal_point}
    forms.append((decimal_point, _SPACES | local_groups))
    if (decimal_point, group_separator) != (".", ","):
        forms.append((".", _SPACES | {","}))
    value = None
    for point, separators in forms:
        value = _read(cleaned, point, separators)
        if value is not None:
            break
    if value is None:
        if any(ch.isdigit() for ch in cleaned):
            raise ValueError(_grouping_hint(decimal_point, group_separator))
        raise ValueError(_(NOT_A_NUMBER))

    if value.as_tuple().exponent < -MONEY_PLACES:
        quantum = Decimal(1).scaleb(-MONEY_PLACES)
        if value != value.quantize(quantum):
            raise ValueError(_(TOO_MANY_PLACES).format(places=MONEY_PLACES))
        value = value.quantize(quantum)  # "1.500000" is just 1.5: trailing zeros do no harm
    if value == 0:
        return Decimal(0)
    if negative and not allow_negative:
        raise ValueError(_(NEGATIVE))
    if value >= MONEY_LIMIT:
        limit = _limit_text(group_separator)
        if negative:
            raise ValueError(_("Must be above −{limit}").format(limit=limit))
        raise ValueError(_("Must be below {limit}").format(limit=limit))
    return -value if negative else value


def _grouping_hint(decimal_point: str, group_separator: str) -> str:
    """The message for digits in a shape we cannot read, showing this locale's own shape."""
    example = _group("92000", group_separator or ",") + decimal_point + "50"
    return _("Write it like {example} (thousands in groups of three)").format(example=example)


def format_amount_for_locale(amount: Decimal, locale: QLocale) -> str:
    """The amount with the locale's group separator and decimal point; keeps every digit."""
    sign = locale.negativeSign() if amount < 0 else ""
    magnitude = abs(amount)
    if magnitude == magnitude.to_integral_value():
        whole, fraction = str(magnitude.quantize(Decimal(1))), ""
    else:
        places = max(2, min(MONEY_PLACES, -int(magnitude.normalize().as_tuple().exponent)))
        whole, _unused, fraction = f"{magnitude:.{places}f}".partition(".")
    text = _group(whole, locale.groupSeparator())
    if fraction:
        text += locale.decimalPoint() + fraction
    return sign + text


_UNSET = object()


class MoneyField(QWidget):
    """Amount line edit + currency code + an inline message that explains a bad entry.

    `amountEdited` fires on each user edit that reads as a valid amount (Decimal) or as empty
    (None, "not set"), so the chart follows the typing. The rule that keeps the deal honest:
    while the text is not an amount, the deal holds the value it had when this edit began
    (the last committed one), never a valid prefix of what is being typed ("1.5" of "1.5e3",
    "92" of "92,0"); the message under the field says so, and `pendingProblem()` lets Save,
    Export and Print refuse and bring the user here.
    """

    amountEdited = Signal(object)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._allow_negative = False
        self._currency = ""
        self._message = ""
        #: What the deal holds for this field, as far as the field knows.
        self._committed: Decimal | None = None
        #: What the deal held when the current edit began (_UNSET between edits).
        self._baseline: object = _UNSET

        self._edit = QLineEdit(self)
        self._edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        limit_characters(self._edit, 40)
        self._currency_label = QLabel(self)
        self._currency_label.setTextFormat(Qt.TextFormat.PlainText)
        self._currency_label.setBuddy(self._edit)
        self._message_label = QLabel(self)
        self._message_label.setTextFormat(Qt.TextFormat.PlainText)
        self._message_label.setWordWrap(True)
        self._message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._message_label.hide()

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        layout.addWidget(self._edit, 0, 0)
        layout.addWidget(self._currency_label, 0, 1)
        # The message may be wider than the amount box: it spans an empty third column, so it
        # wraps at the width the form really gives it, not at the box's.
        layout.addWidget(self._message_label, 1, 0, 1, 3)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(2, 1)
        self.setFocusProxy(self._edit)
        # Keep the message right under the edit even when a form row is taller than needed.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # A wrapped message needs its second line: let the form ask the height for the width.
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_DELAY_MS)
        self._message_timer.timeout.connect(self._show_message)

        self._edit.textEdited.connect(self._on_text_edited)
        self._edit.installEventFilter(self)
        self._apply_message_colour()
        self._update_accessibility()

    def setMaximumWidth(self, width: int) -> None:
        """Limit the amount box and its currency code; the message under them may be wider."""
        spacing = self.layout().horizontalSpacing()
        code = self._currency_label.sizeHint().width()
        self._edit.setMaximumWidth(max(40, width - code - spacing))

    # --- public interface -------------------------------------------------------------------

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def amount(self) -> Decimal | None:
        """The amount shown, or None when empty or invalid."""
        try:
            return self._parse(self._edit.text())
        except ValueError:
            return None

    def setAmount(self, amount: Decimal | None) -> None:
        """Show an amount from the deal (None clears); never emits `amountEdited`."""
        if self._edit.hasFocus() and self._edit.text().strip():
            try:
                if self._parse(self._edit.text()) == amount:
                    # The deal echoes what the user is typing: keep their spelling and cursor.
                    self._set_message("")
                    return
            except ValueError:
                pass
        self._committed = amount
        self._baseline = _UNSET
        text = "" if amount is None else format_amount_for_locale(amount, self.locale())
        if text != self._edit.text():
            self._edit.setText(text)
        self._set_message("")

    def committedAmount(self) -> Decimal | None:
        """What the deal holds for this field (the last committed amount)."""
        return self._committed

    def pendingProblem(self) -> tuple[str, str] | None:
        """(label, sentence) while the text is not an amount; None when it is one."""
        error = self.errorMessage()
        if not error:
            return None
        return (
            self._label,
            _("“{text}” is not an amount ({problem}); the deal still holds {kept}").format(
                text=self._edit.text().strip(),
                problem=error[0].lower() + error[1:],
                kept=self._kept_text(),
            ),
        )

    def _kept_text(self) -> str:
        kept = self._committed
        if kept is None:
            return _("no amount (not set)")
        shown = format_amount_for_locale(kept, self.locale())
        return f"{shown} {self._currency}".strip()

    def isValid(self) -> bool:
        try:
            self._parse(self._edit.text())
        except ValueError:
            return False
        return True

    def errorMessage(self) -> str:
        """Why the current text is not an amount ("" when it is one)."""
        try:
            self._parse(self._edit.text())
        except ValueError as error:
            return str(error)
        return ""

    def setCurrency(self, code: str) -> None:
        self._currency = code
        self._currency_label.setText(code)
        self._update_accessibility()

    def currency(self) -> str:
        return self._currency

    def setAllowNegative(self, allow: bool) -> None:
        self._allow_negative = allow
        self._revalidate(immediately=True)

    def setPlaceholderText(self, text: str) -> None:
        self._edit.setPlaceholderText(text)

    # --- behaviour ------------------------------------------------------------------------

    def _parse(self, text: str) -> Decimal | None:
        locale = self.locale()
        return parse_amount(
            self._strip_currency(text),
            locale.decimalPoint(),
            locale.groupSeparator(),
            allow_negative=self._allow_negative,
        )

    def _strip_currency(self, text: str) -> str:
        """People paste "$92,000" or "92 000 EUR": drop this field's own currency code or symbol."""
        from worksheet.present.numbers import CURRENCY_SYMBOLS

        stripped = text.strip()
        for mark in (self._currency, CURRENCY_SYMBOLS.get(self._currency, "")):
            if not mark:
                continue
            if stripped.startswith(mark):
                return stripped[len(mark) :]
            if stripped.endswith(mark):
                return stripped[: -len(mark)]
            # "-$5" puts the sign before the symbol.
            if stripped[:1] in _MINUS_SIGNS and stripped[1:].lstrip().startswith(mark):
                return stripped[0] + stripped[1:].lstrip()[len(mark) :]
        return stripped

    def _on_text_edited(self, text: str) -> None:
        if self._baseline is _UNSET:
            self._baseline = self._committed
        try:
            value = self._parse(text)
        except ValueError:
            # Not an amount: the deal goes back to what it held before this edit began, so a
            # valid prefix typed on the way ("1.5" of "1.5e3") is never what it keeps.
            if self._committed != self._baseline:
                self._committed = self._baseline  # type: ignore[assignment]
                self.amountEdited.emit(self._baseline)
            # Wait a moment before saying so: the user may be half-way through a number.
            self._message_timer.start()
            return
        self._set_message("")
        self._committed = value
        self.amountEdited.emit(value)

    def _finish_edit(self) -> None:
        """Focus left or Enter: a valid entry becomes the committed value; else say why now."""
        if self.isValid():
            self._baseline = _UNSET
        self._reformat()

    def _revalidate(self, immediately: bool) -> None:
        message = self.errorMessage()
        if not message:
            self._set_message("")
        elif immediately:
            self._set_message(message)
        else:
            self._message_timer.start()

    def _show_message(self) -> None:
        self._set_message(self.errorMessage())

    def _set_message(self, message: str) -> None:
        if not message:
            self._message_timer.stop()
        if message == self._message:
            return
        self._message = message
        if message:
            self._message_label.setText(
                f"⚠ {message}. Not used: the deal keeps {self._kept_text()}."
            )
        else:
            self._message_label.setText("")
        self._message_label.setVisible(bool(message))
        self._update_accessibility()

    def _reformat(self) -> None:
        try:
            value = self._parse(self._edit.text())
        except ValueError:
            self._revalidate(immediately=True)
            return
        if value is not None:
            text = format_amount_for_locale(value, self.locale())
            if text != self._edit.text():
                self._edit.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            kind = event.type()
            confirmed = kind == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            )
            if kind == QEvent.Type.FocusOut or confirmed:
                self._finish_edit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_message_colour()
        elif event.type() == QEvent.Type.LocaleChange and not self._edit.hasFocus():
            self._reformat()
        super().changeEvent(event)

    def _apply_message_colour(self) -> None:
        palette = self._message_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, accents(self.palette()).error)
        self._message_label.setPalette(palette)

    def _update_accessibility(self) -> None:
        if self._currency:
            description = _("Amount in {currency}. Leave empty for not set.").format(
                currency=self._currency
            )
        else:
            description = _("Amount. Leave empty for not set.")
        if self._message:
            description = _("{problem}. {description}").format(
                problem=self._message, description=description
            )
        self.setAccessibleName(self._label)
        self._edit.setAccessibleName(self._label)
        self._edit.setAccessibleDescription(description)
        self._edit.setToolTip(self._message)
