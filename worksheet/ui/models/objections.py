"""Objections we expect, why they might raise them, and our answer."""

from __future__ import annotations

from worksheet.domain.deal import Objection
from worksheet.ui.models.base import Column, ListTableModel


class ObjectionsModel(ListTableModel):
    OBJECTION, WHY, RESPONSE = range(3)
    COLUMNS = (
        Column("objection", "Objection", help="What they are likely to say against the deal."),
        Column("why", "Why they would say it", help="The worry or pressure behind it."),
        Column("response", "Our response", width=2, help="How we acknowledge it and answer."),
    )
    LIST_PATH = ("listening", "objections")
    ITEM_NAME = "objection"

    def new_item(self) -> Objection:
        return Objection()
