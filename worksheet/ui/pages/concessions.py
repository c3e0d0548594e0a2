"""The concessions page: an editable table of what we can give besides price."""

from __future__ import annotations

from worksheet.ui.models.concessions import ConcessionsModel
from worksheet.ui.pages.base import Page


class ConcessionsPage(Page):
    KEY = "concessions"
    TITLE = "Concessions"
    INTRO = (
        "Things you can give besides price — payment terms, service, timing, scope. Give nothing "
        "for free: note what you ask in return. Tick “In package” for what you are pricing now: "
        "its cost moves your walk-away, its value moves theirs."
    )
    SCROLLS = False

    def build(self) -> None:
        self.model = ConcessionsModel(self.doc, self)
        self.table = self.add_table(self.model)
        self.register_focus(("concessions",), self.table)
