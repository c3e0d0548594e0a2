"""The sign-off page: the manager's review, their two limits, and whether an approval is current."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from worksheet.domain.deal import DECISIONS
from worksheet.domain.signoff import BASIS_KEY, STALE, approval, approval_basis
from worksheet.i18n import N_, _
from worksheet.present.signoff import DECISION_WORDS, LABELS, status_line
from worksheet.ui.pages.base import Page, prompt_label
from worksheet.ui.undo import Batch, SetExtra, SetValue

DATE_HINT = N_("YYYY-MM-DD, e.g. 2026-11-20")


def valid_date(text: str) -> bool:
    text = text.strip()
    if not text:
        return True
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class SignOffPage(Page):
    KEY = "signoff"
    TITLE = "Sign-off"
    INTRO = (
        "Your manager's review: who looked at the plan, what they decided and the limits they "
        "set. An approval holds for the numbers it was given for; change one and it shows as "
        "given for an earlier version."
    )

    def build(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("signoff-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.status)

        form = self.section("The review")
        self.by = self.add_line(form, LABELS["by"], ("sign_off", "by"), placeholder="Name")
        self.role = self.add_line(
            form, LABELS["role"], ("sign_off", "role"), placeholder="e.g. Sales director"
        )
        self.decision = self.add_choice(
            form,
            LABELS["decision"],
            ("sign_off", "decision"),
            tuple((code, DECISION_WORDS[code]) for code in DECISIONS),
            "An approval records the walk-away, the estimate and the package it was given for.",
        )
        # The decision also records (or drops) the numbers an approval covers: one undo step.
        self.decision.activated.disconnect()
        self.decision.activated.connect(self._decide)
        self.date = self._date_field(form)
        self.comment = self.add_text(form, LABELS["comment"], ("sign_off", "comment"), lines=4)

        form = self.section(
            "Limits",
            "What the manager allows. Past a limit the summary warns you; the limits never "
            "change your own numbers.",
        )
        self.limit_walk_away = self.add_money(
            form,
            LABELS["limit_walk_away"],
            ("sign_off", "limits", "walk_away"),
            "The worst walk-away allowed: for a seller the lowest, for a buyer the highest.",
        )
        self.limit_package_cost = self.add_money(
            form,
            LABELS["limit_package_cost"],
            ("sign_off", "limits", "package_cost"),
            "The most the active package may cost us.",
        )
        self.doc.edited.connect(self._update_status)
        self._update_status()

    def _date_field(self, form) -> QLineEdit:
        path = ("sign_off", "date")
        edit = QLineEdit()
        edit.setAccessibleName(LABELS["date"])
        edit.setPlaceholderText(_(DATE_HINT))
        edit.setMaxLength(10)
        error = prompt_label("")
        error.setObjectName("signoff-date-error")
        error.hide()

        def on_edit(text: str) -> None:
            # A date that is not one yet never reaches the deal (the field says why instead).
            if valid_date(text):
                error.hide()
                self._push(path, text.strip(), LABELS["date"])
            else:
                error.setText(
                    _(
                        "Not a date yet: write it as {hint}. The deal keeps the last valid date."
                    ).format(hint=_(DATE_HINT))
                )
                error.show()

        def refresh() -> None:
            value = self.doc.get(path)
            if edit.text().strip() != value:
                edit.setText(value)
                error.hide()

        edit.textEdited.connect(on_edit)
        self._register(path, edit, refresh)
        self._add_row(form, LABELS["date"], edit, "")
        form.addRow("", error)
        return edit

    def _decide(self, index: int) -> None:
        code = self.decision.itemData(index)
        if code == self.doc.deal.sign_off.decision:
            return
        basis = approval_basis(self.doc.deal) if code == "approved" else None
        commands = [
            SetValue(self.doc, ("sign_off", "decision"), code, merge=False),
            SetExtra(self.doc, BASIS_KEY, basis),
        ]
        self.doc.push(Batch(commands, label=N_("Edit decision")))

    def _update_status(self) -> None:
        deal = self.doc.deal
        self.status.setText(status_line(deal))
        stale = approval(deal).state == STALE
        self.status.setProperty("stale", stale)
        font = self.status.font()
        font.setBold(stale)
        self.status.setFont(font)
        self.status.setStyleSheet("color: #9c0006;" if stale else "")
