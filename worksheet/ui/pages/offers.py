"""The offers page: a log of the numbers put on the table, by either side."""

from __future__ import annotations

from worksheet.present.forms import page, table
from worksheet.ui.models.offers import OffersModel
from worksheet.ui.pages.base import Page


class OffersPage(Page):
    KEY = "offers"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro
    SCROLLS = False

    def build(self) -> None:
        self.model = OffersModel(self.doc, self)
        self.table = self.add_table(
            self.model,
            placeholder=table("offers").placeholder,
            detail=True,
        )
        self.detail = self.table.detail
        self.register_focus(("offers",), self.table)
