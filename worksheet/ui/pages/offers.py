"""The offers page: a log of the numbers put on the table, by either side."""

from __future__ import annotations

from worksheet.ui.models.offers import OffersModel
from worksheet.ui.pages.base import Page


class OffersPage(Page):
    KEY = "offers"
    TITLE = "Offers"
    INTRO = "Write down each offer as it is made, so you can see how far each side has moved."
    SCROLLS = False

    def build(self) -> None:
        self.model = OffersModel(self.doc, self)
        self.table = self.add_table(
            self.model,
            placeholder="No offers yet — log each number as it is put on the table "
            "(Add offer, or press Insert).",
            detail=True,
        )
        self.detail = self.table.detail
        self.register_focus(("offers",), self.table)
