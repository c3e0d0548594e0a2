"""The fallbacks page: our best alternative and the other ways out of (or around) this deal."""

from __future__ import annotations

from worksheet.ui.models.fallbacks import FallbacksModel
from worksheet.ui.pages.base import Page


class FallbacksPage(Page):
    KEY = "fallbacks"
    TITLE = "Fallbacks"
    INTRO = (
        "What you will do if this deal does not happen. Your best alternative (BATNA) sets how "
        "far you can bend; smaller deals and clear stop conditions keep you calm at the table."
    )
    SCROLLS = False

    def build(self) -> None:
        self.model = FallbacksModel(self.doc, self)
        self.table = self.add_table(
            self.model,
            placeholder="No fallbacks yet — start with your best alternative if this deal "
            "fails (Add fallback, or press Insert).",
            detail=True,
        )
        self.detail = self.table.detail
        self.register_focus(("fallbacks",), self.table)
