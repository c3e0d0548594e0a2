"""The prices page: our target, opening and walk-away, and our estimate of theirs.

Its words (captions, prompts, examples, intro) are in `worksheet/present/forms.py`."""

from __future__ import annotations

from worksheet.present.forms import field, page, part
from worksheet.ui.pages.base import Page

CONFIDENCE_HINT = field("their_estimate", "confidence").prompt


class AnchorsPage(Page):
    KEY = "anchors"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro

    def build(self) -> None:
        form = self.section(*part(self.KEY, "ours"))
        self.target = self.add_money(form, *field("anchors", "target"))
        self.opening = self.add_money(form, *field("anchors", "opening"))
        self.walk_away = self.add_money(form, *field("anchors", "walk_away"))

        form = self.section(*part(self.KEY, "theirs"))
        self.add_money(form, *field("their_estimate", "target"))
        self.their_low = self.add_money(form, *field("their_estimate", "walk_away_low"))
        self.their_likely = self.add_money(form, *field("their_estimate", "walk_away_likely"))
        self.their_high = self.add_money(form, *field("their_estimate", "walk_away_high"))
        self.add_line(form, *field("their_estimate", "confidence"))
        self.add_text(form, *field("their_estimate", "source"), lines=2)
