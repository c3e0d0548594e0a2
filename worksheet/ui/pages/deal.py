"""The deal page: what is negotiated, by whom, in which currency, and the meeting it prepares.

Its words (captions, prompts, examples, intro) are in `worksheet/present/forms.py`."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from worksheet.i18n import _
from worksheet.present.forms import CHECKS, field, page, part, refused
from worksheet.present.numbers import CURRENCY_SYMBOLS
from worksheet.present.words import KINDS, ROLES, choices
from worksheet.ui.pages.base import Page, prompt_label
from worksheet.ui.widgets.colors import accents
from worksheet.ui.widgets.money_field import MESSAGE_DELAY_MS
from worksheet.ui.widgets.text_limit import limit_characters

KIND_LABELS: tuple[tuple[str, str], ...] = choices(KINDS)
ROLE_LABELS: tuple[tuple[str, str], ...] = choices(ROLES)
_CURRENCY_RE = re.compile(r"[A-Z]{3}")


def valid_date(text: str) -> bool:
    if not text:
        return True
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class DealPage(Page):
    KEY = "deal"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro

    def build(self) -> None:
        form = self.section(*part(self.KEY, "what"))
        self.add_line(form, *field("title"))
        kind, role = field("kind"), field("role")
        self.add_choice(form, kind.caption, kind.path, KIND_LABELS, kind.prompt)
        self.add_choice(form, role.caption, role.path, ROLE_LABELS, role.prompt)
        self.currency = self._currency_field(form)
        self.add_line(form, *field("price_unit"))

        form = self.section(*part(self.KEY, "who"))
        self.add_line(form, *field("counterpart", "name"))
        self.add_line(form, *field("counterpart", "organization"))
        self.add_line(form, *field("counterpart", "style"))
        self.add_text(form, *field("counterpart", "notes"), lines=2)

        form = self.section(*part(self.KEY, "meeting"))
        self.meeting_date = self._date_field(form)
        self.add_line(form, *field("meeting", "place"))
        self.add_line(form, *field("meeting", "attendees"))

    # Currency and date refuse bad input inline, like the money fields.

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, accents(self.palette()).error)
        label.setPalette(palette)
        label.hide()
        return label

    def _checked_line(
        self,
        form,
        label: str,
        path,
        prompt: str,
        placeholder: str,
        check,
        message: str,
        normalise=lambda t: t,
    ) -> QLineEdit:
        label, prompt, message = _(label), _(prompt), _(message)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        edit = QLineEdit()
        edit.setAccessibleName(label)
        edit.setAccessibleDescription(prompt)
        edit.setPlaceholderText(placeholder)
        limit_characters(edit, 20)
        error = self._message_label()
        column.addWidget(edit)
        column.addWidget(error)
        hint = prompt_label(prompt)
        column.addWidget(hint)
        self.register_prompt(".".join(path), hint, prompt)

        # Like the money fields, wait a moment before complaining: "2027-0" is on its way.
        delay = QTimer(edit)
        delay.setSingleShot(True)
        delay.setInterval(MESSAGE_DELAY_MS)

        # What the deal held when this edit began: bad text puts it back, so a valid prefix
        # typed on the way ("" while retyping a date) is never what the deal keeps.
        baseline: list = []

        def kept() -> str:
            return (baseline[0] if baseline else self.doc.get(path)) or ""

        def show_error() -> None:
            error.setText(refused("kept", message=message, value=kept()))
            error.show()
            edit.setToolTip(message)

        delay.timeout.connect(show_error)

        def on_edit(text: str) -> None:
            if not baseline:
                baseline.append(self.doc.get(path))
            value = normalise(text.strip())
            if check(value):
                delay.stop()
                error.hide()
                edit.setToolTip("")
                self._push(path, value, label)
            else:
                self._push(path, baseline[0], label)
                delay.start()

        def on_finished() -> None:
            if not check(normalise(edit.text().strip())):
                delay.stop()
                show_error()
            else:
                baseline.clear()

        def refresh() -> None:
            baseline.clear()
            value = self.doc.get(path)
            if normalise(edit.text().strip()) != value:
                edit.setText(value)
            delay.stop()
            error.hide()

        def pending_problem() -> tuple[str, str] | None:
            text = edit.text().strip()
            if check(normalise(text)):
                return None
            return label, refused("holds", text=text, message=message, value=kept())

        edit.pendingProblem = pending_problem  # type: ignore[attr-defined]

        edit.textEdited.connect(on_edit)
        edit.editingFinished.connect(on_finished)
        self._register(path, edit, refresh)
        caption = QLabel(label)
        caption.setBuddy(edit)
        caption.setMinimumHeight(edit.sizeHint().height())
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_caption_row(form, caption, holder)
        return edit

    def _currency_field(self, form) -> QLineEdit:
        edit = self._checked_line(
            form,
            *field("currency"),
            lambda t: bool(_CURRENCY_RE.fullmatch(t)),
            CHECKS[("currency",)],
            normalise=str.upper,
        )
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("WWWW") + 24)
        limit_characters(edit, 3)
        # Offer the codes we know a symbol for; any other ISO code works too.
        from PySide6.QtWidgets import QCompleter

        edit.setCompleter(QCompleter(sorted(CURRENCY_SYMBOLS), edit))
        edit.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.completer().activated.connect(lambda text: edit.textEdited.emit(text))
        return edit

    def _date_field(self, form) -> QLineEdit:
        edit = self._checked_line(
            form, *field("meeting", "date"), valid_date, CHECKS[("meeting", "date")]
        )
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2027-01-14") * 2)
        limit_characters(edit, 10)
        return edit


__all__ = ["KIND_LABELS", "ROLE_LABELS", "DealPage"]
