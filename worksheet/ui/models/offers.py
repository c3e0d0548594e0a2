"""The offer log: when, by whom, how much, on what terms."""

from __future__ import annotations

from datetime import datetime

from worksheet.domain.deal import Offer
from worksheet.present.forms import ITEM_NAMES, column
from worksheet.present.words import OFFER_BY, choices
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("offers",)

BY_LABELS: tuple[tuple[str, str], ...] = choices(OFFER_BY)


class OffersModel(ListTableModel):
    AT, BY, AMOUNT, TERMS = range(4)
    COLUMNS = (
        Column("at", **column(LIST, "at"), kind="datetime"),
        Column("by", **column(LIST, "by"), kind="choice", choices=BY_LABELS),
        Column("amount", **column(LIST, "amount"), kind="money"),
        Column("terms", **column(LIST, "terms"), width=2),
    )
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]

    def new_item(self) -> Offer:
        # The next offer usually comes from the other side of the last one.
        by = "us"
        if self.items:
            by = "them" if self.items[-1].by == "us" else "us"
        return Offer(
            at=datetime.now().replace(second=0, microsecond=0).isoformat(timespec="minutes"), by=by
        )
