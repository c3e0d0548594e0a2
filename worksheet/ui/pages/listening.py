"""The listening page: interests and their why, objections with our response, questions to ask.

Its words (table titles, prompts, placeholders, intro) are in `worksheet/present/forms.py`."""

from __future__ import annotations

from worksheet.present.forms import page, table
from worksheet.ui.models.interests import InterestsModel
from worksheet.ui.models.objections import ObjectionsModel
from worksheet.ui.models.questions import QuestionsModel
from worksheet.ui.pages.base import Page


class ListeningPage(Page):
    KEY = "listening"
    TITLE = page(KEY).title
    INTRO = page(KEY).intro
    SCROLLS = False

    def build(self) -> None:
        from worksheet.ui.pages.detail import DetailEditor

        # Three tables share the height: one detail panel, side by side, follows whichever
        # of interests and objections was used last (questions read whole in their table).
        self.detail = DetailEditor(self.message.emit, side_by_side=True, lines=3)
        self.interests_model = InterestsModel(self.doc, self)
        self.interests = self.add_table(
            self.interests_model,
            **table("listening", "interests")._asdict(),
            detail=self.detail,
        )
        self.objections_model = ObjectionsModel(self.doc, self)
        self.objections = self.add_table(
            self.objections_model,
            **table("listening", "objections")._asdict(),
            detail=self.detail,
        )
        self.questions_model = QuestionsModel(self.doc, self)
        self.questions = self.add_table(
            self.questions_model,
            **table("listening", "questions")._asdict(),
        )
        self.body.addWidget(self.detail)
        # With the shared panel below, each table may shrink to two rows on a small screen.
        for view in (self.interests, self.objections, self.questions):
            view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 3 + 6)
        self.register_focus(("listening", "interests"), self.interests)
        self.register_focus(("listening", "objections"), self.objections)
        self.register_focus(("listening", "questions"), self.questions)
