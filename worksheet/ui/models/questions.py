"""Follow-up questions: a plain list of texts shown as a one-column table."""

from __future__ import annotations

from worksheet.ui.models.base import Column, ListTableModel


class QuestionsModel(ListTableModel):
    QUESTION = 0
    COLUMNS = (Column(None, "Question", help="An open question to ask after they speak."),)
    LIST_PATH = ("listening", "questions")
    ITEM_NAME = "question"

    def new_item(self) -> str:
        return ""
