"""The concessions page: an editable table of what we can give besides price."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QPalette

from worksheet.present.forms import page, table
from worksheet.present.numbers import format_money
from worksheet.ui.document import FieldPath
from worksheet.ui.models.concessions import ConcessionsModel
from worksheet.ui.pages.base import Page


class ConcessionsPage(Page):
    KEY = "concessions"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro
    SCROLLS = False

    def build(self) -> None:
        self.model = ConcessionsModel(self.doc, self)
        self.table = self.add_table(
            self.model,
            placeholder=table("concessions").placeholder,
            detail=True,
            count_text=self.package_text,
        )
        self.detail = self.table.detail
        # The package line is information, not a footnote: full-strength text.
        self.table.count_label.setForegroundRole(QPalette.ColorRole.WindowText)
        self.register_focus(("concessions",), self.table)
        # The package line follows every edit that can change it, and nothing else.
        self.doc.valueSet.connect(self._on_value)
        self.doc.listChanged.connect(lambda path, *_: self._on_value(path))
        self.doc.dealReplaced.connect(self.table.update_count)

    def _on_value(self, path: FieldPath) -> None:
        if path[:1] in (("concessions",), ("currency",), ("packages",), ("active_package",)):
            self.table.update_count()

    def package_text(self) -> str:
        """The package at a glance, e.g. "3 of 4 in the package · costs us $10,900 · …"."""
        items = self.doc.deal.concessions
        n = len(items)
        if n == 0:
            return "No concessions"
        active = self.doc.deal.active()
        chosen = self.doc.deal.package_concessions(active)
        if not chosen:
            return f"{n:,} concession{'' if n == 1 else 's'} · none in the package"
        currency = self.doc.deal.currency
        cost = sum((c.cost_to_us or Decimal(0) for c in chosen), Decimal(0))
        value = sum((c.value_to_them or Decimal(0) for c in chosen), Decimal(0))
        unknown = sum(1 for c in chosen if c.value_to_them is None)
        worth = f"worth {format_money(value, currency)} to them"
        if unknown:
            worth = f"worth at least {format_money(value, currency)} to them"
        return (
            f"{len(chosen):,} of {n:,} in the package · costs us "
            f"{format_money(cost, currency)} · {worth}"
        )
