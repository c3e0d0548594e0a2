"""Concessions: what we can give besides price, its cost, its value to them, and the trade."""

from __future__ import annotations

from worksheet.domain.deal import Concession
from worksheet.ui.models.base import Column, ListTableModel


class ConcessionsModel(ListTableModel):
    WHAT, COST, VALUE, ASK, IN_PACKAGE, ORDER, NOTES = range(7)
    COLUMNS = (
        Column(
            "what",
            "What we give",
            width=3,
            help="Something other than price: terms, service, timing, scope.",
        ),
        Column("cost_to_us", "Cost to us", "money", help="What giving it costs us, as money."),
        Column(
            "value_to_them",
            "Value to them",
            "money",
            help="What it is worth to them, as money; often more than it costs us.",
        ),
        Column(
            "ask_in_return",
            "Ask in return",
            width=2,
            help="What we ask for when we give it. Never give for free.",
        ),
        Column(
            "in_package",
            "In package",
            "bool",
            help="Tick to include it in the package being priced now.",
        ),
        Column(
            "order", "Order", "int", help="When to offer it: 1 first, 2 next… Empty = not planned."
        ),
        Column("notes", "Notes", width=2),
    )
    LIST_PATH = ("concessions",)
    ITEM_NAME = "concession"
    KEEP_FIELD = "order"

    def new_item(self) -> Concession:
        return Concession()
