"""Interests: what each side needs, and the why behind it."""

from __future__ import annotations

from worksheet.domain.deal import Interest
from worksheet.present.words import PARTIES, choices
from worksheet.ui.models.base import Column, ListTableModel

PARTY_LABELS: tuple[tuple[str, str], ...] = choices(PARTIES)


class InterestsModel(ListTableModel):
    PARTY, WHAT, WHY = range(3)
    COLUMNS = (
        Column("party", "Whose", "choice", PARTY_LABELS, help="Their interest or ours."),
        Column("what", "Interest", help="What they (or we) need, beyond the stated position."),
        Column(
            "why", "Why it matters", width=2, help="The reason behind it; ask until you can say it."
        ),
    )
    LIST_PATH = ("listening", "interests")
    ITEM_NAME = "interest"

    def new_item(self) -> Interest:
        return Interest()
