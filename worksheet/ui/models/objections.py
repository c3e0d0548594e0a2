"""Objections we expect, why they might raise them, and our answer."""

from __future__ import annotations

from worksheet.domain.deal import Objection
from worksheet.present.forms import ITEM_NAMES, column
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("listening", "objections")


class ObjectionsModel(ListTableModel):
    OBJECTION, WHY, RESPONSE = range(3)
    COLUMNS = (
        Column("objection", **column(LIST, "objection")),
        Column("why", **column(LIST, "why")),
        Column("response", **column(LIST, "response"), width=2),
    )
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]

    def new_item(self) -> Objection:
        return Objection()
