"""The debrief page: how the talk ended, what it revealed about their walk-away, and a short
after-action review while it is fresh."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.deal import OUTCOME_STATUSES, ReviewItem
from worksheet.domain.meeting import their_walk_away_bounds
from worksheet.i18n import _
from worksheet.present import meeting as words
from worksheet.present.numbers import format_money
from worksheet.ui.pages.base import Page, heading_label, prompt_label
from worksheet.ui.undo import SetValue


def _valid_date(text: str) -> bool:
    if not text:
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class DebriefPage(Page):
    KEY = "debrief"
    TITLE = "Debrief"
    INTRO = (
        "Right after the talk: how it ended, what their offers told you about their limit, "
        "and an honest look back. It makes the next estimate better."
    )

    def build(self) -> None:
        form = self.section("How it ended")
        self.add_choice(
            form,
            "Outcome",
            ("outcome", "status"),
            tuple((s, words.OUTCOME_LABELS[s]) for s in OUTCOME_STATUSES),
        )
        self.date = self._add_date(form)
        self.price = self.add_money(
            form,
            "Agreed price",
            ("outcome", "price"),
            "The price you shook hands on; leave empty unless the outcome is Agreed.",
        )
        self.package = self._add_package(form)
        self.add_text(form, "Terms", ("outcome", "terms"), "Anything agreed besides the price.")

        bounds = self.section(
            "What the talk revealed",
            "Their real walk-away stays unknown, but their offers bound it. A buyer's best offer "
            "shows they would pay at least that; a seller's best offer, that they would accept "
            "at most that.",
        )
        self.at_least = self.add_money(
            bounds, "Their walk-away at least", ("outcome", "their_walk_away_at_least")
        )
        self.at_most = self.add_money(
            bounds, "Their walk-away at most", ("outcome", "their_walk_away_at_most")
        )
        fill_row = QHBoxLayout()
        self.fill_button = QPushButton(_("Fill in from their offers"))
        self.fill_button.setAccessibleName(_("Fill in the walk-away bounds from their offers"))
        self.fill_button.clicked.connect(self.fill_bounds)
        self.bounds_note = prompt_label("")
        fill_row.addWidget(self.fill_button)
        fill_row.addWidget(self.bounds_note, 1)
        self.body.addLayout(fill_row)

        review = self.section("Looking back")
        self.add_text(review, "What went well", ("outcome", "went_well"), lines=3)
        self.add_text(review, "Do differently", ("outcome", "do_differently"), lines=3)

        self.body.addSpacing(8)
        self.body.addWidget(heading_label(_("After-action checklist"), 1.1))
        self.body.addWidget(prompt_label(_("Tick what you kept to. No one else sees this.")))
        self.checks_holder = QWidget()
        self.checks_layout = QVBoxLayout(self.checks_holder)
        self.checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks: list[QCheckBox] = []
        self.body.addWidget(self.checks_holder)
        self._bindings[("outcome", "review")] = self._refresh_checks
        self.register_focus(("outcome", "review"), self.checks_holder)

        self.body.addSpacing(10)
        export_row = QHBoxLayout()
        self.export_button = QPushButton(_("Export Debrief PDF…"))
        self.export_button.clicked.connect(self.export_pdf)
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        self.body.addLayout(export_row)
        self.doc.listChanged.connect(self._on_list_changed)

    # ------------------------------------------------------------------ fields of their own

    def _add_date(self, form) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(_("Outcome date"))
        edit.setPlaceholderText("YYYY-MM-DD")
        edit.setMaxLength(10)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 40)

        def on_edit(text: str) -> None:
            text = text.strip()
            if _valid_date(text):
                edit.setToolTip("")
                self._push(("outcome", "date"), text, _("outcome date"))
            else:
                # A half-typed date never reaches the deal; the field says so.
                edit.setToolTip(_("Write the date as YYYY-MM-DD, e.g. 2027-03-14"))
                self.message.emit(_("Write the date as YYYY-MM-DD, e.g. 2027-03-14"))

        def refresh() -> None:
            value = self.doc.get(("outcome", "date"))
            if edit.text().strip() != value and (_valid_date(edit.text().strip()) or value):
                edit.setText(value)

        edit.textEdited.connect(on_edit)
        self._register(("outcome", "date"), edit, refresh)
        self._add_row(form, _("Date"), edit, _("When it was agreed, or when you walked away."))
        return edit

    def _add_package(self, form) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(_("Agreed package"))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        def fill() -> None:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("No package"), None)
            for p in self.doc.deal.packages:
                combo.addItem(p.name or p.id, p.id)
            found = combo.findData(self.doc.deal.outcome.package)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

        combo.activated.connect(
            lambda i: self._push(("outcome", "package"), combo.itemData(i), _("agreed package"))
        )
        self._fill_packages = fill
        self._register(("outcome", "package"), combo, fill)
        self._add_row(form, _("Package"), combo, _("Which of your packages the deal holds."))
        return combo

    def _on_list_changed(self, path, *_args) -> None:
        if tuple(path) == ("packages",):
            self._fill_packages()
        if tuple(path) == ("offers",):
            self._update_bounds_note()

    def _refresh_checks(self) -> None:
        review = self.doc.deal.outcome.review
        texts = list(words.REVIEW_CHECKS)
        texts += [r.check for r in review if r.check not in texts]
        kept = {r.check: r.kept for r in review}
        # The file records the English sentence; the box shows it in the current language.
        if [c.property("check") for c in self.checks] != texts:
            for box in self.checks:
                box.deleteLater()
            self.checks = []
            for text in texts:
                box = QCheckBox(_(text))
                box.setProperty("check", text)
                box.setAccessibleName(_(text))
                box.toggled.connect(lambda on, t=text: self._toggle_check(t, on))
                self.checks_layout.addWidget(box)
                self.checks.append(box)
        for box in self.checks:
            box.blockSignals(True)
            box.setChecked(kept.get(box.property("check"), False))
            box.blockSignals(False)
        self._update_bounds_note()

    def _toggle_check(self, text: str, on: bool) -> None:
        review = [ReviewItem(r.check, r.kept) for r in self.doc.deal.outcome.review]
        for item in review:
            if item.check == text:
                item.kept = on
                break
        else:
            review.append(ReviewItem(text, on))
        label = (_("Tick “{check}”") if on else _("Untick “{check}”")).format(check=_(text))
        self.doc.push(SetValue(self.doc, ("outcome", "review"), review, label=label, merge=False))

    # ------------------------------------------------------------------ their walk-away

    def _update_bounds_note(self) -> None:
        at_least, at_most = their_walk_away_bounds(self.doc.deal)
        self.bounds_note.setText(words.bounds_sentence(at_least, at_most, self.doc.deal.currency))
        self.fill_button.setEnabled(at_least is not None or at_most is not None)
        cur = self.doc.deal.currency
        for field, value in ((self.at_least, at_least), (self.at_most, at_most)):
            hint = (
                _("not set")
                if value is None
                else _("from their offers: {amount}").format(amount=format_money(value, cur))
            )
            field.setPlaceholderText(hint)

    def fill_bounds(self) -> bool:
        """Put the bounds their offers revealed into the empty fields, as one undoable edit."""
        return fill_bounds_from_offers(self.doc)

    def export_pdf(self) -> None:
        from worksheet.ui.debrief_export import export_debrief

        export_debrief(self, self.doc)


def fill_bounds_from_offers(doc) -> bool:
    """Fill the empty walk-away bounds of the outcome from their offers; True if any changed."""
    at_least, at_most = their_walk_away_bounds(doc.deal)
    o = doc.deal.outcome
    changes = []
    if at_least is not None and o.their_walk_away_at_least is None:
        changes.append((("outcome", "their_walk_away_at_least"), at_least))
    if at_most is not None and o.their_walk_away_at_most is None:
        changes.append((("outcome", "their_walk_away_at_most"), at_most))
    if not changes:
        return False
    stack = doc.undo_stack
    stack.beginMacro(_("Fill in their walk-away from their offers"))
    for path, value in changes:
        doc.push(SetValue(doc, path, value, merge=False))
    stack.endMacro()
    return True
