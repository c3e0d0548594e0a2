"""The fallbacks page: our best alternative and the other ways out of (or around) this deal."""

from __future__ import annotations

from worksheet.present.forms import page, table
from worksheet.ui.models.fallbacks import FallbacksModel
from worksheet.ui.pages.base import Page


class FallbacksPage(Page):
    KEY = "fallbacks"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro
    SCROLLS = False

    def build(self) -> None:
        self.model = FallbacksModel(self.doc, self)
        self.table = self.add_table(
            self.model,
            placeholder=table("fallbacks").placeholder,
            detail=True,
        )
        self.detail = self.table.detail
        self.register_focus(("fallbacks",), self.table)
