"""Follow-up questions: a plain list of texts shown as a one-column table."""

from __future__ import annotations

from worksheet.present.forms import column
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles and help are in `worksheet/present/forms.py`.
LIST = ("listening", "questions")


class QuestionsModel(ListTableModel):
    QUESTION = 0
    COLUMNS = (Column(None, **column(LIST, None)),)
    LIST_PATH = LIST
    ITEM_NAME = "question"

    def new_item(self) -> str:
        return ""
