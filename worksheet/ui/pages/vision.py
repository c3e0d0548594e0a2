"""The vision page: the goal, how we will know it is reached, and the relationship afterwards.

Its words (captions, prompts, examples, intro) are in `worksheet/present/forms.py`."""

from __future__ import annotations

from worksheet.present.forms import field, page, part
from worksheet.ui.pages.base import Page


class VisionPage(Page):
    KEY = "vision"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro

    def build(self) -> None:
        form = self.section(*part(self.KEY, "where"))
        for name in ("goal", "success", "their_win", "relationship", "approach"):
            self.add_text(form, *field("vision", name))
