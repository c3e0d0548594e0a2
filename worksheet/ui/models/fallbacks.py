"""Fallbacks: the best alternative (BATNA), smaller deals, and conditions that end the talk."""

from __future__ import annotations

from worksheet.domain.deal import Fallback
from worksheet.present.words import FALLBACK_KINDS, choices
from worksheet.ui.models.base import Column, ListTableModel

FALLBACK_LABELS: tuple[tuple[str, str], ...] = choices(FALLBACK_KINDS)


class FallbacksModel(ListTableModel):
    KIND, WHAT, VALUE, TRIGGER = range(4)
    COLUMNS = (
        Column("kind", "Kind", "choice", FALLBACK_LABELS, help="What sort of fallback this is."),
        Column("what", "What", help="The option itself, in a few words."),
        Column(
            "value",
            "Value",
            "money",
            allow_negative=True,
            help="What it is worth to us, as a price (may be negative).",
        ),
        Column(
            "trigger", "When we use it", help="The moment or signal that makes us switch to it."
        ),
    )
    LIST_PATH = ("fallbacks",)
    ITEM_NAME = "fallback"

    def new_item(self) -> Fallback:
        # The first fallback people think of is usually their best alternative.
        kind = "batna" if not self.items else "alternative_offer"
        return Fallback(kind=kind)
