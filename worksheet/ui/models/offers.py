"""The offer log: when, by whom, how much, on what terms."""

from __future__ import annotations

from datetime import datetime

from worksheet.domain.deal import Offer
from worksheet.present.words import OFFER_BY, choices
from worksheet.ui.models.base import Column, ListTableModel

BY_LABELS: tuple[tuple[str, str], ...] = choices(OFFER_BY)


class OffersModel(ListTableModel):
    AT, BY, AMOUNT, TERMS = range(4)
    COLUMNS = (
        Column("at", "When", "datetime", help="Date and time, e.g. 2027-01-14 15:30."),
        Column("by", "Made by", "choice", BY_LABELS, help="Who put this number on the table."),
        Column("amount", "Amount", "money", help="The price offered."),
        Column(
            "terms", "Terms", width=2, help="What came with the number: term, scope, conditions."
        ),
    )
    LIST_PATH = ("offers",)
    ITEM_NAME = "offer"

    def new_item(self) -> Offer:
        # The next offer usually comes from the other side of the last one.
        by = "us"
        if self.items:
            by = "them" if self.items[-1].by == "us" else "us"
        return Offer(
            at=datetime.now().replace(second=0, microsecond=0).isoformat(timespec="minutes"), by=by
        )
