"""Fallbacks: the best alternative (BATNA), smaller deals, and conditions that end the talk."""

from __future__ import annotations

from worksheet.domain.deal import Fallback
from worksheet.present.forms import ITEM_NAMES, column
from worksheet.present.words import FALLBACK_KINDS, choices
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("fallbacks",)

FALLBACK_LABELS: tuple[tuple[str, str], ...] = choices(FALLBACK_KINDS)


class FallbacksModel(ListTableModel):
    KIND, WHAT, VALUE, TRIGGER = range(4)
    COLUMNS = (
        Column("kind", **column(LIST, "kind"), kind="choice", choices=FALLBACK_LABELS),
        Column("what", **column(LIST, "what")),
        Column("value", **column(LIST, "value"), kind="money", allow_negative=True),
        Column("trigger", **column(LIST, "trigger")),
    )
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]

    def new_item(self) -> Fallback:
        # The first fallback people think of is usually their best alternative.
        kind = "batna" if not self.items else "alternative_offer"
        return Fallback(kind=kind)
