"""Interests: what each side needs, and the why behind it."""

from __future__ import annotations

from worksheet.domain.deal import Interest
from worksheet.present.forms import ITEM_NAMES, column
from worksheet.present.words import PARTIES, choices
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("listening", "interests")

PARTY_LABELS: tuple[tuple[str, str], ...] = choices(PARTIES)


class InterestsModel(ListTableModel):
    PARTY, WHAT, WHY = range(3)
    COLUMNS = (
        Column("party", **column(LIST, "party"), kind="choice", choices=PARTY_LABELS),
        Column("what", **column(LIST, "what")),
        Column("why", **column(LIST, "why"), width=2),
    )
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]

    def new_item(self) -> Interest:
        return Interest()
