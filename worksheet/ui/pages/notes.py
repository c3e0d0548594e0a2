"""The notes page: anything else worth keeping with the deal."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy

from worksheet.present.forms import field, page
from worksheet.ui.pages.base import Page


class NotesPage(Page):
    KEY = "notes"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro
    SCROLLS = False

    def build(self) -> None:
        self.editor = self.add_text(None, *field("notes"), lines=10)
        self.editor.setMinimumHeight(0)
        self.editor.setMaximumHeight(16_777_215)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.body.addWidget(self.editor, 1)
