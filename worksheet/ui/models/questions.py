"""Follow-up questions: a plain list of texts shown as a one-column table."""

from __future__ import annotations

from worksheet.present.forms import ITEM_NAMES, column
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("listening", "questions")


class QuestionsModel(ListTableModel):
    QUESTION = 0
    COLUMNS = (Column(None, **column(LIST, None)),)
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]

    def new_item(self) -> str:
        return ""
